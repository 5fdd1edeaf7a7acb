import { describe, expect, it } from '@jest/globals';
import { MIN_PASSWORD_LENGTH, newPasswordProblem, oneTimePassword } from './passwords.js';

describe('newPasswordProblem', () => {
  const account = { username: 'Clerk1-Long', currentPassword: 'old-password-1' };
  it.each([
    ['short-pw1', 'too_short'],
    ['调解员的密码九个字', 'too_short'],
    ['调解员的新密码十个字', null],
    ['clerk1-long', 'equals_username'],
    [' CLERK1-LONG ', 'equals_username'],
    ['old-password-1', 'unchanged'],
    ['a-new-password', null],
  ])('%j → %s', (pw, problem) => {
    expect(newPasswordProblem(pw, account)).toBe(problem);
  });

  it('asks for at least 10 characters', () => {
    expect(MIN_PASSWORD_LENGTH).toBe(10);
  });
});

describe('oneTimePassword', () => {
  it('is four groups of four unambiguous characters, different every time, and passes the policy', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const pw = oneTimePassword();
      expect(pw).toMatch(/^[a-hjkmnp-z2-9]{4}(-[a-hjkmnp-z2-9]{4}){3}$/);
      expect(newPasswordProblem(pw, { username: 'admin', currentPassword: '' })).toBeNull();
      seen.add(pw);
    }
    expect(seen.size).toBe(1000);
  });
});

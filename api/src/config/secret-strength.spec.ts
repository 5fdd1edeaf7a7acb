import { randomBytes } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import { weakSecretReason } from './secret-strength.js';

describe('weakSecretReason', () => {
  it.each([
    ['openssl rand -base64 48', () => randomBytes(48).toString('base64')],
    ['openssl rand -base64 32', () => randomBytes(32).toString('base64')],
    ['32 bytes base64url without padding', () => randomBytes(32).toString('base64url')],
    ['openssl rand -hex 32', () => randomBytes(32).toString('hex')],
  ])('accepts %s (1,000 draws)', (_name, draw) => {
    for (let i = 0; i < 1000; i++) expect(weakSecretReason(draw())).toBeNull();
  });

  it.each([
    ['x', /1 character;/],
    ['test-secret', /11 characters/],
    ['deadbeef'.repeat(4), /32 hex characters/],
    ['a'.repeat(64), /repeats/],
    ['ab'.repeat(40), /repeats/],
    ['password'.repeat(8), /repeats/],
    ['z'.repeat(55) + 'y', /low-entropy/],
    ['the court secret is the court secret of the court', /low-entropy/],
  ])('rejects %j', (secret, reason) => {
    expect(weakSecretReason(secret)).toMatch(reason);
  });
});

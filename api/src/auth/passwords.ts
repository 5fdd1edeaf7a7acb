import { randomInt } from 'node:crypto';
import { hash, type Options, verify } from '@node-rs/argon2';

/** argon2id at OWASP's recommended minimum (19 MiB, 2 passes): ≈ 15–30 ms per hash on one core. */
export const PASSWORD_HASH: Options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * Demo accounts only (DEMO_SEED, never in production): 4 MiB, 1 pass, so that 647 accounts, each
 * with its own salt, hash in ≈ 0.3 s instead of ≈ 4 s. Their password is published anyway; the
 * parameters are in each hash, so verification needs no flag, and a changed password gets `PASSWORD_HASH`.
 */
export const DEMO_PASSWORD_HASH: Options = { memoryCost: 4096, timeCost: 1, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 10;

export const hashPassword = (password: string, options: Options = PASSWORD_HASH) => hash(password, options);

/** False for a wrong password and for an unreadable hash. */
export const verifyPassword = (passwordHash: string, password: string) => verify(passwordHash, password).catch(() => false);

/**
 * Why a new password is refused, as the short code clients see in `errors.newPassword`, or null.
 * Length counts characters (a Chinese character is one), not bytes.
 */
export function newPasswordProblem(newPassword: string, account: { username: string; currentPassword: string }): string | null {
  if ([...newPassword].length < MIN_PASSWORD_LENGTH) return 'too_short';
  if (newPassword.trim().toLowerCase() === account.username.trim().toLowerCase()) return 'equals_username';
  if (newPassword === account.currentPassword) return 'unchanged';
  return null;
}

/** No 0/o, 1/l/i: read aloud or copied from paper without mistakes. */
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** A one-time password such as `k7mq-x3pa-9dwe-h2rt` (16 characters from 31: ≈ 79 bits). */
export function oneTimePassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = '';
    for (let i = 0; i < 4; i++) group += ONE_TIME_ALPHABET[randomInt(ONE_TIME_ALPHABET.length)];
    groups.push(group);
  }
  return groups.join('-');
}

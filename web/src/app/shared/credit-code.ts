import { toHalfWidth } from './half-width';

/** GB 32100-2015 alphabet: digits and capitals without I, O, S, V, Z; a character's index is its value. */
const CREDIT_CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** Trims, drops inner spaces, converts full-width input and upper-cases letters. */
export function normalizeCreditCode(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '').toUpperCase();
}

/** The GB 32100 check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CODE_CHARS.indexOf(first17[i]) * CREDIT_CODE_WEIGHTS[i];
  return CREDIT_CODE_CHARS[(31 - (sum % 31)) % 31];
}

/**
 * Checks an 18-character unified social credit code (统一社会信用代码). Like the API
 * (`api/src/rules/credit-code.ts`) only the alphabet and the check character are enforced.
 */
export function checkCreditCode(value: string): 'format' | 'checksum' | null {
  const code = normalizeCreditCode(value);
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return 'format';
  return creditCodeCheckChar(code) === code[17] ? null : 'checksum';
}

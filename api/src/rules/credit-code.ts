/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015.
 *
 * Layout of the 18 characters:
 *   1     registering authority (登记管理部门代码, e.g. 9 = market regulation, 5 = civil affairs)
 *   2     kind of organisation (机构类别代码)
 *   3–8   administrative division of the registering authority (GB/T 2260)
 *   9–17  organisation code (主体标识码, GB 11714)
 *   18    check character
 *
 * Characters come from a 31-symbol alphabet: the digits and the capital letters without I, O, Z,
 * S and V (which are too easily confused with 1, 0, 2, 5 and U). The check character is computed
 * modulo 31 over positions 1–17 with the weights 3^(i-1) mod 31 (GB 32100-2015 §5 and Annex).
 *
 * Only the alphabet and the check character are enforced: the contract requires "a valid GB 32100
 * check digit", and the code segments (authority, division) change with administrative reforms.
 */
import { toHalfWidth } from './id-number.js';

export type CreditCodeResult = { ok: true } | { ok: false; reason: 'format' | 'checksum' };

/** The code's alphabet; a character's position is its numeric value (A = 10 … Y = 30). */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** Weights for positions 1–17 (3^(i-1) mod 31). */
const CHECK_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const MODULUS = 31;

const SHAPE = /^[0-9A-HJ-NPQRTUW-Y]{18}$/;

/** Trims, drops inner spaces, converts full-width input and upper-cases letters. */
export function normalizeCreditCode(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 characters of a credit code. */
export function creditCodeCheckCharacter(body: string): string {
  if (!/^[0-9A-HJ-NPQRTUW-Y]{17}$/.test(body)) {
    throw new RangeError('a credit-code body is exactly 17 characters of the GB 32100 alphabet');
  }
  const sum = CHECK_WEIGHTS.reduce((acc, weight, i) => acc + weight * CREDIT_CODE_ALPHABET.indexOf(body.charAt(i)), 0);
  // 31 - (sum mod 31) is 1…31; the value 31 is written as 0.
  return CREDIT_CODE_ALPHABET.charAt((MODULUS - (sum % MODULUS)) % MODULUS);
}

/** Validates an 18-character unified social credit code after normalisation. */
export function validateCreditCode(value: string): CreditCodeResult {
  if (typeof value !== 'string') return { ok: false, reason: 'format' };
  const code = normalizeCreditCode(value);
  if (!SHAPE.test(code)) return { ok: false, reason: 'format' };
  if (creditCodeCheckCharacter(code.slice(0, 17)) !== code.charAt(17)) return { ok: false, reason: 'checksum' };
  return { ok: true };
}

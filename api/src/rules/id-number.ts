/**
 * Citizen identity numbers (公民身份号码), GB 11643-1999.
 *
 * Layout of the 18 characters:
 *   1–6   address code (GB/T 2260 administrative division of the first registration)
 *   7–14  date of birth YYYYMMDD
 *   15–17 sequence code; the 17th character is odd for men, even for women
 *   18    check character, ISO 7064 MOD 11-2 over the first 17 digits (0–9 or X for 10)
 *
 * A party's ID is validated before it is stored (rules.md "Personal data"); lists and exports show
 * it masked (first 6 + last 4).
 */
import { chinaToday, isRealDate } from './chinese-date.js';

export type ResidentIdResult =
  { ok: true; birthDate: string; sex: 'male' | 'female'; regionCode: string } | { ok: false; reason: 'format' | 'checksum' | 'birthdate' };

export interface ResidentIdOptions {
  /** China-time date the birth date may not exceed (YYYY-MM-DD); defaults to today in China. */
  readonly today?: string;
}

/** ISO 7064 MOD 11-2 weights: 2^(17-i) mod 11 for positions 1–17 (GB 11643-1999 §7.2). */
const CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;

/** Check character indexed by (weighted sum mod 11). */
const CHECK_CHARACTERS = '10X98765432';

/** Earliest accepted year of birth: older people hold no valid second-generation card. */
const EARLIEST_BIRTH_YEAR = 1900;

const SHAPE = /^\d{17}[\dX]$/;

/**
 * Tidies what a clerk types or pastes: trims, drops inner spaces, turns full-width digits and
 * letters (Chinese IME input) into ASCII, and upper-cases the check character x → X.
 */
export function normalizeResidentId(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '').toUpperCase();
}

/** Full-width ASCII forms (U+FF01–U+FF5E) and the ideographic space become plain ASCII. */
export function toHalfWidth(value: string): string {
  return value.replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** The check character for the first 17 digits of an ID number. */
export function residentIdCheckCharacter(body: string): string {
  if (!/^\d{17}$/.test(body)) throw new RangeError('an ID body is exactly 17 digits');
  const sum = CHECK_WEIGHTS.reduce((acc, weight, i) => acc + weight * Number(body[i]), 0);
  return CHECK_CHARACTERS.charAt(sum % 11);
}

/**
 * Validates an 18-character resident ID after normalisation. Reasons, in the order checked:
 * `format` (not 17 digits + digit/X), `checksum` (wrong check character), `birthdate` (not a real
 * day, before 1900, or after today in China).
 */
export function validateResidentId(value: string, options: ResidentIdOptions = {}): ResidentIdResult {
  if (typeof value !== 'string') return { ok: false, reason: 'format' };
  const id = normalizeResidentId(value);
  if (!SHAPE.test(id)) return { ok: false, reason: 'format' };
  if (residentIdCheckCharacter(id.slice(0, 17)) !== id.charAt(17)) return { ok: false, reason: 'checksum' };

  const birthDate = birthDateOf(id);
  const today = options.today ?? chinaToday();
  if (birthDate === null || birthDate > today) return { ok: false, reason: 'birthdate' };

  return {
    ok: true,
    birthDate,
    sex: Number(id.charAt(16)) % 2 === 1 ? 'male' : 'female',
    regionCode: id.slice(0, 6),
  };
}

/** The encoded birth date as YYYY-MM-DD, or null when it is no real day from 1900 on. */
function birthDateOf(id: string): string | null {
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < EARLIEST_BIRTH_YEAR || !isRealDate(year, month, day)) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * Masks an identifier for display: the first 6 and last 4 characters stay, everything between
 * becomes `*` (110105********002X). Works for any identifier (credit codes too). A value too
 * short to keep anything hidden (10 characters or fewer) is masked entirely.
 */
export function maskIdNumber(value: string): string {
  const chars = [...value.trim()];
  const kept = { head: 6, tail: 4 };
  if (chars.length <= kept.head + kept.tail) return '*'.repeat(chars.length);
  const hidden = chars.length - kept.head - kept.tail;
  return chars.slice(0, kept.head).join('') + '*'.repeat(hidden) + chars.slice(-kept.tail).join('');
}

import { todayInChina } from './dates';
import { toHalfWidth } from './half-width';

/**
 * Why a resident ID was refused: the same codes, checked in the same order, as the API's
 * `api/src/rules/id-number.ts` puts in `errors`.
 */
export type ResidentIdProblem = 'format' | 'checksum' | 'birthdate';

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';
const EARLIEST_BIRTH_YEAR = 1900;

/** Trims, drops inner spaces, converts full-width input and upper-cases the check character x → X. */
export function normalizeResidentId(value: string): string {
  return toHalfWidth(value).replace(/\s+/g, '').toUpperCase();
}

/** The GB 11643 check character (ISO 7064 MOD 11-2) for the first 17 digits of a resident ID number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i];
  return RESIDENT_ID_CHECK[sum % 11];
}

/**
 * Checks an 18-character resident ID number (公民身份号码, GB 11643-1999): 17 digits and a check
 * character; then the encoded birth date must be a real day from 1900 up to today (China time).
 */
export function checkResidentId(value: string, today: string = todayInChina()): ResidentIdProblem | null {
  const id = normalizeResidentId(value);
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (residentIdCheckChar(id) !== id[17]) return 'checksum';
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (year < EARLIEST_BIRTH_YEAR || !isRealDate(year, month, day)) return 'birthdate';
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  return birthDate > today ? 'birthdate' : null;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

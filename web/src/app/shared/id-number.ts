/** Why an identifier was refused; the same codes the API puts in `errors`. */
export type IdentifierProblem = 'format' | 'checksum';

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

/** The GB 11643 check character for the first 17 digits of a resident ID number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i];
  return RESIDENT_ID_CHECK[sum % 11];
}

/**
 * Checks an 18-character resident ID number (公民身份号码, GB 11643-1999): 17 digits and a check
 * character (0–9 or X) computed with ISO 7064 MOD 11-2. A lower-case x is accepted as X.
 */
export function checkResidentId(value: string): IdentifierProblem | null {
  const id = value.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  return residentIdCheckChar(id) === id[17] ? null : 'checksum';
}

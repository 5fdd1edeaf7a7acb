/**
 * Mainland China telephone numbers for party contact details.
 *
 * The contract accepts a mainland mobile number or a landline; anything else (service numbers such
 * as 400/800/95xxx, foreign numbers) is rejected so that court notices reach a callable number.
 *
 * - Mobile: 11 digits `1[3-9]xxxxxxxxx`, optionally prefixed with +86, 0086 or 86.
 * - Landline: trunk prefix 0 + area code, then a 7–8 digit local number, optionally an extension
 *   written `-123` or `转123`. Area codes have 2 digits after the 0 for 010 and 020–029 and 3 digits
 *   otherwise (国内长途区号), so a number typed without a separator still splits unambiguously:
 *   02112345678 → 021-12345678, 085122800000 → 0851-22800000. International form +86 851 …
 *   (trunk 0 dropped) is accepted as well.
 *
 * Spaces, hyphens, dots, full-width characters and parentheses around the area code are tolerated.
 * The normalised form is `13800000000` or `0851-22800000` / `0851-22800000-123`.
 */
import { toHalfWidth } from './id-number.js';

export type PhoneNumber = { kind: 'mobile'; number: string } | { kind: 'landline'; areaCode: string; number: string; extension?: string };

const MOBILE = /^1[3-9]\d{9}$/;
const MOBILE_COUNTRY_PREFIX = /^(?:\+86|0086|86)(?=1[3-9]\d{9}$)/;
const INTERNATIONAL_PREFIX = /^(?:\+86|0086)/;
/** 010 and 020–029 are the only three-character area codes; the rest have four (0 + 3 digits). */
const SHORT_AREA_CODE = /^0(?:10|2\d)/;
const LONG_AREA_CODE = /^0[3-9]\d{2}/;
const LOCAL_NUMBER = /^[1-9]\d{6,7}$/;
const EXTENSION = /^\d{1,6}$/;

/** Characters people put between digit groups. */
const SEPARATORS = /[\s\-–—.()（）]+/;

/** Parses a mobile or landline number; null when it is neither. */
export function parsePhone(value: string): PhoneNumber | null {
  if (typeof value !== 'string') return null;
  const text = toHalfWidth(value).trim();
  return parseMobile(text) ?? parseLandline(text);
}

/** True for a mainland mobile or landline number in any accepted spelling. */
export function isValidPhone(value: string): boolean {
  return parsePhone(value) !== null;
}

/** The canonical spelling (see module doc), or null when the value is not a valid phone number. */
export function normalizePhone(value: string): string | null {
  const phone = parsePhone(value);
  if (!phone) return null;
  if (phone.kind === 'mobile') return phone.number;
  const base = `${phone.areaCode}-${phone.number}`;
  return phone.extension ? `${base}-${phone.extension}` : base;
}

function parseMobile(text: string): PhoneNumber | null {
  const digits = text.split(SEPARATORS).join('').replace(MOBILE_COUNTRY_PREFIX, '');
  return MOBILE.test(digits) ? { kind: 'mobile', number: digits } : null;
}

/**
 * A landline: an explicit `转` extension is split off first; otherwise the whole digit string is
 * tried as area code + local number, and only if that fails is a last hyphen-separated group read
 * as the extension (so 010-1234-5678 stays a grouped number, 0851-22800000-123 has extension 123).
 */
function parseLandline(text: string): PhoneNumber | null {
  const [main = '', explicitExtension, ...rest] = text.split('转').map((part) => part.trim());
  if (rest.length > 0) return null;
  if (explicitExtension !== undefined) {
    return EXTENSION.test(explicitExtension) ? splitLandline(main.split(SEPARATORS), explicitExtension) : null;
  }
  const groups = main.split(SEPARATORS);
  const whole = splitLandline(groups, undefined);
  if (whole || groups.length < 2 || !/-\s*\d+$/.test(main)) return whole;
  const extension = groups[groups.length - 1] ?? '';
  return EXTENSION.test(extension) ? splitLandline(groups.slice(0, -1), extension) : null;
}

function splitLandline(groups: readonly string[], extension: string | undefined): PhoneNumber | null {
  let digits = groups.join('');
  if (!/^\+?\d+$/.test(digits)) return null;
  if (INTERNATIONAL_PREFIX.test(digits)) {
    // +86 851 22800000 drops the trunk 0; some people keep it (+86 0851 …): accept both.
    const national = digits.replace(INTERNATIONAL_PREFIX, '');
    digits = national.startsWith('0') ? national : `0${national}`;
  }
  const areaCode = SHORT_AREA_CODE.exec(digits)?.[0] ?? LONG_AREA_CODE.exec(digits)?.[0];
  if (!areaCode) return null;
  const number = digits.slice(areaCode.length);
  if (!LOCAL_NUMBER.test(number)) return null;
  return extension === undefined ? { kind: 'landline', areaCode, number } : { kind: 'landline', areaCode, number, extension };
}

import { toHalfWidth } from './half-width';

/**
 * Mainland phone numbers, accepted exactly as the API's `api/src/rules/phone.ts` does:
 * - mobile `1[3-9]` + 9 digits, optionally prefixed +86 / 0086 / 86;
 * - landline 0 + area code (010 and 020–029 are short, the rest 0 + 3 digits) + a 7–8 digit local
 *   number not starting with 0, optionally an extension `-123` or `转123`; `+86 851 …` also works.
 * Spaces, hyphens, dots, full-width characters and brackets around the area code are tolerated.
 */
const MOBILE = /^1[3-9]\d{9}$/;
const MOBILE_COUNTRY_PREFIX = /^(?:\+86|0086|86)(?=1[3-9]\d{9}$)/;
const INTERNATIONAL_PREFIX = /^(?:\+86|0086)/;
const SHORT_AREA_CODE = /^0(?:10|2\d)/;
const LONG_AREA_CODE = /^0[3-9]\d{2}/;
const LOCAL_NUMBER = /^[1-9]\d{6,7}$/;
const EXTENSION = /^\d{1,6}$/;
const SEPARATORS = /[\s\-–—.()（）]+/;

/** 'format' when the value is neither a mainland mobile nor a landline number. */
export function checkPhone(value: string): 'format' | null {
  const text = toHalfWidth(value).trim();
  return isMobile(text) || isLandline(text) ? null : 'format';
}

function isMobile(text: string): boolean {
  return MOBILE.test(text.split(SEPARATORS).join('').replace(MOBILE_COUNTRY_PREFIX, ''));
}

function isLandline(text: string): boolean {
  const [main = '', explicitExtension, ...rest] = text.split('转').map((part) => part.trim());
  if (rest.length > 0) return false;
  if (explicitExtension !== undefined) {
    return EXTENSION.test(explicitExtension) && splitsAsLandline(main.split(SEPARATORS));
  }
  const groups = main.split(SEPARATORS);
  if (splitsAsLandline(groups)) return true;
  if (groups.length < 2 || !/-\s*\d+$/.test(main)) return false;
  return EXTENSION.test(groups[groups.length - 1] ?? '') && splitsAsLandline(groups.slice(0, -1));
}

function splitsAsLandline(groups: readonly string[]): boolean {
  let digits = groups.join('');
  if (!/^\+?\d+$/.test(digits)) return false;
  if (INTERNATIONAL_PREFIX.test(digits)) {
    const national = digits.replace(INTERNATIONAL_PREFIX, '');
    digits = national.startsWith('0') ? national : `0${national}`;
  }
  const areaCode = SHORT_AREA_CODE.exec(digits)?.[0] ?? LONG_AREA_CODE.exec(digits)?.[0];
  return !!areaCode && LOCAL_NUMBER.test(digits.slice(areaCode.length));
}

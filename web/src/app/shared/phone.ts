/** Mainland mobile: 11 digits starting 13–19, optionally written with +86 / 86 and spaces or dashes. */
const MOBILE = /^(?:\+?86)?1[3-9]\d{9}$/;
/** Landline: area code 0xx/0xxx, 7–8 digit number, optional extension (0851-22800000, 085122800000-123). */
const LANDLINE = /^0\d{2,3}-?[1-9]\d{6,7}(?:-\d{1,6})?$/;

/** 'format' when the value is neither a mainland mobile nor a landline number. */
export function checkPhone(value: string): 'format' | null {
  const compact = value.trim().replace(/[\s()（）]/g, '');
  const mobile = compact.replace(/-/g, '');
  return MOBILE.test(mobile) || LANDLINE.test(compact) ? null : 'format';
}

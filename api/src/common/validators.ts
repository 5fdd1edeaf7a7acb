import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import { validateCreditCode } from '../rules/credit-code.js';
import { validateResidentId } from '../rules/id-number.js';
import { parseMoney } from '../rules/money.js';
import { isValidPhone } from '../rules/phone.js';
import { isIsoDate } from '../rules/calendar.js';

/**
 * class-validator constraints that call rules/. Each is named `rule*` and its message is the
 * short code clients receive in `errors` (see common/validation.ts).
 */
function ruleDecorator(name: string, check: (value: unknown, args: ValidationArguments) => string | null) {
  return (options?: ValidationOptions) => (object: object, propertyName: string) => {
    let lastCode = 'invalid';
    registerDecorator({
      name: `rule${name}`,
      target: object.constructor,
      propertyName,
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments) {
          const code = check(value, args);
          if (code) lastCode = code;
          return code === null;
        },
        defaultMessage() {
          return lastCode;
        },
      },
    });
  };
}

export const IsResidentId = ruleDecorator('ResidentId', (v) => {
  if (typeof v !== 'string') return 'not_string';
  const r = validateResidentId(v);
  return r.ok ? null : r.reason;
});

export const IsCreditCode = ruleDecorator('CreditCode', (v) => {
  if (typeof v !== 'string') return 'not_string';
  const r = validateCreditCode(v);
  return r.ok ? null : r.reason;
});

export const IsPhone = ruleDecorator('Phone', (v) => (typeof v === 'string' && isValidPhone(v) ? null : 'format'));

/** Money: a string or number in yuan, ≤ 2 decimals, 0 ≤ x < 10^12. */
export const IsMoney = ruleDecorator('Money', (v) => {
  const r = parseMoney(v);
  return r.ok ? null : r.reason;
});

/** A calendar date YYYY-MM-DD that exists. */
export const IsCalendarDate = ruleDecorator('CalendarDate', (v) => (isIsoDate(v) ? null : 'not_date'));

/**
 * A character that shows: not white space, not a control or format character (zero-width
 * space/joiners U+200B–U+200D, word joiner U+2060, BOM U+FEFF, bidi marks …), not one of the
 * blank fillers Unicode classes as letters (Hangul fillers, braille blank, combining grapheme joiner).
 */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{Z}\u034F\u115F\u1160\u180E\u2800\u3164\uFFA0]/u;

/** Not blank after trimming (names, reasons): at least one visible character. */
export const NotBlank = ruleDecorator('NotBlank', (v) => (typeof v === 'string' && VISIBLE.test(v) ? null : 'blank'));

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?(?:Z|[+-](\d{2}):?(\d{2}))$/;

/**
 * An ISO 8601 instant with an explicit offset or Z, taken literally: a real calendar date, hours
 * 00–23, minutes and seconds 00–59, offsets up to ±14:00. (Date.parse would roll 2026-11-31 over
 * to 1 December and accept T24:00.)
 */
export const IsInstant = ruleDecorator('Instant', (v) => {
  const m = typeof v === 'string' ? INSTANT.exec(v) : null;
  if (!m || !isIsoDate(m[1])) return 'not_datetime';
  const [hour, minute, second, offsetHours, offsetMinutes] = [m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (hour > 23 || minute > 59 || second > 59 || offsetHours > 14 || offsetMinutes > 59) return 'not_datetime';
  return Number.isNaN(Date.parse(v as string)) ? 'not_datetime' : null;
});

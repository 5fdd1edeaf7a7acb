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
      name: `rule${name}`, target: object.constructor, propertyName, options,
      validator: {
        validate(value: unknown, args: ValidationArguments) { const code = check(value, args); if (code) lastCode = code; return code === null; },
        defaultMessage() { return lastCode; },
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

/** Not blank after trimming (names, reasons). */
export const NotBlank = ruleDecorator('NotBlank', (v) => (typeof v === 'string' && v.trim().length > 0 ? null : 'blank'));

/** An ISO 8601 instant with an explicit offset or Z. */
export const IsInstant = ruleDecorator('Instant', (v) => {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) return 'not_datetime';
  return Number.isNaN(Date.parse(v)) ? 'not_datetime' : null;
});

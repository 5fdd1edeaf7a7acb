import { describe, expect, it } from 'vitest';
import { FormControl, ValidatorFn } from '@angular/forms';
import { creditCodeValidator, errorMessage, moneyValidator, phoneValidator, residentIdValidator } from './form-validators';

/** The checks are api/src/rules/ (tested there with full vector tables); here: the error keys and messages. */
const errorsOf = (validator: ValidatorFn, value: unknown) => validator(new FormControl(value));

const VALIDATORS = { residentIdValidator, creditCodeValidator, phoneValidator, moneyValidator };

describe('form validators built on api/src/rules', () => {
  it.each([
    ['residentIdValidator', '11010519491231002X', null],
    ['residentIdValidator', ' １１０１０５１９４９１２３１００２ｘ ', null],
    ['residentIdValidator', '110105194912310021', { checksum: true }],
    ['residentIdValidator', '110105-19491231-002X', { format: true }],
    ['residentIdValidator', '520381199902301230', { birthdate: true }],
    ['creditCodeValidator', '9135 0100 M000 100Y 43', null],
    ['creditCodeValidator', '91350100M000100Y44', { checksum: true }],
    ['creditCodeValidator', '91350100I000100Y43', { format: true }],
    ['phoneValidator', '0851-22800000转123', null],
    ['phoneValidator', '+86 138 0000 0000', null],
    ['phoneValidator', '400-800-8888', { phone: true }],
    ['moneyValidator', '120000.00', null],
    ['moneyValidator', 'abc', { money: true }],
    ['moneyValidator', '1.234', { precision: true }],
    ['moneyValidator', '1000000000000', { range: true }],
  ] as const)('%s(%j) → %o', (name, value, errors) => expect(errorsOf(VALIDATORS[name], value)).toEqual(errors));

  it.each(Object.keys(VALIDATORS) as (keyof typeof VALIDATORS)[])(
    '%s lets an empty value through (Validators.required decides)',
    (name) => {
      for (const value of [null, '', '   ']) expect(errorsOf(VALIDATORS[name], value)).toBeNull();
    },
  );

  it('explains each code in Chinese', () => {
    expect(errorMessage(errorsOf(residentIdValidator, '110105194912310021'))).toBe('校验位不正确，请核对号码');
    expect(errorMessage(errorsOf(residentIdValidator, '520381199902301230'))).toBe('出生日期无效，请核对号码');
    expect(errorMessage(errorsOf(phoneValidator, '12345'))).toContain('有效的手机号');
    expect(errorMessage(errorsOf(moneyValidator, '1.234'))).toBe('金额最多两位小数');
  });
});

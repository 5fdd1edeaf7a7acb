import { AbstractControl, ValidationErrors, ValidatorFn } from '@angular/forms';
import { validateCreditCode } from '@rules/credit-code';
import { validateResidentId } from '@rules/id-number';
import { parseMoney } from '@rules/money';
import { isValidPhone } from '@rules/phone';

function blank(value: unknown): boolean {
  return value === null || value === undefined || String(value).trim() === '';
}

/**
 * The checks are the API's own (`api/src/rules/`), so a value refused here is refused there with
 * the same code. Empty values pass: combine with Validators.required where the field is mandatory.
 */
export const residentIdValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  if (blank(control.value)) return null;
  const result = validateResidentId(String(control.value));
  return result.ok ? null : { [result.reason]: true };
};

export const creditCodeValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  if (blank(control.value)) return null;
  const result = validateCreditCode(String(control.value));
  return result.ok ? null : { [result.reason]: true };
};

export const phoneValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  if (blank(control.value)) return null;
  return isValidPhone(String(control.value)) ? null : { phone: true };
};

export const moneyValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null => {
  if (blank(control.value)) return null;
  const result = parseMoney(String(control.value));
  if (result.ok) return null;
  return { [result.reason === 'format' || result.reason === 'type' ? 'money' : result.reason]: true };
};

/** Rejects values that are only whitespace (the API refuses blank names and texts). */
export const notBlankValidator: ValidatorFn = (control: AbstractControl): ValidationErrors | null =>
  typeof control.value === 'string' && control.value.length > 0 && control.value.trim() === '' ? { blank: true } : null;

const MESSAGES: Record<string, string> = {
  required: '此项为必填',
  blank: '不能只填空格',
  format: '格式不正确',
  checksum: '校验位不正确，请核对号码',
  birthdate: '出生日期无效，请核对号码',
  precision: '金额最多两位小数',
  range: '金额须大于等于 0 且小于一万亿元',
  phone: '请输入有效的手机号或固定电话（如 0851-22800000）',
  money: '请输入金额，最多两位小数',
  maxlength: '内容过长',
  min: '数值过小',
  max: '数值过大',
  future: '日期不能晚于今天',
  matDatepickerParse: '日期格式不正确',
};

/** The first message for a control's errors, including codes the server sent back (`server`). */
export function errorMessage(errors: ValidationErrors | null | undefined): string {
  if (!errors) return '';
  if (typeof errors['server'] === 'string') return serverFieldMessage(errors['server']);
  const key = Object.keys(errors)[0];
  return MESSAGES[key] ?? '输入有误';
}

export function serverFieldMessage(code: string): string {
  return MESSAGES[code] ?? SERVER_MESSAGES[code] ?? `输入有误（${code}）`;
}

/** Codes the API puts in `errors` (api/src/common/validation.ts and validators.ts). */
const SERVER_MESSAGES: Record<string, string> = {
  invalid: '输入有误',
  too_long: '内容过长',
  too_short: '内容过短',
  too_large: '数值过大',
  too_small: '数值过小',
  too_few: '至少需要一项',
  too_many: '项目过多',
  length: '长度不符合要求',
  not_string: '格式不正确',
  not_integer: '请输入整数',
  not_boolean: '格式不正确',
  not_array: '格式不正确',
  not_uuid: '请从列表中选择',
  not_date: '日期格式不正确',
  not_datetime: '时间格式不正确',
  invalid_value: '不是可选的值',
  must_be_true: '须勾选确认',
  unknown_field: '不支持的字段',
  type: '格式不正确',
  in_future: '日期不能晚于今天',
};

/** A picked date (Date) or YYYY-MM-DD that lies after today in China. */
export function notFutureDateValidator(today: () => string): ValidatorFn {
  return (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.value;
    if (!value) return null;
    const iso = value instanceof Date ? localIso(value) : String(value);
    return iso > today() ? { future: true } : null;
  };
}

function localIso(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

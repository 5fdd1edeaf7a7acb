import { describe, expect, it } from 'vitest';
import { formatMoney, toChineseCapitals } from './money';

/** The capitals themselves are tested to the last digit in api/src/rules/money.spec.ts. */
describe('toChineseCapitals', () => {
  it.each([
    ['0', '零元整'],
    ['0.05', '伍分'],
    ['15.5', '壹拾伍元伍角'],
    ['120000.00', '壹拾贰万元整'],
    ['107000.53', '壹拾万柒仟元伍角叁分'],
    ['999999999999.99', '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%s → %s, as printed on documents but without 人民币', (amount, capitals) => expect(toChineseCapitals(amount)).toBe(capitals));

  it.each(['', 'abc', '1.234', '-5', '1000000000000', '1,000'])('refuses %s', (amount) => {
    expect(toChineseCapitals(amount)).toBeNull();
  });

  it('accepts what the API accepts: surrounding spaces, trailing zeros and numbers', () => {
    expect(toChineseCapitals(' 12.500 ')).toBe('壹拾贰元伍角');
    expect(toChineseCapitals(25000)).toBe('贰万伍仟元整');
  });
});

describe('formatMoney', () => {
  it('groups thousands and keeps two decimals', () => {
    expect(formatMoney('1234567.5')).toBe('¥1,234,567.50');
    expect(formatMoney('25000.00')).toBe('¥25,000.00');
    expect(formatMoney(null)).toBe('—');
  });
});

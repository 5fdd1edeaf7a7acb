import { describe, expect, it } from 'vitest';
import { checkMoney, formatMoney, toChineseCapitals } from './money';

describe('toChineseCapitals', () => {
  it.each([
    ['0', '零元整'],
    ['0.00', '零元整'],
    ['0.05', '伍分'],
    ['0.5', '伍角'],
    ['1', '壹元整'],
    ['10', '壹拾元整'],
    ['15.5', '壹拾伍元伍角'],
    ['100.05', '壹佰元零伍分'],
    ['1409.50', '壹仟肆佰零玖元伍角'],
    ['6007.14', '陆仟零柒元壹角肆分'],
    ['120000.00', '壹拾贰万元整'],
    ['100001', '壹拾万零壹元整'],
    ['107000.53', '壹拾万零柒仟元伍角叁分'],
    ['1680.32', '壹仟陆佰捌拾元叁角贰分'],
    ['10010000', '壹仟零壹万元整'],
    ['100000000', '壹亿元整'],
    ['100010000', '壹亿零壹万元整'],
    ['1000000001', '壹拾亿零壹元整'],
    ['999999999999.99', '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    ['25000.10', '贰万伍仟元壹角'],
  ])('%s → %s', (amount, capitals) => expect(toChineseCapitals(amount)).toBe(capitals));

  it.each(['', 'abc', '1.234', '-5', '1000000000000', '1,000'])('refuses %s', (amount) => {
    expect(toChineseCapitals(amount)).toBeNull();
  });

  it('accepts what the API accepts: trailing zeros and numbers', () => {
    expect(toChineseCapitals('12.500')).toBe('壹拾贰元伍角');
    expect(toChineseCapitals(25000)).toBe('贰万伍仟元整');
  });
});

describe('checkMoney mirrors api/src/rules/money.ts', () => {
  it.each([
    ['120000.00', null],
    ['0', null],
    ['1.5', null],
    ['1.500', null],
    ['1.234', 'precision'],
    ['abc', 'format'],
    ['.5', 'format'],
    ['1e5', 'format'],
    ['-1', 'range'],
    ['1000000000000', 'range'],
    ['999999999999.99', null],
  ])('%s → %s', (amount, problem) => expect(checkMoney(amount)).toBe(problem));
});

describe('formatMoney', () => {
  it('groups thousands and keeps two decimals', () => {
    expect(formatMoney('1234567.5')).toBe('¥1,234,567.50');
    expect(formatMoney('25000.00')).toBe('¥25,000.00');
    expect(formatMoney(null)).toBe('—');
  });
});

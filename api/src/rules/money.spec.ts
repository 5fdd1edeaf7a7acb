import { describe, expect, it } from '@jest/globals';
import { amountInCapitals, formatMoney, formatMoneyCn, MONEY_LIMIT_FEN, normalizeMoneyInText, parseMoney } from './money.js';

describe('parseMoney: accepted input', () => {
  it.each<[unknown, bigint]>([
    ['25000', 2500000n],
    ['25000.5', 2500050n],
    ['25000.50', 2500050n],
    ['25000.05', 2500005n],
    ['25000.500', 2500050n],
    ['0', 0n],
    ['0.00', 0n],
    ['0.01', 1n],
    ['-0', 0n],
    ['007', 700n],
    [' 120000.00 ', 12000000n],
    ['999999999999.99', 99999999999999n],
    [25000, 2500000n],
    [25000.5, 2500050n],
    [0.1, 10n],
    [0.07, 7n],
    [1005.07, 100507n],
    [0, 0n],
    [-0, 0n],
    [120000.5, 12000050n],
    [999999999999.99, 99999999999999n],
    [1e20 / 1e9, 10000000000000n],
  ])('%p → %p fen', (input, fen) => {
    expect(parseMoney(input)).toEqual({ ok: true, fen });
  });
});

describe('parseMoney: rejected input', () => {
  it.each<[unknown, string]>([
    [null, 'type'],
    [undefined, 'type'],
    [true, 'type'],
    [25000n, 'type'],
    [{ amount: 1 }, 'type'],
    [['1'], 'type'],
    ['', 'format'],
    ['   ', 'format'],
    ['abc', 'format'],
    ['25,000.00', 'format'],
    ['25000.', 'format'],
    ['.5', 'format'],
    ['+5', 'format'],
    ['1e3', 'format'],
    ['1E21', 'format'],
    ['0x10', 'format'],
    ['Infinity', 'format'],
    ['NaN', 'format'],
    ['25000元', 'format'],
    ['¥25000', 'format'],
    ['２５０００', 'format'],
    ['1 000', 'format'],
    [Number.NaN, 'format'],
    [Number.POSITIVE_INFINITY, 'format'],
    [Number.NEGATIVE_INFINITY, 'format'],
    ['1.234', 'precision'],
    ['0.001', 'precision'],
    ['25000.505', 'precision'],
    [1.234, 'precision'],
    [0.1 + 0.2, 'precision'],
    [1e-7, 'precision'],
    [-1e-7, 'precision'],
    ['-1', 'range'],
    ['-0.01', 'range'],
    [-5, 'range'],
    [-0.01, 'range'],
    ['1000000000000', 'range'],
    ['1000000000000.00', 'range'],
    ['99999999999999999999', 'range'],
    [1e12, 'range'],
    [1e21, 'range'],
    [Number.MAX_VALUE, 'range'],
  ])('%p → %s', (input, reason) => {
    expect(parseMoney(input)).toEqual({ ok: false, reason });
  });

  it('the limit is 10^12 yuan exclusive', () => {
    expect(MONEY_LIMIT_FEN).toBe(100000000000000n);
  });
});

describe('formatMoney', () => {
  it.each<[bigint, string]>([
    [0n, '0.00'],
    [1n, '0.01'],
    [10n, '0.10'],
    [100n, '1.00'],
    [2500000n, '25000.00'],
    [2500050n, '25000.50'],
    [12000050n, '120000.50'],
    [99999999999999n, '999999999999.99'],
    [-150n, '-1.50'],
    [-5n, '-0.05'],
  ])('%p → %p', (fen, text) => {
    expect(formatMoney(fen)).toBe(text);
  });

  it('round-trips every string it produces', () => {
    for (const fen of [0n, 7n, 99n, 100n, 101n, 123456789n, 99999999999999n]) {
      expect(parseMoney(formatMoney(fen))).toEqual({ ok: true, fen });
    }
  });
});

describe('formatMoneyCn', () => {
  it.each<[bigint, string]>([
    [0n, '0.00元'],
    [99999n, '999.99元'],
    [100000n, '1,000.00元'],
    [2500000n, '25,000.00元'],
    [12000050n, '120,000.50元'],
    [100000000000n, '1,000,000,000.00元'],
    [99999999999999n, '999,999,999,999.99元'],
    [-123456789n, '-1,234,567.89元'],
  ])('%p → %p', (fen, text) => {
    expect(formatMoneyCn(fen)).toBe(text);
  });
});

describe('amountInCapitals (《支付结算办法》 convention)', () => {
  it.each<[string, string]>([
    // Vectors of the brief.
    ['25000.00', '人民币贰万伍仟元整'],
    ['120000.50', '人民币壹拾贰万元伍角'],
    ['1005.07', '人民币壹仟零伍元零柒分'],
    ['0.00', '人民币零元整'],
    ['100000000.00', '人民币壹亿元整'],
    ['10.10', '人民币壹拾元壹角'],
    // Examples printed in 《正确填写票据和结算凭证的基本规定》.
    ['1409.50', '人民币壹仟肆佰零玖元伍角'],
    ['6007.14', '人民币陆仟零柒元壹角肆分'],
    ['1680.32', '人民币壹仟陆佰捌拾元叁角贰分'],
    ['107000.53', '人民币壹拾万柒仟元伍角叁分'],
    ['16409.02', '人民币壹万陆仟肆佰零玖元零贰分'],
    ['325.04', '人民币叁佰贰拾伍元零肆分'],
    // Below one yuan.
    ['0.01', '人民币壹分'],
    ['0.05', '人民币伍分'],
    ['0.50', '人民币伍角'],
    ['0.55', '人民币伍角伍分'],
    // Small amounts; tens always carry their digit.
    ['1.00', '人民币壹元整'],
    ['9.99', '人民币玖元玖角玖分'],
    ['10.00', '人民币壹拾元整'],
    ['11.00', '人民币壹拾壹元整'],
    ['15.00', '人民币壹拾伍元整'],
    ['20.00', '人民币贰拾元整'],
    ['100.00', '人民币壹佰元整'],
    ['101.00', '人民币壹佰零壹元整'],
    ['110.00', '人民币壹佰壹拾元整'],
    ['1000.00', '人民币壹仟元整'],
    ['1001.00', '人民币壹仟零壹元整'],
    ['1010.00', '人民币壹仟零壹拾元整'],
    ['1100.00', '人民币壹仟壹佰元整'],
    ['50.00', '人民币伍拾元整'],
    ['2550.00', '人民币贰仟伍佰伍拾元整'],
    // Across 万 and 亿.
    ['10000.00', '人民币壹万元整'],
    ['10001.00', '人民币壹万零壹元整'],
    ['10010.00', '人民币壹万零壹拾元整'],
    ['10100.00', '人民币壹万零壹佰元整'],
    ['11000.00', '人民币壹万壹仟元整'],
    ['100000.00', '人民币壹拾万元整'],
    ['100700.00', '人民币壹拾万零柒佰元整'],
    ['105000.00', '人民币壹拾万伍仟元整'],
    ['1000000.00', '人民币壹佰万元整'],
    ['10000000.00', '人民币壹仟万元整'],
    ['12345678.90', '人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角'],
    ['100000001.00', '人民币壹亿零壹元整'],
    ['100005000.00', '人民币壹亿零伍仟元整'],
    ['100010000.00', '人民币壹亿零壹万元整'],
    ['102000000.00', '人民币壹亿零贰佰万元整'],
    ['120000000.00', '人民币壹亿贰仟万元整'],
    ['1000000000.00', '人民币壹拾亿元整'],
    ['100000000000.00', '人民币壹仟亿元整'],
    ['300000500.06', '人民币叁亿零伍佰元零陆分'],
    ['999999999999.99', '人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('¥%s → %s', (yuan, capitals) => {
    const parsed = parseMoney(yuan);
    if (!parsed.ok) throw new Error(`bad vector ${yuan}`);
    expect(amountInCapitals(parsed.fen)).toBe(capitals);
  });

  it('never writes 整 after 分, a bare 拾, a double 零 or 零 before a unit (sampled range)', () => {
    // Deterministic linear congruential sample over the whole accepted range.
    let seed = 20261122n;
    for (let i = 0; i < 5000; i++) {
      seed = (seed * 6364136223846793005n + 1442695040888963407n) % 2n ** 64n;
      const fen = (seed % MONEY_LIMIT_FEN) / 10n ** (seed % 13n) + 1n;
      const text = amountInCapitals(fen);
      expect(text).not.toMatch(/分整/);
      expect(text).not.toMatch(/(^人民币|零)拾/);
      expect(text).not.toMatch(/零零/);
      expect(text).not.toMatch(/零(元|万|亿)/);
    }
  });

  it.each([-1n, MONEY_LIMIT_FEN, MONEY_LIMIT_FEN + 1n])('rejects %p fen', (fen) => {
    expect(() => amountInCapitals(fen)).toThrow(RangeError);
  });
});

describe('normalizeMoneyInText (one money format in documents)', () => {
  it.each([
    ['尚欠货款120000元未付', '尚欠货款120,000.00元未付'],
    ['支付120,000元及利息3.5元', '支付120,000.00元及利息3.50元'],
    ['赔偿0元', '赔偿0.00元'],
    ['借款12万元', '借款12万元'],
    ['2026年10月3日', '2026年10月3日'],
    ['合同编号2025-118，金额8000.5元', '合同编号2025-118，金额8,000.50元'],
    ['已付25,000.00元', '已付25,000.00元'],
    ['no amount here', 'no amount here'],
  ])('%s → %s', (input, output) => {
    expect(normalizeMoneyInText(input)).toBe(output);
  });
});

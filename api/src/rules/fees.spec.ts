import { describe, expect, it } from '@jest/globals';
import {
  DEFAULT_PROVINCE,
  FEE_BASIS,
  FEE_SCHEDULES,
  FeeRuleError,
  PROVINCE_FEE_CONFIGS,
  feeScheduleOn,
  litigationFee,
  roundFee,
  type FeeCategory,
  type ProvinceFeeConfig,
} from './fees.js';

/** '1234.56' yuan → fen. */
const fen = (yuan: string): bigint => {
  const [i, f = ''] = yuan.split('.');
  return BigInt(i!) * 100n + BigInt(f.padEnd(2, '0'));
};
const ON = '2026-11-23';
const property = (amountYuan: string) => litigationFee({ amountFen: fen(amountYuan), feeCategory: 'property', on: ON });

describe('property cases (Art. 13(1)), brief §9.1', () => {
  it.each([
    // claim, full, half
    ['0', '50', '25'],
    ['8000', '50', '25'],
    ['50000', '1050', '525'],
    ['250000', '5050', '2525'],
    ['1000000', '13800', '6900'],
    ['30000000', '191800', '95900'],
  ])('%s yuan → %s / half %s', (claim, full, half) => {
    const r = property(claim);
    expect(r.fullFeeFen).toBe(fen(full));
    expect(r.halfFeeFen).toBe(fen(half));
  });

  // Every bracket boundary x and x + 0.01 (the next tier adds 0.01 × rate, well under half a fen).
  it.each([
    ['10000', '50', '50', '25'],
    ['10000.01', '50.00025', '50', '25'],
    ['100000', '2300', '2300', '1150'],
    ['100000.01', '2300.0002', '2300', '1150'],
    ['200000', '4300', '4300', '2150'],
    ['200000.01', '4300.00015', '4300', '2150'],
    ['500000', '8800', '8800', '4400'],
    ['500000.01', '8800.0001', '8800', '4400'],
    ['1000000', '13800', '13800', '6900'],
    ['1000000.01', '13800.00009', '13800', '6900'],
    ['2000000', '22800', '22800', '11400'],
    ['2000000.01', '22800.00008', '22800', '11400'],
    ['5000000', '46800', '46800', '23400'],
    ['5000000.01', '46800.00007', '46800', '23400'],
    ['10000000', '81800', '81800', '40900'],
    ['10000000.01', '81800.00006', '81800', '40900'],
    ['20000000', '141800', '141800', '70900'],
    ['20000000.01', '141800.00005', '141800', '70900'],
  ])('boundary %s yuan: exact %s → %s / half %s', (claim, exact, full, half) => {
    const r = property(claim);
    expect(r.fullFeeExact).toBe(exact.includes('.') ? exact : `${exact}.00`);
    expect(r.fullFeeFen).toBe(fen(full));
    expect(r.halfFeeFen).toBe(fen(half));
  });

  it('0.01 yuan is the flat first tier; an amount just above a boundary adds a fraction of a fen', () => {
    expect(property('0.01')).toMatchObject({ fullFeeFen: fen('50'), halfFeeFen: fen('25'), fullFeeExact: '50.00' });
    expect(property('10000.02')).toMatchObject({ fullFeeExact: '50.0005', fullFeeFen: fen('50') });
  });

  it.each([
    // claim, exact full, rounded full, rounded half (of the exact full)
    ['10001', '50.025', '50.03', '25.01'], // half of 50.025 = 25.0125 → 25.01 (one rounding, not 50.03 / 2)
    ['10000.19', '50.00475', '50', '25'],
    ['10000.20', '50.005', '50.01', '25'],
    ['10000.40', '50.01', '50.01', '25.01'], // half 25.005 → 25.01
    ['10000.60', '50.015', '50.02', '25.01'], // half 25.0075 → 25.01
    ['123456.78', '2769.1356', '2769.14', '1384.57'], // 0.02 × 123456.78 + 300; half 1384.5678
    ['99999.99', '2299.99975', '2300', '1150'],
  ])('rounds half up once: %s yuan → exact %s → %s / half %s', (claim, exact, full, half) => {
    const r = property(claim);
    expect(r.fullFeeExact).toBe(exact);
    expect(r.fullFeeFen).toBe(fen(full));
    expect(r.halfFeeFen).toBe(fen(half));
  });

  it('matches the closed form of brief §6.1 across the range', () => {
    // F(X) = a·X + b per range; in milli-fen: a (thousandths) × X(fen) + b(fen) × 1000.
    const closed: ReadonlyArray<readonly [bigint, bigint, bigint]> = [
      [fen('100000'), 25n, fen('-200')],
      [fen('200000'), 20n, fen('300')],
      [fen('500000'), 15n, fen('1300')],
      [fen('1000000'), 10n, fen('3800')],
      [fen('2000000'), 9n, fen('4800')],
      [fen('5000000'), 8n, fen('6800')],
      [fen('10000000'), 7n, fen('11800')],
      [fen('20000000'), 6n, fen('21800')],
      [-1n, 5n, fen('41800')],
    ];
    const samples = [
      1000001n,
      1234567n,
      9999999n,
      10000000n,
      15000050n,
      33333333n,
      77777777n,
      123456789n,
      999999999n,
      1500000001n,
      4321098765n,
      12345678901n,
    ];
    for (const x of samples) {
      const [, a, b] = closed.find(([hi]) => hi === -1n || x <= hi)!;
      const milli = a * x + b * 1000n;
      const r = litigationFee({ amountFen: x, feeCategory: 'property', on: ON });
      expect(r.fullFeeFen).toBe((milli + 500n) / 1000n);
      expect(r.halfFeeFen).toBe((milli + 1000n) / 2000n);
    }
  });

  it('lists every contributing tier, the flat first tier included (250,000 yuan)', () => {
    expect(property('250000').brackets).toEqual([
      { fromFen: 0n, toFen: fen('10000'), rate: null, portionFen: fen('10000'), feeFen: fen('50'), feeExact: '50.00' },
      { fromFen: fen('10000'), toFen: fen('100000'), rate: '0.025', portionFen: fen('90000'), feeFen: fen('2250'), feeExact: '2250.00' },
      { fromFen: fen('100000'), toFen: fen('200000'), rate: '0.02', portionFen: fen('100000'), feeFen: fen('2000'), feeExact: '2000.00' },
      { fromFen: fen('200000'), toFen: fen('500000'), rate: '0.015', portionFen: fen('50000'), feeFen: fen('750'), feeExact: '750.00' },
    ]);
  });

  it('amount 0 is valid: only the flat tier', () => {
    const r = property('0');
    expect(r.brackets).toEqual([{ fromFen: 0n, toFen: fen('10000'), rate: null, portionFen: 0n, feeFen: fen('50'), feeExact: '50.00' }]);
  });

  it('30,000,000 yuan uses all ten tiers, the open top tier with toFen null', () => {
    const b = property('30000000').brackets;
    expect(b.map((x) => x.rate)).toEqual([null, '0.025', '0.02', '0.015', '0.01', '0.009', '0.008', '0.007', '0.006', '0.005']);
    expect(b.map((x) => x.feeFen)).toEqual(['50', '2250', '2000', '4500', '5000', '9000', '24000', '35000', '60000', '50000'].map(fen));
    expect(b[9]).toMatchObject({ fromFen: fen('20000000'), toFen: null, portionFen: fen('10000000') });
  });

  it('tier fees are display roundings; the total comes from the exact sum', () => {
    const r = property('10000.01');
    expect(r.brackets[1]).toMatchObject({ portionFen: 1n, feeFen: 0n, feeExact: '0.00025' });
    expect(r.fullFeeFen).toBe(fen('50'));
  });

  it('names its basis, article and version', () => {
    expect(property('50000')).toMatchObject({
      basis: '诉讼费用交纳办法 第十三条',
      article: '第十三条第（一）项',
      version: '2007-04-01',
      feeCategory: 'property',
      province: null,
    });
  });
});

describe('non-property and labour cases (Art. 13(2), 13(4)) with the 贵州 demo bases', () => {
  it.each([
    ['labor', '0', '10', '5'],
    ['labor', '1000000', '10', '5'], // amount is irrelevant
    ['other_nonproperty', '0', '100', '50'],
    ['other_nonproperty', '500000', '100', '50'],
    ['divorce', '0', '150', '75'],
    ['divorce', '200000', '150', '75'],
    ['divorce', '200000.01', '150', '75'], // 150.00005
    ['divorce', '300000', '650', '325'], // §9.1 vector with base 150: 150 + 100,000 × 0.5%
    ['divorce', '1000000', '4150', '2075'],
    ['personality', '0', '300', '150'],
    ['personality', '50000', '300', '150'],
    ['personality', '60000', '400', '200'],
    ['personality', '100000', '800', '400'],
    ['personality', '150000', '1050', '525'], // §9.1 vector with base 300: 300 + 500 + 250
    ['personality', '100000.99', '800', '400'], // 800.00495
    ['personality', '100001', '800.01', '400'], // 800.005 → 800.01; half 400.0025 → 400.00
    // Every boundary of the non-property tiers, x and x + 0.01 (the tier above adds 0.01 × rate).
    ['personality', '50000.01', '300', '150'], // 300.0001
    ['personality', '100000.01', '800', '400'], // 800.00005
    ['divorce', '200000', '150', '75'],
    ['labor', '0.01', '10', '5'],
    ['other_nonproperty', '0.01', '100', '50'],
  ] as const)('%s, amount %s → %s / half %s', (feeCategory: FeeCategory, amount, full, half) => {
    const r = litigationFee({ amountFen: fen(amount), feeCategory, on: ON });
    expect(r.fullFeeFen).toBe(fen(full));
    expect(r.halfFeeFen).toBe(fen(half));
  });

  it('reports the province and the article', () => {
    expect(litigationFee({ amountFen: 0n, feeCategory: 'divorce', on: ON })).toMatchObject({
      province: '贵州',
      article: '第十三条第（二）项第1目',
    });
    expect(litigationFee({ amountFen: 0n, feeCategory: 'labor', on: ON })).toMatchObject({ province: null, article: '第十三条第（四）项' });
  });

  it('divorce brackets: base covering 200,000 yuan, then 0.5%', () => {
    expect(litigationFee({ amountFen: fen('300000'), feeCategory: 'divorce', on: ON }).brackets).toEqual([
      { fromFen: 0n, toFen: fen('200000'), rate: null, portionFen: fen('200000'), feeFen: fen('150'), feeExact: '150.00' },
      { fromFen: fen('200000'), toFen: null, rate: '0.005', portionFen: fen('100000'), feeFen: fen('500'), feeExact: '500.00' },
    ]);
  });

  it('labour brackets: one flat fee, amount-independent', () => {
    expect(litigationFee({ amountFen: fen('5000'), feeCategory: 'labor', on: ON }).brackets).toEqual([
      { fromFen: 0n, toFen: null, rate: null, portionFen: 0n, feeFen: fen('10'), feeExact: '10.00' },
    ]);
  });

  // brief §9.1 "Other vectors" with the bases used there (a province table passed in).
  const briefProvince: ProvinceFeeConfig = {
    province: '示例',
    effectiveFrom: '2007-04-01',
    divorceBaseFen: fen('300'),
    personalityBaseFen: fen('500'),
    otherNonPropertyBaseFen: fen('50'),
    source: 'brief §9.1',
  };
  it.each([
    ['divorce', '300000', '800', '400'],
    ['personality', '150000', '1250', '625'],
    ['other_nonproperty', '0', '50', '25'],
  ] as const)('brief §9.1 bases: %s %s → %s / half %s', (feeCategory: FeeCategory, amount, full, half) => {
    const r = litigationFee({ amountFen: fen(amount), feeCategory, on: ON, province: '示例' }, { provinces: [briefProvince] });
    expect(r.fullFeeFen).toBe(fen(full));
    expect(r.halfFeeFen).toBe(fen(half));
    expect(r.province).toBe('示例');
  });
});

describe('tables', () => {
  it('has one version, in force since 2007-04-01', () => {
    expect(FEE_SCHEDULES.map((s) => [s.version, s.effectiveFrom, s.effectiveTo])).toEqual([['2007-04-01', '2007-04-01', null]]);
    expect(FEE_BASIS).toBe('诉讼费用交纳办法 第十三条');
    expect(feeScheduleOn('2007-04-01').version).toBe('2007-04-01');
  });

  it('every province configuration lies inside the legal ranges', () => {
    const cats = FEE_SCHEDULES[0]!.categories;
    for (const c of PROVINCE_FEE_CONFIGS) {
      for (const [value, cat] of [
        [c.divorceBaseFen, cats.divorce],
        [c.personalityBaseFen, cats.personality],
        [c.otherNonPropertyBaseFen, cats.other_nonproperty],
      ] as const) {
        expect(value >= cat.range!.minFen && value <= cat.range!.maxFen).toBe(true);
      }
      expect(c.source.length).toBeGreaterThan(0);
    }
    expect(DEFAULT_PROVINCE).toBe('贵州');
  });

  it('property tiers are contiguous and ascending', () => {
    const t = FEE_SCHEDULES[0]!.categories.property.tiers;
    expect(t[0]!.fromFen).toBe(FEE_SCHEDULES[0]!.categories.property.baseCoversUpToFen);
    for (let i = 1; i < t.length; i++) expect(t[i]!.fromFen).toBe(t[i - 1]!.toFen);
    expect(t[t.length - 1]!.toFen).toBeNull();
  });

  it('defaults `on` to today', () => {
    expect(litigationFee({ amountFen: fen('8000'), feeCategory: 'property' }).fullFeeFen).toBe(fen('50'));
  });
});

describe('errors', () => {
  it.each([
    ['negative amount', { amountFen: -1n, feeCategory: 'property' as FeeCategory, on: ON }],
    ['number instead of bigint', { amountFen: 100 as unknown as bigint, feeCategory: 'property' as FeeCategory, on: ON }],
    ['unknown category', { amountFen: 0n, feeCategory: 'criminal' as FeeCategory, on: ON }],
    ['before the 办法 took effect', { amountFen: 0n, feeCategory: 'property' as FeeCategory, on: '2007-03-31' }],
    ['malformed date', { amountFen: 0n, feeCategory: 'property' as FeeCategory, on: '2026-13-01' }],
    ['unknown province', { amountFen: 0n, feeCategory: 'divorce' as FeeCategory, on: ON, province: '火星' }],
  ])('%s → FeeRuleError', (_label, input) => {
    expect(() => litigationFee(input)).toThrow(FeeRuleError);
  });

  it('refuses a province base outside the legal range', () => {
    const bad: ProvinceFeeConfig = { ...PROVINCE_FEE_CONFIGS[0]!, province: '越界', divorceBaseFen: fen('301') };
    expect(() => litigationFee({ amountFen: 0n, feeCategory: 'divorce', on: ON, province: '越界' }, { provinces: [bad] })).toThrow(
      /outside the legal range/,
    );
  });

  it('picks the province row in force on the date', () => {
    const rows: ProvinceFeeConfig[] = [
      { ...PROVINCE_FEE_CONFIGS[0]!, effectiveFrom: '2007-04-01', divorceBaseFen: fen('100') },
      { ...PROVINCE_FEE_CONFIGS[0]!, effectiveFrom: '2020-01-01', divorceBaseFen: fen('200') },
    ];
    expect(litigationFee({ amountFen: 0n, feeCategory: 'divorce', on: '2019-12-31' }, { provinces: rows }).fullFeeFen).toBe(fen('100'));
    expect(litigationFee({ amountFen: 0n, feeCategory: 'divorce', on: '2020-01-01' }, { provinces: rows }).fullFeeFen).toBe(fen('200'));
  });
});

describe('roundFee (court setting fen | yuan)', () => {
  it.each([
    ['fen keeps the fen', 5049n, 'fen', 5049n],
    ['yuan rounds ¥50.49 down', 5049n, 'yuan', 5000n],
    ['yuan rounds ¥50.50 half up', 5050n, 'yuan', 5100n],
    ['yuan keeps a whole yuan', 5000n, 'yuan', 5000n],
    ['zero stays zero', 0n, 'yuan', 0n],
    ['half of ¥8,800.00 + ¥0.50', 440050n, 'yuan', 440100n],
  ] as const)('%s', (_label, input, mode, expected) => {
    expect(roundFee(input, mode)).toBe(expected);
  });

  it('refuses a negative fee', () => {
    expect(() => roundFee(-1n, 'yuan')).toThrow(FeeRuleError);
  });
});

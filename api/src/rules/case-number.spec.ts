import { describe, expect, it } from '@jest/globals';
import {
  CASE_NUMBER_TYPES,
  type CaseNumber,
  type CaseNumberFlag,
  caseNumberFlags,
  confirmationNumberType,
  formatCaseNumber,
  parseCaseNumber,
  registrationNumberType,
} from './case-number.js';

const TODAY = '2026-11-23';

describe('formatCaseNumber', () => {
  it.each<[CaseNumber, string]>([
    [{ year: 2026, courtCode: '黔0381', type: '民诉前调', seq: 1 }, '（2026）黔0381民诉前调1号'],
    [{ year: 2026, courtCode: '黔0381', type: '民初', seq: 1024 }, '（2026）黔0381民初1024号'],
    [{ year: 2024, courtCode: '粤0604', type: '诉前调确', seq: 1716 }, '（2024）粤0604诉前调确1716号'],
    [{ year: 2017, courtCode: '京04', type: '民终', seq: 367 }, '（2017）京04民终367号'],
    [{ year: 2023, courtCode: '黔', type: '民终', seq: 9 }, '（2023）黔民终9号'],
    [{ year: 2021, courtCode: '最高法', type: '民终', seq: 1, division: '知' }, '（2021）最高法知民终1号'],
  ])('%j → %s', (parts, expected) => {
    expect(formatCaseNumber(parts)).toBe(expected);
    expect(parseCaseNumber(expected)).toEqual(parts);
  });

  it.each<[string, CaseNumber]>([
    ['year 999', { year: 999, courtCode: '黔0381', type: '民初', seq: 1 }],
    ['year 2026.5', { year: 2026.5, courtCode: '黔0381', type: '民初', seq: 1 }],
    ['seq 0', { year: 2026, courtCode: '黔0381', type: '民初', seq: 0 }],
    ['seq -1', { year: 2026, courtCode: '黔0381', type: '民初', seq: -1 }],
    ['seq 1.5', { year: 2026, courtCode: '黔0381', type: '民初', seq: 1.5 }],
    ['court 黔381', { year: 2026, courtCode: '黔381', type: '民初', seq: 1 }],
    ['court XX0381', { year: 2026, courtCode: 'XX0381', type: '民初', seq: 1 }],
    ['unknown type', { year: 2026, courtCode: '黔0381', type: '刑初' as never, seq: 1 }],
    ['division of two characters', { year: 2026, courtCode: '黔0381', type: '民初', seq: 1, division: '知识' }],
  ])('rejects %s', (_label, parts) => {
    expect(() => formatCaseNumber(parts)).toThrow(RangeError);
  });
});

describe('parseCaseNumber: brief §9.2 vectors', () => {
  it.each<[string, CaseNumber, CaseNumberFlag[]]>([
    ['（2023）黔0381民诉前调123号', { year: 2023, courtCode: '黔0381', type: '民诉前调', seq: 123 }, []],
    ['(2021)川0104民诉前调801号', { year: 2021, courtCode: '川0104', type: '民诉前调', seq: 801 }, []],
    ['(2024)浙02民诉前调595号', { year: 2024, courtCode: '浙02', type: '民诉前调', seq: 595 }, []],
    ['(2024)粤0604诉前调确1716号', { year: 2024, courtCode: '粤0604', type: '诉前调确', seq: 1716 }, []],
    ['（2017）津0105民特2号', { year: 2017, courtCode: '津0105', type: '民特', seq: 2 }, []],
    ['（2025）黔0381民诉前调1号', { year: 2025, courtCode: '黔0381', type: '民诉前调', seq: 1 }, ['type_abolished']],
    ['（2021）黔0381诉前调确1号', { year: 2021, courtCode: '黔0381', type: '诉前调确', seq: 1 }, ['type_not_yet_in_force']],
  ])('%s', (input, parsed, flags) => {
    expect(parseCaseNumber(input)).toEqual(parsed);
    expect(caseNumberFlags(parsed, TODAY)).toEqual(flags);
  });
});

describe('caseNumberFlags: year boundaries', () => {
  const flagsOf = (text: string): CaseNumberFlag[] => {
    const parsed = parseCaseNumber(text);
    if (!parsed) throw new Error(`unparsable vector ${text}`);
    return caseNumberFlags(parsed, TODAY);
  };

  it.each<[string, CaseNumberFlag[]]>([
    ['（2024）黔0381民诉前调9999号', []],
    ['（2025）黔0381民诉前调1号', ['type_abolished']],
    ['（2026）黔0381民诉前调1号', ['type_abolished']],
    ['（2021）黔0381诉前调确1号', ['type_not_yet_in_force']],
    ['（2022）黔0381诉前调确1号', []],
    ['（2021）黔0381诉前调书1号', ['type_not_yet_in_force']],
    ['（2022）黔0381诉前调书1号', []],
    ['（2025）黔0381诉前调确1号', []],
    ['（2015）黔0381民特1号', ['type_not_yet_in_force']],
    ['（2016）黔0381民特1号', []],
    ['（2015）黔0381民初1号', ['type_not_yet_in_force']],
    ['（2016）黔0381民初1号', []],
    ['（2025）黔0381民初1号', []],
    ['（2026）黔0381民初1号', []],
    ['（2027）黔0381民初1号', ['year_in_future']],
    ['（2027）黔0381民诉前调1号', ['type_abolished', 'year_in_future']],
    ['（2010）黔0381民诉前调1号', []],
  ])('%s → %j', (text, flags) => {
    expect(flagsOf(text)).toEqual(flags);
  });

  it('defaults "today" to China time', () => {
    const parsed = parseCaseNumber('（9999）黔0381民初1号');
    expect(parsed && caseNumberFlags(parsed)).toEqual(['year_in_future']);
  });
});

describe('parseCaseNumber: other accepted spellings', () => {
  it.each<[string, CaseNumber]>([
    ['(2026)黔0381民诉前调1号', { year: 2026, courtCode: '黔0381', type: '民诉前调', seq: 1 }],
    ['（2026)黔0381民初12号', { year: 2026, courtCode: '黔0381', type: '民初', seq: 12 }],
    [' （2026）黔0381民初12号 ', { year: 2026, courtCode: '黔0381', type: '民初', seq: 12 }],
    ['（２０２６）黔０３８１民初１２号', { year: 2026, courtCode: '黔0381', type: '民初', seq: 12 }],
    ['（2017）京04民终367号', { year: 2017, courtCode: '京04', type: '民终', seq: 367 }],
    ['（2019）京73知民初1号', { year: 2019, courtCode: '京73', type: '民初', seq: 1, division: '知' }],
    ['（2020）新民终5号', { year: 2020, courtCode: '新', type: '民终', seq: 5 }],
    ['（2022）兵0101民特3号', { year: 2022, courtCode: '兵0101', type: '民特', seq: 3 }],
    ['（2023）黔0381诉前调书44号', { year: 2023, courtCode: '黔0381', type: '诉前调书', seq: 44 }],
  ])('%s', (input, parsed) => {
    expect(parseCaseNumber(input)).toEqual(parsed);
  });
});

describe('parseCaseNumber: rejected', () => {
  it.each([
    ['missing 号', '（2026）黔0381民初1'],
    ['missing brackets', '2026黔0381民初1号'],
    ['square brackets', '[2026]黔0381民初1号'],
    ['two-digit year', '（26）黔0381民初1号'],
    ['sequence 0', '（2026）黔0381民初0号'],
    ['leading zero in sequence', '（2026）黔0381民初01号'],
    ['no sequence', '（2026）黔0381民初号'],
    ['unknown court character', '（2026）贵0381民初1号'],
    ['court code of 3 digits', '（2026）黔038民初1号'],
    ['unknown type', '（2026）黔0381刑初1号'],
    ['old 字第 format', '（2015）赤民初字第123号'],
    ['trailing text', '（2026）黔0381民初1号之一'],
    ['empty', ''],
  ])('%s: %p', (_label, input) => {
    expect(parseCaseNumber(input)).toBeNull();
  });

  it('rejects a non-string at runtime', () => {
    expect(parseCaseNumber(null as unknown as string)).toBeNull();
  });
});

describe('number types by track', () => {
  it.each([
    ['pre_litigation', '民诉前调'],
    ['entrusted', '民初'],
  ] as const)('%s registers under %s', (track, type) => {
    expect(registrationNumberType(track)).toBe(type);
  });

  it.each([
    ['pre_litigation', '2021-12-31', '民特'],
    ['pre_litigation', '2022-01-01', '诉前调确'],
    ['pre_litigation', '2019-06-01', '民特'],
    ['pre_litigation', '2024-12-31', '诉前调确'],
    ['pre_litigation', '2026-11-23', '诉前调确'],
    ['entrusted', '2021-12-31', '民特'],
    ['entrusted', '2022-01-01', '民特'],
    ['entrusted', '2026-11-23', '民特'],
  ] as const)('%s confirmation applied on %s → %s', (track, appliedOn, type) => {
    expect(confirmationNumberType(track, appliedOn)).toBe(type);
  });

  it.each(['2022-02-30', '20220101', ''])('rejects appliedOn %p', (appliedOn) => {
    expect(() => confirmationNumberType('pre_litigation', appliedOn)).toThrow(RangeError);
  });
});

describe('the type table', () => {
  it('holds valid periods', () => {
    for (const { validFrom, validUntil } of Object.values(CASE_NUMBER_TYPES) as {
      validFrom: string | null;
      validUntil: string | null;
    }[]) {
      if (validFrom !== null) expect(validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (validUntil !== null) expect(validUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      if (validFrom !== null && validUntil !== null) expect(validFrom < validUntil).toBe(true);
    }
  });
});

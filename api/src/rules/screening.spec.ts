import { describe, expect, it } from '@jest/globals';
import { screen, type ScreeningInput, type ScreeningParty } from './screening.js';

const a: ScreeningParty = {
  role: 'applicant',
  name: '刘小富',
  idNumber: '52038119900101123X',
  phone: '13800000000',
  address: '赤水市人民北路12号',
};
const r: ScreeningParty = {
  role: 'respondent',
  name: '赤水市某超市有限公司',
  creditCode: '91520381MA6DKQ4X1B',
  phone: '0851-22800000',
  address: '赤水市红军大道88号',
  representative: '张某',
};
const base: ScreeningInput = { parties: [a, r], claimAmountFen: 1_200_000n, evidenceOnFile: true, otherCases: [] };

describe('虚假调解 screening', () => {
  it.each<[string, Partial<ScreeningInput>, string[]]>([
    ['an ordinary case raises nothing', {}, []],
    ['same pair in another case', { otherCases: [{ caseNumber: '（2026）黔0381民初3号', parties: [a, r] }] }, ['RECURRING_PARTIES']],
    ['same address', { parties: [a, { ...r, address: ' 赤水市人民北路12号 ' }] }, ['RELATED_PARTIES']],
    ['same phone', { parties: [a, { ...r, phone: '13800000000' }] }, ['RELATED_PARTIES']],
    ['same representative', { parties: [{ ...a, representative: '张某' }, r] }, ['RELATED_PARTIES']],
    ['large sum without evidence', { claimAmountFen: 60_000_000n, evidenceOnFile: false }, ['LARGE_SUM_THIN_EVIDENCE']],
    ['large sum with evidence', { claimAmountFen: 60_000_000n, evidenceOnFile: true }, []],
    ['small sum without evidence', { claimAmountFen: 49_999_999n, evidenceOnFile: false }, []],
    [
      'a party in three other cases',
      {
        otherCases: [1, 2, 3].map((n) => ({
          caseNumber: `（2026）黔0381民初${n}号`,
          parties: [a, { role: 'respondent' as const, name: `他人${n}` }],
        })),
      },
      ['RECURRING_PARTIES'],
    ],
  ])('%s', (_l, over, codes) => {
    const flags = screen({ ...base, ...over });
    expect(flags.map((f) => f.code)).toEqual(codes);
    for (const f of flags) expect(f.reason.length).toBeGreaterThan(4);
  });
});

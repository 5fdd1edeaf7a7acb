import { describe, expect, it } from '@jest/globals';
import {
  averageMediationDays,
  compareRanking,
  litigationRatePer10k,
  onTimeRate,
  ratio,
  redBlackLists,
  successRate,
  type RankingFigures,
} from './kpi.js';

describe('brief §9.4 KPI vectors', () => {
  it('success rate 2023: 1,199.81万 / 1,745.98万 = 68.72%', () => {
    // 1,745.98万 ended, of which 1,199.81万 with an agreement.
    expect(successRate({ agreed: 11_998_100, failed: 17_459_800 - 11_998_100, withdrawn: 0 })).toBe(0.6872);
  });

  it('success rate Yangzhou 2012: 8,270 / 16,328 = 50.65%', () => {
    expect(successRate({ agreed: 8_270, failed: 8_000, withdrawn: 58 })).toBe(0.5065);
  });

  it('diversion share 2020: 424 / (424 + 1,313.6) = 24.40%', () => {
    expect(ratio(4_240, 4_240 + 13_136, 4)).toBe(0.244);
  });

  it('万人起诉率: 3,000 cases, population 480,000 + 20,000 floating = 60.0', () => {
    expect(litigationRatePer10k(3_000, 480_000, 20_000)).toBe(60);
  });
});

describe('ratio', () => {
  it.each([
    [1, 3, 4, 0.3333],
    [2, 3, 4, 0.6667],
    [1, 8, 2, 0.13], // 0.125 rounds half up
    [1, 16, 4, 0.0625],
    [5, 5, 4, 1],
    [0, 7, 4, 0],
    [10_000_001n, 20_000_000n, 4, 0.5], // 0.50000005
    [1, 20_000, 4, 0.0001], // 0.00005 → half up
    [1, 20_001, 4, 0],
  ] as const)('%s / %s to %s decimals = %s', (n, d, decimals, expected) => {
    expect(ratio(n, d, decimals)).toBe(expected);
  });

  it('is null for an empty denominator and refuses negatives', () => {
    expect(ratio(0, 0, 4)).toBeNull();
    expect(successRate({ agreed: 0, failed: 0, withdrawn: 0 })).toBeNull();
    expect(onTimeRate(0, 0)).toBeNull();
    expect(averageMediationDays(0, 0)).toBeNull();
    expect(litigationRatePer10k(10, 0, 0)).toBeNull();
    expect(() => ratio(-1, 2, 4)).toThrow(RangeError);
  });

  it('averages days to 2 decimals (national 2020: 23.33 days)', () => {
    expect(averageMediationDays(70n, 3)).toBe(23.33);
    expect(averageMediationDays(1, 8)).toBe(0.13);
  });

  it('withdrawals count as ended without agreement', () => {
    expect(successRate({ agreed: 1, failed: 0, withdrawn: 1 })).toBe(0.5);
  });
});

describe('红黑榜 order', () => {
  const org = (name: string, ended: number, onTime: number, success: number, days: number): RankingFigures => ({
    name,
    ended,
    onTimeRate: onTime,
    successRate: success,
    averageMediationDays: days,
  });

  it('ranks on-time rate, then success rate, then fewer days, then more cases, then name', () => {
    const list = [
      org('丁', 10, 0.9, 0.5, 10),
      org('甲', 10, 1, 0.5, 20),
      org('乙', 10, 0.9, 0.7, 20),
      org('丙', 10, 0.9, 0.5, 5),
      org('戊', 20, 0.9, 0.5, 10),
      org('己', 10, 0.9, 0.5, 10),
    ];
    expect([...list].sort(compareRanking).map((o) => o.name)).toEqual(['甲', '乙', '丙', '戊', '丁', '己']);
  });

  it('ranks the parties’ satisfaction right after the on-time rate, organizations without ratings after those with', () => {
    const rated = (name: string, onTime: number, satisfaction: number | null, success: number) => ({
      ...org(name, 10, onTime, success, 10),
      satisfactionRate: satisfaction,
    });
    const list = [rated('无评价', 0.9, null, 0.9), rated('低', 0.9, 0.5, 0.9), rated('高', 0.9, 0.98, 0.1), rated('按期', 1, 0, 0)];
    expect([...list].sort(compareRanking).map((o) => o.name)).toEqual(['按期', '高', '低', '无评价']);
  });

  it('puts each organization on one list at most, the worst first on the black list', () => {
    const list = [1, 2, 3, 4, 5].map((i) => org(`o${i}`, 10, i / 10, 0.5, 10));
    const { red, black } = redBlackLists(list, 2);
    expect(red.map((o) => o.name)).toEqual(['o5', 'o4']);
    expect(black.map((o) => o.name)).toEqual(['o1', 'o2']);
    const three = redBlackLists(list.slice(0, 3), 2);
    expect(three.red.map((o) => o.name)).toEqual(['o3', 'o2']);
    expect(three.black.map((o) => o.name)).toEqual(['o1']);
    const small = redBlackLists(list.slice(0, 3), 10);
    expect(small.red.map((o) => o.name)).toEqual(['o3', 'o2']);
    expect(small.black.map((o) => o.name)).toEqual(['o1']);
    expect(redBlackLists(list.slice(0, 1), 10)).toEqual({ red: [list[0]], black: [] });
    expect(redBlackLists([], 10)).toEqual({ red: [], black: [] });
  });
});

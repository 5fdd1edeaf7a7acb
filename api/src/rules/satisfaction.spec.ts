import { describe, expect, it } from '@jest/globals';
import { CASE_STATUSES } from './case-status.js';
import { addScore, isScore, mediationEnded, satisfactionRate, zeroSatisfaction } from './satisfaction.js';

const of = (...scores: number[]) => scores.reduce((c, s) => addScore(c, s), zeroSatisfaction());

describe('satisfactionRate', () => {
  it.each<[number[], number | null]>([
    [[], null],
    [[5], 1],
    [[3], 0],
    [[4], 1],
    [[1, 2, 3], 0],
    [[4, 5, 3, 1], 0.5],
    [[5, 5, 4], 1],
    [[5, 4, 3], 0.6667],
    [[5, 1, 1], 0.3333],
    // 赤水's 98.48 %: 65 of 66 satisfied
    [[...Array(65).fill(5), 2], 0.9848],
  ])('%j → %p', (scores, rate) => {
    expect(satisfactionRate(of(...scores))).toBe(rate);
  });

  it('counts ratings and satisfied ones', () => {
    expect(of(1, 4, 5, 3)).toEqual({ ratings: 4, satisfied: 2 });
  });

  it('rejects what is not a score 1–5', () => {
    for (const bad of [0, 6, 3.5, -1, Number.NaN]) {
      expect(isScore(bad)).toBe(false);
      expect(() => addScore(zeroSatisfaction(), bad)).toThrow(RangeError);
    }
    for (const good of [1, 2, 3, 4, 5]) expect(isScore(good)).toBe(true);
  });
});

describe('mediationEnded', () => {
  it('is true once the mediation left in_mediation, false before', () => {
    const before = ['registered', 'delegated', 'in_mediation'];
    for (const s of CASE_STATUSES) expect(mediationEnded(s)).toBe(!before.includes(s));
  });
});

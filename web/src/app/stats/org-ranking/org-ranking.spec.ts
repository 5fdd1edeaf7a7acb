import { describe, expect, it } from 'vitest';
import { MIN_ENDED, rankOrganizations } from './org-ranking';

const org = (name: string, successRate: number | null, agreed: number, failed: number, onTimeRate = 0.9) => ({
  name,
  successRate,
  onTimeRate,
  agreed,
  failed,
  received: agreed + failed,
});

describe('rankOrganizations (红黑榜)', () => {
  it('ranks by success rate, best on the red list and worst first on the black list', () => {
    const rows = [org('甲', 0.5, 5, 5), org('乙', 0.9, 9, 1), org('丙', 0.2, 2, 8), org('丁', 0.7, 7, 3)];
    const { red, black } = rankOrganizations(rows);
    expect(red.map((o) => o.name)).toEqual(['乙', '丁', '甲', '丙']);
    expect(black).toEqual([]); // with four committees everyone fits on the red list
  });

  it('leaves out committees with too few ended cases or no rate, and never lists one twice', () => {
    const rows = [
      ...Array.from({ length: 25 }, (_, i) => org(`会${i}`, i / 25, 10, 10)),
      org('新会', 1, MIN_ENDED - 1, 0),
      org('无率', null, 0, 0),
    ];
    const { red, black } = rankOrganizations(rows);
    expect(red).toHaveLength(10);
    expect(black).toHaveLength(10);
    expect(red[0].name).toBe('会24');
    expect(black[0].name).toBe('会0');
    const names = [...red, ...black].map((o) => o.name);
    expect(new Set(names).size).toBe(20);
    expect(names).not.toContain('新会');
    expect(names).not.toContain('无率');
  });
});

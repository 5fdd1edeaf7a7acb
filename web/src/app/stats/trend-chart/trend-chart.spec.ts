import { describe, expect, it } from 'vitest';
import { inMonthOrder } from './trend-chart';

describe('inMonthOrder', () => {
  it('orders months by their key, not by the Chinese label', () => {
    const rows = [
      { key: '2026-10', label: '2026年10月' },
      { key: '2026-02', label: '2026年2月' },
      { key: '2026-01', label: '2026年1月' },
    ];
    expect(inMonthOrder(rows).map((r) => r.label)).toEqual(['2026年1月', '2026年2月', '2026年10月']);
  });
});

import { describe, expect, it } from '@jest/globals';
import { WorkingCalendar } from '../rules/calendar.js';
import type { ObligationStatus } from '../rules/obligations.js';
import { addCounters, addObligation, type ObligationForStats, performanceFigures, zeroPerformance } from './performance.js';

const cal = new WorkingCalendar();
const ob = (dueOn: string, status: ObligationStatus, paidOn: string | null = null, amount = 10000n, paid = 0n): ObligationForStats => ({
  dueOn,
  status,
  amountFen: amount,
  paidFen: paid,
  paidOn,
});

describe('one obligation in the performance figures', () => {
  // [case, obligation, today, counted, onTime, defaulted]
  const table: [string, ObligationForStats, string, number, number, number][] = [
    ['paid on the due date', ob('2026-11-20', 'performed', '2026-11-20', 10000n, 10000n), '2026-12-01', 1, 1, 0],
    ['paid before the due date', ob('2026-11-20', 'performed', '2026-11-02', 10000n, 10000n), '2026-11-05', 1, 1, 0],
    [
      'due on a Saturday, paid the Monday after (last day to pay)',
      ob('2026-11-21', 'performed', '2026-11-23', 10000n, 10000n),
      '2026-12-01',
      1,
      1,
      0,
    ],
    ['due on a Saturday, paid the Tuesday after', ob('2026-11-21', 'performed', '2026-11-24', 10000n, 10000n), '2026-12-01', 1, 0, 1],
    [
      'due on National Day, paid on 10-08 (first working day)',
      ob('2026-10-01', 'performed', '2026-10-08', 10000n, 10000n),
      '2026-10-20',
      1,
      1,
      0,
    ],
    ['paid late (after the last day)', ob('2026-11-20', 'performed', '2026-11-25', 10000n, 10000n), '2026-12-01', 1, 0, 1],
    ['defaulted', ob('2026-11-20', 'defaulted'), '2026-12-01', 1, 0, 1],
    ['recorded as defaulted before the due date', ob('2026-11-20', 'defaulted'), '2026-11-10', 1, 0, 1],
    ['still open after the last day (job not yet run)', ob('2026-11-20', 'due'), '2026-11-21', 1, 0, 1],
    ['open on the last day to pay: pending', ob('2026-11-21', 'due'), '2026-11-23', 1, 0, 0],
    ['partly paid, not yet due: pending', ob('2026-11-20', 'partially_performed', '2026-11-10', 10000n, 4000n), '2026-11-15', 1, 0, 0],
    ['partly paid, past due: defaulted', ob('2026-11-20', 'partially_performed', '2026-11-10', 10000n, 4000n), '2026-11-23', 1, 0, 1],
    ['waived: not counted', ob('2026-11-20', 'waived'), '2026-12-01', 0, 0, 0],
  ];
  it.each(table)('%s', (_name, o, today, counted, onTime, defaulted) => {
    const c = zeroPerformance();
    addObligation(c, o, today, cal);
    expect([c.due, c.performedOnTime, c.defaulted]).toEqual([counted, onTime, defaulted]);
    expect(c.amountDueFen).toBe(counted ? o.amountFen : 0n);
    expect(c.amountPaidFen).toBe(counted ? o.paidFen : 0n);
  });
});

describe('performance figures', () => {
  it('are null rates and zero amounts when nothing is due', () => {
    expect(performanceFigures(zeroPerformance())).toEqual({
      obligationsDue: 0,
      obligationsPerformedOnTime: 0,
      obligationsDefaulted: 0,
      performanceRate: null,
      defaultRate: null,
      amountDue: '0.00',
      amountPaid: '0.00',
    });
  });

  it('divide by the obligations due, four decimals, money exact', () => {
    const c = zeroPerformance();
    const today = '2026-12-01';
    addObligation(c, ob('2026-11-20', 'performed', '2026-11-20', 33333n, 33333n), today, cal);
    addObligation(c, ob('2026-11-20', 'defaulted', null, 10001n, 0n), today, cal);
    addObligation(c, ob('2026-11-20', 'partially_performed', '2026-11-19', 10000n, 1n), today, cal);
    addObligation(c, ob('2026-12-20', 'due', null, 5n, 0n), today, cal);
    addObligation(c, ob('2026-11-20', 'waived', null, 99999n, 0n), today, cal);
    const total = zeroPerformance();
    addCounters(total, c);
    addCounters(total, zeroPerformance());
    expect(performanceFigures(total)).toEqual({
      obligationsDue: 4,
      obligationsPerformedOnTime: 1,
      obligationsDefaulted: 2,
      performanceRate: 0.25,
      defaultRate: 0.5,
      amountDue: '533.39',
      amountPaid: '333.34',
    });
  });

  it('round rates to four decimals', () => {
    const c = zeroPerformance();
    for (const s of ['performed', 'defaulted', 'defaulted'] as const)
      addObligation(
        c,
        ob('2026-11-20', s, s === 'performed' ? '2026-11-20' : null, 100n, s === 'performed' ? 100n : 0n),
        '2026-12-01',
        cal,
      );
    expect(performanceFigures(c)).toMatchObject({ performanceRate: 0.3333, defaultRate: 0.6667 });
  });
});

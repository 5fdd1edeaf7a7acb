import { describe, expect, it } from '@jest/globals';
import { WorkingCalendar } from './calendar.js';
import { formatMoney, parseMoney } from './money.js';
import {
  applyPerformance,
  canRecord,
  isInDefault,
  lastDayToPay,
  type ObligationStatus,
  outstandingFen,
  performedOnTime,
  type RecordableStatus,
  reminderDay,
  windowEnd,
} from './obligations.js';

const fen = (s: string) => {
  const r = parseMoney(s);
  if (!r.ok) throw new Error(s);
  return r.fen;
};
const cal = new WorkingCalendar();

describe('obligation transitions', () => {
  const table: [ObligationStatus, RecordableStatus, boolean][] = [
    ['due', 'performed', true],
    ['due', 'partially_performed', true],
    ['due', 'defaulted', true],
    ['due', 'waived', true],
    ['partially_performed', 'partially_performed', true],
    ['partially_performed', 'performed', true],
    ['partially_performed', 'defaulted', true],
    ['defaulted', 'performed', true],
    ['defaulted', 'partially_performed', true],
    ['defaulted', 'defaulted', false],
    ['performed', 'partially_performed', false],
    ['performed', 'waived', false],
    ['waived', 'performed', false],
  ];
  it.each(table)('%s → %s: %s', (from, to, ok) => expect(canRecord(from, to)).toBe(ok));
});

describe('applyPerformance', () => {
  const due = { status: 'due' as const, amountFen: fen('1000.00'), paidFen: 0n };
  it.each<[string, RecordableStatus, string | null, string, string]>([
    ['full payment without amount', 'performed', null, 'performed', '1000.00'],
    ['full payment with exact amount', 'performed', '1000.00', 'performed', '1000.00'],
    ['instalment', 'partially_performed', '333.33', 'partially_performed', '333.33'],
    ['instalment that covers all', 'partially_performed', '1000.00', 'performed', '1000.00'],
    ['default', 'defaulted', null, 'defaulted', '0.00'],
    ['waiver', 'waived', null, 'waived', '0.00'],
  ])('%s', (_name, to, paid, status, total) => {
    const r = applyPerformance(due, to, paid === null ? null : fen(paid));
    expect(r).toEqual({ ok: true, status, paidFen: fen(total) });
  });

  it.each<[string, RecordableStatus, string | null, string]>([
    ['instalment without amount', 'partially_performed', null, 'amount_required'],
    ['more than owed', 'partially_performed', '1000.01', 'exceeds_outstanding'],
    ['performed with less', 'performed', '999.99', 'does_not_cover'],
    ['default with money', 'defaulted', '1.00', 'amount_not_allowed'],
    ['zero instalment', 'partially_performed', '0.00', 'amount_not_positive'],
  ])('refuses %s', (_name, to, paid, reason) => {
    expect(applyPerformance(due, to, paid === null ? null : fen(paid))).toEqual({ ok: false, reason });
  });

  it('sums instalments exactly (0.10 + 0.20 = 0.30, no floats) and closes on the last one', () => {
    let s: { status: ObligationStatus; amountFen: bigint; paidFen: bigint } = { status: 'due', amountFen: fen('0.30'), paidFen: 0n };
    for (const [paid, status] of [
      ['0.10', 'partially_performed'],
      ['0.10', 'partially_performed'],
      ['0.10', 'performed'],
    ] as const) {
      const r = applyPerformance(s, 'partially_performed', fen(paid));
      if (!r.ok) throw new Error(r.reason);
      expect(r.status).toBe(status);
      s = { ...s, status: r.status, paidFen: r.paidFen };
    }
    expect(formatMoney(s.paidFen)).toBe('0.30');
    expect(formatMoney(outstandingFen(s))).toBe('0.00');
  });

  it('shows what is outstanding with two decimals', () => {
    expect(formatMoney(outstandingFen({ status: 'partially_performed', amountFen: fen('1000.00'), paidFen: fen('333.33') }))).toBe(
      '666.67',
    );
    expect(formatMoney(outstandingFen({ status: 'waived', amountFen: fen('1000.00'), paidFen: 0n }))).toBe('0.00');
    expect(formatMoney(outstandingFen({ status: 'defaulted', amountFen: fen('1000.00'), paidFen: 0n }))).toBe('1000.00');
  });
});

describe('due dates on the working calendar', () => {
  it.each([
    // due on a working day: that day
    ['2026-03-10', '2026-03-10'],
    // due on a Saturday: the Monday after
    ['2026-03-14', '2026-03-16'],
    // due on National Day 2026-10-01: the first working day after the holiday
    ['2026-10-01', '2026-10-08'],
  ])('last day to pay for %s is %s', (due, last) => expect(lastDayToPay(due, cal)).toBe(last));

  it.each([
    // 3 working days before Tuesday 2026-03-10: Thursday 2026-03-05
    ['2026-03-10', 3, '2026-03-05'],
    // before Monday 2026-03-16: Wednesday 2026-03-11
    ['2026-03-16', 3, '2026-03-11'],
    ['2026-03-16', 1, '2026-03-13'],
    ['2026-03-16', 0, '2026-03-16'],
  ])('reminder for %s with %i lead days goes out on %s', (due, lead, day) => expect(reminderDay(due, lead, cal)).toBe(day));

  it.each<[ObligationStatus, string, string, boolean]>([
    ['due', '2026-03-10', '2026-03-10', false],
    ['due', '2026-03-10', '2026-03-11', true],
    ['partially_performed', '2026-03-10', '2026-03-11', true],
    ['performed', '2026-03-10', '2026-03-11', false],
    ['waived', '2026-03-10', '2026-04-11', false],
    // due Saturday: not in default on the Monday, in default on the Tuesday
    ['due', '2026-03-14', '2026-03-16', false],
    ['due', '2026-03-14', '2026-03-17', true],
  ])('%s due %s is in default on %s: %s', (status, dueOn, today, expected) =>
    expect(isInDefault({ status, dueOn }, today, cal)).toBe(expected),
  );

  it('windows of the follow-up desk', () => {
    expect(windowEnd('overdue', '2026-03-10')).toBe('2026-03-09');
    expect(windowEnd('week', '2026-03-10')).toBe('2026-03-17');
    expect(windowEnd('month', '2026-03-10')).toBe('2026-04-09');
  });

  it('on time: paid in full by the last day to pay', () => {
    expect(performedOnTime({ status: 'performed', dueOn: '2026-03-14', paidOn: '2026-03-16' }, cal)).toBe(true);
    expect(performedOnTime({ status: 'performed', dueOn: '2026-03-14', paidOn: '2026-03-17' }, cal)).toBe(false);
    expect(performedOnTime({ status: 'partially_performed', dueOn: '2026-03-14', paidOn: '2026-03-10' }, cal)).toBe(false);
  });
});

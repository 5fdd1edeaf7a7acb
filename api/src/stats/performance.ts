/**
 * Performance of mediation agreements in the statistics (issue 17 item 5). Pure: no Nest, no
 * TypeORM. An obligation (one agreement term) counts in the period its due date (`dueOn`) falls
 * in; waived obligations are not counted (nothing is owed).
 *
 * | figure                     | an obligation due in the period counts when …                           |
 * |----------------------------|---------------------------------------------------------------------------|
 * | obligationsDue             | always (not waived)                                                       |
 * | obligationsPerformedOnTime | fully performed on or before its last day to pay (rules/obligations.ts)   |
 * | obligationsDefaulted       | recorded as defaulted, or its last day to pay has passed (today) without  |
 * |                            | full performance by then (still open, or paid late)                       |
 * | amountDue / amountPaid     | its amount / what has been paid on it so far                              |
 *
 * performanceRate = performedOnTime ÷ due, defaultRate = defaulted ÷ due (four decimals, null when
 * nothing is due). The rest (due, not yet past the last day to pay, not yet performed) is pending.
 */
import { formatMoney } from '../rules/money.js';
import { lastDayToPay, type ObligationStatus, performedOnTime, rate, type WorkdayCalendar } from '../rules/obligations.js';

export interface ObligationForStats {
  dueOn: string;
  status: ObligationStatus;
  amountFen: bigint;
  paidFen: bigint;
  paidOn: string | null;
}

export interface PerformanceCounters {
  due: number;
  performedOnTime: number;
  defaulted: number;
  amountDueFen: bigint;
  amountPaidFen: bigint;
}

export const zeroPerformance = (): PerformanceCounters => ({
  due: 0,
  performedOnTime: 0,
  defaulted: 0,
  amountDueFen: 0n,
  amountPaidFen: 0n,
});

/** Adds one obligation (already known to be due in the period) to the counters, as things stand on `today`. */
export function addObligation(into: PerformanceCounters, o: ObligationForStats, today: string, cal: WorkdayCalendar): void {
  if (o.status === 'waived') return;
  const onTime = performedOnTime(o, cal);
  into.due += 1;
  into.amountDueFen += o.amountFen;
  into.amountPaidFen += o.paidFen;
  if (onTime) into.performedOnTime += 1;
  else if (o.status === 'defaulted' || today > lastDayToPay(o.dueOn, cal)) into.defaulted += 1;
}

export interface PerformanceFigures {
  obligationsDue: number;
  obligationsPerformedOnTime: number;
  obligationsDefaulted: number;
  performanceRate: number | null;
  defaultRate: number | null;
  amountDue: string;
  amountPaid: string;
}

export function performanceFigures(c: PerformanceCounters): PerformanceFigures {
  return {
    obligationsDue: c.due,
    obligationsPerformedOnTime: c.performedOnTime,
    obligationsDefaulted: c.defaulted,
    performanceRate: rate(c.performedOnTime, c.due),
    defaultRate: rate(c.defaulted, c.due),
    amountDue: formatMoney(c.amountDueFen),
    amountPaid: formatMoney(c.amountPaidFen),
  };
}

export function addCounters(into: PerformanceCounters, c: PerformanceCounters): void {
  into.due += c.due;
  into.performedOnTime += c.performedOnTime;
  into.defaulted += c.defaulted;
  into.amountDueFen += c.amountDueFen;
  into.amountPaidFen += c.amountPaidFen;
}

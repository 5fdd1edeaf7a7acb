/**
 * Performance of a mediation agreement (人民调解法 Art. 31 ¶2: the committee follows up on
 * performance). Each agreement term is one obligation: it starts `due`, and is `performed`,
 * `partially_performed`, `defaulted` (the due date passed without full payment) or `waived` by the
 * obligee. Money is integer fen (bigint) throughout; no floats.
 */
import { addCalendarDays, type IsoDate } from './calendar.js';

export const OBLIGATION_STATUSES = ['due', 'performed', 'partially_performed', 'defaulted', 'waived'] as const;
export type ObligationStatus = (typeof OBLIGATION_STATUSES)[number];

/** The statuses a performance record may set (`due` is only where an obligation starts). */
export const RECORDABLE_STATUSES = ['performed', 'partially_performed', 'defaulted', 'waived'] as const;
export type RecordableStatus = (typeof RECORDABLE_STATUSES)[number];

/** Statuses in which something is still owed and reminders/default apply. */
export const OPEN_STATUSES: readonly ObligationStatus[] = ['due', 'partially_performed'];
export const isOpen = (s: ObligationStatus) => OPEN_STATUSES.includes(s);

/** Which status may follow which: `performed` and `waived` are final; a defaulted debtor may still pay late. */
const NEXT: Record<ObligationStatus, readonly RecordableStatus[]> = {
  due: ['performed', 'partially_performed', 'defaulted', 'waived'],
  partially_performed: ['performed', 'partially_performed', 'defaulted', 'waived'],
  defaulted: ['performed', 'partially_performed', 'waived'],
  performed: [],
  waived: [],
};

export const canRecord = (from: ObligationStatus, to: RecordableStatus) => NEXT[from].includes(to);

export interface ObligationState {
  status: ObligationStatus;
  amountFen: bigint;
  paidFen: bigint;
}

export type PerformanceError =
  'illegal_transition' | 'amount_required' | 'amount_not_allowed' | 'amount_not_positive' | 'exceeds_outstanding' | 'does_not_cover';

export type PerformanceResult = { ok: true; status: ObligationStatus; paidFen: bigint } | { ok: false; reason: PerformanceError };

/**
 * Applies one performance record. `paidFen` is what was paid with THIS record (an instalment);
 * the running total is `paidFen` of the state plus it.
 * - `performed`: pays the rest (when `paidFen` is omitted, the whole outstanding; when given, it must be exactly the outstanding).
 * - `partially_performed`: requires a positive `paidFen` below the outstanding (the whole outstanding makes it `performed`).
 * - `defaulted` / `waived`: no payment with it.
 */
export function applyPerformance(state: ObligationState, to: RecordableStatus, paidFen: bigint | null): PerformanceResult {
  if (!canRecord(state.status, to)) return { ok: false, reason: 'illegal_transition' };
  const outstanding = state.amountFen - state.paidFen;
  if (to === 'defaulted' || to === 'waived') {
    if (paidFen !== null) return { ok: false, reason: 'amount_not_allowed' };
    return { ok: true, status: to, paidFen: state.paidFen };
  }
  if (paidFen !== null && paidFen <= 0n) return { ok: false, reason: 'amount_not_positive' };
  if (paidFen !== null && paidFen > outstanding) return { ok: false, reason: 'exceeds_outstanding' };
  if (to === 'performed') {
    if (paidFen !== null && paidFen !== outstanding) return { ok: false, reason: 'does_not_cover' };
    return { ok: true, status: 'performed', paidFen: state.amountFen };
  }
  if (paidFen === null) return { ok: false, reason: 'amount_required' };
  const total = state.paidFen + paidFen;
  return { ok: true, status: total === state.amountFen ? 'performed' : 'partially_performed', paidFen: total };
}

/** What is still owed: nothing once performed or waived. */
export function outstandingFen(s: ObligationState): bigint {
  if (s.status === 'waived' || s.status === 'performed') return 0n;
  return s.amountFen - s.paidFen;
}

/** The part of a working calendar these rules need (WorkingCalendar has it). */
export interface WorkdayCalendar {
  isWorkingDay(date: IsoDate): boolean;
}

/**
 * The last day to pay: the due date, or when it is not a working day the first working day after it
 * (民事诉讼法 Art. 85 ¶3 by analogy), so a debtor is not in default over a holiday.
 */
export function lastDayToPay(dueOn: IsoDate, cal: WorkdayCalendar): IsoDate {
  let d = dueOn;
  for (let i = 0; i < 366 && !cal.isWorkingDay(d); i++) d = addCalendarDays(d, 1);
  return d;
}

/** The day the reminder goes out: `leadDays` working days before the due date (never after it). */
export function reminderDay(dueOn: IsoDate, leadDays: number, cal: WorkdayCalendar): IsoDate {
  let d = dueOn;
  let left = leadDays;
  for (let i = 0; left > 0 && i < 366; i++) {
    d = addCalendarDays(d, -1);
    if (cal.isWorkingDay(d)) left -= 1;
  }
  return d;
}

/** Whether an open obligation is in default on `today`: the last day to pay has passed. */
export function isInDefault(s: { status: ObligationStatus; dueOn: IsoDate }, today: IsoDate, cal: WorkdayCalendar): boolean {
  return isOpen(s.status) && today > lastDayToPay(s.dueOn, cal);
}

export const FOLLOWUP_WINDOWS = ['overdue', 'week', 'month'] as const;
export type FollowupWindow = (typeof FOLLOWUP_WINDOWS)[number];

/**
 * The due dates a follow-up desk window covers on `today`: `overdue` — open obligations whose last
 * day to pay (`dueOn`) is before today; `week` — also those due within 7 days; `month` — within 30.
 * Returns the latest `dueOn` included (inclusive); overdue ones are always included.
 */
export function windowEnd(window: FollowupWindow, today: IsoDate): IsoDate {
  if (window === 'overdue') return addCalendarDays(today, -1);
  return addCalendarDays(today, window === 'week' ? 7 : 30);
}

/** Whether an obligation was performed on time: fully paid on or before its last day to pay. */
export function performedOnTime(s: { status: ObligationStatus; dueOn: IsoDate; paidOn: IsoDate | null }, cal: WorkdayCalendar): boolean {
  return s.status === 'performed' && s.paidOn !== null && s.paidOn <= lastDayToPay(s.dueOn, cal);
}

/** share = part / whole as a ratio rounded to 4 decimals (null when nothing was due). */
export function rate(part: number, whole: number): number | null {
  if (whole === 0) return null;
  return Math.round((part / whole) * 10000) / 10000;
}

/** How a 回访 (follow-up of an agreement, 人民调解法 Art. 31 ¶2) was made. */
export const FOLLOWUP_METHODS = ['phone', 'visit', 'online', 'other'] as const;
export type FollowupMethod = (typeof FOLLOWUP_METHODS)[number];

/** What the 回访 found about the agreement's performance. */
export const FOLLOWUP_OUTCOMES = ['performed', 'partially_performed', 'not_performed', 'other'] as const;
export type FollowupOutcome = (typeof FOLLOWUP_OUTCOMES)[number];

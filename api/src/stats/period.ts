/**
 * Report periods: China-time calendar dates, both ends included. Pure.
 */
import { addCalendarDays, daysBetween, isIsoDate } from '../rules/calendar.js';
import { daysInMonth } from '../rules/chinese-date.js';
import { DomainError } from '../common/domain-error.js';

export interface Period {
  from: string;
  to: string;
}

/** Longest period a report accepts (a month breakdown lists every month of it). */
export const MAX_PERIOD_DAYS = 366 * 50;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** `from`/`to` as given, defaulting to 1 January of today's year … today (rules: contract). */
export function resolvePeriod(from: string | undefined, to: string | undefined, today: string): Period {
  const period = { from: from ?? `${today.slice(0, 4)}-01-01`, to: to ?? today };
  const errors: Record<string, string> = {};
  if (!isIsoDate(period.from)) errors.from = 'not_date';
  if (!isIsoDate(period.to)) errors.to = 'not_date';
  if (!errors.from && !errors.to) {
    if (period.from > period.to) errors.from = 'after_to';
    else if (daysBetween(period.from, period.to) > MAX_PERIOD_DAYS) errors.to = 'period_too_long';
  }
  if (Object.keys(errors).length) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Invalid period — ${Object.entries(errors)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')}`,
      errors,
    );
  }
  return period;
}

/** 'YYYY-MM' → the month's first and last day; `field` names the parameter in errors. */
export function monthPeriod(month: string, field = 'month'): Period {
  const m = MONTH.exec(month);
  if (!m) throw new DomainError('VALIDATION_FAILED', `${field}: expected YYYY-MM`, { [field]: 'not_month' });
  const last = daysInMonth(Number(m[1]), Number(m[2]));
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

export const monthOf = (day: string): string => day.slice(0, 7);

/** The month after 'YYYY-MM' (n may be negative). */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + n;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month touching the period, oldest first. */
export function monthsOf(p: Period): string[] {
  const out: string[] = [];
  for (let m = monthOf(p.from); m <= monthOf(p.to); m = addMonths(m, 1)) out.push(m);
  return out;
}

/**
 * How to read a period from the rollups: the whole months inside it from month rows, the days
 * before and after them from day rows. `months` is null when no month lies wholly inside.
 */
export interface PeriodSplit {
  months: Period | null;
  days: Period[];
}

export function splitPeriod(p: Period): PeriodSplit {
  const firstFull = p.from.endsWith('-01') ? monthOf(p.from) : addMonths(monthOf(p.from), 1);
  const lastFull = p.to === monthPeriod(monthOf(p.to)).to ? monthOf(p.to) : addMonths(monthOf(p.to), -1);
  if (firstFull > lastFull) return { months: null, days: [p] };
  const months = { from: `${firstFull}-01`, to: `${lastFull}-01` };
  const days: Period[] = [];
  if (p.from < months.from) days.push({ from: p.from, to: addCalendarDays(months.from, -1) });
  const afterLast = addCalendarDays(monthPeriod(lastFull).to, 1);
  if (afterLast <= p.to) days.push({ from: afterLast, to: p.to });
  return { months, days };
}

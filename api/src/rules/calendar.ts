/**
 * Working-day calendar and CPL Art. 85 period counting (期间计算).
 *
 * 《民事诉讼法》(2023) 第八十五条: "期间开始的时和日，不计算在期间内。期间届满的最后一日是法定休假日的，
 * 以法定休假日后的第一日为期间届满的日期。" rules.md ("Day counting") decides how we apply it:
 * - the day of the triggering event is not counted;
 * - a period in calendar days ends on its last day, rolled forward to the next working day when that
 *   day is not a working day (weekends count as rest days, brief §3.3, except make-up working days);
 * - "N working days" limits count only working days;
 * - working days follow the State Council schedule (`holidays.ts`) plus an admin override table;
 *   a year whose schedule is not published counts weekends only and the answer is `provisional`
 *   (it never fails); a start before the earliest known year is refused (`CalendarRangeError`).
 *
 * Dates are plain 'YYYY-MM-DD' strings (China calendar dates). All arithmetic is on whole UTC days,
 * so the server's timezone never shifts a date. `chinaToday()` turns an instant into the China date.
 */
import { EARLIEST_KNOWN_YEAR, HOLIDAY_SCHEDULES, makeUpWorkDaysOf, restDaysOf, type HolidaySchedule } from './holidays.js';

/** A calendar date 'YYYY-MM-DD'. */
export type IsoDate = string;
export type DayKind = 'rest' | 'work';
export type PeriodUnit = 'days' | 'workdays';

/** An admin's correction of one day; overrides win over the schedule and the weekend rule. */
export interface CalendarOverride {
  readonly date: IsoDate;
  readonly kind: DayKind;
  readonly note?: string;
}

export interface DeadlineResult {
  readonly start: IsoDate;
  readonly length: number;
  readonly unit: PeriodUnit;
  /** The day the period expires (inclusive: the act may still be done on this day). */
  readonly endsOn: IsoDate;
  /** `days` only: the raw last day was not a working day and the end moved forward (Art. 85 ¶3). */
  readonly rolledOver: boolean;
  /** Some day examined lies in a year without a published schedule (weekends-only assumption). */
  readonly provisional: boolean;
  readonly basis: string;
}

export interface RollResult {
  readonly date: IsoDate;
  readonly rolledOver: boolean;
  readonly provisional: boolean;
}

export type DayReason = 'override' | 'holiday' | 'makeup_workday' | 'weekend' | 'weekday';

export interface DayInfo {
  readonly date: IsoDate;
  readonly working: boolean;
  readonly reason: DayReason;
  /** The day's year has no published schedule, so only the weekend rule was applied. */
  readonly provisional: boolean;
}

export const DEADLINE_BASIS = '《民事诉讼法》第八十五条；国务院办公厅节假日安排';

/** Longest period accepted (10 years of days); guards loops and absurd input. */
export const MAX_PERIOD_LENGTH = 3660;

/** Thrown when a computation would start before the first year the calendar knows (API: 422). */
export class CalendarRangeError extends Error {
  readonly code = 'CALENDAR_RANGE' as const;
  constructor(
    readonly date: IsoDate,
    readonly earliestYear: number,
  ) {
    super(`${date} is before the earliest known calendar year ${earliestYear}`);
    this.name = 'CalendarRangeError';
  }
}

/** Thrown for malformed dates, lengths, units or overrides (API: 400). */
export class CalendarInputError extends Error {
  readonly code = 'CALENDAR_INPUT' as const;
  constructor(message: string) {
    super(message);
    this.name = 'CalendarInputError';
  }
}

// ---------------------------------------------------------------------------------------------
// Plain date arithmetic on 'YYYY-MM-DD' (day numbers since 1970-01-01, UTC-based, DST-free)
// ---------------------------------------------------------------------------------------------

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `s` is a real calendar date written 'YYYY-MM-DD' (rejects 2025-02-29, 2025-13-01, …). */
export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  return dt.getUTCFullYear() === y && dt.getUTCMonth() === mo - 1 && dt.getUTCDate() === d;
}

/** Day number (days since 1970-01-01) of a 'YYYY-MM-DD' date. */
export function toDayNumber(date: IsoDate): number {
  if (!isIsoDate(date)) throw new CalendarInputError(`invalid date '${String(date)}', expected YYYY-MM-DD`);
  const m = ISO_DATE.exec(date)!;
  const dt = new Date(0);
  // setUTCFullYear avoids Date.UTC's 0–99 → 1900+ mapping.
  dt.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(dt.getTime() / MS_PER_DAY);
}

/** 'YYYY-MM-DD' of a day number. */
export function fromDayNumber(n: number): IsoDate {
  const dt = new Date(n * MS_PER_DAY);
  const y = dt.getUTCFullYear();
  if (y < 0 || y > 9999) throw new CalendarInputError(`date out of range (year ${y})`);
  return `${String(y).padStart(4, '0')}-${String(dt.getUTCMonth() + 1).padStart(2, '0')}-${String(dt.getUTCDate()).padStart(2, '0')}`;
}

/** `date` plus `days` calendar days (negative allowed). */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new CalendarInputError(`days must be an integer, got ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Signed number of calendar days from `a` to `b` (b − a); 0 for the same day. */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/**
 * Today's date in China (Asia/Shanghai), whatever the server timezone. China has kept a fixed
 * UTC+8 offset without daylight saving since 1991, so a fixed offset is exact for every date we handle.
 */
export function chinaToday(now: Date = new Date()): IsoDate {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// The calendar
// ---------------------------------------------------------------------------------------------

export interface WorkingCalendarOptions {
  /** Defaults to `HOLIDAY_SCHEDULES` from holidays.ts. */
  readonly schedules?: readonly HolidaySchedule[];
  /** Admin overrides; on duplicates the last entry wins. */
  readonly overrides?: readonly CalendarOverride[];
  /**
   * Years to treat as published although the schedule table says otherwise: an admin who enters a
   * newly published year as overrides marks it here so its clocks stop being provisional.
   */
  readonly publishedYears?: readonly number[];
  /** Defaults to `EARLIEST_KNOWN_YEAR` (2024). */
  readonly earliestYear?: number;
}

export interface DeadlineOptions {
  /**
   * What to do when `start` precedes the earliest known year: `throw` (default, the calculator's
   * 422) or `provisional` (count weekends only and flag it; used by case clocks so an old case
   * still shows its dates instead of failing).
   */
  readonly beforeRange?: 'throw' | 'provisional';
}

export class WorkingCalendar {
  readonly earliestYear: number;
  private readonly published: ReadonlySet<number>;
  private readonly restDays: ReadonlySet<IsoDate>;
  private readonly workDays: ReadonlySet<IsoDate>;
  private readonly overrides: ReadonlyMap<IsoDate, DayKind>;

  constructor(options: WorkingCalendarOptions = {}) {
    const schedules = options.schedules ?? HOLIDAY_SCHEDULES;
    this.earliestYear = options.earliestYear ?? EARLIEST_KNOWN_YEAR;
    const publishedSchedules = schedules.filter((s) => s.published);
    this.published = new Set([...publishedSchedules.map((s) => s.year), ...(options.publishedYears ?? [])]);
    // Only published schedules contribute days: an unpublished year is weekends-only by rule.
    this.restDays = new Set(restDaysOf(publishedSchedules));
    this.workDays = new Set(makeUpWorkDaysOf(publishedSchedules));
    const overrides = new Map<IsoDate, DayKind>();
    for (const o of options.overrides ?? []) {
      if (!isIsoDate(o.date)) throw new CalendarInputError(`invalid override date '${String(o.date)}'`);
      if (o.kind !== 'rest' && o.kind !== 'work') throw new CalendarInputError(`invalid override kind '${String(o.kind)}'`);
      overrides.set(o.date, o.kind);
    }
    this.overrides = overrides;
  }

  /** Whether the State Council schedule of `year` is published (and entered). */
  isPublished(year: number): boolean {
    return this.published.has(year);
  }

  /** Why a day is (not) a working day. */
  describeDay(date: IsoDate): DayInfo {
    toDayNumber(date); // validates
    const provisional = !this.isPublished(yearOf(date));
    const override = this.overrides.get(date);
    if (override) return { date, working: override === 'work', reason: 'override', provisional };
    if (this.restDays.has(date)) return { date, working: false, reason: 'holiday', provisional };
    if (this.workDays.has(date)) return { date, working: true, reason: 'makeup_workday', provisional };
    const dow = dayOfWeek(date);
    if (dow === 0 || dow === 6) return { date, working: false, reason: 'weekend', provisional };
    return { date, working: true, reason: 'weekday', provisional };
  }

  isWorkingDay(date: IsoDate): boolean {
    return this.describeDay(date).working;
  }

  /** Art. 85 ¶3: `date` itself if it is a working day, else the first working day after it. */
  rollForward(date: IsoDate): RollResult {
    let n = toDayNumber(date);
    let provisional = false;
    for (let i = 0; i <= 366; i++) {
      const d = fromDayNumber(n);
      const info = this.describeDay(d);
      provisional ||= info.provisional;
      if (info.working) return { date: d, rolledOver: i > 0, provisional };
      n += 1;
    }
    // Only reachable with overrides marking a whole year as rest days.
    throw new CalendarInputError(`no working day within a year after ${date}`);
  }

  /**
   * The end of a period of `length` days or working days that starts with the event on `start`
   * (the start day itself is not counted, Art. 85 ¶2).
   * - `days`: raw end = start + length; if it is not a working day, the first working day after it
   *   (which may be a make-up Saturday/Sunday).
   * - `workdays`: the `length`-th working day after `start` (make-up working days count; holiday and
   *   ordinary weekend days do not).
   */
  deadline(start: IsoDate, length: number, unit: PeriodUnit, options: DeadlineOptions = {}): DeadlineResult {
    const startDay = toDayNumber(start);
    if (!Number.isInteger(length) || length < 1 || length > MAX_PERIOD_LENGTH) {
      throw new CalendarInputError(`length must be an integer from 1 to ${MAX_PERIOD_LENGTH}, got ${length}`);
    }
    if (unit !== 'days' && unit !== 'workdays') throw new CalendarInputError(`unit must be 'days' or 'workdays', got '${String(unit)}'`);
    let provisional = false;
    if (yearOf(start) < this.earliestYear) {
      if ((options.beforeRange ?? 'throw') === 'throw') throw new CalendarRangeError(start, this.earliestYear);
      provisional = true;
    }

    if (unit === 'days') {
      const roll = this.rollForward(fromDayNumber(startDay + length));
      return {
        start,
        length,
        unit,
        endsOn: roll.date,
        rolledOver: roll.rolledOver,
        provisional: provisional || roll.provisional,
        basis: DEADLINE_BASIS,
      };
    }

    let n = startDay;
    let counted = 0;
    while (counted < length) {
      n += 1;
      const info = this.describeDay(fromDayNumber(n));
      provisional ||= info.provisional;
      if (info.working) counted += 1;
    }
    return { start, length, unit, endsOn: fromDayNumber(n), rolledOver: false, provisional, basis: DEADLINE_BASIS };
  }
}

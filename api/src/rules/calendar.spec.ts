import { describe, expect, it } from '@jest/globals';
import {
  CalendarInputError,
  CalendarRangeError,
  DEADLINE_BASIS,
  MAX_PERIOD_LENGTH,
  WorkingCalendar,
  addCalendarDays,
  chinaToday,
  dayOfWeek,
  daysBetween,
  isIsoDate,
  type PeriodUnit,
} from './calendar.js';

const cal = new WorkingCalendar();

describe('date arithmetic', () => {
  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2024-03-01', 30, '2024-03-31'],
    ['2025-03-09', 1, '2025-03-10'], // US DST switch day: irrelevant, UTC day math
    ['2024-03-31', 0, '2024-03-31'],
  ] as const)('addCalendarDays(%s, %i) = %s', (d, n, want) => {
    expect(addCalendarDays(d, n)).toBe(want);
  });

  it.each([
    ['2024-03-01', '2024-03-31', 30],
    ['2025-01-01', '2024-12-31', -1],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2026-11-23', '2026-11-23', 0],
  ] as const)('daysBetween(%s, %s) = %i', (a, b, want) => {
    expect(daysBetween(a, b)).toBe(want);
  });

  it.each([
    ['2025-01-01', 3],
    ['2024-03-31', 0],
    ['2025-02-08', 6],
    ['1970-01-01', 4],
  ] as const)('dayOfWeek(%s) = %i', (d, want) => {
    expect(dayOfWeek(d)).toBe(want);
  });

  it.each(['2025-02-29', '2025-13-01', '2025-00-10', '2025-1-01', '20250101', '2025-01-32', '', 'abc'])(
    'rejects the malformed date %p',
    (d) => {
      expect(isIsoDate(d)).toBe(false);
      expect(() => addCalendarDays(d, 1)).toThrow(CalendarInputError);
    },
  );

  it('accepts 2024-02-29 (leap year)', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
  });

  it.each([
    ['2026-11-22T15:59:59Z', '2026-11-22'],
    ['2026-11-22T16:00:00Z', '2026-11-23'],
    ['2026-12-31T20:00:00Z', '2027-01-01'],
  ])('chinaToday(%s) = %s (UTC+8)', (instant, want) => {
    expect(chinaToday(new Date(instant))).toBe(want);
  });

  it('does not depend on the process timezone', () => {
    const saved = process.env['TZ'];
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC', 'Asia/Shanghai']) {
        process.env['TZ'] = tz;
        expect(addCalendarDays('2025-03-09', 1)).toBe('2025-03-10');
        expect(dayOfWeek('2024-03-31')).toBe(0);
        expect(new WorkingCalendar().deadline('2024-03-01', 30, 'days').endsOn).toBe('2024-04-01');
        expect(chinaToday(new Date('2026-11-22T16:00:00Z'))).toBe('2026-11-23');
      }
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });
});

describe('WorkingCalendar.isWorkingDay', () => {
  it.each([
    ['2024-03-31', false, 'Sunday'],
    ['2024-04-01', true, 'Monday'],
    ['2024-02-18', true, 'Sunday, 2024 春节 make-up day'],
    ['2025-01-26', true, 'Sunday, 2025 春节 make-up day'],
    ['2025-01-28', false, '2025 春节 (除夕)'],
    ['2025-02-04', false, 'last day of 2025 春节'],
    ['2025-02-05', true, 'first working day after 2025 春节'],
    ['2025-02-08', true, 'Saturday, 2025 春节 make-up day'],
    ['2025-02-09', false, 'ordinary Sunday'],
    ['2025-09-28', true, 'Sunday, 2025 国庆 make-up day'],
    ['2025-10-08', false, 'last day of 2025 国庆中秋'],
    ['2025-10-11', true, 'Saturday, 2025 国庆 make-up day'],
    ['2026-01-04', true, 'Sunday, 2026 元旦 make-up day'],
    ['2026-02-14', true, 'Saturday, 2026 春节 make-up day'],
    ['2026-02-23', false, 'Monday, last day of 2026 春节'],
    ['2026-02-24', true, 'Tuesday after 2026 春节'],
    ['2026-02-28', true, 'Saturday, 2026 春节 make-up day'],
    ['2026-09-20', true, 'Sunday, 2026 国庆 make-up day'],
    ['2026-10-07', false, 'last day of 2026 国庆'],
    ['2026-10-10', true, 'Saturday, 2026 国庆 make-up day'],
    ['2026-10-11', false, 'ordinary Sunday'],
    ['2027-02-06', false, 'Saturday in unpublished 2027 (weekend rule)'],
    ['2027-02-08', true, 'Monday in unpublished 2027 (weekend rule only)'],
  ] as const)('%s → %p (%s)', (d, want, _why) => {
    expect(cal.isWorkingDay(d)).toBe(want);
  });

  it('explains a day', () => {
    expect(cal.describeDay('2025-02-08')).toEqual({ date: '2025-02-08', working: true, reason: 'makeup_workday', provisional: false });
    expect(cal.describeDay('2025-01-29')).toMatchObject({ working: false, reason: 'holiday' });
    expect(cal.describeDay('2025-03-08')).toMatchObject({ working: false, reason: 'weekend' });
    expect(cal.describeDay('2027-01-01')).toEqual({ date: '2027-01-01', working: true, reason: 'weekday', provisional: true });
  });

  it('knows which years are published', () => {
    expect([2023, 2024, 2025, 2026, 2027, 2028].map((y) => cal.isPublished(y))).toEqual([false, true, true, true, false, false]);
  });
});

type Vector = readonly [
  label: string,
  start: string,
  length: number,
  unit: PeriodUnit,
  endsOn: string,
  rolledOver: boolean,
  provisional: boolean,
];

describe('WorkingCalendar.deadline (CPL Art. 85)', () => {
  const vectors: readonly Vector[] = [
    // brief §9.3
    ['§9.3 confirmation window: 03-31 is a Sunday → Monday', '2024-03-01', 30, 'days', '2024-04-01', true, false],
    ['§9.3 legacy 委派调解 30 days', '2024-06-03', 30, 'days', '2024-07-03', false, false],
    ['§9.3 2025 regime simple procedure 7 days', '2025-03-10', 7, 'days', '2025-03-17', false, false],
    ['§9.3 … + 30-day extension', '2025-03-10', 37, 'days', '2025-04-16', false, false],
    ['§9.3 15-day objection window', '2024-05-06', 15, 'days', '2024-05-21', false, false],
    // days periods and holidays
    ['2024 春节: ends in the holiday, rolls to the make-up Sunday 02-18', '2024-01-31', 15, 'days', '2024-02-18', true, false],
    ['2024 清明: ends 04-05, rolls to the make-up Sunday 04-07', '2024-03-06', 30, 'days', '2024-04-07', true, false],
    ['2025 春节: ends on 除夕, rolls past the whole holiday', '2025-01-13', 15, 'days', '2025-02-05', true, false],
    ['2025 春节: ends on the make-up Sunday 01-26, no roll', '2025-01-16', 10, 'days', '2025-01-26', false, false],
    ['2025 春节: ends on the make-up Saturday 02-08, no roll', '2025-01-09', 30, 'days', '2025-02-08', false, false],
    ['2025 国庆: ends 10-01, rolls to 10-09', '2025-09-16', 15, 'days', '2025-10-09', true, false],
    ['2025 国庆: ends 10-08 (last holiday day), rolls to 10-09', '2025-09-23', 15, 'days', '2025-10-09', true, false],
    ['2025 国庆: ends on the make-up Sunday 09-28, no roll', '2025-09-20', 8, 'days', '2025-09-28', false, false],
    ['2025 国庆: ends on the make-up Saturday 10-11, no roll', '2025-09-11', 30, 'days', '2025-10-11', false, false],
    ['2026 元旦: ends 01-01, rolls to the make-up Sunday 01-04', '2025-12-17', 15, 'days', '2026-01-04', true, false],
    ['2026 春节: ends Fri 02-20 in the holiday, rolls to Tue 02-24', '2026-02-05', 15, 'days', '2026-02-24', true, false],
    ['2026 春节: ends Sun 02-22, rolls to Tue 02-24', '2026-02-07', 15, 'days', '2026-02-24', true, false],
    ['2026 春节: ends on the make-up Saturday 02-14', '2026-01-30', 15, 'days', '2026-02-14', false, false],
    ['2026 春节: ends on the make-up Saturday 02-28', '2026-02-13', 15, 'days', '2026-02-28', false, false],
    ['2026 国庆: ends Wed 09-30, a working day', '2026-09-15', 15, 'days', '2026-09-30', false, false],
    ['2026 国庆: ends 10-01, rolls to Thu 10-08', '2026-09-16', 15, 'days', '2026-10-08', true, false],
    ['2026 国庆: ends on the make-up Sunday 09-20', '2026-09-05', 15, 'days', '2026-09-20', false, false],
    ['2026 国庆: ends on the make-up Saturday 10-10', '2026-09-25', 15, 'days', '2026-10-10', false, false],
    ['ordinary Saturday rolls to Monday', '2025-03-01', 7, 'days', '2025-03-10', true, false],
    ['1 day from a Friday lands on Saturday → Monday', '2025-03-07', 1, 'days', '2025-03-10', true, false],
    ['start on a holiday: the start day is still not counted', '2025-01-29', 7, 'days', '2025-02-05', false, false],
    // workdays
    ['3 working days across a weekend (Thu)', '2024-03-07', 3, 'workdays', '2024-03-12', false, false],
    ['3 working days from a Friday', '2024-03-08', 3, 'workdays', '2024-03-13', false, false],
    ['3 working days from a Saturday', '2024-03-09', 3, 'workdays', '2024-03-13', false, false],
    ['10 working days, no holiday', '2025-03-03', 10, 'workdays', '2025-03-17', false, false],
    ['2024 中秋: the make-up Saturday 09-14 counts', '2024-09-13', 1, 'workdays', '2024-09-14', false, false],
    ['2025 春节: make-up Sunday counts, holiday skipped', '2025-01-24', 3, 'workdays', '2025-02-05', false, false],
    ['2025 春节: lands on the make-up Saturday 02-08', '2025-02-06', 2, 'workdays', '2025-02-08', false, false],
    ['2025 春节: make-up Saturday counted, Sunday skipped', '2025-02-06', 3, 'workdays', '2025-02-10', false, false],
    ['2025 国庆: make-up Sunday 09-28 counts', '2025-09-26', 3, 'workdays', '2025-09-30', false, false],
    ['2025 国庆: lands on the make-up Saturday 10-11', '2025-09-30', 3, 'workdays', '2025-10-11', false, false],
    ['2026 春节: make-up Saturday 02-14 counts, holiday skipped', '2026-02-12', 3, 'workdays', '2026-02-24', false, false],
    ['2026 春节: lands on the make-up Saturday 02-28', '2026-02-25', 3, 'workdays', '2026-02-28', false, false],
    ['2026 国庆: 1 working day from Fri 09-18 is the make-up Sunday', '2026-09-18', 1, 'workdays', '2026-09-20', false, false],
    ['2026 国庆: lands on the make-up Saturday 10-10', '2026-09-30', 3, 'workdays', '2026-10-10', false, false],
    // the unpublished year 2027 and beyond: weekends only, provisional
    ['ends in 2026: not provisional', '2026-12-20', 10, 'days', '2026-12-30', false, false],
    ['ends 2027-01-04 (unpublished): provisional', '2026-12-20', 15, 'days', '2027-01-04', false, true],
    ['ends Sun 2027-01-03: rolls to Monday, provisional', '2026-12-26', 8, 'days', '2027-01-04', true, true],
    ['2027-01-01 counts as a working day until the 2027 schedule is entered', '2026-12-17', 15, 'days', '2027-01-01', false, true],
    ['ends Sat 2028-01-01: rolls to Monday, provisional', '2027-12-02', 30, 'days', '2028-01-03', true, true],
    ['within 2027', '2027-06-01', 10, 'days', '2027-06-11', false, true],
    ['workdays staying in 2026', '2026-12-28', 3, 'workdays', '2026-12-31', false, false],
    ['workdays crossing into 2027', '2026-12-30', 3, 'workdays', '2027-01-04', false, true],
    ['workdays in 2029', '2029-03-02', 3, 'workdays', '2029-03-07', false, true],
  ];

  it.each(vectors)('%s: %s + %i %s → %s', (_label, start, length, unit, endsOn, rolledOver, provisional) => {
    expect(cal.deadline(start, length, unit)).toEqual({
      start,
      length,
      unit,
      endsOn,
      rolledOver,
      provisional,
      basis: DEADLINE_BASIS,
    });
  });

  it('cites Art. 85 and the State Council schedule', () => {
    expect(DEADLINE_BASIS).toBe('《民事诉讼法》第八十五条；国务院办公厅节假日安排');
  });

  it('a workdays result is always a working day and a days result never precedes the raw end', () => {
    for (let start = '2024-01-01'; start < '2027-01-01'; start = addCalendarDays(start, 5)) {
      for (const len of [1, 3, 7, 15, 30]) {
        const w = cal.deadline(start, len, 'workdays');
        expect(cal.isWorkingDay(w.endsOn)).toBe(true);
        const d = cal.deadline(start, len, 'days');
        expect(cal.isWorkingDay(d.endsOn)).toBe(true);
        expect(daysBetween(addCalendarDays(start, len), d.endsOn) >= 0).toBe(true);
        expect(d.rolledOver).toBe(d.endsOn !== addCalendarDays(start, len));
      }
    }
  });
});

describe('overrides', () => {
  it('an admin rest day moves a days deadline', () => {
    const c = new WorkingCalendar({ overrides: [{ date: '2025-03-17', kind: 'rest', note: '临时调整' }] });
    expect(c.deadline('2025-03-10', 7, 'days')).toMatchObject({ endsOn: '2025-03-18', rolledOver: true });
  });

  it('an admin working Saturday counts as a working day', () => {
    const c = new WorkingCalendar({ overrides: [{ date: '2025-03-15', kind: 'work' }] });
    expect(c.deadline('2025-03-14', 1, 'workdays').endsOn).toBe('2025-03-15');
    expect(cal.deadline('2025-03-14', 1, 'workdays').endsOn).toBe('2025-03-17');
  });

  it('overrides win over the published schedule', () => {
    const c = new WorkingCalendar({
      overrides: [
        { date: '2025-02-08', kind: 'rest' },
        { date: '2025-01-28', kind: 'work' },
      ],
    });
    expect(c.isWorkingDay('2025-02-08')).toBe(false);
    expect(c.isWorkingDay('2025-01-28')).toBe(true);
    expect(c.describeDay('2025-01-28').reason).toBe('override');
  });

  it('the last override of a date wins', () => {
    const c = new WorkingCalendar({
      overrides: [
        { date: '2025-03-17', kind: 'rest' },
        { date: '2025-03-17', kind: 'work' },
      ],
    });
    expect(c.isWorkingDay('2025-03-17')).toBe(true);
  });

  it('a newly published year entered as overrides stops being provisional once marked published', () => {
    const overrides = [{ date: '2027-01-01', kind: 'rest' as const }];
    expect(new WorkingCalendar({ overrides }).deadline('2026-12-17', 15, 'days')).toMatchObject({
      endsOn: '2027-01-04',
      rolledOver: true,
      provisional: true,
    });
    const c = new WorkingCalendar({ overrides, publishedYears: [2027] });
    expect(c.isPublished(2027)).toBe(true);
    expect(c.deadline('2026-12-17', 15, 'days')).toMatchObject({ endsOn: '2027-01-04', rolledOver: true, provisional: false });
  });

  it.each([[{ date: '2025-02-30', kind: 'rest' }], [{ date: '2025-03-01', kind: 'holiday' }]])('rejects the invalid override %p', (o) => {
    expect(() => new WorkingCalendar({ overrides: [o as never] })).toThrow(CalendarInputError);
  });
});

describe('errors', () => {
  it('refuses a start before the earliest known year with a typed error', () => {
    let err: unknown;
    try {
      cal.deadline('2023-12-31', 30, 'days');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CalendarRangeError);
    expect(err).toMatchObject({ code: 'CALENDAR_RANGE', date: '2023-12-31', earliestYear: 2024 });
  });

  it('refuses an early start for workdays too', () => {
    expect(() => cal.deadline('2020-05-01', 3, 'workdays')).toThrow(CalendarRangeError);
  });

  it('can instead compute an early start as provisional (used by case clocks)', () => {
    expect(cal.deadline('2023-12-20', 15, 'days', { beforeRange: 'provisional' })).toMatchObject({
      endsOn: '2024-01-04',
      provisional: true,
    });
  });

  it.each([
    ['2025-02-29', 7, 'days'],
    ['2025/03/10', 7, 'days'],
    ['2025-03-10', 0, 'days'],
    ['2025-03-10', -1, 'days'],
    ['2025-03-10', 1.5, 'workdays'],
    ['2025-03-10', Number.NaN, 'days'],
    ['2025-03-10', MAX_PERIOD_LENGTH + 1, 'days'],
    ['2025-03-10', 7, 'weeks'],
  ])('rejects deadline(%p, %p, %p) with CalendarInputError', (start, length, unit) => {
    expect(() => cal.deadline(start, length, unit as PeriodUnit)).toThrow(CalendarInputError);
  });

  it('accepts the maximum length', () => {
    expect(cal.deadline('2025-03-10', MAX_PERIOD_LENGTH, 'days').provisional).toBe(true);
  });
});

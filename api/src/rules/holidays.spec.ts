import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { isWorkday as packageIsWorkday } from 'chinese-days';
import { EARLIEST_KNOWN_YEAR, HOLIDAY_SCHEDULES, PUBLISHED_YEARS, makeUpWorkDaysOf, restDaysOf, scheduleFor } from './holidays.js';
import { WorkingCalendar, addCalendarDays, dayOfWeek, isIsoDate } from './calendar.js';

interface PackageYear {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

function packageYear(year: number): PackageYear {
  const url = new URL(`../../../node_modules/chinese-days/dist/years/${year}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as PackageYear;
}

describe('holiday schedule data', () => {
  it('knows 2024 as the earliest year and 2024–2026 as published; 2027 is listed but not published', () => {
    expect(EARLIEST_KNOWN_YEAR).toBe(2024);
    expect(PUBLISHED_YEARS).toEqual([2024, 2025, 2026]);
    expect(HOLIDAY_SCHEDULES.map((s) => s.year)).toEqual([2024, 2025, 2026, 2027]);
    expect(scheduleFor(2027)).toMatchObject({ published: false, festivals: [] });
    expect(scheduleFor(2023)).toBeUndefined();
  });

  it.each([2024, 2025, 2026])('%i matches the chinese-days package data exactly', (year) => {
    const pkg = packageYear(year);
    const schedule = [scheduleFor(year)!];
    expect(restDaysOf(schedule)).toEqual(Object.keys(pkg.holidays).sort());
    expect(makeUpWorkDaysOf(schedule)).toEqual(Object.keys(pkg.workdays).sort());
  });

  it.each([2024, 2025, 2026])('%i: our calendar agrees with chinese-days isWorkday() on every day of the year', (year) => {
    const cal = new WorkingCalendar();
    const mismatches: string[] = [];
    for (let d = `${year}-01-01`; d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
      if (cal.isWorkingDay(d) !== packageIsWorkday(d)) mismatches.push(d);
    }
    expect(mismatches).toEqual([]);
  });

  it.each(HOLIDAY_SCHEDULES.filter((s) => s.published).map((s) => [s.year, s] as const))(
    '%i is well formed (valid dates in the year, rest blocks consecutive, make-up days on weekends, no overlap)',
    (year, s) => {
      expect(s.url).toMatch(/^https:\/\/www\.gov\.cn\//);
      const rest = new Set<string>();
      for (const f of s.festivals) {
        f.rest.forEach((d, i) => {
          expect(isIsoDate(d)).toBe(true);
          expect(d.slice(0, 4)).toBe(String(year));
          if (i > 0) expect(d).toBe(addCalendarDays(f.rest[i - 1]!, 1));
          rest.add(d);
        });
        for (const w of f.work) {
          expect(isIsoDate(w)).toBe(true);
          expect([0, 6]).toContain(dayOfWeek(w));
        }
      }
      for (const w of makeUpWorkDaysOf([s])) expect(rest.has(w)).toBe(false);
    },
  );

  // Published notices, checked by hand (see the source comment in holidays.ts).
  it.each([
    ['2024 春节', 2024, '春节', '2024-02-10', '2024-02-17', ['2024-02-04', '2024-02-18']],
    ['2024 国庆', 2024, '国庆节', '2024-10-01', '2024-10-07', ['2024-09-29', '2024-10-12']],
    ['2025 春节', 2025, '春节', '2025-01-28', '2025-02-04', ['2025-01-26', '2025-02-08']],
    ['2025 国庆中秋', 2025, '国庆节、中秋节', '2025-10-01', '2025-10-08', ['2025-09-28', '2025-10-11']],
    ['2026 元旦', 2026, '元旦', '2026-01-01', '2026-01-03', ['2026-01-04']],
    ['2026 春节', 2026, '春节', '2026-02-15', '2026-02-23', ['2026-02-14', '2026-02-28']],
    ['2026 国庆', 2026, '国庆节', '2026-10-01', '2026-10-07', ['2026-09-20', '2026-10-10']],
  ] as const)('%s: rest %s… and make-up days as published', (_label, year, name, first, last, work) => {
    const f = scheduleFor(year)!.festivals.find((x) => x.name === name)!;
    expect(f.rest[0]).toBe(first);
    expect(f.rest[f.rest.length - 1]).toBe(last);
    expect(f.work).toEqual(work);
  });
});

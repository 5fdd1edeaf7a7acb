/**
 * State Council holiday schedules (国务院办公厅关于××年部分节假日安排的通知) as inspectable data.
 *
 * Why this exists: CPL Art. 85 ends a period on the next working day when its last day is a
 * 法定休假日, and rules.md ("Day counting") says working days follow the State Council calendar
 * *including make-up working days (调休上班)*. Each year the State Council publishes, usually in
 * November of the year before, which days are rest days (放假) and which weekend days are worked.
 * Everything not listed follows the normal week: Monday–Friday work, Saturday/Sunday rest.
 *
 * Source and verification (done 2026-11-23):
 * - Generated from the npm package `chinese-days` 1.5.7 (`dist/years/2024|2025|2026.json`, i.e. its
 *   `holidays` and `workdays` maps; the `inLieuDays` map is irrelevant for day counting), then
 *   reformatted by festival. The package cites the gov.cn notices listed in `url` below.
 * - Cross-checked by hand against the published notices: 2024 (春节 2/10–2/17, 上班 2/4 周日、2/18 周日;
 *   国庆 10/1–10/7, 上班 9/29、10/12), 2025 (春节 1/28–2/4, 上班 1/26 周日、2/8 周六; 国庆中秋
 *   10/1–10/8, 上班 9/28 周日、10/11 周六), 2026 (the Xinhua text of 2025-11-04: 春节 2/15–2/23,
 *   上班 2/14、2/28 周六; 国庆 10/1–10/7, 上班 9/20 周日、10/10 周六).
 * - `holidays.spec.ts` re-checks this table against the package data on every test run, so a drift
 *   (a typo here, or a corrected package) fails the build.
 * - 2027: as of 2026-11-23 neither `chinese-days` 1.5.7 nor any source we could verify carried the
 *   2027 notice, so 2027 is listed as NOT published (no days). Until it is entered, clocks that reach
 *   2027 count weekends only and are flagged provisional (rules.md). When the notice appears, fill in
 *   the 2027 row (set `published: true`) or let an admin enter it as calendar overrides.
 *
 * Dates are China-time calendar dates, 'YYYY-MM-DD'. `rest` lists every day of the holiday block
 * (weekend days inside it included, as the notices do); `work` lists the make-up working days.
 */

export interface FestivalArrangement {
  /** Name as in the notice: 元旦, 春节, 清明节, 劳动节, 端午节, 中秋节, 国庆节. */
  readonly name: string;
  /** 放假: every day of the block, in order. */
  readonly rest: readonly string[];
  /** 调休上班: weekend days that are working days. */
  readonly work: readonly string[];
}

export interface HolidaySchedule {
  readonly year: number;
  /** false = the notice is not out (or not entered yet): only weekends are rest days, results are provisional. */
  readonly published: boolean;
  /** Title (and document number where known) of the notice. */
  readonly notice: string;
  readonly url: string | null;
  readonly festivals: readonly FestivalArrangement[];
}

/** The first year whose schedule the system knows; day counting refuses earlier starts. */
export const EARLIEST_KNOWN_YEAR = 2024;

export const HOLIDAY_SCHEDULES: readonly HolidaySchedule[] = [
  {
    year: 2024,
    published: true,
    notice: '国务院办公厅关于2024年部分节假日安排的通知',
    url: 'https://www.gov.cn/zhengce/content/202310/content_6911527.htm',
    festivals: [
      { name: '元旦', rest: ['2024-01-01'], work: [] },
      {
        name: '春节',
        rest: ['2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16', '2024-02-17'],
        work: ['2024-02-04', '2024-02-18'],
      },
      { name: '清明节', rest: ['2024-04-04', '2024-04-05', '2024-04-06'], work: ['2024-04-07'] },
      {
        name: '劳动节',
        rest: ['2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04', '2024-05-05'],
        work: ['2024-04-28', '2024-05-11'],
      },
      { name: '端午节', rest: ['2024-06-10'], work: [] },
      { name: '中秋节', rest: ['2024-09-15', '2024-09-16', '2024-09-17'], work: ['2024-09-14'] },
      {
        name: '国庆节',
        rest: ['2024-10-01', '2024-10-02', '2024-10-03', '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07'],
        work: ['2024-09-29', '2024-10-12'],
      },
    ],
  },
  {
    year: 2025,
    published: true,
    notice: '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号）',
    url: 'https://www.gov.cn/zhengce/zhengceku/202411/content_6986383.htm',
    festivals: [
      { name: '元旦', rest: ['2025-01-01'], work: [] },
      {
        name: '春节',
        rest: ['2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-02-02', '2025-02-03', '2025-02-04'],
        work: ['2025-01-26', '2025-02-08'],
      },
      { name: '清明节', rest: ['2025-04-04', '2025-04-05', '2025-04-06'], work: [] },
      {
        name: '劳动节',
        rest: ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-04', '2025-05-05'],
        work: ['2025-04-27'],
      },
      { name: '端午节', rest: ['2025-05-31', '2025-06-01', '2025-06-02'], work: [] },
      {
        name: '国庆节、中秋节',
        rest: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
        work: ['2025-09-28', '2025-10-11'],
      },
    ],
  },
  {
    year: 2026,
    published: true,
    notice: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）',
    url: 'https://www.gov.cn/zhengce/zhengceku/202511/content_7047091.htm',
    festivals: [
      { name: '元旦', rest: ['2026-01-01', '2026-01-02', '2026-01-03'], work: ['2026-01-04'] },
      {
        name: '春节',
        rest: [
          '2026-02-15',
          '2026-02-16',
          '2026-02-17',
          '2026-02-18',
          '2026-02-19',
          '2026-02-20',
          '2026-02-21',
          '2026-02-22',
          '2026-02-23',
        ],
        work: ['2026-02-14', '2026-02-28'],
      },
      { name: '清明节', rest: ['2026-04-04', '2026-04-05', '2026-04-06'], work: [] },
      {
        name: '劳动节',
        rest: ['2026-05-01', '2026-05-02', '2026-05-03', '2026-05-04', '2026-05-05'],
        work: ['2026-05-09'],
      },
      { name: '端午节', rest: ['2026-06-19', '2026-06-20', '2026-06-21'], work: [] },
      { name: '中秋节', rest: ['2026-09-25', '2026-09-26', '2026-09-27'], work: [] },
      {
        name: '国庆节',
        rest: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
        work: ['2026-09-20', '2026-10-10'],
      },
    ],
  },
  {
    // Not yet available from a verifiable source (see the file comment): weekends only, provisional.
    year: 2027,
    published: false,
    notice: '国务院办公厅关于2027年部分节假日安排的通知（尚未录入）',
    url: null,
    festivals: [],
  },
];

/** Years whose schedule is published and entered, ascending. */
export const PUBLISHED_YEARS: readonly number[] = HOLIDAY_SCHEDULES.filter((s) => s.published)
  .map((s) => s.year)
  .sort((a, b) => a - b);

/** All statutory rest days (放假) of the given schedules, sorted. */
export function restDaysOf(schedules: readonly HolidaySchedule[] = HOLIDAY_SCHEDULES): string[] {
  return schedules.flatMap((s) => s.festivals.flatMap((f) => f.rest)).sort();
}

/** All make-up working days (调休上班) of the given schedules, sorted. */
export function makeUpWorkDaysOf(schedules: readonly HolidaySchedule[] = HOLIDAY_SCHEDULES): string[] {
  return schedules.flatMap((s) => s.festivals.flatMap((f) => f.work)).sort();
}

/** The schedule row of a year, or undefined when the year is not in the table at all. */
export function scheduleFor(year: number, schedules: readonly HolidaySchedule[] = HOLIDAY_SCHEDULES): HolidaySchedule | undefined {
  return schedules.find((s) => s.year === year);
}

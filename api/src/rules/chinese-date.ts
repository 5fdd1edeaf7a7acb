/**
 * Calendar dates as the courts write them.
 *
 * Every legal date in this system is a China-time calendar date (`YYYY-MM-DD`, Asia/Shanghai):
 * a period under 民事诉讼法 Art. 85 is counted in days of the court's calendar, not in UTC
 * instants, so "today" must never depend on the server's timezone.
 *
 * Rulings and other formal documents (裁定书, 调解协议书) print the date in Chinese numerals with
 * 〇 for zero in the year ("二〇二六年十一月二十二日"); forms and lists use Arabic numerals
 * ("2026年11月22日").
 */

/** A calendar date split into numbers (month 1–12, day 1–31). */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Digits of the year, written one by one: 2026 → 二〇二六. */
const YEAR_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

/** Numerals 1–9 for month and day numbers (which are read as numbers, not digit by digit). */
const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

const CHINA_TIME_ZONE = 'Asia/Shanghai';

/** One formatter for the process: constructing Intl formatters is comparatively expensive. */
const CHINA_DATE_FORMAT = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] ?? 0;
}

/** True when year/month/day name a day that exists (no 2月30日, no 2023-02-29). */
export function isRealDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** Parses a strict `YYYY-MM-DD` string naming a real day; anything else gives null. */
export function parseIsoDate(value: string): CalendarDate | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

/** True for a strict `YYYY-MM-DD` string naming a real day. */
export function isIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

function requireIsoDate(value: string): CalendarDate {
  const date = parseIsoDate(value);
  if (!date) throw new RangeError(`not a YYYY-MM-DD calendar date: ${JSON.stringify(value)}`);
  return date;
}

/** 1–31 as read aloud: 十, 十一, 二十, 二十一, 三十一 (never 一十). */
function numberInChinese(value: number): string {
  const tens = Math.floor(value / 10);
  const ones = value % 10;
  const tensPart = tens === 0 ? '' : `${tens === 1 ? '' : NUMERALS[tens]}十`;
  return tensPart + NUMERALS[ones];
}

/**
 * The date as printed on rulings and agreements: '2026-11-22' → '二〇二六年十一月二十二日'.
 * Throws RangeError for anything that is not a real `YYYY-MM-DD` date.
 */
export function toChineseDate(isoDate: string): string {
  const { year, month, day } = requireIsoDate(isoDate);
  const yearText = [...String(year).padStart(4, '0')].map((digit) => YEAR_DIGITS[Number(digit)]).join('');
  return `${yearText}年${numberInChinese(month)}月${numberInChinese(day)}日`;
}

/** The date with Arabic numerals: '2026-11-02' → '2026年11月2日' (no leading zeros). */
export function toNumericChineseDate(isoDate: string): string {
  const { year, month, day } = requireIsoDate(isoDate);
  return `${year}年${month}月${day}日`;
}

/**
 * The China-time calendar date (`YYYY-MM-DD`) of an instant, whatever the server's timezone.
 * China has no daylight saving time, but Intl keeps us honest about historical offsets too.
 */
export function chinaDateOf(instant: Date): string {
  const parts = CHINA_DATE_FORMAT.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today's date in China (`YYYY-MM-DD`); `now` is injectable for tests. */
export function chinaToday(now: Date = new Date()): string {
  return chinaDateOf(now);
}

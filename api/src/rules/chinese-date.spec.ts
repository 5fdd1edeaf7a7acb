import { describe, expect, it } from '@jest/globals';
import {
  chinaDateOf,
  chinaToday,
  daysInMonth,
  isIsoDate,
  isRealDate,
  parseIsoDate,
  toChineseDate,
  toNumericChineseDate,
} from './chinese-date.js';

describe('toChineseDate (ruling form)', () => {
  it.each([
    ['2026-11-22', '二〇二六年十一月二十二日'],
    ['2026-01-01', '二〇二六年一月一日'],
    ['2025-10-10', '二〇二五年十月十日'],
    ['2024-02-29', '二〇二四年二月二十九日'],
    ['2024-12-31', '二〇二四年十二月三十一日'],
    ['2023-04-20', '二〇二三年四月二十日'],
    ['2023-06-30', '二〇二三年六月三十日'],
    ['2022-09-11', '二〇二二年九月十一日'],
    ['2021-12-19', '二〇二一年十二月十九日'],
    ['2000-05-05', '二〇〇〇年五月五日'],
    ['1999-03-21', '一九九九年三月二十一日'],
    ['2010-11-15', '二〇一〇年十一月十五日'],
  ])('%s → %s', (iso, expected) => {
    expect(toChineseDate(iso)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-1', '20261122', '', '2023-02-29', '2026-11-22T00:00:00'])('rejects %p', (bad) => {
    expect(() => toChineseDate(bad)).toThrow(RangeError);
  });
});

describe('toNumericChineseDate', () => {
  it.each([
    ['2026-11-22', '2026年11月22日'],
    ['2026-01-05', '2026年1月5日'],
    ['2024-10-01', '2024年10月1日'],
  ])('%s → %s', (iso, expected) => {
    expect(toNumericChineseDate(iso)).toBe(expected);
  });

  it('rejects a non-date', () => {
    expect(() => toNumericChineseDate('2026-04-31')).toThrow(RangeError);
  });
});

describe('parseIsoDate / isIsoDate / isRealDate', () => {
  it.each([
    ['2024-02-29', { year: 2024, month: 2, day: 29 }],
    ['2000-02-29', { year: 2000, month: 2, day: 29 }],
    ['1900-02-28', { year: 1900, month: 2, day: 28 }],
  ])('%s parses', (iso, expected) => {
    expect(parseIsoDate(iso)).toEqual(expected);
    expect(isIsoDate(iso)).toBe(true);
  });

  it.each(['1900-02-29', '2100-02-29', '2023-02-29', '2026-00-10', '2026-06-00', '2026-06-31', ' 2026-06-01', '2026/06/01'])(
    '%p is no date',
    (bad) => {
      expect(parseIsoDate(bad)).toBeNull();
      expect(isIsoDate(bad)).toBe(false);
    },
  );

  it('knows month lengths', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2024, 13)).toBe(0);
    expect(isRealDate(2024, 2, 29.5)).toBe(false);
  });
});

describe('China-time dates, whatever the server timezone', () => {
  it.each([
    // 15:59:59Z is 23:59:59 in Shanghai (UTC+8); one second later it is the next day.
    ['2026-11-22T15:59:59Z', '2026-11-22'],
    ['2026-11-22T16:00:00Z', '2026-11-23'],
    ['2026-12-31T16:00:00Z', '2027-01-01'],
    ['2024-02-28T16:30:00Z', '2024-02-29'],
    ['2026-11-22T00:00:00-08:00', '2026-11-22'],
    ['2026-11-22T00:00:00+08:00', '2026-11-22'],
    ['2026-11-21T23:59:59+08:00', '2026-11-21'],
  ])('%s is %s in China', (instant, expected) => {
    expect(chinaDateOf(new Date(instant))).toBe(expected);
    expect(chinaToday(new Date(instant))).toBe(expected);
  });

  it('defaults to now', () => {
    expect(isIsoDate(chinaToday())).toBe(true);
  });

  it('rejects an invalid instant', () => {
    expect(() => chinaDateOf(new Date('nope'))).toThrow(RangeError);
  });
});

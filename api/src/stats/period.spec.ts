import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../common/domain-error.js';
import { addMonths, monthPeriod, monthsOf, resolvePeriod, splitPeriod } from './period.js';

describe('resolvePeriod', () => {
  it('defaults to 1 January of this year … today', () => {
    expect(resolvePeriod(undefined, undefined, '2026-11-23')).toEqual({ from: '2026-01-01', to: '2026-11-23' });
    expect(resolvePeriod('2025-03-01', undefined, '2026-11-23')).toEqual({ from: '2025-03-01', to: '2026-11-23' });
  });

  it.each([
    ['2026-02-30', '2026-03-01', { from: 'not_date' }],
    ['2026-03-01', 'yesterday', { to: 'not_date' }],
    ['2026-03-02', '2026-03-01', { from: 'after_to' }],
    ['1900-01-01', '2026-03-01', { to: 'period_too_long' }],
  ])('refuses %s … %s', (from, to, errors) => {
    try {
      resolvePeriod(from, to, '2026-11-23');
      throw new Error('accepted');
    } catch (e) {
      expect(e).toBeInstanceOf(DomainError);
      expect((e as DomainError).code).toBe('VALIDATION_FAILED');
      expect((e as DomainError).errors).toEqual(errors);
    }
  });
});

describe('months', () => {
  it('knows month lengths and steps across years', () => {
    expect(monthPeriod('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthPeriod('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(() => monthPeriod('2026-13')).toThrow(DomainError);
    expect(addMonths('2026-12', 1)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
    expect(addMonths('2026-11', -11)).toBe('2025-12');
    expect(monthsOf({ from: '2025-11-30', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('splitPeriod', () => {
  it.each([
    // whole months only
    [
      { from: '2026-01-01', to: '2026-03-31' },
      { months: { from: '2026-01-01', to: '2026-03-01' }, days: [] },
    ],
    // edges on both sides
    [
      { from: '2025-12-15', to: '2026-03-10' },
      {
        months: { from: '2026-01-01', to: '2026-02-01' },
        days: [
          { from: '2025-12-15', to: '2025-12-31' },
          { from: '2026-03-01', to: '2026-03-10' },
        ],
      },
    ],
    // inside one month
    [
      { from: '2026-03-02', to: '2026-03-30' },
      { months: null, days: [{ from: '2026-03-02', to: '2026-03-30' }] },
    ],
    // a whole month, then days
    [
      { from: '2026-02-01', to: '2026-03-01' },
      { months: { from: '2026-02-01', to: '2026-02-01' }, days: [{ from: '2026-03-01', to: '2026-03-01' }] },
    ],
    // one day
    [
      { from: '2026-03-01', to: '2026-03-01' },
      { months: null, days: [{ from: '2026-03-01', to: '2026-03-01' }] },
    ],
  ])('%j', (p, expected) => {
    expect(splitPeriod(p)).toEqual(expected);
  });
});

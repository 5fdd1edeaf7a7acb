import { describe, expect, it } from '@jest/globals';
import { CalendarInputError } from './calendar.js';
import {
  TRACKS,
  TRACK_CODES,
  checkExtension,
  isTrackCode,
  mediationPeriodDays,
  trackAllowedOn,
  tracksAllowedOn,
  type Procedure,
  type TrackCode,
} from './tracks.js';

describe('track table', () => {
  it('holds the two regimes of rules.md', () => {
    expect(TRACK_CODES).toEqual(['pre_litigation', 'entrusted']);
    expect(TRACKS.pre_litigation).toMatchObject({
      nameZh: '诉前委派调解',
      numberType: '民诉前调',
      mediationDays: { ordinary: 30, simple: 30 },
      maxExtensions: null,
      maxExtensionDays: null,
      effectiveTo: null,
    });
    expect(TRACKS.entrusted).toMatchObject({
      nameZh: '立案后委托调解',
      numberType: '民初',
      effectiveFrom: '2025-01-01',
      mediationDays: { ordinary: 15, simple: 7 },
      maxExtensions: 1,
      maxExtensionDays: 30,
    });
    for (const t of TRACK_CODES) expect(TRACKS[t].code).toBe(t);
  });

  it.each([
    ['pre_litigation', true],
    ['entrusted', true],
    ['legacy', false],
    ['', false],
    [null, false],
  ])('isTrackCode(%p) = %p', (v, want) => {
    expect(isTrackCode(v)).toBe(want);
  });
});

describe('mediationPeriodDays', () => {
  it.each([
    ['pre_litigation', 'ordinary', 30],
    ['pre_litigation', 'simple', 30],
    ['entrusted', 'ordinary', 15],
    ['entrusted', 'simple', 7],
  ] as const)('%s / %s → %i days', (track, procedure, days) => {
    expect(mediationPeriodDays(track, procedure)).toBe(days);
  });

  it('defaults to ordinary procedure', () => {
    expect(mediationPeriodDays('entrusted')).toBe(15);
    expect(mediationPeriodDays('pre_litigation')).toBe(30);
  });
});

describe('checkExtension', () => {
  it.each([
    ['pre_litigation', [], 30, null],
    ['pre_litigation', [30, 30, 30], 60, null],
    ['pre_litigation', [], 365, null],
    ['pre_litigation', [], 0, 'INVALID_EXTENSION'],
    ['pre_litigation', [], 1.5, 'INVALID_EXTENSION'],
    ['entrusted', [], 30, null],
    ['entrusted', [], 10, null],
    ['entrusted', [], 1, null],
    ['entrusted', [], 31, 'EXTENSION_LIMIT'],
    ['entrusted', [30], 1, 'EXTENSION_LIMIT'],
    ['entrusted', [10], 20, 'EXTENSION_LIMIT'],
    ['entrusted', [], -5, 'INVALID_EXTENSION'],
    ['entrusted', [], Number.NaN, 'INVALID_EXTENSION'],
  ] as const)('%s, previous %p, requested %p → %p', (track, previous, requested, reason) => {
    const r = checkExtension(track, previous, requested);
    if (reason === null) expect(r).toEqual({ ok: true });
    else expect(r).toMatchObject({ ok: false, reason });
  });

  it('explains the refusal in Chinese', () => {
    expect(checkExtension('entrusted', [30], 30)).toMatchObject({ message: '立案后委托调解仅可延长1次' });
    expect(checkExtension('entrusted', [], 45)).toMatchObject({ message: '立案后委托调解延长期限不得超过30日' });
  });
});

describe('trackAllowedOn', () => {
  it.each([
    ['pre_litigation', '2024-12-31', true],
    ['pre_litigation', '2025-01-01', true],
    ['pre_litigation', '2026-11-20', true],
    ['pre_litigation', '2016-07-01', true],
    ['pre_litigation', '2016-06-30', false],
    ['entrusted', '2024-12-31', false],
    ['entrusted', '2025-01-01', true],
    ['entrusted', '2026-11-20', true],
  ] as const)('%s on %s → %p', (track: TrackCode, on, want) => {
    expect(trackAllowedOn(track, on)).toBe(want);
  });

  it('lists the tracks of a date', () => {
    expect(tracksAllowedOn('2024-12-31')).toEqual(['pre_litigation']);
    expect(tracksAllowedOn('2025-01-01')).toEqual(['pre_litigation', 'entrusted']);
  });

  it('rejects a malformed date', () => {
    expect(() => trackAllowedOn('entrusted', '2025-1-1')).toThrow(CalendarInputError);
  });

  it('procedure type is exhaustive', () => {
    const p: Procedure[] = ['ordinary', 'simple'];
    expect(p.map((x) => TRACKS.entrusted.mediationDays[x])).toEqual([15, 7]);
  });
});

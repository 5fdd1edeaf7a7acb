import { describe, expect, it } from '@jest/globals';
import {
  CONFIRMATION_REGIME_WARNING,
  REGIME_WARNING,
  confirmationRegimeWarning,
  regimeWarning,
  resolveTrack,
  settlementPathOf,
} from './regime.js';
import type { TrackCode } from './tracks.js';

const entrustedCourt = { defaultTrack: 'entrusted' as TrackCode, allowPreLitigation: true };
const strictCourt = { defaultTrack: 'entrusted' as TrackCode, allowPreLitigation: false };
const oldCourt = { defaultTrack: 'pre_litigation' as TrackCode, allowPreLitigation: true };

describe('resolveTrack: regime by date', () => {
  it.each<[string, TrackCode | null, string, typeof entrustedCourt, TrackCode | string, boolean]>([
    // label, requested, receivedOn, court, track or error code, warning
    ['2026 case, no track, entrusted default', null, '2026-11-20', entrustedCourt, 'entrusted', false],
    ['first day of the regime, no track', null, '2025-01-01', entrustedCourt, 'entrusted', false],
    ['last day of the old regime, no track', null, '2024-12-31', entrustedCourt, 'pre_litigation', false],
    ['2024 case asking for entrusted', 'entrusted', '2024-12-31', entrustedCourt, 'not_in_force', false],
    ['2026 pre_litigation where the court keeps it', 'pre_litigation', '2026-11-20', entrustedCourt, 'pre_litigation', true],
    ['2026 pre_litigation where the court does not', 'pre_litigation', '2026-11-20', strictCourt, 'pre_litigation_not_allowed', false],
    ['2024 pre_litigation at a strict court', 'pre_litigation', '2024-06-01', strictCourt, 'pre_litigation', false],
    ['2026, court default pre_litigation', null, '2026-03-02', oldCourt, 'pre_litigation', true],
    [
      '2026, court default pre_litigation but not allowed',
      null,
      '2026-03-02',
      { ...oldCourt, allowPreLitigation: false },
      'pre_litigation_not_allowed',
      false,
    ],
  ])('%s', (_label, requested, receivedOn, court, expected, warning) => {
    const r = resolveTrack(requested, receivedOn, court);
    if (r.ok) {
      expect(r.track).toBe(expected);
      expect(r.warning).toBe(warning ? REGIME_WARNING : null);
    } else {
      expect(r.code).toBe(expected);
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses a malformed date', () => {
    expect(() => resolveTrack(null, '2026-13-01', entrustedCourt)).toThrow();
  });
});

describe('regime warnings', () => {
  it.each<[TrackCode, string, boolean]>([
    ['pre_litigation', '2024-12-31', false],
    ['pre_litigation', '2025-01-01', true],
    ['entrusted', '2026-05-01', false],
  ])('%s received %s → warning %s', (track, on, warn) => {
    expect(regimeWarning(track, on)).toBe(warn ? REGIME_WARNING : null);
  });

  it.each<[string, string, boolean]>([
    ['诉前调确', '2024-12-31', false],
    ['诉前调确', '2025-01-01', true],
    ['民特', '2026-01-05', false],
  ])('confirmation %s of a case received %s → warning %s', (type, on, warn) => {
    expect(confirmationRegimeWarning(type, on)).toBe(warn ? CONFIRMATION_REGIME_WARNING : null);
  });

  it('routes an agreement by track', () => {
    expect(settlementPathOf('entrusted')).toBe('decree_or_withdrawal');
    expect(settlementPathOf('pre_litigation')).toBe('confirmation');
  });
});

import { describe, expect, it } from '@jest/globals';
import { WorkingCalendar } from './calendar.js';
import { decisionClock, pausedDaysOf, type ClockPause } from './decision-clock.js';

const cal = new WorkingCalendar();

describe('decisionClock: from 受理, +10 days from the rolled expiry, 30-day maximum', () => {
  it.each<[string, string, ClockPause[], boolean, string, string, string | null, string, number, boolean, boolean]>([
    // label, acceptedOn, pauses, extended, today → target, extended end, legal max, paused days, paused, exceedsLegalMax
    ['plain weekdays (Mon)', '2026-11-02', [], false, '2026-11-03', '2026-11-17', null, '2026-12-02', 0, false, false],
    [
      'extension from a working-day target',
      '2026-11-02',
      [],
      true,
      '2026-11-03',
      '2026-11-17',
      '2026-11-27',
      '2026-12-02',
      0,
      false,
      false,
    ],
    // Fri + 15 = Sat 11-21 → Mon 11-23; the extension runs from Mon 11-23 (not from Sat): 12-03.
    [
      'target rolled over a weekend, extension from the rolled day',
      '2026-11-06',
      [],
      true,
      '2026-11-09',
      '2026-11-23',
      '2026-12-03',
      '2026-12-07',
      0,
      false,
      false,
    ],
    // 补交材料 11-05 → 11-09 (4 days not counted): 11-02 + 19 = Sat 11-21 → 11-23; max 11-02 + 34 = Sun 12-06 → 12-07.
    [
      'closed pause of 4 days',
      '2026-11-02',
      [{ from: '2026-11-05', to: '2026-11-09' }],
      false,
      '2026-11-10',
      '2026-11-23',
      null,
      '2026-12-07',
      4,
      false,
      false,
    ],
    // Open since 11-05, today 11-10: 5 days so far, clock paused.
    [
      'open pause counts to today',
      '2026-11-02',
      [{ from: '2026-11-05', to: null }],
      false,
      '2026-11-10',
      '2026-11-23',
      null,
      '2026-12-07',
      5,
      true,
      false,
    ],
    // 09-16 + 15 = 10-01 (国庆) → 10-08; extension 10-18 (Sun) → 10-19, beyond the maximum 10-16.
    [
      'National Day roll pushes the extension past the maximum',
      '2026-09-16',
      [],
      true,
      '2026-09-17',
      '2026-10-08',
      '2026-10-19',
      '2026-10-16',
      0,
      false,
      true,
    ],
  ])('%s', (_l, acceptedOn, pauses, extended, today, target, ext, max, pausedDays, paused, exceeds) => {
    const c = decisionClock(cal, { acceptedOn, pauses, extended, today });
    expect(c).toMatchObject({
      acceptedOn,
      targetDueOn: target,
      extendedDueOn: ext,
      decisionDueOn: ext ?? target,
      legalMaxOn: max,
      pausedDays,
      paused,
      exceedsLegalMax: exceeds,
    });
    expect(c.basis).toContain('第五条');
  });

  it('sums several pauses and refuses one ending before it starts', () => {
    expect(
      pausedDaysOf(
        [
          { from: '2026-11-03', to: '2026-11-05' },
          { from: '2026-11-10', to: '2026-11-11' },
        ],
        '2026-11-20',
      ),
    ).toBe(3);
    expect(() => pausedDaysOf([{ from: '2026-11-05', to: '2026-11-03' }], '2026-11-20')).toThrow();
  });
});

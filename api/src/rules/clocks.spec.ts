import { describe, expect, it } from '@jest/globals';
import { CalendarInputError, WorkingCalendar } from './calendar.js';
import {
  ACCEPT_WITHIN_WORKDAYS,
  CONFIRMATION_APPLY_DAYS,
  DECISION_EXTENSION_DAYS,
  DECISION_LEGAL_MAX_DAYS,
  DECISION_TARGET_DAYS,
  computeClocks,
  isOverdue,
  type ClockInput,
  type Clocks,
} from './clocks.js';

const cal = new WorkingCalendar();
const none = { acceptBy: null, mediationEndsOn: null, confirmationApplyBy: null, decisionDueOn: null, provisional: false };

describe('clock constants', () => {
  it('carry the legal lengths', () => {
    expect([
      ACCEPT_WITHIN_WORKDAYS,
      CONFIRMATION_APPLY_DAYS,
      DECISION_TARGET_DAYS,
      DECISION_EXTENSION_DAYS,
      DECISION_LEGAL_MAX_DAYS,
    ]).toEqual([3, 30, 15, 10, 30]);
  });
});

describe('computeClocks', () => {
  const cases: ReadonlyArray<readonly [string, ClockInput, Clocks]> = [
    ['nothing started', { track: 'pre_litigation', extensionDays: [] }, none],
    [
      'explicit nulls',
      {
        track: 'entrusted',
        extensionDays: [],
        delegatedOn: null,
        acceptedOn: null,
        agreementEffectiveOn: null,
        confirmationAppliedOn: null,
      },
      none,
    ],
    [
      'acceptBy: 3 working days across 2025 春节 (make-up Sunday counts)',
      { track: 'pre_litigation', extensionDays: [], delegatedOn: '2025-01-24' },
      { ...none, acceptBy: '2025-02-05' },
    ],
    [
      'acceptBy lands on the 2026 国庆 make-up Saturday',
      { track: 'pre_litigation', extensionDays: [], delegatedOn: '2026-09-30' },
      { ...none, acceptBy: '2026-10-10' },
    ],
    [
      'acceptBy across a weekend',
      { track: 'entrusted', extensionDays: [], delegatedOn: '2024-03-07' },
      { ...none, acceptBy: '2024-03-12' },
    ],
    [
      '§9.3 legacy 30 days',
      { track: 'pre_litigation', extensionDays: [], acceptedOn: '2024-06-03' },
      { ...none, mediationEndsOn: '2024-07-03' },
    ],
    [
      '§9.3 entrusted simple 7 days',
      { track: 'entrusted', procedure: 'simple', extensionDays: [], acceptedOn: '2025-03-10' },
      { ...none, mediationEndsOn: '2025-03-17' },
    ],
    [
      '§9.3 entrusted simple + 30',
      { track: 'entrusted', procedure: 'simple', extensionDays: [30], acceptedOn: '2025-03-10' },
      { ...none, mediationEndsOn: '2025-04-16' },
    ],
    [
      'entrusted ordinary (default) 15 days',
      { track: 'entrusted', extensionDays: [], acceptedOn: '2025-03-10' },
      { ...none, mediationEndsOn: '2025-03-25' },
    ],
    [
      'entrusted ordinary ends in 2026 春节 → rolls',
      { track: 'entrusted', extensionDays: [], acceptedOn: '2026-02-05' },
      { ...none, mediationEndsOn: '2026-02-24' },
    ],
    [
      'entrusted ordinary ends 2025-10-08 → rolls to 10-09',
      { track: 'entrusted', extensionDays: [], acceptedOn: '2025-09-23' },
      { ...none, mediationEndsOn: '2025-10-09' },
    ],
    // The extension is added to the raw end 10-08 (→ Fri 11-07), not to the rolled 10-09 (→ Sat 11-08 → Mon 11-10).
    [
      'extension adds to the unrolled end, then rolls once',
      { track: 'entrusted', extensionDays: [30], acceptedOn: '2025-09-23' },
      { ...none, mediationEndsOn: '2025-11-07' },
    ],
    [
      'pre_litigation with two extensions, ends on a Saturday → Monday',
      { track: 'pre_litigation', extensionDays: [30, 15], acceptedOn: '2024-06-03' },
      { ...none, mediationEndsOn: '2024-08-19' },
    ],
    [
      'confirmationApplyBy (Art. 205): 2024-03-31 Sunday → 04-01',
      { track: 'pre_litigation', extensionDays: [], agreementEffectiveOn: '2024-03-01' },
      { ...none, confirmationApplyBy: '2024-04-01' },
    ],
    [
      'decisionDueOn 15 days across 2025 国庆',
      { track: 'pre_litigation', extensionDays: [], confirmationAppliedOn: '2025-09-16' },
      { ...none, decisionDueOn: '2025-10-09' },
    ],
    [
      'confirmation window into unpublished 2027 is provisional',
      { track: 'pre_litigation', extensionDays: [], agreementEffectiveOn: '2026-12-20' },
      { ...none, confirmationApplyBy: '2027-01-19', provisional: true },
    ],
    [
      'a legacy 2023 acceptance is computed provisionally instead of failing',
      { track: 'pre_litigation', extensionDays: [], acceptedOn: '2023-11-01' },
      { ...none, mediationEndsOn: '2023-12-01', provisional: true },
    ],
    [
      'all four clocks',
      {
        track: 'entrusted',
        procedure: 'simple',
        extensionDays: [],
        delegatedOn: '2026-02-12',
        acceptedOn: '2026-02-13',
        agreementEffectiveOn: '2026-02-27',
        confirmationAppliedOn: '2026-03-02',
      },
      {
        acceptBy: '2026-02-24',
        mediationEndsOn: '2026-02-24',
        confirmationApplyBy: '2026-03-30',
        decisionDueOn: '2026-03-17',
        provisional: false,
      },
    ],
  ];

  it.each(cases)('%s', (_label, input, want) => {
    expect(computeClocks(cal, input)).toEqual(want);
  });

  it('uses the calendar it is given (overrides)', () => {
    const c = new WorkingCalendar({ overrides: [{ date: '2025-03-17', kind: 'rest' }] });
    expect(computeClocks(c, { track: 'entrusted', procedure: 'simple', extensionDays: [], acceptedOn: '2025-03-10' }).mediationEndsOn).toBe(
      '2025-03-18',
    );
  });

  it.each([[[0]], [[-30]], [[1.5]]])('rejects invalid extension days %p', (ext) => {
    expect(() => computeClocks(cal, { track: 'pre_litigation', extensionDays: ext, acceptedOn: '2025-03-10' })).toThrow(CalendarInputError);
  });

  it('rejects a malformed date', () => {
    expect(() => computeClocks(cal, { track: 'pre_litigation', extensionDays: [], acceptedOn: '2025-3-10' })).toThrow(CalendarInputError);
  });
});

describe('isOverdue', () => {
  it.each([
    ['delegated', '2025-02-05', null, '2025-02-05', false],
    ['delegated', '2025-02-05', null, '2025-02-06', true],
    ['delegated', null, null, '2030-01-01', false],
    ['delegated', '2025-02-05', '2025-01-01', '2025-02-01', false],
    ['in_mediation', '2025-02-05', '2025-03-17', '2025-03-17', false],
    ['in_mediation', '2025-02-05', '2025-03-17', '2025-03-18', true],
    ['in_mediation', '2025-02-05', '2025-03-17', '2025-03-01', false],
    ['in_mediation', null, null, '2030-01-01', false],
    ['registered', '2025-02-05', '2025-03-17', '2030-01-01', false],
    ['agreed', '2025-02-05', '2025-03-17', '2030-01-01', false],
    ['failed', '2025-02-05', '2025-03-17', '2030-01-01', false],
    ['withdrawn', '2025-02-05', '2025-03-17', '2030-01-01', false],
    ['confirmation_pending', '2025-02-05', '2025-03-17', '2030-01-01', false],
  ] as const)('%s, acceptBy %p, mediationEndsOn %p, today %s → %p', (status, acceptBy, mediationEndsOn, today, want) => {
    expect(isOverdue({ status, acceptBy, mediationEndsOn }, today)).toBe(want);
  });

  it('rejects a malformed today', () => {
    expect(() => isOverdue({ status: 'delegated', acceptBy: '2025-02-05', mediationEndsOn: null }, '2025/02/06')).toThrow(
      CalendarInputError,
    );
  });
});

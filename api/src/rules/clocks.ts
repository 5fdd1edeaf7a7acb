/**
 * The four clocks shown on every case (rules.md "Clocks shown on every case"), all counted with the
 * CPL Art. 85 rules of `calendar.ts` (start day not counted; a `days` period ending on a rest day
 * rolls to the next working day).
 *
 * | clock                | starts                         | length                                      |
 * |----------------------|--------------------------------|---------------------------------------------|
 * | acceptBy             | delegation                     | 3 working days (《人民法院在线调解规则》第十二条) |
 * | mediationEndsOn      | acceptance (claim)             | track period (tracks.ts) + extensions        |
 * | confirmationApplyBy  | agreement effective date       | 30 days (《民事诉讼法》第二百零五条)            |
 * | decisionDueOn        | confirmation application       | 15 days internal target (2011 司法确认规定 第五条); legal maximum 30 days (《民事诉讼法》第一百八十七条) |
 *
 * Clocks never throw for dates outside the known calendar: a missing schedule, or a start before
 * the earliest known year, gives a weekends-only date flagged `provisional`.
 */
import { CalendarInputError, isIsoDate, type IsoDate, type WorkingCalendar } from './calendar.js';
import { mediationPeriodDays, type Procedure, type TrackCode } from './tracks.js';

/** 在线调解规则 Art. 12: a mediator confirms acceptance within 3 working days. */
export const ACCEPT_WITHIN_WORKDAYS = 3;
/** 民诉法 Art. 205: joint application within 30 days of the agreement taking effect. */
export const CONFIRMATION_APPLY_DAYS = 30;
/** 2011 provisions Art. 5: decide within 15 days of accepting the application (internal target). */
export const DECISION_TARGET_DAYS = 15;
/** 2011 provisions Art. 5: +10 days with the court president's approval. */
export const DECISION_EXTENSION_DAYS = 10;
/** 民诉法 Art. 187: special-procedure cases are concluded within 30 days of filing (legal maximum). */
export const DECISION_LEGAL_MAX_DAYS = 30;

export interface ClockInput {
  readonly delegatedOn?: IsoDate | null;
  readonly acceptedOn?: IsoDate | null;
  readonly track: TrackCode;
  readonly procedure?: Procedure;
  /** Extensions granted, in days, in order (validate them with `checkExtension` when granting). */
  readonly extensionDays: readonly number[];
  readonly agreementEffectiveOn?: IsoDate | null;
  readonly confirmationAppliedOn?: IsoDate | null;
}

export interface Clocks {
  readonly acceptBy: IsoDate | null;
  readonly mediationEndsOn: IsoDate | null;
  readonly confirmationApplyBy: IsoDate | null;
  readonly decisionDueOn: IsoDate | null;
  /** Any computed clock relied on a year without a published holiday schedule. */
  readonly provisional: boolean;
}

/**
 * Compute the clocks of a case; a clock whose start is missing is null.
 *
 * Extensions (decision): an extension lengthens the same mediation period, it does not start a new
 * one. So the granted days are added to the *unrolled* last day and Art. 85's roll-forward is applied
 * once, to the final last day: end = roll(acceptedOn + period + Σ extensions). Adding to the already
 * rolled date would let a holiday at the old end push the new end later, which the law does not do
 * (Art. 85 only moves the day on which a period *expires*). Brief §9.3: accepted 2025-03-10, simple
 * procedure → 2025-03-17; +30 days → 2025-04-16.
 */
export function computeClocks(calendar: WorkingCalendar, input: ClockInput): Clocks {
  for (const d of input.extensionDays) {
    if (!Number.isInteger(d) || d < 1) throw new CalendarInputError(`extension days must be positive integers, got ${d}`);
  }
  let provisional = false;
  const run = (start: IsoDate | null | undefined, length: number, unit: 'days' | 'workdays'): IsoDate | null => {
    if (start === null || start === undefined) return null;
    const r = calendar.deadline(start, length, unit, { beforeRange: 'provisional' });
    provisional ||= r.provisional;
    return r.endsOn;
  };

  const mediationDays = mediationPeriodDays(input.track, input.procedure ?? 'ordinary') + input.extensionDays.reduce((a, b) => a + b, 0);

  const acceptBy = run(input.delegatedOn, ACCEPT_WITHIN_WORKDAYS, 'workdays');
  const mediationEndsOn = run(input.acceptedOn, mediationDays, 'days');
  const confirmationApplyBy = run(input.agreementEffectiveOn, CONFIRMATION_APPLY_DAYS, 'days');
  const decisionDueOn = run(input.confirmationAppliedOn, DECISION_TARGET_DAYS, 'days');
  return { acceptBy, mediationEndsOn, confirmationApplyBy, decisionDueOn, provisional };
}

export interface OverdueInput {
  readonly status: string;
  readonly acceptBy: IsoDate | null;
  readonly mediationEndsOn: IsoDate | null;
}

/**
 * rules.md: a case is overdue when it is still unclaimed (`delegated`) after `acceptBy`, or still
 * `in_mediation` after `mediationEndsOn`. The end day itself is within the period (Art. 85: the
 * period expires at the end of its last day), so overdue means `today` is strictly later.
 * `today` is the China date (`chinaToday()`).
 */
export function isOverdue(input: OverdueInput, today: IsoDate): boolean {
  if (!isIsoDate(today)) throw new CalendarInputError(`invalid today '${String(today)}'`);
  if (input.status === 'delegated') return input.acceptBy !== null && today > input.acceptBy;
  if (input.status === 'in_mediation') return input.mediationEndsOn !== null && today > input.mediationEndsOn;
  return false;
}

/**
 * The decision clock of a judicial-confirmation application (issue 14 item 3).
 *
 * - Starts on 受理/立案 (`acceptedOn`), not on the application: 2011 司法确认规定 第五条 ("人民法院应当自受理
 *   司法确认申请之日起十五日内作出是否确认的决定"); CPL Art. 187: special-procedure cases are concluded within
 *   30 days of 立案 (the legal maximum shown beside the target).
 * - One extension of 10 days with the court president's approval (2011 provisions Art. 5).
 *   Decision: **an extension runs from the rolled expiry** — the extended period starts on the day the
 *   15-day target expires (after Art. 85's roll to a working day), and its own last day is rolled again.
 *   This is how courts count an extension of 审限 (the extension is a new period appended to the old one).
 * - 补交材料 (民诉法解释 第三百五十四条): the days from the request to the day the materials arrive are not
 *   counted (the clock pauses); a request still open counts up to today and the clock is `paused`.
 *   Paused days are added to the raw last day of the target and of the legal maximum before rolling.
 * All counting is CPL Art. 85 (start day not counted; a last day on a rest day rolls forward).
 */
import { CalendarInputError, daysBetween, isIsoDate, type IsoDate, type WorkingCalendar } from './calendar.js';
import { DECISION_EXTENSION_DAYS, DECISION_LEGAL_MAX_DAYS, DECISION_TARGET_DAYS } from './clocks.js';

export interface ClockPause {
  /** The day the 补交材料 request was made. */
  readonly from: IsoDate;
  /** The day the materials arrived; null while the request is open. */
  readonly to: IsoDate | null;
}

export interface DecisionClockInput {
  readonly acceptedOn: IsoDate;
  readonly pauses: readonly ClockPause[];
  readonly extended: boolean;
  readonly today: IsoDate;
}

export interface DecisionClock {
  readonly acceptedOn: IsoDate;
  /** 15-day target (plus paused days), rolled. */
  readonly targetDueOn: IsoDate;
  /** The end of the +10-day extension, counted from the rolled target; null without one. */
  readonly extendedDueOn: IsoDate | null;
  /** The date that now binds: the extension's end when granted, else the target. */
  readonly decisionDueOn: IsoDate;
  /** 30-day legal maximum (CPL 187), plus paused days, rolled. */
  readonly legalMaxOn: IsoDate;
  readonly pausedDays: number;
  readonly paused: boolean;
  /** The extension's end lies after the legal maximum (possible only through rolling): shown, not hidden. */
  readonly exceedsLegalMax: boolean;
  readonly provisional: boolean;
  readonly basis: string;
}

export const DECISION_CLOCK_BASIS =
  '《最高人民法院关于人民调解协议司法确认程序的若干规定》第五条（受理之日起十五日内，经院长批准可延长十日）；《民事诉讼法》第一百八十七条（立案之日起三十日内审结）；延长期间自原期限届满（顺延后）之日起算';

export function pausedDaysOf(pauses: readonly ClockPause[], today: IsoDate): number {
  let total = 0;
  for (const p of pauses) {
    const end = p.to ?? today;
    if (!isIsoDate(p.from) || !isIsoDate(end)) throw new CalendarInputError('invalid pause dates');
    const d = daysBetween(p.from, end);
    if (d < 0) throw new CalendarInputError(`pause ends before it starts (${p.from} → ${end})`);
    total += d;
  }
  return total;
}

export function decisionClock(calendar: WorkingCalendar, input: DecisionClockInput): DecisionClock {
  if (!isIsoDate(input.acceptedOn)) throw new CalendarInputError(`invalid acceptedOn '${String(input.acceptedOn)}'`);
  let provisional = false;
  const run = (start: IsoDate, days: number): IsoDate => {
    const r = calendar.deadline(start, days, 'days', { beforeRange: 'provisional' });
    provisional ||= r.provisional;
    return r.endsOn;
  };
  const pausedDays = pausedDaysOf(input.pauses, input.today);
  const targetDueOn = run(input.acceptedOn, DECISION_TARGET_DAYS + pausedDays);
  const extendedDueOn = input.extended ? run(targetDueOn, DECISION_EXTENSION_DAYS) : null;
  const legalMaxOn = run(input.acceptedOn, DECISION_LEGAL_MAX_DAYS + pausedDays);
  return {
    acceptedOn: input.acceptedOn,
    targetDueOn,
    extendedDueOn,
    decisionDueOn: extendedDueOn ?? targetDueOn,
    legalMaxOn,
    pausedDays,
    paused: input.pauses.some((p) => p.to === null),
    exceedsLegalMax: extendedDueOn !== null && extendedDueOn > legalMaxOn,
    provisional,
    basis: DECISION_CLOCK_BASIS,
  };
}

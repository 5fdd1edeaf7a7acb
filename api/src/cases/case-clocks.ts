import type { EntityManager } from 'typeorm';
import type { IsoDate, WorkingCalendar } from '../rules/calendar.js';
import { STATUSES_WITH_AGREEMENT } from '../rules/case-status.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { computeClocks } from '../rules/clocks.js';
import { Agreement } from '../case-records/agreement.entity.js';
import type { Case } from '../case-records/case.entity.js';
import { Confirmation } from '../case-records/confirmation.entity.js';

/** The facts outside the case row that start the later clocks. */
export interface ClockFacts {
  agreementEffectiveOn: IsoDate | null;
  confirmationAppliedOn: IsoDate | null;
}

/** A case that has not reached an agreement yet (queued or in mediation) has neither fact. */
export const NO_CLOCK_FACTS: ClockFacts = { agreementEffectiveOn: null, confirmationAppliedOn: null };

export type CaseClocks = Pick<Case, 'acceptBy' | 'mediationEndsOn' | 'confirmationApplyBy' | 'decisionDueOn' | 'clocksProvisional'>;

export type ClockedCase = Pick<Case, 'status' | 'track' | 'procedure' | 'delegatedAt' | 'acceptedAt' | 'extensions'>;

/**
 * The four clocks of a case in the state it is in, by rules/clocks.ts. The one mapping from a case
 * to the rules' input: every action (CaseActionsService) and the queue's `next` claim use it.
 */
export function clocksOfCase(calendar: WorkingCalendar, c: ClockedCase, facts: ClockFacts): CaseClocks {
  const clocks = computeClocks(calendar, {
    track: c.track,
    procedure: c.procedure,
    delegatedOn: c.status === 'delegated' && c.delegatedAt ? chinaDateOf(c.delegatedAt) : null,
    acceptedOn: c.acceptedAt && c.status !== 'delegated' && c.status !== 'registered' ? chinaDateOf(c.acceptedAt) : null,
    extensionDays: c.extensions.map((e) => e.days),
    agreementEffectiveOn: facts.agreementEffectiveOn,
    confirmationAppliedOn: facts.confirmationAppliedOn,
  });
  return {
    acceptBy: clocks.acceptBy,
    mediationEndsOn: clocks.mediationEndsOn,
    confirmationApplyBy: clocks.confirmationApplyBy,
    decisionDueOn: clocks.decisionDueOn,
    clocksProvisional: clocks.provisional,
  };
}

export async function loadClockFacts(m: EntityManager, caseId: string, status?: string): Promise<ClockFacts> {
  // Before an agreement there is nothing to load (saves two queries on the busiest actions).
  const agreed = status === undefined || (STATUSES_WITH_AGREEMENT as readonly string[]).includes(status);
  const applied = agreed && status !== 'agreed';
  const agreement = agreed ? await m.findOne(Agreement, { where: { caseId }, select: { effectiveOn: true } }) : null;
  const confirmation = applied ? await m.findOne(Confirmation, { where: { caseId }, select: { appliedOn: true } }) : null;
  return { agreementEffectiveOn: agreement?.effectiveOn ?? null, confirmationAppliedOn: confirmation?.appliedOn ?? null };
}

export const sameClocks = (a: CaseClocks, b: CaseClocks): boolean =>
  a.acceptBy === b.acceptBy &&
  a.mediationEndsOn === b.mediationEndsOn &&
  a.confirmationApplyBy === b.confirmationApplyBy &&
  a.decisionDueOn === b.decisionDueOn &&
  a.clocksProvisional === b.clocksProvisional;

/**
 * The statistics' definitions, as data derived from one case. Pure: no Nest, no TypeORM.
 *
 * Every figure of every report (summary, breakdown, ranking, export, bulletin) is a sum of the
 * contributions below, so one definition holds everywhere (rules.md "Rates", "Savings"):
 *
 * | figure               | a case counts in a period when …                                              |
 * |----------------------|-------------------------------------------------------------------------------|
 * | received             | it was received (`receivedOn`) in the period                                  |
 * | entrustedReceived    | … and it is on the `entrusted` track (a 民初 registration: 万人起诉率)          |
 * | delegated            | it was received in the period and now waits in a queue (status `delegated`)  |
 * | inMediation          | it was received in the period and is now being mediated (`in_mediation`)     |
 * | agreed               | its mediation ended with an agreement in the period (statuses agreed,         |
 * |                      | confirmation_pending, confirmed, confirmation_rejected)                       |
 * | failed / withdrawn   | its mediation ended in the period as failed / withdrawn (after acceptance)    |
 * | endedOnTime          | it ended in the period on or before `mediationEndsOn`                         |
 * | mediationDays        | it ended in the period: calendar days from acceptance to end                  |
 * | feesFull/HalfFen     | it ended with an agreement in the period: the full / half acceptance fee of   |
 * |                      | its claim, each rounded to the fen on its own (savings, an estimate)          |
 * | confirmed / rejected | its confirmation ruling was made in the period                                |
 *
 * A termination before any mediator accepted the case (a clerk closing a registered or queued
 * case) is not the end of a mediation (rules.md: a case ends when it leaves `in_mediation`), so it
 * counts as received only. Groups: a case belongs to the mediator handling it (else the mediator
 * it was delegated to by name) and to that mediator's organization (else the organization it was
 * delegated to); '' is "none yet" (unassigned, or in the court-wide queue).
 */
import { chinaToday, daysBetween } from '../rules/calendar.js';
import { disputeTypeOf } from '../rules/dispute-types.js';
import { DEFAULT_PROVINCE, FeeRuleError, litigationFee, roundFee, type FeeRoundingMode } from '../rules/fees.js';
import { STATUSES_MEDIATION_ENDED, STATUSES_WITH_AGREEMENT } from '../rules/case-status.js';

/** The per-case inputs of the statistics (the `case_stat_facts` row). */
export interface StatFact {
  caseId: string;
  courtId: string;
  caseNumber: string;
  claimAmountFen: bigint;
  receivedOn: string;
  track: string;
  disputeType: string;
  status: string;
  organizationId: string | null;
  mediatorId: string | null;
  acceptedOn: string | null;
  endedOn: string | null;
  mediationEndsOn: string | null;
  decidedOn: string | null;
  feeFullFen: bigint;
  feeHalfFen: bigint;
  feeRuleVersion: string | null;
}

/** The case columns a fact is derived from. */
export interface CaseForStats {
  id: string;
  courtId: string;
  caseNumber: string;
  receivedOn: string;
  track: string;
  disputeType: string;
  status: string;
  claimAmountFen: bigint;
  assigneeId: string | null;
  delegatedOrganizationId: string | null;
  delegatedMediatorId: string | null;
  acceptedAt: Date | null;
  mediationEndedAt: Date | null;
  mediationEndsOn: string | null;
}

/** What a fact needs beyond the case row. */
export interface FactContext {
  /** The assignee's organization (null without an assignee). */
  assigneeOrganizationId: string | null;
  /** When the confirmation ruling was made, if any. */
  decidedAt: Date | null;
  /** The court's province (divorce / personality / other non-property fee bases). */
  province: string | null;
  /** The court's fee rounding (settings `feeRounding`); to the fen when absent. */
  feeRounding?: FeeRoundingMode | null;
}

/** China date of an instant (fixed UTC+8 since 1991, as rules/calendar.ts: fast enough for millions of rows). */
const chinaDateOf = (instant: Date): string => chinaToday(instant);

const AGREEMENT = new Set<string>(STATUSES_WITH_AGREEMENT);
const ENDED = new Set<string>(STATUSES_MEDIATION_ENDED);
const DECIDED = new Set<string>(['confirmed', 'confirmation_rejected']);

export function isAgreementStatus(status: string): boolean {
  return AGREEMENT.has(status);
}

/**
 * The fees the savings estimate uses for a case: the acceptance fee of its claim under the rules
 * in force on the day it was received (the day it would have been filed), each rounded by the court's
 * setting (to the fen, or half up to the whole yuan). A case outside any fee rule (received before
 * 2007-04-01) saves nothing.
 */
export function feesOf(
  c: Pick<CaseForStats, 'disputeType' | 'claimAmountFen' | 'receivedOn'>,
  province: string | null,
  rounding: FeeRoundingMode = 'fen',
) {
  const feeCategory = disputeTypeOf(c.disputeType)?.feeCategory ?? 'property';
  try {
    const fee = litigationFee({ amountFen: c.claimAmountFen, feeCategory, on: c.receivedOn, province: province ?? DEFAULT_PROVINCE });
    return {
      feeCategory,
      feeFullFen: roundFee(fee.fullFeeFen, rounding),
      feeHalfFen: roundFee(fee.halfFeeFen, rounding),
      feeRuleVersion: fee.version,
    };
  } catch (e) {
    if (e instanceof FeeRuleError) return { feeCategory, feeFullFen: 0n, feeHalfFen: 0n, feeRuleVersion: null };
    throw e;
  }
}

export function deriveFact(c: CaseForStats, ctx: FactContext): StatFact {
  const ended = ENDED.has(c.status) && c.mediationEndedAt !== null;
  const { feeFullFen, feeHalfFen, feeRuleVersion } = feesOf(c, ctx.province, ctx.feeRounding ?? 'fen');
  return {
    caseId: c.id,
    courtId: c.courtId,
    caseNumber: c.caseNumber,
    claimAmountFen: c.claimAmountFen,
    receivedOn: c.receivedOn,
    track: c.track,
    disputeType: c.disputeType,
    status: c.status,
    organizationId: (c.assigneeId ? ctx.assigneeOrganizationId : null) ?? c.delegatedOrganizationId,
    mediatorId: c.assigneeId ?? c.delegatedMediatorId,
    acceptedOn: c.acceptedAt ? chinaDateOf(c.acceptedAt) : null,
    endedOn: ended ? chinaDateOf(c.mediationEndedAt!) : null,
    mediationEndsOn: c.mediationEndsOn,
    decidedOn: DECIDED.has(c.status) && ctx.decidedAt ? chinaDateOf(ctx.decidedAt) : null,
    feeFullFen,
    feeHalfFen,
    feeRuleVersion,
  };
}

export const COUNTERS = [
  'received',
  'entrustedReceived',
  'delegated',
  'inMediation',
  'agreed',
  'failed',
  'withdrawn',
  'endedOnTime',
  'mediationDays',
  'feesFullFen',
  'feesHalfFen',
  'confirmed',
  'confirmationRejected',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, bigint>;

export const zeroCounters = (): Counters => Object.fromEntries(COUNTERS.map((k) => [k, 0n])) as Counters;

/** One dated part of a case's contribution. */
export interface DatedContribution {
  day: string;
  counters: Partial<Counters>;
}

const one = (b: boolean): bigint => (b ? 1n : 0n);

/** The case's contribution to the figures, by the day each part counts on. */
export function contributions(f: StatFact): DatedContribution[] {
  const parts: DatedContribution[] = [
    {
      day: f.receivedOn,
      counters: {
        received: 1n,
        entrustedReceived: one(f.track === 'entrusted'),
        delegated: one(f.status === 'delegated'),
        inMediation: one(f.status === 'in_mediation'),
      },
    },
  ];
  if (f.endedOn) {
    const agreed = AGREEMENT.has(f.status);
    parts.push({
      day: f.endedOn,
      counters: {
        agreed: one(agreed),
        failed: one(f.status === 'failed'),
        withdrawn: one(f.status === 'withdrawn'),
        endedOnTime: one(f.mediationEndsOn === null || f.endedOn <= f.mediationEndsOn),
        mediationDays: BigInt(f.acceptedOn ? Math.max(0, daysBetween(f.acceptedOn, f.endedOn)) : 0),
        feesFullFen: agreed ? f.feeFullFen : 0n,
        feesHalfFen: agreed ? f.feeHalfFen : 0n,
      },
    });
  }
  if (f.decidedOn) {
    parts.push({
      day: f.decidedOn,
      counters: { confirmed: one(f.status === 'confirmed'), confirmationRejected: one(f.status === 'confirmation_rejected') },
    });
  }
  return parts;
}

export const DIMENSIONS = ['organization', 'mediator', 'dispute_type'] as const;
export type Dimension = (typeof DIMENSIONS)[number];
export type Grain = 'd' | 'm';

export function dimensionKey(f: StatFact, dim: Dimension): string {
  switch (dim) {
    case 'organization':
      return f.organizationId ?? '';
    case 'mediator':
      return f.mediatorId ?? '';
    case 'dispute_type':
      return f.disputeType;
  }
}

export const monthStart = (day: string): string => `${day.slice(0, 7)}-01`;

/** Identifies one rollup row. */
export interface RollupKey {
  courtId: string;
  dim: Dimension;
  grain: Grain;
  period: string;
  dimKey: string;
}

export const keyString = (k: RollupKey): string => `${k.courtId}|${k.dim}|${k.grain}|${k.period}|${k.dimKey}`;

export interface RollupDelta extends RollupKey {
  counters: Counters;
}

/** Adds `sign` × the fact's contribution to every rollup row it touches. */
export function accumulate(into: Map<string, RollupDelta>, f: StatFact, sign: 1n | -1n): void {
  for (const part of contributions(f)) {
    for (const dim of DIMENSIONS) {
      for (const grain of ['d', 'm'] as const) {
        const key: RollupKey = {
          courtId: f.courtId,
          dim,
          grain,
          period: grain === 'd' ? part.day : monthStart(part.day),
          dimKey: dimensionKey(f, dim),
        };
        const id = keyString(key);
        let row = into.get(id);
        if (!row) into.set(id, (row = { ...key, counters: zeroCounters() }));
        for (const [name, value] of Object.entries(part.counters) as [Counter, bigint][]) row.counters[name] += sign * value;
      }
    }
  }
}

/**
 * What changes in the rollups when a case's fact goes from `before` to `after` (either may be
 * absent): non-zero deltas only, sorted by key so concurrent writers lock rows in one order.
 */
export function rollupDeltas(before: StatFact | null, after: StatFact | null): RollupDelta[] {
  const map = new Map<string, RollupDelta>();
  if (before) accumulate(map, before, -1n);
  if (after) accumulate(map, after, 1n);
  return nonZeroInKeyOrder(map);
}

/** The non-zero deltas of an accumulation, sorted by key (one lock order for every writer). */
export function nonZeroInKeyOrder(map: ReadonlyMap<string, RollupDelta>): RollupDelta[] {
  return [...map.entries()]
    .filter(([, d]) => COUNTERS.some((k) => d.counters[k] !== 0n))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => d);
}

export function sameFact(a: StatFact | null, b: StatFact | null): boolean {
  if (!a || !b) return a === b;
  return (Object.keys(a) as (keyof StatFact)[]).every((k) => a[k] === b[k]);
}

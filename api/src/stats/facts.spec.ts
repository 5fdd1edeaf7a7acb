import { describe, expect, it } from '@jest/globals';
import {
  accumulate,
  type CaseForStats,
  contributions,
  COUNTERS,
  deriveFact,
  type RollupDelta,
  rollupDeltas,
  type StatFact,
} from './facts.js';

const COURT = '00000000-0000-0000-0000-0000000000c1';
const ORG_A = '00000000-0000-0000-0000-00000000000a';
const ORG_B = '00000000-0000-0000-0000-00000000000b';
const MEDIATOR = '00000000-0000-0000-0000-0000000000d1';

const at = (iso: string) => new Date(iso);

function kase(overrides: Partial<CaseForStats> = {}): CaseForStats {
  return {
    id: '00000000-0000-0000-0000-000000000001',
    courtId: COURT,
    caseNumber: '（2026）黔0381民诉前调1号',
    receivedOn: '2026-03-30',
    track: 'pre_litigation',
    disputeType: 'sale_contract',
    status: 'registered',
    claimAmountFen: 5_000_000n,
    assigneeId: null,
    delegatedOrganizationId: null,
    delegatedMediatorId: null,
    acceptedAt: null,
    mediationEndedAt: null,
    mediationEndsOn: null,
    ...overrides,
  };
}

const ctx = { assigneeOrganizationId: ORG_A, decidedAt: null, province: '贵州' };

describe('deriveFact', () => {
  it('computes the fee of the claim with the rules in force on the received date', () => {
    const f = deriveFact(kase(), ctx);
    expect(f).toMatchObject({ feeFullFen: 105_000n, feeHalfFen: 52_500n, feeRuleVersion: '2007-04-01' }); // 50,000 yuan → 1,050
    expect(deriveFact(kase({ disputeType: 'labor_remuneration' }), ctx)).toMatchObject({ feeFullFen: 1_000n, feeHalfFen: 500n });
    expect(deriveFact(kase({ disputeType: 'divorce', claimAmountFen: 30_000_000n }), ctx)).toMatchObject({ feeFullFen: 65_000n });
  });

  it("rounds each fee by the court's setting: to the fen, or half up to the whole yuan", () => {
    // 12,345 yuan: 50 + 2,345 × 2.5 % = 108.625 → 108.63; half 54.3125 → 54.31.
    const c = kase({ claimAmountFen: 1_234_500n });
    expect(deriveFact(c, ctx)).toMatchObject({ feeFullFen: 10_863n, feeHalfFen: 5_431n });
    expect(deriveFact(c, { ...ctx, feeRounding: 'fen' })).toMatchObject({ feeFullFen: 10_863n, feeHalfFen: 5_431n });
    expect(deriveFact(c, { ...ctx, feeRounding: 'yuan' })).toMatchObject({ feeFullFen: 10_900n, feeHalfFen: 5_400n });
  });

  it('a case received before the 办法 saves nothing instead of failing', () => {
    expect(deriveFact(kase({ receivedOn: '2006-12-01' }), ctx)).toMatchObject({ feeFullFen: 0n, feeHalfFen: 0n, feeRuleVersion: null });
  });

  it('groups by the assignee and the assignee’s organization, else the delegation', () => {
    expect(deriveFact(kase({ delegatedOrganizationId: ORG_B }), { ...ctx, assigneeOrganizationId: null })).toMatchObject({
      organizationId: ORG_B,
      mediatorId: null,
    });
    expect(deriveFact(kase({ delegatedMediatorId: MEDIATOR, delegatedOrganizationId: ORG_B }), ctx)).toMatchObject({
      organizationId: ORG_B,
      mediatorId: MEDIATOR,
    });
    expect(deriveFact(kase({ assigneeId: MEDIATOR, delegatedOrganizationId: ORG_B }), ctx)).toMatchObject({
      organizationId: ORG_A,
      mediatorId: MEDIATOR,
    });
  });

  it('takes China dates of instants: a case ended at 23:30 UTC ends the next day', () => {
    const f = deriveFact(
      kase({
        status: 'failed',
        assigneeId: MEDIATOR,
        acceptedAt: at('2026-03-31T01:00:00Z'),
        mediationEndedAt: at('2026-04-30T16:30:00Z'),
        mediationEndsOn: '2026-04-30',
      }),
      ctx,
    );
    expect(f).toMatchObject({ acceptedOn: '2026-03-31', endedOn: '2026-05-01' });
  });

  it('a termination before acceptance has no end of mediation', () => {
    expect(deriveFact(kase({ status: 'failed', mediationEndedAt: null }), ctx).endedOn).toBeNull();
  });

  it('only a ruling case has a decision date', () => {
    const decidedAt = at('2026-05-10T02:00:00Z');
    expect(deriveFact(kase({ status: 'confirmation_pending' }), { ...ctx, decidedAt }).decidedOn).toBeNull();
    expect(deriveFact(kase({ status: 'confirmed' }), { ...ctx, decidedAt }).decidedOn).toBe('2026-05-10');
  });
});

describe('contributions', () => {
  const base: StatFact = deriveFact(kase(), ctx);

  it('counts a registration on its received day', () => {
    expect(contributions({ ...base, track: 'entrusted', status: 'delegated' })).toEqual([
      { day: '2026-03-30', counters: { received: 1n, entrustedReceived: 1n, delegated: 1n, inMediation: 0n } },
    ]);
  });

  it('counts an agreement on its end day with days, punctuality and fees; a ruling on its day', () => {
    const f = {
      ...base,
      status: 'confirmed',
      acceptedOn: '2026-03-31',
      endedOn: '2026-04-20',
      mediationEndsOn: '2026-04-30',
      decidedOn: '2026-05-06',
    };
    expect(contributions(f)).toEqual([
      { day: '2026-03-30', counters: { received: 1n, entrustedReceived: 0n, delegated: 0n, inMediation: 0n } },
      {
        day: '2026-04-20',
        counters: {
          agreed: 1n,
          failed: 0n,
          withdrawn: 0n,
          endedOnTime: 1n,
          mediationDays: 20n,
          feesFullFen: 105_000n,
          feesHalfFen: 52_500n,
        },
      },
      { day: '2026-05-06', counters: { confirmed: 1n, confirmationRejected: 0n } },
    ]);
  });

  it('a failure after the deadline is late and saves nothing', () => {
    const f = { ...base, status: 'failed', acceptedOn: '2026-03-31', endedOn: '2026-05-06', mediationEndsOn: '2026-04-30' };
    expect(contributions(f)[1]).toEqual({
      day: '2026-05-06',
      counters: { agreed: 0n, failed: 1n, withdrawn: 0n, endedOnTime: 0n, mediationDays: 36n, feesFullFen: 0n, feesHalfFen: 0n },
    });
  });
});

describe('rollup deltas', () => {
  const registered = deriveFact(kase(), ctx);
  const claimed = deriveFact(
    kase({ status: 'in_mediation', assigneeId: MEDIATOR, acceptedAt: at('2026-03-31T01:00:00Z'), mediationEndsOn: '2026-04-30' }),
    ctx,
  );

  it('a claim moves the received case to the mediator and its organization, day and month rows alike', () => {
    const deltas = rollupDeltas(registered, claimed);
    const row = (dim: string, grain: string, key: string) => deltas.find((d) => d.dim === dim && d.grain === grain && d.dimKey === key);
    expect(row('mediator', 'd', '')?.counters).toMatchObject({ received: -1n });
    expect(row('mediator', 'd', MEDIATOR)?.counters).toMatchObject({ received: 1n, inMediation: 1n });
    expect(row('organization', 'm', ORG_A)).toMatchObject({ period: '2026-03-01' });
    // The dispute type does not change: only the status counter moves.
    expect(row('dispute_type', 'd', 'sale_contract')?.counters).toMatchObject({ received: 0n, inMediation: 1n });
    expect(deltas.map((d) => `${d.dim}|${d.grain}|${d.period}|${d.dimKey}`)).toEqual(
      deltas.map((d) => `${d.dim}|${d.grain}|${d.period}|${d.dimKey}`).sort(),
    );
  });

  it('nothing changes, nothing is written; there and back again sums to zero', () => {
    expect(rollupDeltas(claimed, claimed)).toEqual([]);
    const map = new Map<string, RollupDelta>();
    accumulate(map, registered, 1n);
    accumulate(map, claimed, -1n);
    accumulate(map, claimed, 1n);
    accumulate(map, registered, -1n);
    for (const d of map.values()) for (const k of COUNTERS) expect(d.counters[k]).toBe(0n);
  });
});

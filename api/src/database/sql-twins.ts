/**
 * The rules that exist twice, once in TypeScript and once in SQL (where a statement must decide in
 * the database, in one round trip), and the vectors both are held to. This is the one list of them:
 * the TypeScript side is tested against the vectors beside its code (`*.spec.ts`), the SQL side by
 * `test/api/sql-twins.e2e-spec.ts`, which runs the same vectors through the database functions.
 * A new twin is added here, with its vectors, or it is not a twin but a drift waiting to happen.
 */

export interface SqlTwin {
  /** The SQL function (or the part of one) that restates the rule. */
  sql: string;
  /** The migration that defines it. */
  definedIn: string;
  /** The TypeScript it must equal. */
  twinOf: string;
}

export const SQL_TWINS: readonly SqlTwin[] = [
  { sql: 'audit_event_hash()', definedIn: 'migrations/1795500000000-QueueClaimFunction.ts', twinOf: 'audit/chain.ts eventHash()' },
  {
    sql: 'queue_eligible()',
    definedIn: 'migrations/1795500000000-QueueClaimFunction.ts',
    twinOf: 'case-records/eligibility.ts eligibleForMediator()',
  },
  {
    sql: "queue_claim_next(): WHERE status = 'delegated' → 'in_mediation'",
    definedIn: 'migrations/1795500000000-QueueClaimFunction.ts (restated with the roster check in 1797100000000-MediatorRoster.ts)',
    twinOf: "rules/case-status.ts nextStatus(status, 'claim')",
  },
  {
    sql: 'queue_claim_next(): v_active >= v_cap → SU409',
    definedIn: 'migrations/1795500000000-QueueClaimFunction.ts (restated in 1797100000000-MediatorRoster.ts)',
    twinOf: 'rules/workload.ts atWorkloadCap()',
  },
];

/** Event payloads that stress canonical JSON: escapes, non-BMP characters, key order, numbers. */
export const AUDIT_HASH_PAYLOADS: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -17,
  2147483647,
  9007199254740991,
  1.5,
  'plain',
  '',
  'quote " backslash \\ slash / tab \t newline \n return \r bell \u0007 unit \u001f del \u007f',
  '中文：诉调对接（黔0381诉前调确1号）',
  'emoji 🙂 and 𠀀',
  '\u2028\u2029',
  [],
  {},
  [1, 'two', null, [3, [4]], { z: 1, a: 2 }],
  { b: 1, a: { d: [true, null], c: '值' }, A: 'upper', _: 0, 'key with space': 1, é: 'accent', ключ: 1 },
  {
    from: 'delegated',
    to: 'in_mediation',
    version: 3,
    assigneeId: '6b1d7e39-9b43-4f61-8a25-0b8d0a8d3c11',
    waitedMs: 1234567,
    via: 'queue_next',
  },
];

/** Fixed hashes: both implementations must produce exactly these (not merely agree with each other). */
export const AUDIT_HASH_VECTORS: readonly {
  prevHash: string;
  event: {
    stream: string;
    seq: number;
    type: string;
    at: string;
    actorId: string | null;
    actorUsername: string | null;
    actorRole: string | null;
    data: unknown;
  };
  hash: string;
}[] = [
  {
    prevHash: '0'.repeat(64),
    event: {
      stream: 'case:x',
      seq: 1,
      type: 'system',
      at: '1970-01-01T00:00:00.000Z',
      actorId: null,
      actorUsername: null,
      actorRole: null,
      data: { n: 1 },
    },
    hash: 'a9a9a25cf439bde23c164b6eee29babb5b22048d1e9b4a14c32c9df502baf530',
  },
  {
    prevHash: 'f'.repeat(64),
    event: {
      stream: 'case:6b1d7e39-9b43-4f61-8a25-0b8d0a8d3c11',
      seq: 7,
      type: 'case.claimed',
      at: '2026-02-16T23:59:59.987Z',
      actorId: '0c6a3c0e-8a3e-4c55-9d43-2d9b8f1f7a01',
      actorUsername: 'mediator001',
      actorRole: 'mediator',
      data: { from: 'delegated', to: 'in_mediation', version: 3, note: '中文 "quoted" \\ 🙂' },
    },
    hash: 'a6c68007411bd2ea24c578acdf18fd98643a4e5fdbaeab99fd5f269acbf28812',
  },
];

const COURT = '11111111-1111-4111-8111-111111111111';
const OTHER_COURT = '22222222-2222-4222-8222-222222222222';
const ORG = '33333333-3333-4333-8333-333333333333';
const OTHER_ORG = '44444444-4444-4444-8444-444444444444';
const ME = '55555555-5555-4555-8555-555555555555';
const SOMEONE = '66666666-6666-4666-8666-666666666666';

/** Who may claim a delegated case: the case's queue against a mediator. */
export const ELIGIBILITY_VECTORS: readonly {
  name: string;
  case: {
    courtId: string;
    queueScope: 'organization' | 'mediator' | 'court';
    delegatedOrganizationId: string | null;
    delegatedMediatorId: string | null;
  };
  mediator: { courtId: string; id: string; organizationId: string | null };
  eligible: boolean;
}[] = [
  {
    name: 'court pool, same court',
    case: { courtId: COURT, queueScope: 'court', delegatedOrganizationId: null, delegatedMediatorId: null },
    mediator: { courtId: COURT, id: ME, organizationId: ORG },
    eligible: true,
  },
  {
    name: 'court pool, mediator without organization',
    case: { courtId: COURT, queueScope: 'court', delegatedOrganizationId: null, delegatedMediatorId: null },
    mediator: { courtId: COURT, id: ME, organizationId: null },
    eligible: true,
  },
  {
    name: 'court pool, other court',
    case: { courtId: COURT, queueScope: 'court', delegatedOrganizationId: null, delegatedMediatorId: null },
    mediator: { courtId: OTHER_COURT, id: ME, organizationId: ORG },
    eligible: false,
  },
  {
    name: 'organization, its mediator',
    case: { courtId: COURT, queueScope: 'organization', delegatedOrganizationId: ORG, delegatedMediatorId: null },
    mediator: { courtId: COURT, id: ME, organizationId: ORG },
    eligible: true,
  },
  {
    name: 'organization, another organization',
    case: { courtId: COURT, queueScope: 'organization', delegatedOrganizationId: ORG, delegatedMediatorId: null },
    mediator: { courtId: COURT, id: ME, organizationId: OTHER_ORG },
    eligible: false,
  },
  {
    name: 'organization, mediator without organization',
    case: { courtId: COURT, queueScope: 'organization', delegatedOrganizationId: ORG, delegatedMediatorId: null },
    mediator: { courtId: COURT, id: ME, organizationId: null },
    eligible: false,
  },
  {
    name: 'organization, same id in another court',
    case: { courtId: COURT, queueScope: 'organization', delegatedOrganizationId: ORG, delegatedMediatorId: null },
    mediator: { courtId: OTHER_COURT, id: ME, organizationId: ORG },
    eligible: false,
  },
  {
    name: 'named mediator, that mediator',
    case: { courtId: COURT, queueScope: 'mediator', delegatedOrganizationId: null, delegatedMediatorId: ME },
    mediator: { courtId: COURT, id: ME, organizationId: ORG },
    eligible: true,
  },
  {
    name: 'named mediator, someone else of the organization',
    case: { courtId: COURT, queueScope: 'mediator', delegatedOrganizationId: ORG, delegatedMediatorId: SOMEONE },
    mediator: { courtId: COURT, id: ME, organizationId: ORG },
    eligible: false,
  },
  {
    name: 'named mediator, other court',
    case: { courtId: COURT, queueScope: 'mediator', delegatedOrganizationId: null, delegatedMediatorId: ME },
    mediator: { courtId: OTHER_COURT, id: ME, organizationId: ORG },
    eligible: false,
  },
];

/** The workload cap: a claim is refused once the mediator holds `cap` active cases. */
export const WORKLOAD_CAP_VECTORS: readonly { active: number; cap: number; blocked: boolean }[] = [
  { active: 0, cap: 1, blocked: false },
  { active: 0, cap: 3, blocked: false },
  { active: 2, cap: 3, blocked: false },
  { active: 3, cap: 3, blocked: true },
  { active: 1, cap: 1, blocked: true },
  { active: 4, cap: 3, blocked: true },
];

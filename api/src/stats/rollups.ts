/**
 * Keeps `case_stat_facts` and `stats_rollups` equal to a direct recount of the cases.
 *
 * `refreshCaseStats` runs inside the transaction of every change of a case (registration in
 * CasesService.create, every action in CaseActionsService.act): it derives the case's fact again,
 * and when it differs from the stored one it subtracts the old contribution from the rollups and
 * adds the new one. Both happen in the caller's transaction, so the rollups commit (or roll back)
 * with the state change. Deltas are applied in key order, so concurrent transactions lock rollup
 * rows in one order and cannot deadlock on them; the hook runs last in a transaction so the
 * (hot) rollup rows are held only until commit.
 *
 * `rebuildStats` recomputes everything from scratch (bulk loads, repairs); `recountRollups`
 * recomputes the rollups in memory for a court (tests compare it with the table).
 */
import type { DataSource, EntityManager } from 'typeorm';
import type { FeeRoundingMode } from '../rules/fees.js';
import {
  accumulate,
  COUNTERS,
  type Counter,
  type Counters,
  type CaseForStats,
  deriveFact,
  keyString,
  nonZeroInKeyOrder,
  type RollupDelta,
  sameFact,
  type StatFact,
  zeroCounters,
} from './facts.js';

/** Column of each counter in `stats_rollups`. */
const COLUMN: Record<Counter, string> = {
  received: 'received',
  entrustedReceived: 'entrusted_received',
  delegated: 'delegated',
  inMediation: 'in_mediation',
  agreed: 'agreed',
  failed: 'failed',
  withdrawn: 'withdrawn',
  endedOnTime: 'ended_on_time',
  mediationDays: 'mediation_days',
  feesFullFen: 'fees_full_fen',
  feesHalfFen: 'fees_half_fen',
  confirmed: 'confirmed',
  confirmationRejected: 'confirmation_rejected',
};
const BIG: ReadonlySet<Counter> = new Set<Counter>(['mediationDays', 'feesFullFen', 'feesHalfFen']);

export const rollupColumn = (c: Counter): string => COLUMN[c];

const FACT_COLUMNS = [
  ['caseId', 'case_id', 'uuid'],
  ['courtId', 'court_id', 'uuid'],
  ['caseNumber', 'case_number', 'text'],
  ['claimAmountFen', 'claim_amount_fen', 'bigint'],
  ['receivedOn', 'received_on', 'date'],
  ['track', 'track', 'text'],
  ['disputeType', 'dispute_type', 'text'],
  ['status', 'status', 'text'],
  ['organizationId', 'organization_id', 'uuid'],
  ['mediatorId', 'mediator_id', 'uuid'],
  ['acceptedOn', 'accepted_on', 'date'],
  ['endedOn', 'ended_on', 'date'],
  ['mediationEndsOn', 'mediation_ends_on', 'date'],
  ['decidedOn', 'decided_on', 'date'],
  ['feeFullFen', 'fee_full_fen', 'bigint'],
  ['feeHalfFen', 'fee_half_fen', 'bigint'],
  ['feeRuleVersion', 'fee_rule_version', 'text'],
] as const satisfies readonly (readonly [keyof StatFact, string, string])[];

/** Dates as text: pg would turn a `date` into a Date at local midnight. */
const FACT_SELECT = FACT_COLUMNS.map(
  ([prop, col, type]) =>
    `${type === 'date' ? `to_char(f.${col}, 'YYYY-MM-DD')` : type === 'bigint' ? `f.${col}::text` : `f.${col}`} AS "${prop}"`,
).join(', ');

type Queryable = Pick<EntityManager, 'query'>;

/** A `case_stat_facts` row as pg returns it (dates as text, bigint as string). */
function factFromRow(r: Record<string, unknown>): StatFact {
  return {
    caseId: r.caseId as string,
    courtId: r.courtId as string,
    caseNumber: r.caseNumber as string,
    claimAmountFen: BigInt(r.claimAmountFen as string),
    receivedOn: r.receivedOn as string,
    track: r.track as string,
    disputeType: r.disputeType as string,
    status: r.status as string,
    organizationId: (r.organizationId as string | null) ?? null,
    mediatorId: (r.mediatorId as string | null) ?? null,
    acceptedOn: (r.acceptedOn as string | null) ?? null,
    endedOn: (r.endedOn as string | null) ?? null,
    mediationEndsOn: (r.mediationEndsOn as string | null) ?? null,
    decidedOn: (r.decidedOn as string | null) ?? null,
    feeFullFen: BigInt(r.feeFullFen as string),
    feeHalfFen: BigInt(r.feeHalfFen as string),
    feeRuleVersion: (r.feeRuleVersion as string | null) ?? null,
  };
}

/** Upserts facts in one statement (arrays through unnest). */
export async function writeFacts(m: Queryable, facts: readonly StatFact[]): Promise<void> {
  if (facts.length === 0) return;
  const cols = FACT_COLUMNS.map(([, col]) => col);
  const arrays = FACT_COLUMNS.map(([prop]) =>
    facts.map((f) => {
      const v = f[prop];
      return typeof v === 'bigint' ? v.toString() : v;
    }),
  );
  const unnest = FACT_COLUMNS.map(([, , type], i) => `$${i + 1}::${type}[]`).join(', ');
  await m.query(
    `INSERT INTO case_stat_facts (${cols.join(', ')}) SELECT * FROM unnest(${unnest})
     ON CONFLICT (case_id) DO UPDATE SET ${cols
       .filter((c) => c !== 'case_id')
       .map((c) => `${c} = excluded.${c}`)
       .join(', ')}`,
    arrays,
  );
}

/** Adds the deltas to the rollups in one statement, rows in the order given (sorted by key). */
export async function applyRollupDeltas(m: Queryable, deltas: readonly RollupDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const cols = COUNTERS.map((c) => COLUMN[c]);
  const params: unknown[] = [
    deltas.map((d) => d.courtId),
    deltas.map((d) => d.dim),
    deltas.map((d) => d.grain),
    deltas.map((d) => d.period),
    deltas.map((d) => d.dimKey),
    ...COUNTERS.map((c) => deltas.map((d) => d.counters[c].toString())),
  ];
  const types = ['uuid', 'text', 'text', 'date', 'text', ...COUNTERS.map((c) => (BIG.has(c) ? 'bigint' : 'int'))];
  await m.query(
    `INSERT INTO stats_rollups (court_id, dim, grain, period, dim_key, ${cols.join(', ')})
     SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(', ')})
     ON CONFLICT (court_id, dim, grain, period, dim_key) DO UPDATE SET ${cols.map((c) => `${c} = stats_rollups.${c} + excluded.${c}`).join(', ')}`,
    params,
  );
}

/**
 * The hook: call inside the transaction that changed the case, after the change, with the case
 * as it now stands (CaseActionsService.act). Idempotent: a second call finds nothing to change.
 */
export async function refreshCaseStats(m: Queryable, c: CaseForStats): Promise<void> {
  await refreshCasesStats(m, [c]);
}

/**
 * Brings the facts and rollups of these cases up to date and clears their dirty marks. The caller
 * holds the cases' row locks (an action holds its case's; the flusher locks its batch first), so a
 * case's fact is never refreshed by two transactions at once; all rollup deltas of the batch go in
 * one statement, in key order.
 */
export async function refreshCasesStats(m: Queryable, cases: readonly CaseForStats[]): Promise<void> {
  if (cases.length === 0) return;
  const rows = (await m.query(
    `WITH ids AS (SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[]) AS x(case_id, court_id, assignee_id)),
          cleared AS (DELETE FROM stats_dirty_cases d USING ids WHERE d.case_id = ids.case_id)
     SELECT ids.case_id AS "id", co.province, co.fee_rounding AS "feeRounding", u.organization_id AS "assigneeOrganizationId", cf.decided_at AS "decidedAt",
            f.case_id AS "factCaseId", ${FACT_SELECT}
       FROM ids
       JOIN courts co ON co.id = ids.court_id
       LEFT JOIN users u ON u.id = ids.assignee_id
       LEFT JOIN confirmations cf ON cf.case_id = ids.case_id
       LEFT JOIN case_stat_facts f ON f.case_id = ids.case_id`,
    [cases.map((c) => c.id), cases.map((c) => c.courtId), cases.map((c) => c.assigneeId)],
  )) as Record<string, unknown>[];
  const context = new Map(rows.map((r) => [r.id as string, r]));
  const deltas = new Map<string, RollupDelta>();
  const changed: StatFact[] = [];
  for (const c of cases) {
    const row = context.get(c.id);
    const before = row?.factCaseId ? factFromRow(row) : null;
    const after = deriveFact(c, {
      assigneeOrganizationId: (row?.assigneeOrganizationId as string | null) ?? null,
      decidedAt: row?.decidedAt ? new Date(row.decidedAt as string) : null,
      province: (row?.province as string | null) ?? null,
      feeRounding: (row?.feeRounding as FeeRoundingMode | null) ?? null,
    });
    if (sameFact(before, after)) continue;
    if (before) accumulate(deltas, before, -1n);
    accumulate(deltas, after, 1n);
    changed.push(after);
  }
  await applyRollupDeltas(m, nonZeroInKeyOrder(deltas));
  await writeFacts(m, changed);
}

/**
 * Refreshes cases left dirty by paths without the hook (registration, the queue's claim
 * statement, imports), `batch` at a time, each batch in one transaction: lock the batch's case
 * rows (in id order, before any rollup row), then refresh. Returns the number of cases refreshed.
 */
export async function flushDirtyStats(ds: DataSource, batch = 500): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await ds.transaction(async (m) => {
      const ids = (
        (await m.query('SELECT case_id FROM stats_dirty_cases ORDER BY case_id LIMIT $1', [batch])) as { case_id: string }[]
      ).map((r) => r.case_id);
      if (ids.length === 0) return 0;
      const rows = (await m.query(`${CASE_COLUMNS} FROM cases c WHERE c.id = ANY($1::uuid[]) ORDER BY c.id FOR UPDATE`, [ids])) as Record<
        string,
        unknown
      >[];
      await refreshCasesStats(m, rows.map(caseFromRow));
      // Marks of cases that no longer exist.
      await m.query(
        'DELETE FROM stats_dirty_cases WHERE case_id = ANY($1::uuid[]) AND NOT EXISTS (SELECT 1 FROM cases WHERE id = case_id)',
        [ids],
      );
      return ids.length;
    });
    total += done;
    if (done < batch) return total;
  }
}

const CASE_COLUMNS = `
  SELECT c.id, c.court_id AS "courtId", c.case_number AS "caseNumber", to_char(c.received_on, 'YYYY-MM-DD') AS "receivedOn", c.track,
         c.dispute_type AS "disputeType", c.status, c.claim_amount_fen::text AS "claimAmountFen", c.assignee_id AS "assigneeId",
         c.delegated_organization_id AS "delegatedOrganizationId", c.delegated_mediator_id AS "delegatedMediatorId",
         c.accepted_at AS "acceptedAt", c.mediation_ended_at AS "mediationEndedAt",
         to_char(c.mediation_ends_on, 'YYYY-MM-DD') AS "mediationEndsOn"`;

function caseFromRow(r: Record<string, unknown>): CaseForStats {
  return {
    id: r.id as string,
    courtId: r.courtId as string,
    caseNumber: r.caseNumber as string,
    receivedOn: r.receivedOn as string,
    track: r.track as string,
    disputeType: r.disputeType as string,
    status: r.status as string,
    claimAmountFen: BigInt(r.claimAmountFen as string),
    assigneeId: (r.assigneeId as string | null) ?? null,
    delegatedOrganizationId: (r.delegatedOrganizationId as string | null) ?? null,
    delegatedMediatorId: (r.delegatedMediatorId as string | null) ?? null,
    acceptedAt: r.acceptedAt ? new Date(r.acceptedAt as string) : null,
    mediationEndedAt: r.mediationEndedAt ? new Date(r.mediationEndedAt as string) : null,
    mediationEndsOn: (r.mediationEndsOn as string | null) ?? null,
  };
}

// ---------------------------------------------------------------------------------------------
// Recount and rebuild
// ---------------------------------------------------------------------------------------------

const CASES_FOR_STATS = `${CASE_COLUMNS}, u.organization_id AS "assigneeOrganizationId", cf.decided_at AS "decidedAt", co.province,
       co.fee_rounding AS "feeRounding"
    FROM cases c
    JOIN courts co ON co.id = c.court_id
    LEFT JOIN users u ON u.id = c.assignee_id
    LEFT JOIN confirmations cf ON cf.case_id = c.id`;

function factOfCaseRow(r: Record<string, unknown>): StatFact {
  return deriveFact(caseFromRow(r), {
    assigneeOrganizationId: (r.assigneeOrganizationId as string | null) ?? null,
    decidedAt: r.decidedAt ? new Date(r.decidedAt as string) : null,
    province: (r.province as string | null) ?? null,
    feeRounding: (r.feeRounding as FeeRoundingMode | null) ?? null,
  });
}

export interface RollupRow {
  key: string;
  counters: Counters;
}

/** The rollups of a court recomputed from the cases themselves (not from the stored facts). */
export async function recountRollups(m: Queryable, courtId: string): Promise<Map<string, Counters>> {
  const rows = (await m.query(`${CASES_FOR_STATS} WHERE c.court_id = $1`, [courtId])) as Record<string, unknown>[];
  const map = new Map<string, RollupDelta>();
  for (const r of rows) accumulate(map, factOfCaseRow(r), 1n);
  const out = new Map<string, Counters>();
  for (const [key, d] of map) if (COUNTERS.some((c) => d.counters[c] !== 0n)) out.set(key, d.counters);
  return out;
}

/** The stored rollups of a court (rows that are all zero left out). */
export async function storedRollups(m: Queryable, courtId: string): Promise<Map<string, Counters>> {
  const rows = (await m.query(
    `SELECT court_id, dim, grain, to_char(period, 'YYYY-MM-DD') AS period, dim_key, ${COUNTERS.map((c) => `${COLUMN[c]}::text AS "${c}"`).join(', ')}
       FROM stats_rollups WHERE court_id = $1`,
    [courtId],
  )) as Record<string, string>[];
  const out = new Map<string, Counters>();
  for (const r of rows) {
    const counters = zeroCounters();
    for (const c of COUNTERS) counters[c] = BigInt(r[c]!);
    if (COUNTERS.every((c) => counters[c] === 0n)) continue;
    out.set(
      keyString({ courtId: r.court_id!, dim: r.dim as never, grain: r.grain as never, period: r.period!, dimKey: r.dim_key! }),
      counters,
    );
  }
  return out;
}

export interface RebuildProgress {
  (done: number, total: number): void;
}

/**
 * Recomputes every fact from the cases (in batches, in TypeScript: the fee engine is the one
 * definition of a fee) and then every rollup from the facts (in SQL: a sum over millions of rows).
 * Runs in one transaction; readers see the old figures until it commits.
 */
export async function rebuildStats(
  ds: DataSource,
  opts: { batchSize?: number; onProgress?: RebuildProgress } = {},
): Promise<{ cases: number; rollups: number }> {
  const batchSize = opts.batchSize ?? 20_000;
  return ds.transaction(async (m) => {
    await m.query('SET LOCAL statement_timeout = 0');
    await m.query(`SET LOCAL work_mem = '256MB'`);
    await m.query('TRUNCATE stats_rollups, case_stat_facts, stats_dirty_cases');
    const [{ total }] = (await m.query('SELECT count(*)::int AS total FROM cases')) as { total: number }[];
    let done = 0;
    // Facts are written in (court, received date) order, so a period's cases lie together on disk.
    await m.query(`DECLARE stats_rebuild NO SCROLL CURSOR FOR ${CASES_FOR_STATS} ORDER BY c.court_id, c.received_on, c.case_number`);
    for (;;) {
      const rows = (await m.query(`FETCH ${Number(batchSize)} FROM stats_rebuild`)) as Record<string, unknown>[];
      if (rows.length === 0) break;
      await writeFacts(m, rows.map(factOfCaseRow));
      done += rows.length;
      opts.onProgress?.(done, total);
    }
    await m.query('CLOSE stats_rebuild');
    await m.query(REBUILD_DAY_ROLLUPS);
    await m.query(REBUILD_MONTH_ROLLUPS);
    const [{ n }] = (await m.query('SELECT count(*)::int AS n FROM stats_rollups')) as { n: number }[];
    return { cases: done, rollups: n };
  });
}

/**
 * The day rows from the facts: the SQL form of `contributions()` × `DIMENSIONS` (facts.ts). The
 * e2e test checks that a rebuild gives exactly the rollups the incremental hook maintains.
 */
const REBUILD_DAY_ROLLUPS = `
  INSERT INTO stats_rollups (court_id, dim, grain, period, dim_key, ${COUNTERS.map((c) => COLUMN[c]).join(', ')})
  SELECT f.court_id, d.dim, 'd', e.day, d.dim_key, ${COUNTERS.map((c) => `sum(e.${COLUMN[c]})`).join(', ')}
    FROM case_stat_facts f
    CROSS JOIN LATERAL (
      SELECT f.received_on AS day, 1 AS received, (f.track = 'entrusted')::int AS entrusted_received,
             (f.status = 'delegated')::int AS delegated, (f.status = 'in_mediation')::int AS in_mediation,
             0 AS agreed, 0 AS failed, 0 AS withdrawn, 0 AS ended_on_time, 0::bigint AS mediation_days,
             0::bigint AS fees_full_fen, 0::bigint AS fees_half_fen, 0 AS confirmed, 0 AS confirmation_rejected
      UNION ALL
      SELECT f.ended_on, 0, 0, 0, 0,
             (f.status IN ('agreed','confirmation_pending','confirmed','confirmation_rejected','concluded','confirmation_closed'))::int,
             (f.status = 'failed')::int, (f.status = 'withdrawn')::int,
             (f.mediation_ends_on IS NULL OR f.ended_on <= f.mediation_ends_on)::int,
             greatest(0, coalesce(f.ended_on - f.accepted_on, 0))::bigint,
             CASE WHEN f.status IN ('agreed','confirmation_pending','confirmed','confirmation_rejected','concluded','confirmation_closed') THEN f.fee_full_fen ELSE 0 END,
             CASE WHEN f.status IN ('agreed','confirmation_pending','confirmed','confirmation_rejected','concluded','confirmation_closed') THEN f.fee_half_fen ELSE 0 END,
             0, 0
       WHERE f.ended_on IS NOT NULL
      UNION ALL
      SELECT f.decided_on, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
             (f.status = 'confirmed')::int, (f.status = 'confirmation_rejected')::int
       WHERE f.decided_on IS NOT NULL
    ) e
    CROSS JOIN LATERAL (VALUES
      ('organization', coalesce(f.organization_id::text, '')),
      ('mediator', coalesce(f.mediator_id::text, '')),
      ('dispute_type', f.dispute_type::text)
    ) d(dim, dim_key)
   GROUP BY f.court_id, d.dim, e.day, d.dim_key
   -- In key order: a report's range of rows then lies on neighbouring pages.
   ORDER BY f.court_id, d.dim, e.day, d.dim_key`;

const REBUILD_MONTH_ROLLUPS = `
  INSERT INTO stats_rollups (court_id, dim, grain, period, dim_key, ${COUNTERS.map((c) => COLUMN[c]).join(', ')})
  SELECT court_id, dim, 'm', date_trunc('month', period)::date, dim_key, ${COUNTERS.map((c) => `sum(${COLUMN[c]})`).join(', ')}
    FROM stats_rollups WHERE grain = 'd'
   GROUP BY court_id, dim, date_trunc('month', period), dim_key
   ORDER BY court_id, dim, date_trunc('month', period), dim_key`;

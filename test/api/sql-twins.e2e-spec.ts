import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventHash, GENESIS_HASH } from '../../api/src/audit/chain.js';
import {
  AUDIT_HASH_PAYLOADS,
  AUDIT_HASH_VECTORS,
  ELIGIBILITY_VECTORS,
  SQL_TWINS,
  WORKLOAD_CAP_VECTORS,
} from '../../api/src/database/sql-twins.js';
import { CASE_STATUSES, nextStatus } from '../../api/src/rules/case-status.js';
import { atWorkloadCap } from '../../api/src/rules/workload.js';
import { auth, caseBody, createWorld, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The SQL halves of database/sql-twins.ts, run on the same vectors as their TypeScript twins.
let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
});
afterAll(async () => {
  await t?.close();
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);

it('lists every twin with a migration that defines it', async () => {
  for (const twin of SQL_TWINS) {
    const fn = twin.sql.match(/^(\w+)\(/)![1]!;
    const [row] = await t.db.query('SELECT count(*)::int AS n FROM pg_proc WHERE proname = $1', [fn]);
    expect({ fn, defined: row.n }).toEqual({ fn, defined: 1 });
  }
});

describe('audit_event_hash() = eventHash()', () => {
  it('gives the fixed hash of every vector', async () => {
    for (const { prevHash, event: e, hash } of AUDIT_HASH_VECTORS) {
      const [row] = await t.db.query('SELECT audit_event_hash($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) AS hash', [
        prevHash,
        e.stream,
        e.seq,
        e.type,
        new Date(e.at),
        e.actorId,
        e.actorUsername,
        e.actorRole,
        JSON.stringify(e.data),
      ]);
      expect(row.hash).toBe(hash);
    }
  });

  it('agrees with Node on awkward payloads', async () => {
    const at = new Date('2026-02-16T23:59:59.987Z');
    for (const [i, data] of AUDIT_HASH_PAYLOADS.entries()) {
      const e = {
        stream: `case:${i}`,
        seq: i + 1,
        type: 'case.claimed',
        at,
        actorId: w.users.m1!.id,
        actorUsername: 'm1',
        actorRole: 'mediator',
        data,
      };
      const [row] = await t.db.query('SELECT audit_event_hash($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) AS hash', [
        GENESIS_HASH,
        e.stream,
        e.seq,
        e.type,
        at,
        e.actorId,
        e.actorUsername,
        e.actorRole,
        JSON.stringify(data),
      ]);
      expect({ data, hash: row.hash }).toEqual({ data, hash: eventHash(GENESIS_HASH, e) });
    }
  });
});

describe('queue_eligible() = eligibleForMediator()', () => {
  it.each(ELIGIBILITY_VECTORS)('$name → $eligible', async ({ case: c, mediator: m, eligible }) => {
    const [row] = await t.db.query('SELECT queue_eligible($1, $2, $3, $4, $5, $6, $7) AS ok', [
      c.courtId,
      c.queueScope,
      c.delegatedOrganizationId,
      c.delegatedMediatorId,
      m.courtId,
      m.id,
      m.organizationId,
    ]);
    expect(row.ok).toBe(eligible);
  });
});

/**
 * queue_claim_next() for m1 of orgA, as QueueService calls it. `FOR UPDATE SKIP LOCKED` skips a
 * case that background work (document outbox, stats refresh) has locked for a moment, so an empty
 * answer is retried briefly when a claim is expected.
 */
async function claimNext(expectClaim = false): Promise<{ ids: string[]; error?: string }> {
  for (let attempt = 0; ; attempt++) {
    const outcome = await claimNextOnce();
    if (!expectClaim || outcome.ids.length || outcome.error || attempt >= 20) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function claimNextOnce(): Promise<{ ids: string[]; error?: string }> {
  try {
    const rows: { id: string }[] = await t.db.query('SELECT c.id FROM queue_claim_next($1, $2, $3, $4, $5, $6::jsonb, NULL, NULL) AS c', [
      w.users.m1!.id,
      w.courtId,
      w.orgA,
      'm1',
      new Date(),
      '{}',
    ]);
    return { ids: rows.map((r) => r.id) };
  } catch (e) {
    return { ids: [], error: (e as { code?: string }).code };
  }
}

async function caseOfOrgA(): Promise<string> {
  const created = await post('/api/cases', w.tokens.clerk1!, caseBody());
  expect(created.status).toBe(201);
  expect((await post(`/api/cases/${created.body.id}/delegate`, w.tokens.clerk1!, { organizationId: w.orgA })).status).toBe(200);
  return created.body.id;
}

async function clearQueueAndWorkload(): Promise<void> {
  await t.db.query(`UPDATE cases SET status = 'withdrawn' WHERE court_id = $1 AND status IN ('delegated', 'in_mediation')`, [w.courtId]);
}

describe("queue_claim_next() claims exactly what nextStatus(status, 'claim') allows", () => {
  it.each(CASE_STATUSES.map((status) => ({ status })))('from $status', async ({ status }) => {
    await clearQueueAndWorkload();
    const id = await caseOfOrgA();
    const assignee = status === 'in_mediation' ? w.users.m2!.id : null;
    await t.db.query('UPDATE cases SET status = $2, assignee_id = coalesce($3, assignee_id) WHERE id = $1', [id, status, assignee]);
    const claimable = nextStatus(status, 'claim') === 'in_mediation';
    expect((await claimNext(claimable)).ids).toEqual(claimable ? [id] : []);
  });
});

describe('queue_claim_next() refuses at the cap exactly when atWorkloadCap() does', () => {
  it.each(WORKLOAD_CAP_VECTORS)('$active active of cap $cap → blocked $blocked', async ({ active, cap, blocked }) => {
    await clearQueueAndWorkload();
    await t.db.query('UPDATE courts SET workload_cap = $2 WHERE id = $1', [w.courtId, cap]);
    for (let i = 0; i < active; i++) {
      const id = await caseOfOrgA();
      await t.db.query(`UPDATE cases SET status = 'in_mediation', assignee_id = $2 WHERE id = $1`, [id, w.users.m1!.id]);
    }
    const waiting = await caseOfOrgA();
    const outcome = await claimNext(!blocked);
    expect(atWorkloadCap(active, cap)).toBe(blocked);
    expect(outcome).toEqual(blocked ? { ids: [], error: 'SU409' } : { ids: [waiting] });
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyAuditChains } from '../../api/src/audit/verify.js';
import { auth, caseBody, createWorld, login, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 3, workloadCap: 1000 });
});
afterAll(async () => {
  await t?.close();
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token));

interface Team {
  orgId: string;
  region: string;
  tokens: string[];
  ids: string[];
}
let teams = 0;

/** A fresh organization in its own region with `n` logged-in mediators: tests stay out of each other's queues. */
async function team(n: number): Promise<Team> {
  teams += 1;
  const region = `测试区${teams}`;
  const [org] = await t.db.query(`INSERT INTO organizations (court_id, name, kind, region) VALUES ($1, $2, 'township', $3) RETURNING id`, [
    w.courtId,
    `${region}人民调解委员会`,
    region,
  ]);
  const usernames = Array.from({ length: n }, (_, i) => `t${teams}m${i + 1}`);
  const rows: { id: string; username: string }[] = await t.db.query(
    `INSERT INTO users (username, display_name, role, password_hash, court_id, organization_id)
     SELECT u, '调解员' || u, 'mediator', (SELECT password_hash FROM users WHERE username = 'm1'), $1, $2 FROM unnest($3::text[]) AS u
     RETURNING id, username`,
    [w.courtId, org.id, usernames],
  );
  const byName = new Map(rows.map((r) => [r.username, r.id]));
  const tokens = await Promise.all(usernames.map((u) => login(t, u)));
  return { orgId: org.id, region, tokens, ids: usernames.map((u) => byName.get(u)!) };
}

async function delegatedCase(delegation: object = {}, overrides: Record<string, unknown> = {}) {
  const created = await post('/api/cases', w.tokens.clerk1!, caseBody(overrides));
  expect(created.status).toBe(201);
  const delegated = await post(`/api/cases/${created.body.id}/delegate`, w.tokens.clerk1!, delegation);
  expect(delegated.status).toBe(200);
  return delegated.body as { id: string; version: number; deadlines: { acceptBy: string } };
}

describe('GET /api/queue', () => {
  it('shows each mediator the cases of their scope, most urgent first, with filters', async () => {
    const a = await team(2);
    const b = await team(1);
    const older = await delegatedCase({ organizationId: a.orgId }, { receivedOn: '2026-01-05', disputeType: 'traffic_accident' });
    const newer = await delegatedCase({ organizationId: a.orgId }, { receivedOn: '2026-01-06' });
    const named = await delegatedCase({ mediatorId: a.ids[1] });
    const courtWide = await delegatedCase({});
    const ofB = await delegatedCase({ organizationId: b.orgId });

    const idsOf = (res: { body: { items: { id: string }[] } }) => res.body.items.map((c) => c.id);
    const a1 = await get('/api/queue?pageSize=200', a.tokens[0]!);
    expect(a1.status).toBe(200);
    expect(a1.body).toMatchObject({ page: 1, pageSize: 200, total: expect.any(Number) });
    expect(idsOf(a1)).toEqual(expect.arrayContaining([older.id, newer.id, courtWide.id]));
    expect(idsOf(a1)).not.toContain(named.id);
    expect(idsOf(a1)).not.toContain(ofB.id);
    expect(idsOf(await get('/api/queue?pageSize=200', a.tokens[1]!))).toEqual(expect.arrayContaining([named.id, older.id]));
    expect(idsOf(await get('/api/queue?pageSize=200', b.tokens[0]!))).toEqual(expect.arrayContaining([ofB.id, courtWide.id]));
    expect(idsOf(await get('/api/queue?pageSize=200', b.tokens[0]!))).not.toContain(older.id);

    const regional = await get(`/api/queue?region=${encodeURIComponent(a.region)}`, a.tokens[0]!);
    expect(idsOf(regional)).toEqual([older.id, newer.id]);
    expect(regional.body.total).toBe(2);
    const row = regional.body.items[0];
    expect(row).toMatchObject({ status: 'delegated', overdue: false, assignee: null, deadlines: { acceptBy: older.deadlines.acceptBy } });
    expect(row.parties[0].idNumberMasked).toMatch(/\*{8}/);
    const typed = await get(`/api/queue?region=${encodeURIComponent(a.region)}&disputeType=traffic_accident`, a.tokens[0]!);
    expect(idsOf(typed)).toEqual([older.id]);
    expect(idsOf(await get(`/api/queue?region=${encodeURIComponent(a.region)}&pageSize=1&page=2`, a.tokens[0]!))).toEqual([newer.id]);
  });

  it('answers 400 for bad filters and 403 for other roles', async () => {
    expect((await get('/api/queue?disputeType=nonsense', w.tokens.m1!)).body.errors).toEqual({ disputeType: 'invalid_value' });
    expect((await get('/api/queue?pageSize=500', w.tokens.m1!)).status).toBe(400);
    expect((await get('/api/queue?region=%20', w.tokens.m1!)).body.errors).toEqual({ region: 'blank' });
    expect((await get('/api/queue?surprise=1', w.tokens.m1!)).status).toBe(400);
    expect((await get('/api/queue', w.tokens.clerk1!)).status).toBe(403);
    expect((await t.http.get('/api/queue')).status).toBe(401);
  });
});

describe('claiming', () => {
  it('100 simultaneous claims of one case: exactly one succeeds, 99 × 409 ALREADY_CLAIMED', async () => {
    const crowd = await team(100);
    const c = await delegatedCase({ organizationId: crowd.orgId });
    const results = await Promise.all(crowd.tokens.map((token) => post(`/api/cases/${c.id}/claim`, token)));
    const ok = results.filter((r) => r.status === 200);
    expect(ok).toHaveLength(1);
    const conflicts = results.filter((r) => r.status === 409);
    expect(conflicts).toHaveLength(99);
    expect(conflicts.every((r) => r.body.code === 'ALREADY_CLAIMED')).toBe(true);
    const events = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND type = 'case.claimed'`, [c.id]);
    expect(events[0].n).toBe(1);
  });

  it('POST /api/queue/next from many concurrent callers never hands out a case twice, then answers 204', async () => {
    const crowd = await team(30);
    const cases = [];
    for (let i = 0; i < 20; i++) cases.push(await delegatedCase({ organizationId: crowd.orgId }));
    const results = await Promise.all(crowd.tokens.map((token) => post('/api/queue/next', token, { region: crowd.region })));
    const claimed = results.filter((r) => r.status === 200);
    expect(results.filter((r) => r.status === 204)).toHaveLength(10);
    expect(claimed).toHaveLength(20);
    const ids = claimed.map((r) => r.body.id as string);
    expect(new Set(ids).size).toBe(20);
    expect(ids.sort()).toEqual(cases.map((c) => c.id).sort());
    for (const r of claimed) {
      expect(r.body).toMatchObject({
        status: 'in_mediation',
        version: 3,
        deadlines: { acceptBy: null, mediationEndsOn: expect.any(String) },
      });
      expect(crowd.ids).toContain(r.body.assignee.id);
      expect(r.body.documents.map((d: { kind: string }) => d.kind)).toEqual(['delegation_letter']);
    }
    const rows = await t.db.query(
      `SELECT c.id, c.assignee_id, count(e.id)::int AS claims FROM cases c
         LEFT JOIN audit_events e ON e.case_id = c.id AND e.type = 'case.claimed'
        WHERE c.id = ANY($1) GROUP BY c.id`,
      [ids],
    );
    expect(rows.every((r: { claims: number }) => r.claims === 1)).toBe(true);
    expect(new Set(rows.map((r: { assignee_id: string }) => r.assignee_id)).size).toBe(20);
    const empty = await post('/api/queue/next', crowd.tokens[0]!, { region: crowd.region });
    expect(empty.status).toBe(204);
    expect(empty.text).toBe('');
    expect((await verifyAuditChains(t.db)).broken).toBeNull();
  });

  it('next claims the most urgent case first and starts its clocks exactly like claim does', async () => {
    const crew = await team(1);
    const later = await delegatedCase({ organizationId: crew.orgId }, { receivedOn: '2026-01-07' });
    const urgent = await delegatedCase({ organizationId: crew.orgId }, { receivedOn: '2026-01-04', track: 'entrusted' });
    // acceptBy rules first: the later filing whose acceptance deadline is earlier goes first.
    await t.db.query(`UPDATE cases SET accept_by = accept_by - 1 WHERE id = $1`, [later.id]);
    const first = await post('/api/queue/next', crew.tokens[0]!, {});
    expect(first.status).toBe(200);
    expect(first.body.id).toBe(later.id);
    const second = await post('/api/queue/next', crew.tokens[0]!);
    expect(second.body.id).toBe(urgent.id);

    // The same case claimed through /claim gets the same clocks.
    const twin = await delegatedCase({ organizationId: crew.orgId }, { receivedOn: '2026-01-04', track: 'entrusted' });
    const viaClaim = await post(`/api/cases/${twin.id}/claim`, crew.tokens[0]!);
    expect(second.body.deadlines).toEqual(viaClaim.body.deadlines);
    expect(second.body.deadlinesProvisional).toBe(viaClaim.body.deadlinesProvisional);

    const trail = await get(`/api/cases/${urgent.id}/events`, crew.tokens[0]!);
    expect(trail.body.map((e: { type: string }) => e.type)).toEqual(['case.registered', 'case.delegated', 'case.claimed']);
    expect(trail.body[2]).toMatchObject({
      actor: { id: crew.ids[0], role: 'mediator' },
      data: { from: 'delegated', to: 'in_mediation', via: 'queue_next', version: 3 },
    });
    expect(trail.body[2].prevHash).toBe(trail.body[1].hash);
  });

  it('recomputes the clocks of a queued case that carries extensions (never left by the API, but kept exact)', async () => {
    const crew = await team(1);
    const odd = await delegatedCase({ organizationId: crew.orgId });
    await t.db.query(
      `UPDATE cases SET extensions = jsonb_build_array(jsonb_build_object('days', 10, 'reason', 'x', 'at', '2026-01-01T00:00:00Z', 'byUserId', $2::text)) WHERE id = $1`,
      [odd.id, crew.ids[0]],
    );
    const claimed = await post('/api/queue/next', crew.tokens[0]!, { region: crew.region });
    expect(claimed.body.id).toBe(odd.id);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const expected = await get(`/api/calendar/deadline?start=${today}&length=40&unit=days`, crew.tokens[0]!);
    expect(claimed.body.deadlines.mediationEndsOn).toBe(expected.body.endsOn);
    const [row] = await t.db.query("SELECT to_char(mediation_ends_on, 'YYYY-MM-DD') AS d FROM cases WHERE id = $1", [odd.id]);
    expect(row.d).toBe(expected.body.endsOn);
  });

  it('validates the next body: {} and no body are fine, unknown fields and types are 400', async () => {
    const crew = await team(1);
    expect((await post('/api/queue/next', crew.tokens[0]!, { region: crew.region })).status).toBe(204);
    expect((await t.http.post('/api/queue/next').set(auth(crew.tokens[0]!))).status).toBeLessThan(300);
    expect((await post('/api/queue/next', crew.tokens[0]!, { surprise: 1 })).body.errors).toEqual({ surprise: 'unknown_field' });
    expect((await post('/api/queue/next', crew.tokens[0]!, { disputeType: 'nope' })).body.errors).toEqual({ disputeType: 'invalid_value' });
    expect((await post('/api/queue/next', crew.tokens[0]!, { region: 5 })).status).toBe(400);
    expect((await post('/api/queue/next', w.tokens.clerk1!, {})).status).toBe(403);
  });

  it('enforces the court workload cap on claim and next (409 WORKLOAD_CAP)', async () => {
    const crew = await team(1);
    const cases = [];
    for (let i = 0; i < 3; i++) cases.push(await delegatedCase({ organizationId: crew.orgId }));
    await t.db.query('UPDATE courts SET workload_cap = 2 WHERE id = $1', [w.courtId]);
    try {
      expect((await post(`/api/cases/${cases[0]!.id}/claim`, crew.tokens[0]!)).status).toBe(200);
      expect((await post('/api/queue/next', crew.tokens[0]!, { region: crew.region })).status).toBe(200);
      const capped = await post('/api/queue/next', crew.tokens[0]!, { region: crew.region });
      expect(capped.status).toBe(409);
      expect(capped.body).toMatchObject({ code: 'WORKLOAD_CAP', activeCases: 2, cap: 2 });
      const viaClaim = await post(`/api/cases/${cases[2]!.id}/claim`, crew.tokens[0]!);
      expect(viaClaim.body.code).toBe('WORKLOAD_CAP');
      expect((await post('/api/queue/next', crew.tokens[0]!, { region: crew.region, disputeType: 'divorce' })).body.code).toBe(
        'WORKLOAD_CAP',
      );
      // Releasing one frees a slot (a release needs a reason).
      const mine = (await t.db.query(`SELECT id FROM cases WHERE assignee_id = $1 ORDER BY id LIMIT 1`, [crew.ids[0]]))[0].id;
      const noReason = await post(`/api/cases/${mine}/release`, crew.tokens[0]!, {});
      expect(noReason.status).toBe(400);
      expect(noReason.body.errors.reason).toBeDefined();
      expect((await post(`/api/cases/${mine}/release`, crew.tokens[0]!, { reason: '当事人与本人有亲属关系，需回避' })).status).toBe(200);
      expect((await post('/api/queue/next', crew.tokens[0]!, { region: crew.region })).status).toBe(200);
    } finally {
      await t.db.query('UPDATE courts SET workload_cap = 1000 WHERE id = $1', [w.courtId]);
    }
  });

  it("orders one mediator's simultaneous next calls, so the cap holds under a double click", async () => {
    const crew = await team(1);
    for (let i = 0; i < 6; i++) await delegatedCase({ organizationId: crew.orgId });
    await t.db.query('UPDATE courts SET workload_cap = 2 WHERE id = $1', [w.courtId]);
    try {
      const results = await Promise.all(Array.from({ length: 6 }, () => post('/api/queue/next', crew.tokens[0]!, { region: crew.region })));
      expect(results.filter((r) => r.status === 200)).toHaveLength(2);
      expect(results.filter((r) => r.status === 409 && r.body.code === 'WORKLOAD_CAP')).toHaveLength(4);
      const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM cases WHERE assignee_id = $1 AND status = 'in_mediation'`, [
        crew.ids[0],
      ]);
      expect(n).toBe(2);
    } finally {
      await t.db.query('UPDATE courts SET workload_cap = 1000 WHERE id = $1', [w.courtId]);
    }
  });
});

describe('decline', () => {
  it('lets only the named mediator decline, with a reason, back to the clerk', async () => {
    const crew = await team(2);
    const c = await delegatedCase({ mediatorId: crew.ids[0] });
    // A case named for a colleague is invisible to the others: 404, as for a read.
    const notNamed = await post(`/api/cases/${c.id}/decline`, crew.tokens[1]!, { reason: '不是我' });
    expect({ status: notNamed.status, code: notNamed.body.code }).toEqual({ status: 404, code: 'NOT_FOUND' });
    expect((await post(`/api/cases/${c.id}/decline`, crew.tokens[0]!, { reason: '  ' })).body.errors).toEqual({ reason: 'blank' });
    const declined = await post(`/api/cases/${c.id}/decline`, crew.tokens[0]!, { reason: '本人近期外出培训，无法接受委派' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'registered', delegation: null, deadlines: { acceptBy: null } });
    const orgCase = await delegatedCase({ organizationId: crew.orgId });
    expect((await post(`/api/cases/${orgCase.id}/decline`, crew.tokens[0]!, { reason: '无' })).status).toBe(403);
    // The clerk can delegate it again.
    expect((await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, { mediatorId: crew.ids[1] })).status).toBe(200);
  });
});

describe('oversight', () => {
  it('lists unclaimed cases past acceptBy to the clerk, with their age', async () => {
    const crew = await team(1);
    const late = await delegatedCase({ organizationId: crew.orgId });
    const onTime = await delegatedCase({ organizationId: crew.orgId });
    await t.db.query(`UPDATE cases SET accept_by = current_date - 3, delegated_at = now() - interval '6 days' WHERE id = $1`, [late.id]);
    const res = await get('/api/queue/overdue?pageSize=200', w.tokens.clerk1!);
    expect(res.status).toBe(200);
    const row = res.body.items.find((c: { id: string }) => c.id === late.id);
    expect(row).toMatchObject({ overdue: true, status: 'delegated' });
    expect(row.daysPastAcceptBy).toBeGreaterThanOrEqual(2);
    expect(row.waitingDays).toBeGreaterThanOrEqual(5);
    expect(res.body.items.map((c: { id: string }) => c.id)).not.toContain(onTime.id);
    const viaCases = await get('/api/cases?overdue=true&status=delegated&pageSize=200', w.tokens.clerk1!);
    expect(viaCases.body.items.map((c: { id: string }) => c.id)).toContain(late.id);
    expect((await get('/api/queue/overdue', w.tokens.m1!)).status).toBe(403);
  });

  it('keeps per-mediator figures: claims, releases, declines, average age at claim', async () => {
    const crew = await team(1);
    const [a, b, named] = [
      await delegatedCase({ organizationId: crew.orgId }),
      await delegatedCase({ organizationId: crew.orgId }),
      await delegatedCase({ mediatorId: crew.ids[0] }),
    ];
    await t.db.query(`UPDATE cases SET delegated_at = now() - interval '10 hours' WHERE id = $1`, [a.id]);
    await post(`/api/cases/${a.id}/claim`, crew.tokens[0]!);
    await post(`/api/cases/${b.id}/claim`, crew.tokens[0]!);
    await post(`/api/cases/${b.id}/release`, crew.tokens[0]!, { reason: '回避' });
    await post(`/api/cases/${named.id}/decline`, crew.tokens[0]!, { reason: '外出' });
    const res = await get('/api/queue/figures', w.tokens.stats1!);
    expect(res.status).toBe(200);
    const mine = res.body.items.find((r: { mediatorId: string }) => r.mediatorId === crew.ids[0]);
    expect(mine).toMatchObject({ claims: 2, releases: 1, declines: 1, organizationId: crew.orgId });
    expect(mine.averageAgeAtClaimHours).toBeGreaterThanOrEqual(4.9);
    expect(mine.averageAgeAtClaimHours).toBeLessThan(5.5);
    expect(res.body.totals.claims).toBeGreaterThanOrEqual(2);
    expect((await get('/api/queue/figures?from=2000-01-01&to=2000-12-31', w.tokens.clerk1!)).body.items).toEqual([]);
    expect((await get('/api/queue/figures?from=2026-02-30', w.tokens.clerk1!)).body.errors).toEqual({ from: 'not_date' });
    expect((await get('/api/queue/figures?to=9999-12-31', w.tokens.clerk1!)).body.errors).toEqual({ to: 'out_of_range' });
    expect((await get('/api/queue/figures?from=2026-05-01&to=2026-04-01', w.tokens.clerk1!)).body.errors).toEqual({ to: 'before_from' });
    expect((await get('/api/queue/figures', w.tokens.m1!)).status).toBe(403);
  });

  it('documents the queue endpoints in the OpenAPI document', async () => {
    const paths = (await t.http.get('/api/docs-json')).body.paths as Record<string, Record<string, { tags?: string[] }>>;
    for (const path of ['/api/queue', '/api/queue/next', '/api/queue/stream', '/api/queue/overdue', '/api/queue/figures']) {
      expect(Object.values(paths[path] ?? {})[0]?.tags).toEqual(['queue']);
    }
  });

  it('runs every pool connection with statement and idle-in-transaction timeouts', async () => {
    await t.db.transaction(async (m) => {
      expect((await m.query('SHOW statement_timeout'))[0].statement_timeout).toBe('15s');
      expect((await m.query('SHOW idle_in_transaction_session_timeout'))[0].idle_in_transaction_session_timeout).toBe('30s');
    });
  });
});

// ---- Server-Sent Events, read with a raw HTTP request ----

interface SseEvent {
  type: string;
  data: Record<string, unknown>;
}

class SseClient {
  readonly events: SseEvent[] = [];
  private waiters: { match: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void }[] = [];
  private buffer = '';
  private constructor(private readonly req: http.ClientRequest) {}

  static open(port: number, token: string): Promise<SseClient> {
    return new Promise((resolve, reject) => {
      // As a browser's EventSource does, the client accepts compressed bodies: the stream must still come uncompressed, event by event.
      const headers = { 'Accept-Encoding': 'gzip, deflate, br' };
      const path = `/api/queue/stream?access_token=${encodeURIComponent(token)}`;
      const req = http.get({ host: '127.0.0.1', port, path, headers }, (res) => {
        if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
          reject(new Error(`stream answered ${res.statusCode}`));
          res.resume();
          return;
        }
        if (res.headers['content-encoding']) {
          reject(new Error(`stream compressed with ${res.headers['content-encoding']}`));
          res.resume();
          return;
        }
        const client = new SseClient(req);
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => client.feed(chunk));
        resolve(client);
      });
      req.on('error', reject);
    });
  }

  private feed(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let type = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) type = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trim());
      }
      if (!data.length) continue;
      const event = { type, data: JSON.parse(data.join('\n')) as Record<string, unknown> };
      this.events.push(event);
      this.waiters = this.waiters.filter((w) => (w.match(event) ? (w.resolve(event), false) : true));
    }
  }

  /** The first event (already received or coming) that matches, or a rejection after `ms`. */
  next(match: (e: SseEvent) => boolean, ms = 1000): Promise<SseEvent> {
    const seen = this.events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(this.events)}`)), ms);
      this.waiters.push({
        match,
        resolve: (e) => {
          clearTimeout(timer);
          resolve(e);
        },
      });
    });
  }

  /** Resolves when the server ends the stream. */
  ended(): Promise<void> {
    return new Promise((resolve) => this.req.once('close', () => resolve()));
  }

  close(): void {
    this.req.destroy();
  }
}

describe('GET /api/queue/stream', () => {
  let second: TestApp;
  let port: number;
  beforeAll(async () => {
    second = await startTestApp({ databaseUrl: t.databaseUrl, listen: true });
    port = (second.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => {
    await second?.close();
  });

  it('delivers claims made through one instance to the eligible queues open on another, within 1 s', async () => {
    const a = await team(2);
    const b = await team(1);
    const streamA = await SseClient.open(port, a.tokens[1]!);
    const streamB = await SseClient.open(port, b.tokens[0]!);
    await streamA.next((e) => e.type === 'ready');
    await streamB.next((e) => e.type === 'ready');

    const c = await delegatedCase({ organizationId: a.orgId });
    const delegated = await streamA.next((e) => e.type === 'delegated' && e.data.caseId === c.id);
    expect(delegated.data).toMatchObject({ scope: 'organization', organizationId: a.orgId });

    const started = Date.now();
    expect((await post('/api/queue/next', a.tokens[0]!, { region: a.region })).body.id).toBe(c.id);
    await streamA.next((e) => e.type === 'claimed' && e.data.caseId === c.id);
    expect(Date.now() - started).toBeLessThan(1000);

    expect((await post(`/api/cases/${c.id}/release`, a.tokens[0]!, { reason: '需回避' })).status).toBe(200);
    await streamA.next((e) => e.type === 'released' && e.data.caseId === c.id);

    // B's mediator sees court-wide cases but never the events of A's organization queue.
    const courtWide = await delegatedCase({});
    await streamB.next((e) => e.type === 'delegated' && e.data.caseId === courtWide.id);
    expect(streamB.events.some((e) => e.data.caseId === c.id)).toBe(false);

    // A named mediator's decline reaches that mediator's open queue.
    const named = await delegatedCase({ mediatorId: a.ids[1] });
    await post(`/api/cases/${named.id}/decline`, a.tokens[1]!, { reason: '外出' });
    await streamA.next((e) => e.type === 'declined' && e.data.caseId === named.id);
    streamA.close();
    streamB.close();
  });

  it('reconnects its LISTEN connection after losing it and tells open streams to resync', async () => {
    const a = await team(1);
    const stream = await SseClient.open(port, a.tokens[0]!);
    await stream.next((e) => e.type === 'ready');
    const [{ n }] = await t.db.query(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = 'sutiao-queue-listener' AND datname = current_database()`,
    );
    expect(n).toBe(2); // one per API instance, however many streams are open
    await stream.next((e) => e.type === 'resync', 5000);
    const c = await delegatedCase({ organizationId: a.orgId });
    await stream.next((e) => e.type === 'delegated' && e.data.caseId === c.id);
    stream.close();
  });

  it('ends open streams when the app shuts down, so it can stop', async () => {
    const third = await startTestApp({ databaseUrl: t.databaseUrl, listen: true });
    const stream = await SseClient.open((third.app.getHttpServer().address() as AddressInfo).port, w.tokens.m1!);
    await stream.next((e) => e.type === 'ready');
    const ended = stream.ended();
    await third.close();
    await ended;
  });

  it('needs a mediator token (401 without, 403 for other roles)', async () => {
    await expect(SseClient.open(port, 'not-a-token')).rejects.toThrow(/401/);
    await expect(SseClient.open(port, w.tokens.clerk1!)).rejects.toThrow(/403/);
  });
});

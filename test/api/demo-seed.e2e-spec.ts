// The demo set `npm start` loads (contract "Demo data"), and how a start treats a seed cut short.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyAuditChains } from '../../api/src/audit/verify.js';
import { loadConfig } from '../../api/src/config/app-config.js';
import { CASE_STATUSES } from '../../api/src/rules/case-status.js';
import { InterruptedSeedError, seedDemo } from '../../api/src/seed/demo-seed.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const config = loadConfig({ JWT_SECRET: 'test-secret', DATA_DIR: '/tmp/sutiao-test-data', DEMO_PASSWORD: 'demo-pass' });
let t: TestApp;
let seeded: boolean;

beforeAll(async () => {
  t = await startTestApp();
  seeded = await seedDemo(t.app, config, { now: new Date('2026-12-01T02:00:00Z') });
});
afterAll(async () => {
  await t?.close();
});

describe('demo seed', () => {
  it('loads the court, 165 organizations and 641 mediators with expertise', async () => {
    expect(seeded).toBe(true);
    const [court] = await t.db.query('SELECT code, name FROM courts');
    expect(court).toEqual({ code: '黔0381', name: '赤水市人民法院' });
    const [{ orgs }] = await t.db.query('SELECT count(*)::int AS orgs FROM organizations');
    expect(orgs).toBe(165);
    const roles: { role: string; n: number; untagged: number }[] = await t.db.query(
      `SELECT role, count(*)::int AS n, count(*) FILTER (WHERE cardinality(expertise) = 0)::int AS untagged FROM users GROUP BY role ORDER BY role`,
    );
    expect(Object.fromEntries(roles.map((r) => [r.role, r.n]))).toEqual({ admin: 1, clerk: 2, judge: 2, mediator: 641, statistician: 1 });
    expect(roles.find((r) => r.role === 'mediator')!.untagged).toBe(0);
    const [{ orgless }] = await t.db.query(
      `SELECT count(*)::int AS orgless FROM users WHERE role = 'mediator' AND organization_id IS NULL`,
    );
    expect(orgless).toBe(0);
  });

  it('lets every named account log in with DEMO_PASSWORD', async () => {
    for (const username of ['admin', 'clerk1', 'clerk2', 'judge1', 'judge2', 'stats1', 'mediator001', 'mediator641']) {
      const res = await t.http.post('/api/auth/login').send({ username, password: 'demo-pass' });
      expect({ username, status: res.status }).toEqual({ username, status: 200 });
    }
  });

  it("hashes each account with its own salt, at the demo's cheaper argon2 cost, with no password to change", async () => {
    const [hashes] = await t.db.query(
      `SELECT count(*)::int AS accounts, count(DISTINCT password_hash)::int AS distinct_hashes,
              count(*) FILTER (WHERE password_hash LIKE '$argon2id$v=19$m=4096,t=1,p=1$%')::int AS demo_cost,
              count(*) FILTER (WHERE must_change_password)::int AS must_change FROM users`,
    );
    expect(hashes).toEqual({ accounts: 647, distinct_hashes: 647, demo_cost: 647, must_change: 0 });
  });

  it('holds a few hundred cases in every status over the past 18 months, with intact audit chains', async () => {
    const rows: { status: string; n: number }[] = await t.db.query('SELECT status, count(*)::int AS n FROM cases GROUP BY status');
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    // The demo does not close confirmations (不予受理/撤回): the judge's desk makes those.
    const notSeeded = new Set(['confirmation_closed']);
    for (const status of CASE_STATUSES.filter((s) => !notSeeded.has(s)))
      expect({ status, some: (byStatus[status] ?? 0) > 0 }).toEqual({ status, some: true });
    expect(rows.reduce((s, r) => s + r.n, 0)).toBe(200);
    const [span] = await t.db.query('SELECT min(received_on)::text AS first, max(received_on)::text AS last FROM cases');
    expect(span.first >= '2025-06-01' && span.first <= '2025-07-31').toBe(true);
    expect(span.last >= '2026-11-01').toBe(true);
    expect((await verifyAuditChains(t.db)).broken).toBeNull();
  });

  it('records how the agreements were kept: most paid on time, some in part, late or not at all', async () => {
    const rows: { status: string; n: number }[] = await t.db.query(
      `SELECT CASE WHEN status = 'performed' AND paid_on <= due_on THEN 'on_time' ELSE status END AS status, count(*)::int AS n
         FROM obligations WHERE due_on < current_date - 5 GROUP BY 1`,
    );
    const by = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    const total = rows.reduce((s, r) => s + r.n, 0);
    expect(total).toBeGreaterThan(50);
    expect(by.on_time / total).toBeGreaterThan(0.6);
    expect(by.partially_performed).toBeGreaterThan(0);
    const [events] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE type = 'obligation.performance_recorded'`);
    expect(events.n).toBeGreaterThanOrEqual(total - (by.due ?? 0) - (by.defaulted ?? 0));
  });

  it('records its completion, and a second start leaves the data as it is', async () => {
    const [meta] = await t.db.query(`SELECT value FROM app_meta WHERE key = 'demo_seed'`);
    expect(meta.value).toMatchObject({ cases: 200, court: '黔0381' });
    const [{ before }] = await t.db.query('SELECT count(*)::int AS before FROM cases');
    expect(await seedDemo(t.app, config)).toBe(false);
    const [{ after }] = await t.db.query('SELECT count(*)::int AS after FROM cases');
    expect(after).toBe(before);
  });

  it('refuses to pass a seed that never finished for a complete one', async () => {
    const other = await startTestApp();
    try {
      await other.db.query(
        `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap, province) VALUES ('黔0381', '赤水市人民法院', 'pre_litigation', true, 20, '贵州省')`,
      );
      await expect(seedDemo(other.app, config)).rejects.toBeInstanceOf(InterruptedSeedError);
    } finally {
      await other.close();
    }
  });
});

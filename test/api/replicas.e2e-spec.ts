// Read replicas (DATABASE_REPLICA_URLS) and surviving a lost database connection (issue 18).
// The "replica" is the same database reached through a second URL, so routing is proven by
// where the statements ran (application_name of the pool) and by a read-only replica session.
// The lost connection is a TCP proxy between the app and PostgreSQL that the test cuts and
// restores, the way a failover looks from the app: connections die, new ones are refused, then
// the address answers again.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { REPLICA_APPLICATION_NAME } from '../../api/src/database/data-source.js';
import { QueueEventsService } from '../../api/src/queue/queue-events.service.js';
import { embeddedUsable, freePort, spawnApp, tempDataDir, waitForHealth } from './support/embedded.js';
import { auth, caseBody, createWorld, type World } from './support/factories.js';
import { databaseUrlAs, freshDatabase, startTestApp, type TestApp } from './support/test-app.js';

/** A cuttable TCP forwarder on a fixed loopback port. */
class CuttableProxy {
  private server: net.Server | null = null;
  private readonly sockets = new Set<net.Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async open(): Promise<void> {
    const server = net.createServer((client) => {
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(this.port, '127.0.0.1', () => res());
    });
    this.port = (server.address() as net.AddressInfo).port;
    this.server = server;
  }

  /** Every connection dies at once and new ones are refused (ECONNREFUSED). */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((res) => (server ? server.close(() => res()) : res()));
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function superuser<T>(databaseUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: databaseUrlAs('superuser', databaseUrl) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('read replicas (DATABASE_REPLICA_URLS)', () => {
  let t: TestApp;
  let w: World;
  let url: string;

  beforeAll(async () => {
    url = await freshDatabase();
    // The replica: the same database, in read-only sessions — a write routed there would fail.
    const replica = new URL(url);
    replica.searchParams.set('options', '-c default_transaction_read_only=on -c statement_timeout=15000 -c TimeZone=UTC');
    t = await startTestApp({ databaseUrl: url, env: { DATABASE_URL: url, DATABASE_REPLICA_URLS: replica.toString() } });
    w = await createWorld(t, { mediators: 2 });
  });
  afterAll(async () => {
    await t?.close();
  });

  const replicaStatements = () =>
    superuser(url, async (c) => {
      const { rows } = await c.query<{ query: string }>(
        `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1`,
        [REPLICA_APPLICATION_NAME],
      );
      return rows.map((r) => r.query);
    });

  it('keeps one pool per server, the replica pool named sutiao-replica', async () => {
    const names = await superuser(url, async (c) => {
      const { rows } = await c.query<{ application_name: string }>(
        `SELECT DISTINCT application_name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'sutiao%'`,
      );
      return rows.map((r) => r.application_name).sort();
    });
    expect(names).toEqual(expect.arrayContaining(['sutiao', REPLICA_APPLICATION_NAME]));
  });

  it('writes and the queue go to the primary (the read-only replica would refuse them)', async () => {
    const c = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    expect(c.status).toBe(201);
    expect((await t.http.post(`/api/cases/${c.body.id}/delegate`).set(auth(w.tokens.clerk1!)).send({})).status).toBe(200);
    const claimed = await t.http.post('/api/queue/next').set(auth(w.tokens.m1!)).send({});
    expect(claimed.status).toBe(200);
    expect(claimed.body.id).toBe(c.body.id);
    // Nothing but reports ever ran on the replica connections.
    for (const q of await replicaStatements()) expect(q).not.toMatch(/\b(INSERT|UPDATE|DELETE|FOR UPDATE|SKIP LOCKED)\b/i);
  });

  it('statistics read from the replica connection', async () => {
    const res = await t.http.get('/api/stats/summary').set(auth(w.tokens.stats1!));
    expect(res.status).toBe(200);
    expect(res.body.received).toBeGreaterThanOrEqual(1);
    // The summary's last statement (the court's province, after the rollups) ran on a replica connection …
    expect((await replicaStatements()).some((q) => /SELECT province, fee_rounding AS "feeRounding" FROM courts WHERE id/.test(q))).toBe(
      true,
    );
    // … and on no connection of the primary's pool.
    const primary = await superuser(url, async (c) => {
      const { rows } = await c.query<{ query: string }>(
        `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'sutiao'`,
      );
      return rows.map((r) => r.query);
    });
    expect(primary.some((q) => /SELECT province, fee_rounding AS "feeRounding" FROM courts WHERE id/.test(q))).toBe(false);
  });

  it('exports stream from a REPEATABLE READ snapshot on the replica; the audit event is written on the primary', async () => {
    const res = await t.http
      .get('/api/stats/export?format=xlsx&by=organization')
      .set(auth(w.tokens.stats1!))
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (b: Buffer) => chunks.push(b));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect((res.body as Buffer).subarray(0, 2).toString()).toBe('PK');
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE type = 'stats.exported'`);
    expect(n).toBe(1);
  });
});

describe('a lost database connection (failover as the app sees it)', () => {
  let t: TestApp;
  let w: World;
  let proxy: CuttableProxy;

  beforeAll(async () => {
    const direct = new URL(await freshDatabase());
    proxy = new CuttableProxy(direct.hostname, Number(direct.port));
    await proxy.open();
    const viaProxy = new URL(direct);
    viaProxy.port = String(proxy.port);
    t = await startTestApp({ databaseUrl: viaProxy.toString() });
    w = await createWorld(t, { mediators: 2 });
  });
  afterAll(async () => {
    await t?.close();
    await proxy?.cut();
  });

  it('answers 503 SERVICE_UNAVAILABLE while the database is gone (never a false success) and recovers without a restart', async () => {
    expect((await t.http.get('/api/stats/summary').set(auth(w.tokens.stats1!))).status).toBe(200);
    const [{ n: before }] = await t.db.query('SELECT count(*)::int AS n FROM cases');

    await proxy.cut();
    const read = await t.http.get('/api/stats/summary').set(auth(w.tokens.stats1!));
    expect(read.status).toBe(503);
    expect(read.body.code).toBe('SERVICE_UNAVAILABLE');
    const write = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    expect(write.status).toBe(503);
    expect(write.body.code).toBe('SERVICE_UNAVAILABLE');
    const claim = await t.http.post('/api/queue/next').set(auth(w.tokens.m1!)).send({});
    expect(claim.status).toBe(503);
    expect(claim.body.code).toBe('SERVICE_UNAVAILABLE');
    const events = t.app.get(QueueEventsService);
    await sleep(300);
    expect(events.listening).toBe(false);

    await proxy.open(); // the same address answers again (the new primary behind the load balancer)
    let status = 0;
    for (const until = Date.now() + 15_000; Date.now() < until && status !== 200; await sleep(200)) {
      status = (await t.http.get('/api/stats/summary').set(auth(w.tokens.stats1!))).status;
    }
    expect(status).toBe(200);
    const created = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    expect(created.status).toBe(201);
    // The failed write left nothing behind; the one after recovery is there.
    const [{ n: after }] = await t.db.query('SELECT count(*)::int AS n FROM cases');
    expect(after).toBe(before + 1);
    // The queue's LISTEN connection came back by itself (backoff ≤ 5 s).
    for (const until = Date.now() + 10_000; Date.now() < until && !events.listening;) await sleep(200);
    expect(events.listening).toBe(true);
  });

  it('maps pg_terminate_backend (57P01 admin_shutdown) on pooled connections to 503 or a clean retry, then 200', async () => {
    const url = t.databaseUrl;
    await superuser(url, (c) =>
      c.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND application_name LIKE 'sutiao%'`, [
        new URL(url).pathname.slice(1),
      ]),
    );
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.http.get('/api/stats/summary').set(auth(w.tokens.stats1!))).status);
    for (const s of statuses) expect([200, 503]).toContain(s);
    expect(statuses.at(-1)).toBe(200);
  });
});

describe('the embedded PostgreSQL dies under a running app', () => {
  const usable = embeddedUsable();
  (usable ? it : it.skip)(
    'is restarted by the app (embedded-server supervision), which serves again without a restart',
    async () => {
      const dataDir = tempDataDir('sutiao-supervise-');
      const port = await freePort();
      const app = spawnApp({ DATA_DIR: dataDir, PORT: String(port), DEMO_SEED: '0', JWT_SECRET: 'test-secret', WEB_ROOT: '/nonexistent' });
      try {
        expect(await waitForHealth(port, 200, 45_000)).toBe(200);
        const lock = join(dataDir, 'pg', 'postmaster.pid');
        const pid = Number(readFileSync(lock, 'utf8').split('\n')[0]);
        process.kill(pid, 'SIGKILL');
        // The app answers 503 meanwhile and starts the server again on the same port.
        for (const until = Date.now() + 30_000; Date.now() < until; await sleep(200)) {
          const again = existsSync(lock) ? Number(readFileSync(lock, 'utf8').split('\n')[0]) : 0;
          if (again && again !== pid && (await waitForHealth(port, 200, 1000)) === 200) break;
        }
        expect(await waitForHealth(port, 200, 5000)).toBe(200);
        expect(app.output()).toMatch(/stopped unexpectedly .*restarting it/);
        expect(app.output()).toMatch(/running again/);
      } finally {
        app.child.kill('SIGTERM');
        await app.exited;
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
    90_000,
  );
});

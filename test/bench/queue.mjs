#!/usr/bin/env node
// npm run bench:queue (after a build): the shared queue under a stampede, through the real app.
//   1. 641 mediators with real logins (one argon2 hash, inserted in bulk, each logged in over HTTP);
//   2. 5,000 delegated cases in the court-wide queue (bulk SQL: cases, parties, hash-chained audit events);
//   3. the mediators drain it with POST /api/queue/next over keep-alive HTTP, 64 requests in flight;
//   4. 100 of them claim ONE case at the same instant (POST /api/cases/:id/claim);
//   5. SQL checks: no case claimed twice, one `case.claimed` audit event per claim, chains intact;
//   6. the same claim statement straight over 32 pg connections on 5,000 fresh cases: the ceiling.
// Targets: 0 double claims, 0 errors, HTTP claims/s ≥ 50 % of raw SQL, p99 ≤ 150 ms.
//   node test/bench/queue.mjs            embedded PostgreSQL (durable settings) in a temp dir
//   DATABASE_URL=postgres://… node test/bench/queue.mjs   an existing server (creates a scratch database)
import { randomBytes, randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { hash } from '@node-rs/argon2';
import pg from 'pg';

const MEDIATORS = 641;
const ORGANIZATIONS = 165;
const CASES = 5000;
const CONCURRENCY = 64;
const STAMPEDE = 100;
const RAW_CONNECTIONS = 32;
const RAW_CASES = 5000;
const PASSWORD = 'bench-password';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, 'dist/api');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { createApp } = await load('bootstrap.js');
const { loadConfig } = await load('config/app-config.js');
const { createDataSource } = await load('database/data-source.js');
const { startEmbeddedPostgres } = await load('database/embedded.js');
const { claimNextSql, queueWhere } = await load('queue/queue.service.js');
const { clocksOfCase, NO_CLOCK_FACTS } = await load('cases/case-clocks.js');
const { eventHash, GENESIS_HASH } = await load('audit/chain.js');
const { verifyAuditChains } = await load('audit/verify.js');
const { WorkingCalendar } = await load('rules/calendar.js');
const { chinaDateOf } = await load('rules/chinese-date.js');

const log = (...args) => console.log(...args);
const ms = (x) => `${x.toFixed(1)} ms`;
const elapsedSince = (t0) => performance.now() - t0;

// ---------- database ----------
let stopDb = async () => {};
let tmp;
let adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  tmp = mkdtempSync(join(tmpdir(), 'sutiao-bench-'));
  chmodSync(tmp, 0o755);
  const db = await startEmbeddedPostgres({ dataDir: tmp, database: 'postgres', persistent: false, port: 0 });
  adminUrl = db.url;
  stopDb = db.stop;
}
const dbName = `sutiao_bench_${randomBytes(3).toString('hex')}`;
{
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
}
const dbUrl = Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString();
const ds = createDataSource({ url: dbUrl, poolSize: 4, applicationName: 'sutiao-bench' });
await ds.initialize();
await ds.runMigrations({ transaction: 'each' });
const { server_version: serverVersion } = (await ds.query('SHOW server_version'))[0];
const { fsync, synchronous_commit: syncCommit } = (await ds.query(`SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS synchronous_commit`))[0];

let app;
let exitCode = 1;
try {
  // ---------- people ----------
  let t0 = performance.now();
  const passwordHash = await hash(PASSWORD);
  const [court] = await ds.query(`INSERT INTO courts (code, name, default_track, workload_cap) VALUES ('黔0381', '赤水市人民法院', 'pre_litigation', 1000) RETURNING id`);
  const [rawCourt] = await ds.query(`INSERT INTO courts (code, name, default_track, workload_cap) VALUES ('黔0382', '基准法院', 'pre_litigation', 1000) RETURNING id`);
  const orgs = await ds.query(
    `INSERT INTO organizations (court_id, name, kind, region)
     SELECT $1, '调解委员会' || n, 'township', '乡镇' || (n % 17) FROM generate_series(1, $2) AS n RETURNING id`, [court.id, ORGANIZATIONS]);
  const [clerk] = await ds.query(
    `INSERT INTO users (username, display_name, role, password_hash, court_id) VALUES ('clerk1', '立案员', 'clerk', $1, $2) RETURNING id, username, role`,
    [passwordHash, court.id]);
  const mediators = await ds.query(
    `INSERT INTO users (username, display_name, role, password_hash, court_id, organization_id)
     SELECT 'mediator' || lpad(n::text, 3, '0'), '调解员' || n, 'mediator', $1, $2, ($3::uuid[])[1 + n % $4]
       FROM generate_series(1, $5) AS n RETURNING id, username`,
    [passwordHash, court.id, orgs.map((o) => o.id), orgs.length, MEDIATORS]);
  log(`seeded ${MEDIATORS} mediators in ${ORGANIZATIONS} organizations (one argon2 hash, bulk insert) in ${ms(elapsedSince(t0))}`);

  // ---------- cases ----------
  t0 = performance.now();
  const calendar = new WorkingCalendar();
  await insertDelegatedCases(court.id, CASES, { withHistory: true });
  await insertDelegatedCases(rawCourt.id, RAW_CASES, { withHistory: false });
  await ds.query('VACUUM ANALYZE');
  log(`seeded ${CASES} delegated cases (court-wide queue, with parties and audit events) + ${RAW_CASES} for the raw SQL run in ${ms(elapsedSince(t0))}`);

  // ---------- the real app on a loopback port ----------
  const config = loadConfig({ JWT_SECRET: randomBytes(32).toString('hex'), DATA_DIR: tmp ?? tmpdir(), PORT: '0', WEB_ROOT: '/nonexistent' });
  app = await createApp({ config, databaseUrl: dbUrl, logger: false });
  await app.listen(0, '127.0.0.1');
  const port = app.getHttpServer().address().port;
  log(`app listening on 127.0.0.1:${port} (pool ${config.dbPoolSize} connections)`);

  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const call = (method, path, token, body, useAgent = agent) => new Promise((resolveCall, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    const req = http.request({
      host: '127.0.0.1', port, path, method, agent: useAgent,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}) },
    }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolveCall({ status: res.statusCode, body: text ? JSON.parse(text) : null, ms: performance.now() - started });
      });
    });
    req.on('error', reject);
    req.end(payload);
  });

  // ---------- real logins ----------
  t0 = performance.now();
  const tokens = new Array(mediators.length);
  await runPool(16, mediators.length, async (i) => {
    const r = await call('POST', '/api/auth/login', null, { username: mediators[i].username, password: PASSWORD });
    if (r.status !== 200) throw new Error(`login ${mediators[i].username}: ${r.status}`);
    tokens[i] = r.body.accessToken;
  });
  log(`logged in ${mediators.length} mediators over HTTP in ${ms(elapsedSince(t0))}`);

  // ---------- drain the queue with POST /api/queue/next ----------
  // Warm-up: a few claims of the real queue (counted in the SQL checks, not in the timings).
  const warm = [];
  for (let i = 0; i < 20; i++) warm.push(await call('POST', '/api/queue/next', tokens[i], {}));
  const latencies = [];
  const statuses = new Map();
  const claimedIds = [];
  let errors = warm.filter((r) => r.status !== 200).length;
  claimedIds.push(...warm.filter((r) => r.status === 200).map((r) => r.body.id));
  let cursor = 0;
  let drained = false;
  const maxRequests = CASES * 2;
  t0 = performance.now();
  await runPool(CONCURRENCY, Infinity, async () => {
    if (drained || cursor >= maxRequests) return false;
    const token = tokens[cursor++ % tokens.length];
    const r = await call('POST', '/api/queue/next', token, {});
    latencies.push(r.ms);
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
    if (r.status === 200) claimedIds.push(r.body.id);
    else if (r.status === 204) drained = true;
    else errors += 1;
    return true;
  });
  const drainMs = elapsedSince(t0);
  const httpClaims = statuses.get(200) ?? 0;
  const httpRate = httpClaims / (drainMs / 1000);
  const pct = percentiles(latencies);
  log(`drain: ${latencies.length} requests (${[...statuses].map(([s, n]) => `${n} × ${s}`).join(', ')}) in ${ms(drainMs)}`);

  // ---------- 100 mediators claim ONE case at the same instant ----------
  const [target] = await insertDelegatedCases(court.id, 1, { withHistory: true });
  const stampedeAgent = new http.Agent({ keepAlive: true, maxSockets: STAMPEDE });
  await Promise.all(Array.from({ length: STAMPEDE }, () => call('GET', '/api/health', null, undefined, stampedeAgent)));
  const crowd = tokens.slice(0, STAMPEDE);
  const stampede = await Promise.all(crowd.map((token) => call('POST', `/api/cases/${target}/claim`, token, {}, stampedeAgent)));
  const stampedeOk = stampede.filter((r) => r.status === 200).length;
  const stampedeConflicts = stampede.filter((r) => r.status === 409 && r.body.code === 'ALREADY_CLAIMED').length;
  const stampedeOther = STAMPEDE - stampedeOk - stampedeConflicts;
  errors += stampedeOther;
  const stampedePct = percentiles(stampede.map((r) => r.ms));

  // ---------- verify in SQL ----------
  const [{ doubles }] = await ds.query(
    `SELECT count(*)::int AS doubles FROM (SELECT case_id FROM audit_events WHERE type = 'case.claimed' GROUP BY case_id HAVING count(*) > 1) d`);
  const [{ claimEvents }] = await ds.query(`SELECT count(*)::int AS "claimEvents" FROM audit_events WHERE type = 'case.claimed'`);
  const [{ unmatched }] = await ds.query(
    `SELECT count(*)::int AS unmatched FROM cases c WHERE c.court_id = $1 AND c.status = 'in_mediation'
        AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.case_id = c.id AND e.type = 'case.claimed' AND e.actor_id = c.assignee_id)`, [court.id]);
  const [{ left, inMediation }] = await ds.query(
    `SELECT count(*) FILTER (WHERE status = 'delegated')::int AS left, count(*) FILTER (WHERE status = 'in_mediation')::int AS "inMediation" FROM cases WHERE court_id = $1`, [court.id]);
  const answeredTwice = claimedIds.length - new Set(claimedIds).size;
  const chains = await verifyAuditChains(ds);
  const expectedClaims = claimedIds.length + stampedeOk;
  const doubleClaims = doubles + answeredTwice;
  if (claimEvents !== expectedClaims || inMediation !== expectedClaims || unmatched !== 0 || chains.broken) errors += 1;

  // ---------- the raw SQL ceiling: the same statement, 32 direct connections ----------
  const rawClients = await Promise.all(Array.from({ length: RAW_CONNECTIONS }, async () => {
    const client = new pg.Client({ connectionString: dbUrl, application_name: 'sutiao-bench-raw' });
    await client.connect();
    return client;
  }));
  const now = new Date();
  const claimClocks = {};
  for (const track of ['pre_litigation', 'entrusted']) {
    for (const procedure of ['ordinary', 'simple']) {
      claimClocks[`${track}/${procedure}`] = clocksOfCase(calendar, { status: 'in_mediation', track, procedure, delegatedAt: null, acceptedAt: now, extensions: [] }, NO_CLOCK_FACTS);
    }
  }
  let rawClaims = 0;
  t0 = performance.now();
  await Promise.all(rawClients.map(async (client, i) => {
    const mediator = { id: mediators[i].id, courtId: rawCourt.id, organizationId: null, role: 'mediator' };
    for (;;) {
      const params = [mediator.id, new Date(), claimClocks];
      const { rowCount } = await client.query(claimNextSql(queueWhere('q', mediator, {}, params)), params);
      if (!rowCount) return;
      rawClaims += 1;
    }
  }));
  const rawMs = elapsedSince(t0);
  const rawRate = rawClaims / (rawMs / 1000);
  await Promise.all(rawClients.map((c) => c.end()));
  // Every case claimed, and exactly as many successful statements as cases: none claimed twice.
  const [{ rawUnclaimed }] = await ds.query(`SELECT count(*)::int AS "rawUnclaimed" FROM cases WHERE court_id = $1 AND status <> 'in_mediation'`, [rawCourt.id]);
  if (rawClaims !== RAW_CASES || rawUnclaimed !== 0) errors += 1;

  // ---------- report ----------
  const ratio = httpRate / rawRate;
  log('');
  log(`PostgreSQL ${serverVersion} (fsync=${fsync}, synchronous_commit=${syncCommit}), Node ${process.version}, ${(await import('node:os')).cpus().length} CPUs`);
  log(`HTTP POST /api/queue/next, ${MEDIATORS} mediators, ${CONCURRENCY} in flight: ${httpClaims} claims in ${(drainMs / 1000).toFixed(2)} s = ${httpRate.toFixed(0)} claims/s`);
  log(`  latency p50 ${ms(pct.p50)}, p95 ${ms(pct.p95)}, p99 ${ms(pct.p99)}, max ${ms(pct.max)}`);
  log(`stampede: ${STAMPEDE} × POST /api/cases/:id/claim on one case at once → ${stampedeOk} × 200, ${stampedeConflicts} × 409 ALREADY_CLAIMED, ${stampedeOther} other; p50 ${ms(stampedePct.p50)}, max ${ms(stampedePct.max)}`);
  log(`SQL checks: ${claimEvents} case.claimed events for ${expectedClaims} successful claims, ${inMediation} cases in mediation, ${left} left in the queue, ${unmatched} without a matching audit event, audit chains ${chains.broken ? `BROKEN at ${chains.broken.stream}` : `intact (${chains.events} events)`}`);
  log(`double claims: ${doubleClaims}`);
  log(`errors: ${errors}`);
  log(`raw SQL, the same claim statement over ${RAW_CONNECTIONS} connections: ${rawClaims} claims in ${(rawMs / 1000).toFixed(2)} s = ${rawRate.toFixed(0)} claims/s`);
  log(`HTTP / raw SQL: ${(ratio * 100).toFixed(1)} %`);
  const ok = doubleClaims === 0 && errors === 0 && ratio >= 0.5 && pct.p99 <= 150 && stampedeOk === 1;
  log(`targets (0 double claims, 0 errors, ≥ 50 % of raw SQL, p99 ≤ 150 ms): ${ok ? 'met' : 'NOT met'}`);
  exitCode = ok ? 0 : 1;

  // ---------- helpers (hoisted) ----------
  async function insertDelegatedCases(courtId, count, { withHistory }) {
    const rows = [];
    const parties = [];
    const events = [];
    const base = Date.now();
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      // Spread over the last two weeks, so the queue has an order (and some overdue cases).
      const delegatedAt = new Date(base - Math.floor(Math.random() * 14 * 86_400_000));
      const receivedOn = chinaDateOf(new Date(delegatedAt.getTime() - 86_400_000));
      const clocks = clocksOfCase(calendar, { status: 'delegated', track: 'pre_litigation', procedure: 'ordinary', delegatedAt, acceptedAt: null, extensions: [] }, NO_CLOCK_FACTS);
      const caseNumber = `（${receivedOn.slice(0, 4)}）${courtId === court.id ? '黔0381' : '黔0382'}民诉前调${randomUUID().slice(0, 13)}号`;
      rows.push({
        id, court_id: courtId, case_number: caseNumber, track: 'pre_litigation', procedure: 'ordinary', status: 'delegated',
        dispute_type: 'sale_contract', claim_amount_fen: 12_000_000, summary: '被申请人拖欠货款。', claims: ['请求被申请人支付货款120000元'],
        received_on: receivedOn, consent_to_mediation: true, queue_scope: 'court', delegated_at: delegatedAt.toISOString(),
        accept_by: clocks.acceptBy, extensions: [], clocks_provisional: clocks.clocksProvisional, created_by_id: clerk.id, version: 2,
        created_at: delegatedAt.toISOString(), updated_at: delegatedAt.toISOString(),
      });
      if (!withHistory) continue;
      parties.push(
        { case_id: id, position: 1, role: 'applicant', kind: 'person', name: '刘小富', id_number: '52038119900101123X', phone: '13800000000', address: '贵州省赤水市' },
        { case_id: id, position: 2, role: 'respondent', kind: 'organization', name: '赤水市某超市有限公司', credit_code: '91520381MA6DQ0XX0X', phone: '0851-22800000', address: '贵州省赤水市' },
      );
      const stream = `case:${id}`;
      const actor = { actorId: clerk.id, actorUsername: clerk.username, actorRole: clerk.role };
      const registered = { stream, seq: 1, type: 'case.registered', at: new Date(delegatedAt.getTime() - 3_600_000), ...actor,
        data: { caseNumber, track: 'pre_litigation', disputeType: 'sale_contract', claimAmountFen: '12000000', receivedOn, parties: 2 } };
      registered.prevHash = GENESIS_HASH;
      registered.hash = eventHash(GENESIS_HASH, registered);
      const delegated = { stream, seq: 2, type: 'case.delegated', at: delegatedAt, ...actor,
        data: { from: 'registered', to: 'delegated', version: 2, scope: 'court', organizationId: null, mediatorId: null, note: null } };
      delegated.prevHash = registered.hash;
      delegated.hash = eventHash(registered.hash, delegated);
      events.push(registered, delegated);
    }
    for (let i = 0; i < rows.length; i += 2000) {
      await ds.query(
        `INSERT INTO cases (id, court_id, case_number, track, procedure, status, dispute_type, claim_amount_fen, summary, claims, received_on,
                            consent_to_mediation, queue_scope, delegated_at, accept_by, extensions, clocks_provisional, created_by_id, version, created_at, updated_at)
         SELECT id, court_id, case_number, track, procedure, status, dispute_type, claim_amount_fen, summary, claims, received_on,
                consent_to_mediation, queue_scope, delegated_at, accept_by, extensions, clocks_provisional, created_by_id, version, created_at, updated_at
           FROM jsonb_populate_recordset(null::cases, $1::jsonb)`, [JSON.stringify(rows.slice(i, i + 2000))]);
    }
    for (let i = 0; i < parties.length; i += 4000) {
      await ds.query(
        `INSERT INTO parties (case_id, position, role, kind, name, id_number, credit_code, phone, address)
         SELECT case_id, position, role, kind, name, id_number, credit_code, phone, address FROM jsonb_populate_recordset(null::parties, $1::jsonb)`,
        [JSON.stringify(parties.slice(i, i + 4000))]);
    }
    for (let i = 0; i < events.length; i += 4000) {
      await ds.query(
        `INSERT INTO audit_events (stream, case_id, seq, type, at, actor_id, actor_username, actor_role, data, prev_hash, hash)
         SELECT x.stream, substr(x.stream, 6)::uuid, x.seq, x.type, x."at", x."actorId", x."actorUsername", x."actorRole", x.data, x."prevHash", x.hash
           FROM jsonb_to_recordset($1::jsonb) AS x(stream text, seq int, type text, "at" timestamptz, "actorId" uuid, "actorUsername" text,
                                                   "actorRole" text, data jsonb, "prevHash" text, hash text)`,
        [JSON.stringify(events.slice(i, i + 4000))]);
    }
    return rows.map((r) => r.id);
  }
} catch (e) {
  console.error(e);
  exitCode = 1;
} finally {
  await app?.close().catch(() => {});
  await ds.destroy().catch(() => {});
  if (process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
  await stopDb().catch(() => {});
  if (tmp) rmSync(tmp, { recursive: true, force: true });
}
process.exit(exitCode);

/** Runs `task(i)` with at most `limit` in flight, for i < n; a task answering false ends its lane. */
async function runPool(limit, n, task) {
  let next = 0;
  const lane = async () => {
    while (next < n) {
      const i = next++;
      if ((await task(i)) === false) return;
    }
  };
  await Promise.all(Array.from({ length: limit }, lane));
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0 };
}

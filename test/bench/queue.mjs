#!/usr/bin/env node
// npm run bench:queue (after a build): the shared queue under a stampede, through the real app.
//   1. 641 mediators with real logins (one argon2 hash, inserted in bulk, each logged in over HTTP);
//   2. 5,000 delegated cases in the court-wide queue (bulk SQL: cases, parties, hash-chained audit events);
//   3. the mediators drain it with POST /api/queue/next over keep-alive HTTP, 64 requests in flight;
//   4. 100 of them claim ONE case at the same instant (POST /api/cases/:id/claim);
//   5. SQL checks: no case claimed twice, one `case.claimed` audit event per claim, chains intact;
//   6. the same claim statement (CLAIM_NEXT_SQL, audit event included) straight over 32 pg connections on 5,000 fresh cases: the ceiling.
// The simulated mediators run in a child process, so the app's process does nothing else and its
// CPU time (and that of the PostgreSQL backends) per claim can be reported beside the rates.
// Targets: 0 double claims, 0 errors, HTTP claims/s ≥ 50 % of raw SQL, p99 ≤ 150 ms.
//   node test/bench/queue.mjs                              embedded PostgreSQL (durable settings) in a temp dir
//   DATABASE_URL=postgres://… node test/bench/queue.mjs    an existing server (a scratch database is created and dropped)
//   BENCH_CONCURRENCY=16 node test/bench/queue.mjs         requests in flight (default 32, as the raw SQL run)
import { randomBytes, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { fork } from 'node:child_process';
import { scratchDatabase } from './scratch-database.mjs';

const MEDIATORS = 641;
const ORGANIZATIONS = 165;
const CASES = 5000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32); // requests in flight during the drain: as many as the raw run's connections
const STAMPEDE = 100;
const RAW_CONNECTIONS = 32;
const RAW_CASES = 5000;
const WORKLOAD_CAP = 1000; // the schema's maximum: the bench measures the queue, not the cap
const PASSWORD = 'bench-password';

if (process.argv[2] === '--mediators') await simulateMediators();
else await main();

// =============================================================================================
// Main thread: database, app, checks, raw SQL ceiling, report.
// =============================================================================================
async function main() {
  const { hash } = await import('@node-rs/argon2');
  const { default: pg } = await import('pg');
  const root = resolve(import.meta.dirname, '../..');
  const load = (path) => import(pathToFileURL(join(root, 'dist/api', path)).href);
  const { createApp } = await load('bootstrap.js');
  const { loadConfig } = await load('config/app-config.js');
  const { createDataSource } = await load('database/data-source.js');
  const { CLAIM_NEXT_SQL, claimNextParams, claimClocksFor } = await load('queue/queue.service.js');
  const { clocksOfCase, NO_CLOCK_FACTS } = await load('cases/case-clocks.js');
  const { eventHash, GENESIS_HASH } = await load('audit/chain.js');
  const { verifyAuditChains } = await load('audit/verify.js');
  const { WorkingCalendar } = await load('rules/calendar.js');
  const { chinaDateOf } = await load('rules/chinese-date.js');
  const log = (...args) => console.log(...args);
  const since = (t0) => performance.now() - t0;

  // ---------- database ----------
  const scratch = await scratchDatabase();
  const dbUrl = scratch.url;
  const tmp = scratch.dir ?? undefined;
  const ds = createDataSource({ url: dbUrl, poolSize: 4, applicationName: 'sutiao-bench' });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  const [settings] = await ds.query(
    `SELECT current_setting('server_version') AS version, current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync`,
  );

  let app;
  let clerk;
  let exitCode = 1;
  const calendar = new WorkingCalendar();
  try {
    // ---------- people and cases ----------
    let t0 = performance.now();
    const passwordHash = await hash(PASSWORD);
    const [court] = await ds.query(
      `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap) VALUES ('黔0381', '赤水市人民法院', 'pre_litigation', true, $1) RETURNING id, code`,
      [WORKLOAD_CAP],
    );
    const [rawCourt] = await ds.query(
      `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap) VALUES ('黔0382', '基准法院', 'pre_litigation', true, $1) RETURNING id, code`,
      [WORKLOAD_CAP],
    );
    const orgs = await ds.query(
      `INSERT INTO organizations (court_id, name, kind, region)
       SELECT $1, '人民调解委员会' || n, 'township', '乡镇' || (n % 17) FROM generate_series(1, $2) AS n RETURNING id`,
      [court.id, ORGANIZATIONS],
    );
    [clerk] = await ds.query(
      `INSERT INTO users (username, display_name, role, password_hash, court_id) VALUES ('clerk1', '立案员', 'clerk', $1, $2) RETURNING id, username, role`,
      [passwordHash, court.id],
    );
    const mediators = await ds.query(
      `INSERT INTO users (username, display_name, role, password_hash, court_id, organization_id)
       SELECT 'mediator' || lpad(n::text, 3, '0'), '调解员' || n, 'mediator', $1, $2, ($3::uuid[])[1 + n % $4]
         FROM generate_series(1, $5) AS n RETURNING id, username`,
      [passwordHash, court.id, orgs.map((o) => o.id), orgs.length, MEDIATORS],
    );
    log(`seeded ${MEDIATORS} mediators in ${ORGANIZATIONS} organizations (one argon2 hash, bulk insert) in ${fmt(since(t0))}`);
    t0 = performance.now();
    await insertDelegatedCases(court, CASES, true);
    await insertDelegatedCases(rawCourt, RAW_CASES, false);
    await ds.query('VACUUM ANALYZE');
    log(
      `seeded ${CASES} delegated cases in the court-wide queue (with parties and audit chains) + ${RAW_CASES} for the raw SQL run in ${fmt(since(t0))}`,
    );

    // ---------- the real app on a loopback port ----------
    const config = loadConfig({
      JWT_SECRET: randomBytes(32).toString('hex'),
      DATA_DIR: tmp ?? tmpdir(),
      PORT: '0',
      WEB_ROOT: '/nonexistent',
    });
    app = await createApp({ config, databaseUrl: dbUrl, logger: false });
    await app.listen(0, '127.0.0.1');
    const port = app.getHttpServer().address().port;
    log(`app listening on 127.0.0.1:${port} (database pool ${config.dbPoolSize} connections)`);

    // ---------- the simulated mediators ----------
    const child = fork(new URL(import.meta.url), ['--mediators'], { stdio: 'inherit' });
    const inbox = [];
    const waiting = [];
    child.on('message', (msg) => (waiting.length ? waiting.shift().resolve(msg) : inbox.push(msg)));
    child.on('exit', (code) => waiting.splice(0).forEach((w) => w.reject(new Error(`the mediators' process exited with ${code}`))));
    const fromMediators = () =>
      inbox.length ? Promise.resolve(inbox.shift()) : new Promise((res, rej) => waiting.push({ resolve: res, reject: rej }));
    const pgCpu = postgresCpu(tmp); // pgCpu() starts a meter; calling the meter reads it
    child.send({ port, usernames: mediators.map((m) => m.username) });
    const { loginMs } = await fromMediators();
    log(`logged in ${MEDIATORS} mediators over HTTP in ${fmt(loginMs)}`);
    const cpuAtStart = { app: process.cpuUsage(), pg: pgCpu() };
    child.send({ go: true });
    const drain = await fromMediators();
    const drainCpu = { app: cpuMs(process.cpuUsage(cpuAtStart.app)), pg: cpuAtStart.pg() };
    log(
      `drain: ${drain.latencies.length} requests (${Object.entries(drain.statuses)
        .map(([s, n]) => `${n} × ${s}`)
        .join(', ')}) in ${fmt(drain.drainMs)}`,
    );
    // The stampede's case is delegated only now, so the drain could not take it.
    const [target] = await insertDelegatedCases(court, 1, true);
    child.send({ target });
    const { stampede } = await fromMediators();

    let errors = drain.errors;
    const httpClaims = drain.statuses['200'] ?? 0;
    const httpRate = httpClaims / (drain.drainMs / 1000);
    const pct = percentiles(drain.latencies);
    const stampedeOk = stampede.filter((r) => r.status === 200).length;
    const stampedeConflicts = stampede.filter((r) => r.status === 409 && r.code === 'ALREADY_CLAIMED').length;
    const stampedeOther = STAMPEDE - stampedeOk - stampedeConflicts;
    errors += stampedeOther;
    const stampedePct = percentiles(stampede.map((r) => r.ms));

    // ---------- verify in SQL ----------
    const [{ doubles }] = await ds.query(
      `SELECT count(*)::int AS doubles FROM (SELECT case_id FROM audit_events WHERE type = 'case.claimed' GROUP BY case_id HAVING count(*) > 1) d`,
    );
    const [{ claimEvents }] = await ds.query(`SELECT count(*)::int AS "claimEvents" FROM audit_events WHERE type = 'case.claimed'`);
    const [{ unmatched }] = await ds.query(
      `SELECT count(*)::int AS unmatched FROM cases c WHERE c.court_id = $1 AND c.status = 'in_mediation'
          AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.case_id = c.id AND e.type = 'case.claimed' AND e.actor_id = c.assignee_id)`,
      [court.id],
    );
    const [{ waiting: left, inMediation }] = await ds.query(
      `SELECT count(*) FILTER (WHERE status = 'delegated')::int AS waiting, count(*) FILTER (WHERE status = 'in_mediation')::int AS "inMediation"
         FROM cases WHERE court_id = $1`,
      [court.id],
    );
    const answeredTwice = drain.claimedIds.length - new Set(drain.claimedIds).size;
    const chains = await verifyAuditChains(ds);
    const successfulClaims = drain.claimedIds.length + stampedeOk;
    const doubleClaims = doubles + answeredTwice;
    const consistent =
      claimEvents === successfulClaims && inMediation === successfulClaims && unmatched === 0 && left === 0 && !chains.broken;
    if (!consistent) errors += 1;

    // ---------- the raw SQL ceiling: the same statement over 32 direct connections ----------
    const rawClients = await Promise.all(
      Array.from({ length: RAW_CONNECTIONS }, async () => {
        const client = new pg.Client({ connectionString: dbUrl, application_name: 'sutiao-bench-raw' });
        client.on('error', () => {});
        await client.connect();
        return client;
      }),
    );
    let rawClaims = 0;
    const rawCpuAtStart = { app: process.cpuUsage(), pg: pgCpu() };
    t0 = performance.now();
    await Promise.all(
      rawClients.map(async (client, i) => {
        const mediator = { id: mediators[i].id, username: mediators[i].username, courtId: rawCourt.id, organizationId: null };
        const clocks = claimClocksFor(calendar, new Date()); // the app computes these once a day, too
        for (;;) {
          const { rowCount } = await client.query(CLAIM_NEXT_SQL, claimNextParams(mediator, new Date(), clocks, {}));
          if (!rowCount) return;
          rawClaims += 1;
        }
      }),
    );
    const rawMs = since(t0);
    const rawCpu = { client: cpuMs(process.cpuUsage(rawCpuAtStart.app)), pg: rawCpuAtStart.pg() };
    const rawRate = rawClaims / (rawMs / 1000);
    await Promise.all(rawClients.map((c) => c.end()));
    // Every case claimed, by exactly as many successful statements as there are cases: none twice.
    const [{ unclaimed }] = await ds.query(
      `SELECT count(*)::int AS unclaimed FROM cases WHERE court_id = $1 AND status <> 'in_mediation'`,
      [rawCourt.id],
    );
    if (rawClaims !== RAW_CASES || unclaimed !== 0) errors += 1;

    // ---------- report ----------
    const ratio = httpRate / rawRate;
    log('');
    log(
      `machine: ${cpus().length} CPUs, load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(
          ' ',
        )}; PostgreSQL ${settings.version} (fsync=${settings.fsync}, synchronous_commit=${settings.sync}); Node ${process.version}`,
    );
    log(
      `HTTP POST /api/queue/next, ${MEDIATORS} mediators, ${CONCURRENCY} in flight: ${httpClaims} claims in ${(drain.drainMs / 1000).toFixed(2)} s = ${httpRate.toFixed(0)} claims/s`,
    );
    log(`  latency p50 ${fmt(pct.p50)}, p95 ${fmt(pct.p95)}, p99 ${fmt(pct.p99)}, max ${fmt(pct.max)}`);
    log(
      `stampede: ${STAMPEDE} × POST /api/cases/:id/claim on one case at once → ${stampedeOk} × 200, ${stampedeConflicts} × 409 ALREADY_CLAIMED, ${stampedeOther} other; p50 ${fmt(stampedePct.p50)}, max ${fmt(stampedePct.max)}`,
    );
    log(
      `SQL checks: ${claimEvents} case.claimed events for ${successfulClaims} successful claims; ${inMediation} cases in mediation, ${left} left in the queue, ${unmatched} without their audit event; audit chains ${chains.broken ? `BROKEN at ${chains.broken.stream} #${chains.broken.seq}` : `intact (${chains.events} events)`}`,
    );
    log(`double claims: ${doubleClaims}`);
    log(`errors: ${errors}`);
    log(
      `raw SQL, the same claim statement over ${RAW_CONNECTIONS} connections: ${rawClaims} claims in ${(rawMs / 1000).toFixed(2)} s = ${rawRate.toFixed(0)} claims/s`,
    );
    log(`HTTP / raw SQL: ${(ratio * 100).toFixed(1)} %`);
    if (Number.isFinite(drainCpu.pg)) {
      const per = (ms, n) => `${(ms / n).toFixed(2)} ms`;
      log(
        `CPU per claim: HTTP — app ${per(drainCpu.app, httpClaims)}, PostgreSQL ${per(drainCpu.pg, httpClaims)}, simulated mediators ${per(drain.clientCpuMs, httpClaims)}; ` +
          `raw SQL — client ${per(rawCpu.client, rawClaims)}, PostgreSQL ${per(rawCpu.pg, rawClaims)}`,
      );
    }
    const ok = doubleClaims === 0 && errors === 0 && ratio >= 0.5 && pct.p99 <= 150 && stampedeOk === 1;
    log(`targets (0 double claims, 0 errors, ≥ 50 % of raw SQL, p99 ≤ 150 ms): ${ok ? 'met' : 'NOT met'}`);
    exitCode = ok ? 0 : 1;
  } catch (e) {
    console.error(e);
  } finally {
    await app?.close().catch(() => {});
    await ds.destroy().catch(() => {});
    await scratch.drop();
  }
  process.exit(exitCode);

  /** Delegated cases in the court-wide queue, consistent with the schema and with what the API would have written. */
  async function insertDelegatedCases(c, count, withHistory) {
    const rows = [];
    const parties = [];
    const events = [];
    const base = Date.now();
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      // Delegated over the last two weeks, so the queue has an order (and some overdue cases).
      const delegatedAt = new Date(base - Math.floor(Math.random() * 14 * 86_400_000));
      const receivedOn = chinaDateOf(new Date(delegatedAt.getTime() - 86_400_000));
      const clocks = clocksOfCase(
        calendar,
        { status: 'delegated', track: 'pre_litigation', procedure: 'ordinary', delegatedAt, acceptedAt: null, extensions: [] },
        NO_CLOCK_FACTS,
      );
      const caseNumber = `（${receivedOn.slice(0, 4)}）${c.code}民诉前调${randomUUID().slice(0, 8)}号`;
      rows.push({
        id,
        court_id: c.id,
        case_number: caseNumber,
        track: 'pre_litigation',
        procedure: 'ordinary',
        status: 'delegated',
        dispute_type: 'sale_contract',
        claim_amount_fen: 12_000_000,
        summary: '被申请人拖欠货款。',
        claims: ['请求被申请人支付货款120000元'],
        received_on: receivedOn,
        consent_to_mediation: true,
        queue_scope: 'court',
        delegated_at: delegatedAt.toISOString(),
        accept_by: clocks.acceptBy,
        extensions: [],
        clocks_provisional: clocks.clocksProvisional,
        created_by_id: clerk.id,
        version: 2,
        created_at: delegatedAt.toISOString(),
        updated_at: delegatedAt.toISOString(),
      });
      if (!withHistory) continue;
      parties.push(
        {
          case_id: id,
          position: 1,
          role: 'applicant',
          kind: 'person',
          name: '刘小富',
          id_number: '52038119900101123X',
          phone: '13800000000',
          address: '贵州省赤水市',
        },
        {
          case_id: id,
          position: 2,
          role: 'respondent',
          kind: 'organization',
          name: '赤水市某超市有限公司',
          credit_code: '91520381MA6DQ0XX0X',
          phone: '0851-22800000',
          address: '贵州省赤水市',
        },
      );
      const stream = `case:${id}`;
      const actor = { actorId: clerk.id, actorUsername: clerk.username, actorRole: clerk.role };
      const registered = {
        stream,
        seq: 1,
        type: 'case.registered',
        at: new Date(delegatedAt.getTime() - 3_600_000),
        ...actor,
        prevHash: GENESIS_HASH,
        data: { caseNumber, track: 'pre_litigation', disputeType: 'sale_contract', claimAmountFen: '12000000', receivedOn, parties: 2 },
      };
      registered.hash = eventHash(GENESIS_HASH, registered);
      const delegated = {
        stream,
        seq: 2,
        type: 'case.delegated',
        at: delegatedAt,
        ...actor,
        prevHash: registered.hash,
        data: { from: 'registered', to: 'delegated', version: 2, scope: 'court', organizationId: null, mediatorId: null, note: null },
      };
      delegated.hash = eventHash(registered.hash, delegated);
      events.push(registered, delegated);
    }
    const inBatches = async (items, size, sql) => {
      for (let i = 0; i < items.length; i += size) await ds.query(sql, [JSON.stringify(items.slice(i, i + size))]);
    };
    const caseColumns = Object.keys(rows[0]).join(', ');
    await inBatches(
      rows,
      2000,
      `INSERT INTO cases (${caseColumns}) SELECT ${caseColumns} FROM jsonb_populate_recordset(null::cases, $1::jsonb)`,
    );
    const partyColumns = 'case_id, position, role, kind, name, id_number, credit_code, phone, address';
    await inBatches(
      parties,
      4000,
      `INSERT INTO parties (${partyColumns}) SELECT ${partyColumns} FROM jsonb_populate_recordset(null::parties, $1::jsonb)`,
    );
    await inBatches(
      events,
      4000,
      `INSERT INTO audit_events (stream, case_id, seq, type, at, actor_id, actor_username, actor_role, data, prev_hash, hash)
       SELECT x.stream, substr(x.stream, 6)::uuid, x.seq, x.type, x."at", x."actorId", x."actorUsername", x."actorRole", x.data, x."prevHash", x.hash
         FROM jsonb_to_recordset($1::jsonb) AS x(stream text, seq int, type text, "at" timestamptz, "actorId" uuid, "actorUsername" text,
                                                 "actorRole" text, data jsonb, "prevHash" text, hash text)`,
    );
    return rows.map((r) => r.id);
  }
}

// =============================================================================================
// Child process: 641 mediators over real HTTP (keep-alive), bounded concurrency.
// =============================================================================================
async function simulateMediators() {
  const { port, usernames } = await new Promise((res) => process.once('message', res));
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const call = (method, path, token, body, useAgent = agent) =>
    new Promise((resolveCall, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const started = performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          path,
          method,
          agent: useAgent,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolveCall({ status: res.statusCode, body: text ? JSON.parse(text) : null, ms: performance.now() - started });
          });
        },
      );
      req.on('error', reject);
      req.end(payload);
    });

  // Real logins.
  let t0 = performance.now();
  const tokens = new Array(usernames.length);
  await runPool(16, usernames.length, async (i) => {
    const r = await call('POST', '/api/auth/login', null, { username: usernames[i], password: PASSWORD });
    if (r.status !== 200) throw new Error(`login ${usernames[i]}: ${r.status}`);
    tokens[i] = r.body.accessToken;
  });
  process.send({ loginMs: performance.now() - t0 });
  await new Promise((res) => process.once('message', res));

  // Drain: every lane takes the next mediator in turn and asks for the next case, until one hears 204.
  const latencies = [];
  const statuses = {};
  const claimedIds = [];
  let errors = 0;
  let cursor = 0;
  let drained = false;
  const maxRequests = CASES * 2;
  const cpuAtStart = process.cpuUsage();
  t0 = performance.now();
  await runPool(CONCURRENCY, Infinity, async () => {
    if (drained || cursor >= maxRequests) return false;
    const token = tokens[cursor++ % tokens.length];
    const r = await call('POST', '/api/queue/next', token, {});
    latencies.push(r.ms);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    if (r.status === 200) claimedIds.push(r.body.id);
    else if (r.status === 204) drained = true;
    else errors += 1;
    return true;
  });
  const drainMs = performance.now() - t0;
  process.send({ drainMs, clientCpuMs: cpuMs(process.cpuUsage(cpuAtStart)), latencies, statuses, claimedIds, errors });

  // Stampede: 100 warm connections, 100 claims of one case sent in the same tick.
  const { target } = await new Promise((res) => process.once('message', res));
  const crowdAgent = new http.Agent({ keepAlive: true, maxSockets: STAMPEDE });
  await Promise.all(Array.from({ length: STAMPEDE }, () => call('GET', '/api/health', null, undefined, crowdAgent)));
  const crowd = tokens.slice(0, STAMPEDE);
  const results = await Promise.all(crowd.map((token) => call('POST', `/api/cases/${target}/claim`, token, {}, crowdAgent)));
  process.send({ stampede: results.map((r) => ({ status: r.status, code: r.body?.code, ms: r.ms })) });
  process.disconnect();
}

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

function cpuMs(usage) {
  return (usage.user + usage.system) / 1000;
}

/**
 * A meter of the CPU time (ms) the embedded PostgreSQL's processes use (the postmaster and its
 * children, read from Linux /proc at 100 ticks/s): `meter()` starts one, calling the result gives
 * the time used since, by processes alive at both readings. NaN for an external server.
 */
function postgresCpu(dataDir) {
  let postmaster;
  try {
    postmaster = Number(readFileSync(join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return () => () => NaN;
  }
  const read = () => {
    const ticks = new Map();
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        if (Number(fields[1]) === postmaster || Number(pid) === postmaster) ticks.set(pid, Number(fields[11]) + Number(fields[12]));
      } catch {
        /* exited meanwhile */
      }
    }
    return ticks;
  };
  return () => {
    const start = read();
    return () => [...read()].reduce((sum, [pid, t]) => sum + t - (start.get(pid) ?? 0), 0) * 10;
  };
}

function fmt(ms) {
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`;
}

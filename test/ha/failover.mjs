#!/usr/bin/env node
// npm run ha:test (after a build; not part of npm test): a primary failover under load, with Debian's parts.
//   etcd (DCS) + 3 Patroni nodes (PostgreSQL 15 from Debian, synchronous_mode on) + HAProxy
//   (primary port: Patroni REST /primary; replica port: /replica) on loopback ports in a temp dir,
//   two app instances (node dist/api/main.js; DATABASE_URL → primary port, DATABASE_REPLICA_URLS →
//   replica port, migrations via DATABASE_MIGRATION_URL as the owner role), the demo seed (641
//   mediators), a queue drain by the 641 mediators (POST /api/queue/next on both instances) plus
//   stats reads, and mid-run the leader node dies (kill -9 of its Patroni and its postmaster).
// Prints: time to the first successful claim after the kill, acknowledged claims lost, double
// claims, 5xx during the switch, replica lag. Installs the packages when missing, cleans up after
// itself (every process, the temp dir) and stops by itself (overall timeout).
/* global AbortSignal -- Node 20 global */
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const ROOT = resolve(import.meta.dirname, '../..');
const OVERALL_TIMEOUT_MS = Number(process.env.HA_TIMEOUT_MS ?? 12 * 60_000);
const CASES = Number(process.env.HA_CASES ?? 1500);
const CONCURRENCY = 24;
const KILL_AFTER_CLAIMS = Math.round(CASES * 0.3);
const PG_BIN = process.env.HA_PG_BIN ?? '/usr/lib/postgresql/15/bin';
const BASE = Number(process.env.HA_PORT_BASE ?? 41000);
const PORTS = {
  etcdClient: BASE + 79,
  etcdPeer: BASE + 80,
  haPrimary: BASE,
  haReplica: BASE + 1,
  pg: [BASE + 32, BASE + 33, BASE + 34],
  rest: [BASE + 8, BASE + 9, BASE + 10],
  app: [BASE + 100, BASE + 101],
};
const SUPERUSER_PW = randomBytes(12).toString('hex');
const REPLICATOR_PW = randomBytes(12).toString('hex');
const OWNER = { user: 'sutiao_owner', password: randomBytes(12).toString('hex') };
const APP = { user: 'sutiao_app', password: randomBytes(12).toString('hex') };
const DEMO_PASSWORD = 'sutiao-demo';

const t0 = performance.now();
const log = (...a) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1).padStart(6)} s]`, ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const children = [];
let tmp;

function cleanup() {
  for (const c of children.reverse()) {
    try {
      process.kill(-c.pid, 'SIGKILL');
    } catch {
      try {
        c.kill('SIGKILL');
      } catch {
        /* gone */
      }
    }
  }
  // postgres children of Patroni live in their own sessions: kill whatever still runs in our data dirs.
  if (tmp) {
    for (let i = 0; i < 3; i++) {
      const pidFile = join(tmp, `pg${i}`, 'data', 'postmaster.pid');
      if (existsSync(pidFile)) {
        try {
          process.kill(Number(readFileSync(pidFile, 'utf8').split('\n')[0]), 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
    rmSync(tmp, { recursive: true, force: true });
  }
}
const timeout = setTimeout(() => {
  console.error(`ha:test: overall timeout of ${OVERALL_TIMEOUT_MS / 1000} s reached; cleaning up`);
  cleanup();
  process.exit(2);
}, OVERALL_TIMEOUT_MS);
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => (cleanup(), process.exit(130)));

function start(name, cmd, args, opts = {}) {
  const out = openSync(join(tmp, `${name}.log`), 'a');
  const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out], ...opts });
  children.push(child);
  child.name = name;
  return child;
}

function ensurePackages() {
  const missing = [
    ['patroni', '/usr/bin/patroni'],
    ['etcd-server', '/usr/bin/etcd'],
    ['etcd-client', '/usr/bin/etcdctl'],
    ['haproxy', '/usr/sbin/haproxy'],
    ['postgresql', `${PG_BIN}/postgres`],
  ].filter(([, bin]) => !existsSync(bin));
  if (!missing.length) return;
  const names = missing.map(([p]) => p);
  log(`installing Debian packages: ${names.join(' ')}`);
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...names], {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
}

const http = async (port, method, path, { token, body } = {}) => {
  try {
    const r = await fetch(`http://127.0.0.1:${port}${path}`, {
      method,
      headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body ? { 'Content-Type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(30_000),
    });
    const text = await r.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      /* not json */
    }
    return { status: r.status, body: json };
  } catch (e) {
    return { status: 0, body: { code: e.name } };
  }
};

async function waitFor(what, fn, ms) {
  const until = Date.now() + ms;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

const restGet = (i, path) =>
  fetch(`http://127.0.0.1:${PORTS.rest[i]}${path}`, { signal: AbortSignal.timeout(2000) }).then(
    async (r) => ({ status: r.status, body: await r.json().catch(() => null) }),
    () => ({ status: 0, body: null }),
  );

function patroniYaml(i) {
  const dir = join(tmp, `pg${i}`);
  return `scope: sutiao-ha
name: node${i}
restapi:
  listen: 127.0.0.1:${PORTS.rest[i]}
  connect_address: 127.0.0.1:${PORTS.rest[i]}
etcd:
  host: 127.0.0.1:${PORTS.etcdClient}
bootstrap:
  dcs:
    ttl: 10
    loop_wait: 1
    retry_timeout: 4
    maximum_lag_on_failover: 1048576
    synchronous_mode: true
    postgresql:
      use_pg_rewind: true
      parameters:
        synchronous_commit: 'on'
        max_connections: 200
        wal_level: replica
        hot_standby: 'on'
        max_wal_senders: 10
        max_replication_slots: 10
        wal_keep_size: 256MB
        password_encryption: scram-sha-256
  initdb:
    - encoding: UTF8
    - locale: C.UTF-8
    - auth: scram-sha-256
  pg_hba:
    - host replication replicator 127.0.0.1/32 scram-sha-256
    - host all all 127.0.0.1/32 scram-sha-256
postgresql:
  listen: 127.0.0.1:${PORTS.pg[i]}
  connect_address: 127.0.0.1:${PORTS.pg[i]}
  data_dir: ${dir}/data
  bin_dir: ${PG_BIN}
  pgpass: ${dir}/pgpass
  authentication:
    superuser:
      username: postgres
      password: ${SUPERUSER_PW}
    replication:
      username: replicator
      password: ${REPLICATOR_PW}
  parameters:
    unix_socket_directories: '${dir}'
    shared_buffers: 128MB
`;
}

function haproxyCfg() {
  const servers = () => PORTS.pg.map((p, i) => `    server node${i} 127.0.0.1:${p} check port ${PORTS.rest[i]}`).join('\n');
  const backend = (name, port, path) => `listen ${name}
    bind 127.0.0.1:${port}
    option httpchk GET ${path}
    http-check expect status 200
    default-server inter 500ms fall 2 rise 1 on-marked-down shutdown-sessions
${servers()}
`;
  return `global
    maxconn 1000
defaults
    mode tcp
    timeout connect 4s
    timeout client 30m
    timeout server 30m
    timeout check 2s
${backend('primary', PORTS.haPrimary, '/primary')}
${backend('replicas', PORTS.haReplica, '/replica')}`;
}

const url = (who, port, db = 'sutiao') =>
  `postgres://${encodeURIComponent(who.user)}:${encodeURIComponent(who.password)}@127.0.0.1:${port}/${db}`;

// GB 11643 / GB 32100 check digits (as test/api/support/factories.ts).
function residentId(serial) {
  const body = `520381${'19900101'}${String(serial % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}
function creditCode(seed) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91520381${String(100000000 + seed).slice(-9)}`;
  const sum = [...body].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i], 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}
const caseBody = (n) => ({
  disputeType: 'sale_contract',
  claimAmount: '120000.00',
  summary: '申请人向被申请人供应货物，被申请人拖欠货款。',
  claims: ['请求被申请人支付货款120000元'],
  consentToMediation: true,
  parties: [
    { role: 'applicant', kind: 'person', name: '刘小富', idNumber: residentId(n), phone: '13800000000', address: '贵州省赤水市市中街道' },
    {
      role: 'respondent',
      kind: 'organization',
      name: '赤水市某超市有限公司',
      creditCode: creditCode(n),
      representative: '张某',
      phone: '0851-22800000',
      address: '贵州省赤水市',
    },
  ],
});

async function pool(items, n, fn) {
  let next = 0;
  await Promise.all(
    Array.from({ length: n }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i);
      }
    }),
  );
}

async function main() {
  if (!existsSync(join(ROOT, 'dist/api/main.js'))) throw new Error('dist/api/main.js is missing: run npm run build first');
  if (process.getuid?.() !== 0) throw new Error('ha:test runs as root (it installs packages and runs PostgreSQL as the postgres user)');
  ensurePackages();
  const pgUid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
  const pgGid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
  tmp = mkdtempSync(join(tmpdir(), 'sutiao-ha-'));
  chmodSync(tmp, 0o755);
  log(
    `machine: ${cpus().length} CPUs, load ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; temp dir ${tmp}`,
  );
  log(
    `versions: ${execFileSync('patroni', ['--version']).toString().trim()}, ${execFileSync('etcd', ['--version']).toString().split('\n')[0]}, ` +
      `${execFileSync('haproxy', ['-v']).toString().split('\n')[0]}, ${execFileSync(`${PG_BIN}/postgres`, ['--version']).toString().trim()}`,
  );

  // ---------- etcd ----------
  start('etcd', 'etcd', [
    '--name=ha',
    `--data-dir=${join(tmp, 'etcd')}`,
    `--listen-client-urls=http://127.0.0.1:${PORTS.etcdClient}`,
    `--advertise-client-urls=http://127.0.0.1:${PORTS.etcdClient}`,
    `--listen-peer-urls=http://127.0.0.1:${PORTS.etcdPeer}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${PORTS.etcdPeer}`,
    `--initial-cluster=ha=http://127.0.0.1:${PORTS.etcdPeer}`,
    '--enable-v2=true',
  ]);
  await waitFor('etcd', () => fetch(`http://127.0.0.1:${PORTS.etcdClient}/health`).then((r) => r.ok), 20_000);
  log('etcd up');

  // ---------- Patroni ×3 ----------
  const patroni = [];
  for (let i = 0; i < 3; i++) {
    const dir = join(tmp, `pg${i}`);
    mkdirSync(dir, { mode: 0o700 });
    chownSync(dir, pgUid, pgGid);
    writeFileSync(join(dir, 'patroni.yml'), patroniYaml(i), { mode: 0o600 });
    chownSync(join(dir, 'patroni.yml'), pgUid, pgGid);
    patroni[i] = start(`patroni${i}`, 'runuser', ['-u', 'postgres', '--', 'patroni', join(dir, 'patroni.yml')]);
    if (i === 0) await waitFor('the first Patroni node to lead', async () => (await restGet(0, '/primary')).status === 200, 90_000);
  }
  await waitFor(
    'two streaming replicas, one synchronous',
    async () => {
      const c = await restGet(0, '/cluster');
      const members = c.body?.members ?? [];
      return (
        members.filter((m) => m.state === 'streaming' || m.state === 'running').length >= 2 &&
        members.some((m) => m.role === 'sync_standby')
      );
    },
    120_000,
  );
  const cluster0 = (await restGet(0, '/cluster')).body.members.map((m) => `${m.name}=${m.role}`).join(', ');
  log(`Patroni cluster ready: ${cluster0}`);

  // ---------- HAProxy ----------
  writeFileSync(join(tmp, 'haproxy.cfg'), haproxyCfg());
  start('haproxy', 'haproxy', ['-db', '-f', join(tmp, 'haproxy.cfg')]);
  const su = { user: 'postgres', password: SUPERUSER_PW };
  await waitFor(
    'HAProxy primary port',
    async () => {
      const c = new pg.Client({ connectionString: url(su, PORTS.haPrimary, 'postgres') });
      await c.connect();
      await c.end();
      return true;
    },
    20_000,
  );
  log(`HAProxy: primary 127.0.0.1:${PORTS.haPrimary} (/primary), replicas 127.0.0.1:${PORTS.haReplica} (/replica)`);

  // ---------- roles and database (as in an external deployment: docs/security.md) ----------
  const { ensureRoles, ensureDatabase } = await import(pathToFileURL(join(ROOT, 'dist/api/database/roles.js')).href);
  const admin = new pg.Client({ connectionString: url(su, PORTS.haPrimary, 'postgres') });
  await admin.connect();
  await ensureRoles(admin, OWNER, APP);
  await ensureDatabase(admin, 'sutiao', OWNER.user, APP.user);
  await admin.end();

  // ---------- two app instances ----------
  const dataDir = join(tmp, 'app-data');
  const appEnv = (port, seed) => ({
    ...process.env,
    PORT: String(port),
    DATABASE_URL: url(APP, PORTS.haPrimary),
    DATABASE_REPLICA_URLS: url(APP, PORTS.haReplica),
    DATABASE_MIGRATION_URL: url(OWNER, PORTS.haPrimary),
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: dataDir,
    DEMO_SEED: seed ? '1' : '0',
    DEMO_PASSWORD,
    WEB_ROOT: '/nonexistent',
    LOG_FORMAT: 'text',
    NO_COLOR: '1',
    AUDIT_CHECKPOINT_MINUTES: '0',
  });
  const jwt = randomBytes(32).toString('hex');
  const health = (port) => http(port, 'GET', '/api/health').then((r) => r.status === 200);
  start('app0', process.execPath, ['dist/api/main.js'], { cwd: ROOT, env: { ...appEnv(PORTS.app[0], true), JWT_SECRET: jwt } });
  await waitFor('app instance 1 (migrations + demo seed)', () => health(PORTS.app[0]), 240_000);
  start('app1', process.execPath, ['dist/api/main.js'], { cwd: ROOT, env: { ...appEnv(PORTS.app[1], false), JWT_SECRET: jwt } });
  await waitFor('app instance 2', () => health(PORTS.app[1]), 60_000);
  log(`two app instances on 127.0.0.1:${PORTS.app.join(', ')} (demo seed loaded)`);

  const primary = new pg.Pool({ connectionString: url(OWNER, PORTS.haPrimary), max: 2 });
  primary.on('error', () => {});
  const [{ n: mediatorCount }] = (await primary.query(`SELECT count(*)::int AS n FROM users WHERE role = 'mediator'`)).rows;

  // ---------- logins and cases ----------
  const login = async (username, i) => {
    const r = await http(PORTS.app[i % 2], 'POST', '/api/auth/login', { body: { username, password: DEMO_PASSWORD } });
    if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body.accessToken;
  };
  const clerk = await login('clerk1', 0);
  const stats = await login('stats1', 1);
  const usernames = Array.from({ length: 641 }, (_, i) => `mediator${String(i + 1).padStart(3, '0')}`);
  const tokens = [];
  let tl = performance.now();
  await pool(usernames, 8, async (u, i) => {
    tokens[i] = await login(u, i);
  });
  log(
    `${mediatorCount} mediators in the database; ${tokens.length} logged in over HTTP in ${((performance.now() - tl) / 1000).toFixed(1)} s`,
  );
  tl = performance.now();
  await pool(
    Array.from({ length: CASES }, (_, i) => i),
    16,
    async (n) => {
      const c = await http(PORTS.app[n % 2], 'POST', '/api/cases', { token: clerk, body: caseBody(n) });
      if (c.status !== 201) throw new Error(`create case: ${c.status} ${JSON.stringify(c.body)}`);
      const d = await http(PORTS.app[n % 2], 'POST', `/api/cases/${c.body.id}/delegate`, { token: clerk, body: {} });
      if (d.status !== 200) throw new Error(`delegate: ${d.status} ${JSON.stringify(d.body)}`);
    },
  );
  const [{ waiting }] = (await primary.query(`SELECT count(*)::int AS waiting FROM cases WHERE status = 'delegated'`)).rows;
  log(
    `${CASES} cases created and delegated to the court-wide queue over HTTP in ${((performance.now() - tl) / 1000).toFixed(1)} s; ${waiting} waiting`,
  );

  // ---------- the drain, stats reads, the kill ----------
  const acked = []; // { caseId, mediator, at }
  const events = []; // { at, kind, status, code }
  let killAt = null;
  let killed = null;
  let stop = false;
  let claimsDone = 0;
  let emptyStreak = 0;
  const lagSamples = [];

  const claimer = async (w) => {
    let k = w;
    while (!stop) {
      const i = (k += CONCURRENCY) % tokens.length;
      const at = performance.now();
      const r = await http(PORTS.app[i % 2], 'POST', '/api/queue/next', { token: tokens[i], body: {} });
      events.push({ at, kind: 'claim', status: r.status, code: r.body?.code });
      if (r.status === 200) {
        acked.push({ caseId: r.body.id, mediator: usernames[i], started: at, at: performance.now() });
        claimsDone++;
        emptyStreak = 0;
      } else if (r.status === 204) {
        if (++emptyStreak > 200 && killed) stop = true;
        await sleep(20);
      } else if (r.status === 409) {
        /* workload cap of that mediator: next */
      } else await sleep(100); // 503 during the switch: the client backs off and retries
    }
  };
  const statsReader = async () => {
    let i = 0;
    while (!stop) {
      const at = performance.now();
      const r = await http(PORTS.app[i++ % 2], 'GET', '/api/stats/summary', { token: stats });
      events.push({ at, kind: 'stats', status: r.status, code: r.body?.code });
      await sleep(200);
    }
  };
  const lagSampler = async () => {
    while (!stop) {
      const c = new pg.Client({ connectionString: url(OWNER, PORTS.haReplica), connectionTimeoutMillis: 2000 });
      c.on('error', () => {});
      try {
        await c.connect();
        const { rows } = await c.query(
          `SELECT pg_is_in_recovery() AS standby,
                  extract(epoch FROM now() - pg_last_xact_replay_timestamp()) * 1000 AS replay_ms,
                  pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()) AS unreplayed_bytes`,
        );
        lagSamples.push({ at: performance.now(), ...rows[0] });
      } catch {
        /* no replica reachable this instant */
      } finally {
        await c.end().catch(() => {});
      }
      await sleep(250);
    }
  };
  const syncLag = [];
  const replSampler = async () => {
    while (!stop) {
      try {
        const { rows } = await primary.query(
          `SELECT application_name, sync_state, extract(epoch FROM replay_lag) * 1000 AS replay_ms, extract(epoch FROM flush_lag) * 1000 AS flush_ms FROM pg_stat_replication`,
        );
        syncLag.push(...rows.map((r) => ({ at: performance.now(), ...r })));
      } catch {
        /* primary switching */
      }
      await sleep(500);
    }
  };
  const killer = async () => {
    while (!stop && claimsDone < KILL_AFTER_CLAIMS) await sleep(20);
    if (stop) return;
    let leader = -1;
    for (let i = 0; i < 3; i++) if ((await restGet(i, '/primary')).status === 200) leader = i;
    const pid = Number(readFileSync(join(tmp, `pg${leader}`, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const before = (await restGet((leader + 1) % 3, '/cluster')).body.members.map((m) => `${m.name}=${m.role}`).join(', ');
    killAt = performance.now();
    // The node dies: its Patroni (which would otherwise restart PostgreSQL in place) and its postmaster.
    process.kill(-patroni[leader].pid, 'SIGKILL');
    process.kill(pid, 'SIGKILL');
    killed = { leader, pid, before, claimsBefore: claimsDone };
    log(`KILL -9: leader node${leader} (Patroni and postmaster PID ${pid}) after ${claimsDone} claims; cluster was ${before}`);
    const newLeader = await waitFor(
      'a new leader',
      async () => {
        for (let i = 0; i < 3; i++) if (i !== leader && (await restGet(i, '/primary')).status === 200) return `node${i}`;
        return null;
      },
      120_000,
    );
    killed.newLeader = newLeader;
    killed.promotedAfterMs = performance.now() - killAt;
    log(`new leader ${newLeader} after ${(killed.promotedAfterMs / 1000).toFixed(1)} s`);
  };
  const tDrain = performance.now();
  await Promise.all([
    ...Array.from({ length: CONCURRENCY }, (_, w) => claimer(w)),
    statsReader(),
    lagSampler(),
    replSampler(),
    killer(),
    (async () => {
      while (!stop) {
        if (performance.now() - tDrain > 6 * 60_000) stop = true; // the drain's own limit
        await sleep(500);
      }
    })(),
  ]);
  const drainS = (performance.now() - tDrain) / 1000;

  // ---------- checks (on the new primary) ----------
  const q = async (sql, params) => (await primary.query(sql, params)).rows;
  const userIds = new Map((await q(`SELECT id, username FROM users WHERE role = 'mediator'`)).map((u) => [u.username, u.id]));
  const rows = await q(`SELECT id, status, assignee_id FROM cases WHERE id = ANY($1::uuid[])`, [acked.map((a) => a.caseId)]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  const lost = acked.filter((a) => byId.get(a.caseId)?.assignee_id !== userIds.get(a.mediator));
  const answeredTwice = acked.length - new Set(acked.map((a) => a.caseId)).size;
  const [{ doubles }] = await q(
    `SELECT count(*)::int AS doubles FROM (SELECT case_id FROM audit_events WHERE type = 'case.claimed' GROUP BY case_id HAVING count(*) > 1) d`,
  );
  const [{ inMediation, left }] = await q(
    `SELECT count(*) FILTER (WHERE status = 'in_mediation')::int AS "inMediation", count(*) FILTER (WHERE status = 'delegated')::int AS left FROM cases`,
  );
  // Claims whose request was sent after the kill (one in flight at the kill may still be answered by the old primary's commit).
  const claimsAfterKill = acked.filter((a) => killAt && a.started > killAt).sort((a, b) => a.at - b.at);
  const firstClaimAfterKillMs = claimsAfterKill.length ? claimsAfterKill[0].at - killAt : null;
  const windowEnd = claimsAfterKill.length ? claimsAfterKill[0].at + 5000 : Infinity;
  const inSwitch = events.filter((e) => killAt && e.at >= killAt - 1000 && e.at <= windowEnd);
  const fiveXX = (list) => list.filter((e) => e.status >= 500 || e.status === 0);
  const codes = (list) =>
    Object.entries(
      fiveXX(list).reduce(
        (m, e) => ((m[`${e.kind} ${e.status} ${e.code ?? ''}`.trim()] = (m[`${e.kind} ${e.status} ${e.code ?? ''}`.trim()] ?? 0) + 1), m),
        {},
      ),
    )
      .map(([k, n]) => `${n} × ${k}`)
      .join(', ') || 'none';
  const statsEvents = events.filter((e) => e.kind === 'stats');
  const firstStatsOkAfterKill = statsEvents.filter((e) => killAt && e.at > killAt && e.status === 200).sort((a, b) => a.at - b.at)[0];
  const replay = lagSamples.filter((s) => s.standby).map((s) => Number(s.unreplayed_bytes));
  const lagMs = syncLag.map((s) => Number(s.replay_ms ?? 0)).sort((a, b) => a - b);
  const pct = (a, p) => (a.length ? a[Math.min(a.length - 1, Math.floor(p * a.length))] : NaN);
  const cluster1 = await waitFor(
    'the cluster after the switch',
    async () => (await restGet(killed ? (killed.leader + 1) % 3 : 0, '/cluster')).body,
    5000,
  );
  const appsAlive = await Promise.all(PORTS.app.map((p) => health(p)));

  console.log('\n---------------- ha:test results ----------------');
  console.log(
    `drain: ${acked.length} acknowledged claims of ${waiting} waiting cases in ${drainS.toFixed(1)} s by ${tokens.length} mediators over 2 app instances, ${CONCURRENCY} in flight`,
  );
  console.log(
    `killed: leader node${killed?.leader} (kill -9 of Patroni and postmaster) after ${killed?.claimsBefore} claims; new leader ${killed?.newLeader} after ${(killed?.promotedAfterMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `time to first successful claim after the kill: ${firstClaimAfterKillMs === null ? 'none' : `${(firstClaimAfterKillMs / 1000).toFixed(1)} s`}`,
  );
  console.log(
    `time to first successful stats read after the kill: ${firstStatsOkAfterKill ? `${((firstStatsOkAfterKill.at - killAt) / 1000).toFixed(1)} s` : 'none'}`,
  );
  console.log(`acknowledged claims lost: ${lost.length}`);
  console.log(`double claims: ${doubles + answeredTwice} (case.claimed twice: ${doubles}, answered twice: ${answeredTwice})`);
  console.log(`5xx / connection errors during the switch (kill −1 s … first claim +5 s): ${fiveXX(inSwitch).length} (${codes(inSwitch)})`);
  console.log(`5xx / connection errors over the whole run: ${fiveXX(events).length} of ${events.length} requests`);
  console.log(`stats reads: ${statsEvents.length}, ${statsEvents.filter((e) => e.status === 200).length} × 200`);
  console.log(
    `replica lag (pg_stat_replication.replay_lag on the primary, ${lagMs.length} samples): p50 ${pct(lagMs, 0.5).toFixed(1)} ms, p95 ${pct(lagMs, 0.95).toFixed(1)} ms, max ${(lagMs.at(-1) ?? NaN).toFixed(1)} ms`,
  );
  console.log(
    `replica port (what stats read): ${replay.length} samples, WAL received but not yet replayed: max ${Math.max(0, ...replay)} bytes`,
  );
  console.log(`database: ${inMediation} cases in mediation, ${left} still delegated`);
  console.log(`cluster after: ${cluster1.members.map((m) => `${m.name}=${m.role}/${m.state}`).join(', ')}`);
  console.log(`app instances alive without a restart: ${appsAlive.filter(Boolean).length} of 2`);
  const ok = lost.length === 0 && doubles + answeredTwice === 0 && firstClaimAfterKillMs !== null && appsAlive.every(Boolean);
  console.log(`targets (0 lost, 0 double, claims resume, apps alive): ${ok ? 'met' : 'NOT met'}`);
  await primary.end();
  return ok;
}

let ok = false;
try {
  ok = await main();
} catch (e) {
  console.error(`ha:test failed: ${e.stack ?? e}`);
  if (tmp)
    for (const f of ['patroni0', 'patroni1', 'patroni2', 'app0', 'app1', 'haproxy', 'etcd']) {
      const p = join(tmp, `${f}.log`);
      if (existsSync(p)) console.error(`--- ${f}.log (tail) ---\n${readFileSync(p, 'utf8').split('\n').slice(-15).join('\n')}`);
    }
} finally {
  clearTimeout(timeout);
  cleanup();
}
process.exit(ok ? 0 : 1);

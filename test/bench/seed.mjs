#!/usr/bin/env node
// npm run bench:seed -- --cases 1000000 [--years 8]   (after a build; --rebuild-only recomputes the statistics)
//
// Fills a benchmark database with a realistic case load for the statistics (issue 5): one court
// (赤水市人民法院), the demo's 165 organizations and 641 mediators, and N cases received over the
// last `years` years (default 8, the intake growing 15 % a year: --growth 1.15), each in the status its age makes likely, with acceptance,
// end and ruling dates, claim amounts drawn log-normally per dispute type and the 2025 entrusted
// track. Cases are generated inside PostgreSQL (generate_series, one INSERT … SELECT per chunk);
// then the statistics are rebuilt (stats/rollups.ts rebuildStats: facts in TypeScript with the fee
// engine, rollups in SQL). Parties, documents and audit trails are not generated: no report reads them.
//
// Database: DATABASE_URL (its database is dropped and recreated!) or an embedded PostgreSQL under
// .data/bench (kept between runs; `npm run bench:stats` reuses it). Login: stats1 / bench.
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist/api');
const load = (path) => import(pathToFileURL(join(dist, path)).href);

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const TOTAL = Number(String(option('cases', '1000000')).replace(/_/g, ''));
const YEARS = Number(option('years', '8'));
/** Yearly growth of the case load (the intake of each year is this much larger than the year before). */
const GROWTH = Number(option('growth', '1.15'));
const CHUNK = 50_000;
if (!Number.isInteger(TOTAL) || TOTAL < 1) throw new Error('--cases must be a positive integer');

// ---------------------------------------------------------------------------------------------
// Progress bar
// ---------------------------------------------------------------------------------------------
const started = performance.now();
const seconds = () => ((performance.now() - started) / 1000).toFixed(1);
function bar(label, done, total) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const pct = String(Math.floor((done / total) * 100)).padStart(3);
  process.stderr.write(
    `\r${label.padEnd(12)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${pct}%  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}  ${seconds()} s   `,
  );
  if (done >= total) process.stderr.write('\n');
}
const step = (label) => process.stderr.write(`${label.padEnd(12)} … ${seconds()} s\n`);

// ---------------------------------------------------------------------------------------------
// Database
// ---------------------------------------------------------------------------------------------
export async function benchDatabase({ fresh }) {
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url) {
    const { startEmbeddedPostgres } = await load('database/embedded.js');
    const db = await startEmbeddedPostgres({ dataDir: join(root, '.data/bench'), database: 'sutiao_bench', persistent: true, fast: true });
    // As the superuser: the bench drops and creates its database, which the app's role may not.
    url = Object.assign(new URL(db.superuserUrl), { pathname: '/sutiao_bench' }).toString();
    stop = db.stop;
  }
  if (fresh) {
    const target = new URL(url);
    const name = target.pathname.slice(1);
    const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
    await admin.connect();
    await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`, [name]);
    await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
    await admin.query(`CREATE DATABASE "${name}"`);
    await admin.end();
  }
  return { url, stop };
}

async function rebuildOnly() {
  const { url, stop } = await benchDatabase({ fresh: false });
  const { createDataSource } = await load('database/data-source.js');
  const { rebuildStats } = await load('stats/rollups.js');
  const ds = createDataSource({ url, poolSize: 2, applicationName: 'sutiao-bench-seed' });
  await ds.initialize();
  try {
    await ds.runMigrations({ transaction: 'each' });
    await rebuildStats(ds, { onProgress: (done, total) => bar('statistics', done, total) });
    step('analyze');
    await ds.query('VACUUM ANALYZE stats_rollups');
    await ds.query('VACUUM ANALYZE case_stat_facts');
    step('done');
  } finally {
    await ds.destroy();
    await stop();
  }
}

async function main() {
  if (args.includes('--rebuild-only')) return rebuildOnly();
  const { url, stop } = await benchDatabase({ fresh: true });
  const { createDataSource } = await load('database/data-source.js');
  const { rebuildStats } = await load('stats/rollups.js');
  const { COURT, POPULATION, TOWNSHIPS, INDUSTRY_COMMITTEES, TYPE_WEIGHTS, SURNAMES, GIVEN } = await load('seed/demo-data.js');
  const { hash } = await import('@node-rs/argon2');
  const ds = createDataSource({ url, poolSize: 4, applicationName: 'sutiao-bench-seed' });
  await ds.initialize();
  try {
    step('migrate');
    await ds.runMigrations({ transaction: 'each' });

    step('reference');
    const [court] = await ds.query(
      `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap, province) VALUES ($1, $2, 'pre_litigation', true, 1000, $3) RETURNING id`,
      [COURT.code, COURT.name, COURT.province],
    );
    for (const p of POPULATION) {
      await ds.query('INSERT INTO court_populations (court_id, year, resident, floating) VALUES ($1, $2, $3, $4)', [
        court.id,
        p.year,
        p.resident,
        p.floating,
      ]);
    }
    const orgNames = [];
    for (const t of TOWNSHIPS) {
      orgNames.push({ name: `${t.name}人民调解委员会`, kind: 'township', region: t.name });
      for (const v of t.villages)
        orgNames.push({ name: `${t.name}${v}人民调解委员会`, kind: v.endsWith('社区') ? 'community' : 'village', region: t.name });
    }
    for (const c of INDUSTRY_COMMITTEES) orgNames.push({ name: c.name, kind: 'industry', region: '赤水市' });
    const orgs = await ds.query(
      `INSERT INTO organizations (court_id, name, kind, region) SELECT $1, x.name, x.kind, x.region
         FROM jsonb_to_recordset($2::jsonb) AS x(name text, kind text, region text) RETURNING id, kind`,
      [court.id, JSON.stringify(orgNames)],
    );
    const heavy = orgs.filter((o) => o.kind === 'township' || o.kind === 'industry');
    const passwordHash = await hash('bench');
    const people = [
      ['admin', '系统管理员', 'admin', null],
      ['clerk1', '陈晓雯', 'clerk', null],
      ['judge1', '赵承志', 'judge', null],
      ['stats1', '李统计', 'statistician', null],
    ];
    let n = 0;
    const name = () => {
      n++;
      return SURNAMES[(n * 7) % SURNAMES.length] + GIVEN[(n * 13) % GIVEN.length] + GIVEN[(n * 29) % GIVEN.length];
    };
    for (let i = 1; i <= 641; i++) {
      const org = i <= orgs.length * 3 ? orgs[(i - 1) % orgs.length] : heavy[(i - 1) % heavy.length];
      people.push([`mediator${String(i).padStart(3, '0')}`, name(), 'mediator', org.id]);
    }
    const users = await ds.query(
      `INSERT INTO users (username, display_name, role, password_hash, court_id, organization_id)
       SELECT x.u, x.d, x.r, $1, $2, x.o FROM jsonb_to_recordset($3::jsonb) AS x(u text, d text, r text, o uuid) RETURNING id, role, organization_id`,
      [passwordHash, court.id, JSON.stringify(people.map(([u, d, r, o]) => ({ u, d, r, o })))],
    );
    const mediators = users.filter((u) => u.role === 'mediator');
    const clerk = users.find((u) => u.role === 'clerk');
    // Dispute types by weight: a 100-slot table.
    const slots = [];
    const weightSum = TYPE_WEIGHTS.reduce((s, [, w]) => s + w, 0);
    for (const [code, w] of TYPE_WEIGHTS) for (let k = 0; k < Math.round((w / weightSum) * 100); k++) slots.push(code);

    // Cases in chunks; the triggers and FK checks are skipped (session_replication_role) because
    // the statistics are rebuilt from scratch afterwards.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`SET session_replication_role = replica`);
    await client.query(`SET statement_timeout = 0`);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    for (let start = 1; start <= TOTAL; start += CHUNK) {
      const end = Math.min(TOTAL, start + CHUNK - 1);
      await client.query(CASES_SQL, [
        start,
        end,
        court.id,
        today,
        Math.round(YEARS * 365),
        slots,
        mediators.map((m) => m.id),
        mediators.map((m) => m.organization_id),
        clerk.id,
        COURT.code,
        GROWTH,
      ]);
      bar('cases', end, TOTAL);
    }
    step('confirmations');
    await client.query(CONFIRMATIONS_SQL, [clerk.id, users.find((u) => u.role === 'judge').id, COURT.code]);
    await client.query(
      `INSERT INTO case_number_sequences (court_id, type, year, last_seq)
      SELECT court_id, '民诉前调', extract(year FROM received_on)::int, $1::int FROM cases GROUP BY 1, 3 ON CONFLICT DO NOTHING`,
      [TOTAL],
    );
    await client.end();

    await rebuildStats(ds, { onProgress: (done, total) => bar('statistics', done, total) });
    step('analyze');
    await ds.query('VACUUM ANALYZE');
    const [{ facts }] = await ds.query('SELECT count(*)::int AS facts FROM case_stat_facts');
    const [{ rollups }] = await ds.query('SELECT count(*)::int AS rollups FROM stats_rollups');
    const [{ size }] = await ds.query('SELECT pg_size_pretty(pg_database_size(current_database())) AS size');
    console.log(
      `Seeded ${TOTAL.toLocaleString('en')} cases over ${YEARS} years: ${facts.toLocaleString('en')} facts, ${rollups.toLocaleString('en')} rollup rows, database ${size}, ${seconds()} s.`,
    );
    console.log(`Database: ${url}  (login stats1 / bench)`);
  } finally {
    await ds.destroy();
    await stop();
  }
}

/**
 * One chunk of cases, all random draws made once per row (the LATERAL subqueries reference g).
 * $1..$2 serial numbers, $3 court, $4 today, $5 span in days, $6 dispute-type slots,
 * $7/$8 mediator ids / their organizations, $9 clerk, $10 court code, $11 yearly growth.
 */
const CASES_SQL = `
INSERT INTO cases (court_id, case_number, track, procedure, status, dispute_type, claim_amount_fen, summary, claims, received_on,
  consent_to_mediation, queue_scope, delegated_organization_id, delegated_mediator_id, delegated_at, assignee_id, accepted_at,
  extensions, mediation_ended_at, accept_by, mediation_ends_on, created_by_id, version, created_at, updated_at)
SELECT $3::uuid,
       '（' || extract(year FROM d.received_on) || '）' || $10 || CASE WHEN d.entrusted THEN '民初' ELSE '民诉前调' END || g || '号',
       CASE WHEN d.entrusted THEN 'entrusted' ELSE 'pre_litigation' END,
       CASE WHEN d.entrusted AND r.r9 < 0.5 THEN 'simple' ELSE 'ordinary' END,
       s.status, d.dispute_type, d.claim_fen, '基准测试案件', '[]'::jsonb, d.received_on, true,
       CASE WHEN s.status = 'registered' THEN NULL ELSE 'organization' END,
       CASE WHEN s.status = 'registered' THEN NULL ELSE m.org END,
       NULL,
       CASE WHEN s.status = 'registered' THEN NULL ELSE t.delegated_at END,
       CASE WHEN s.status IN ('registered', 'delegated') THEN NULL ELSE m.id END,
       CASE WHEN s.status IN ('registered', 'delegated') THEN NULL ELSE t.accepted_at END,
       '[]'::jsonb,
       CASE WHEN s.status IN ('registered', 'delegated', 'in_mediation') THEN NULL ELSE t.ended_at END,
       CASE WHEN s.status = 'delegated' THEN (t.delegated_at AT TIME ZONE 'Asia/Shanghai')::date + 3 END,
       CASE WHEN s.status IN ('registered', 'delegated') THEN NULL
            ELSE (t.accepted_at AT TIME ZONE 'Asia/Shanghai')::date + CASE WHEN d.entrusted THEN 15 ELSE 30 END END,
       $9::uuid, 1, t.received_at, t.received_at
  FROM generate_series($1::int, $2::int) AS g
  CROSS JOIN LATERAL (SELECT random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6,
                             random() AS r7, random() AS r8, random() AS r9, greatest(random(), 1e-9) AS u1, random() AS u2 WHERE g = g) r
  CROSS JOIN LATERAL (
    -- age in days, exponentially distributed on [0, span): the intake grows by $11 a year
    SELECT ($4::date - least($5::int - 1, floor(-ln(1 - r.r1 * (1 - exp(-ln($11::float8) / 365 * $5::int))) / (ln($11::float8) / 365)))::int) AS received_on,
           ($6::text[])[1 + floor(r.r2 * array_length($6::text[], 1))::int] AS dispute_type
  ) d0
  CROSS JOIN LATERAL (
    SELECT d0.received_on, d0.dispute_type, d0.received_on >= DATE '2025-01-01' AND r.r3 < 0.2 AS entrusted,
           CASE WHEN d0.dispute_type IN ('labor_remuneration', 'labor_contract', 'neighbor_relations') THEN (r.r4 * 3000000)::bigint
                ELSE least(5000000000, round(exp(ln(2000000) + 1.3 * sqrt(-2 * ln(r.u1)) * cos(2 * pi() * r.u2)) / 100) * 100)::bigint
           END AS claim_fen,
           $4::date - d0.received_on AS age
  ) d
  CROSS JOIN LATERAL (
    SELECT CASE
      WHEN d.age < 3 THEN CASE WHEN r.r5 < 0.3 THEN 'registered' WHEN r.r5 < 0.8 THEN 'delegated' ELSE 'in_mediation' END
      WHEN d.age < 25 THEN CASE WHEN r.r5 < 0.06 THEN 'delegated' WHEN r.r5 < 0.44 THEN 'in_mediation' WHEN r.r5 < 0.63 THEN 'agreed'
                                WHEN r.r5 < 0.81 THEN 'confirmation_pending' WHEN r.r5 < 0.88 THEN 'confirmed' WHEN r.r5 < 0.96 THEN 'failed' ELSE 'withdrawn' END
      ELSE CASE WHEN r.r5 < 0.40 THEN 'confirmed' WHEN r.r5 < 0.48 THEN 'agreed' WHEN r.r5 < 0.51 THEN 'confirmation_rejected'
                WHEN r.r5 < 0.79 THEN 'failed' WHEN r.r5 < 0.88 THEN 'withdrawn' WHEN r.r5 < 0.885 THEN 'in_mediation' ELSE 'confirmed' END
    END AS status
  ) s
  CROSS JOIN LATERAL (SELECT (1 + floor(r.r6 * array_length($7::uuid[], 1)))::int AS i) mi
  CROSS JOIN LATERAL (SELECT ($7::uuid[])[mi.i] AS id, ($8::uuid[])[mi.i] AS org) m
  CROSS JOIN LATERAL (
    SELECT (d.received_on + time '09:00') AT TIME ZONE 'Asia/Shanghai' + r.r7 * interval '8 hours' AS received_at
  ) t0
  CROSS JOIN LATERAL (
    SELECT t0.received_at,
           t0.received_at + interval '2 hours' AS delegated_at,
           t0.received_at + interval '2 hours' + (0.2 + r.r8 * 2.5) * interval '1 day' AS accepted_at,
           -- mediation lasts a few days to a few weeks (log-normal, median ≈ 6 days), never beyond today
           least(now() - interval '1 minute',
                 t0.received_at + interval '2 hours' + (0.2 + r.r8 * 2.5) * interval '1 day'
                   + exp(ln(6) + 0.8 * sqrt(-2 * ln(r.u1)) * sin(2 * pi() * r.u2)) * interval '1 day') AS ended_at
  ) t`;

/** Confirmation cases for every case that applied: ruled 2–12 days after the agreement. */
const CONFIRMATIONS_SQL = `
INSERT INTO confirmations (case_id, case_number, applied_on, applied_by_id, result, grounds, reasoning, decided_at, judge_id)
SELECT c.id, '（' || extract(year FROM c.received_on) || '）' || $3 || '诉前调确' || row_number() OVER (ORDER BY c.id) || '号',
       (c.mediation_ended_at AT TIME ZONE 'Asia/Shanghai')::date + 1, $1::uuid,
       CASE c.status WHEN 'confirmed' THEN 'confirmed' WHEN 'confirmation_rejected' THEN 'rejected' END,
       CASE WHEN c.status = 'confirmation_rejected' THEN ARRAY['unclear_content'] ELSE '{}'::text[] END,
       CASE WHEN c.status = 'confirmation_pending' THEN NULL ELSE '基准测试' END,
       CASE WHEN c.status = 'confirmation_pending' THEN NULL
            ELSE least(now() - interval '1 minute', c.mediation_ended_at + (2 + (hashtext(c.id::text) & 7)) * interval '1 day') END,
       CASE WHEN c.status = 'confirmation_pending' THEN NULL ELSE $2::uuid END
  FROM cases c WHERE c.status IN ('confirmation_pending', 'confirmed', 'confirmation_rejected')`;

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

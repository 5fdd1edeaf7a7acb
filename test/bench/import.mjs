#!/usr/bin/env node
// npm run bench:import [-- --mediators 10000 --organizations 200]   (after `npm run build`)
//
// The roster import of issue 15 at scale: one court, an administrator, and a workbook of N
// mediators in M organizations in the published template (the columns of GET
// /api/admin/imports/template), uploaded through the real app over HTTP as the 批量导入 screen
// does. It times upload → every row validated (status `ready`), the all-or-nothing commit, and
// the same file again (idempotent: nothing created), samples the app's memory during each phase,
// and checks in SQL that exactly the imported organizations, mediators and roster rows exist.
// The app runs in this process (createApp from dist/api/bootstrap.js); the workbook is generated
// before the app starts, so the peak memory below is the app's import work on top of its baseline.
//
// Database: DATABASE_URL (a scratch database is created and dropped) or a throwaway embedded
// PostgreSQL.
/* global FormData, Blob -- Node 20's own */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scratchDatabase } from './scratch-database.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? Number(String(args[i + 1]).replace(/_/g, '')) : fallback;
};
const MEDIATORS = option('mediators', 10_000);
const ORGANIZATIONS = option('organizations', 200);
const PASSWORD = 'bench-password';
const TARGET_MS = 60_000; // "importing 641 mediators takes seconds"; 10,000 within a minute end to end

const root = resolve(import.meta.dirname, '../..');
const load = (path) => import(pathToFileURL(join(root, 'dist/api', path)).href);
const { default: ExcelJS } = await import('exceljs');
const { hash } = await import('@node-rs/argon2');
const { createApp } = await load('bootstrap.js');
const { IMPORT_COLUMNS } = await load('admin/import-rows.js');
const { loadConfig } = await load('config/app-config.js');
const { createDataSource } = await load('database/data-source.js');

const MB = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms) => `${(ms / 1000).toFixed(2)} s`;

/** Memory of this process, sampled every 20 ms while a phase runs: its peak RSS and heap. */
function sampler() {
  let rss = 0;
  let heap = 0;
  const take = () => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  };
  take();
  const timer = setInterval(take, 20);
  return () => {
    clearInterval(timer);
    take();
    return { rss, heap };
  };
}

// ---------- the workbook, in the template's columns ----------
let t0 = performance.now();
const COLUMNS = IMPORT_COLUMNS; // the published template's columns, in order
const SPECIALITIES = [
  'sale_contract;loan_private',
  'traffic_accident',
  'labor_remuneration;labor_contract',
  'neighbor_relations;divorce',
  'property_service',
];
const book = new ExcelJS.Workbook();
const sheet = book.addWorksheet('名册');
sheet.addRow(COLUMNS);
const orgName = (i) => `赤水市第${i + 1}人民调解委员会`;
for (let i = 0; i < ORGANIZATIONS; i++) {
  sheet.addRow([
    'organization',
    orgName(i),
    i % 3 ? 'village' : 'township',
    `赤水市${(i % 17) + 1}镇`,
    `主任${i + 1} 0851-22${String(880000 + i)}`,
  ]);
}
for (let i = 0; i < MEDIATORS; i++) {
  sheet.addRow([
    'mediator',
    null,
    null,
    null,
    null,
    `imp${String(i + 1).padStart(5, '0')}`,
    `导入调解员${i + 1}`,
    orgName(i % ORGANIZATIONS),
    `139${String(i).padStart(8, '0')}`,
    `20${String(15 + (i % 11)).padStart(2, '0')}-0${(i % 9) + 1}-15`,
    SPECIALITIES[i % SPECIALITIES.length],
    i % 4 ? '普通话;赤水方言' : '普通话',
  ]);
}
const file = Buffer.from(await book.xlsx.writeBuffer());
console.log(
  `workbook: ${ORGANIZATIONS} organizations + ${MEDIATORS} mediators = ${ORGANIZATIONS + MEDIATORS} rows, ${MB(file.length)} xlsx, made in ${secs(performance.now() - t0)}`,
);

// ---------- database and app ----------
const scratch = await scratchDatabase();
const dbUrl = scratch.url;
const ds = createDataSource({ url: dbUrl, poolSize: 2, applicationName: 'sutiao-bench' });
await ds.initialize();
await ds.runMigrations({ transaction: 'each' });

let app;
let exitCode = 1;
try {
  const [court] = await ds.query(
    `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap) VALUES ('黔0381', '赤水市人民法院', 'entrusted', false, 20) RETURNING id`,
  );
  await ds.query(`INSERT INTO users (username, display_name, role, password_hash, court_id) VALUES ('admin', '管理员', 'admin', $1, $2)`, [
    await hash(PASSWORD),
    court.id,
  ]);
  const config = loadConfig({
    JWT_SECRET: randomBytes(32).toString('hex'),
    DATA_DIR: scratch.dir ?? tmpdir(),
    PORT: '0',
    WEB_ROOT: '/nonexistent',
  });
  app = await createApp({ config, databaseUrl: dbUrl, logger: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
  const login = await (
    await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    })
  ).json();
  const headers = { authorization: `Bearer ${login.accessToken}` };
  const baseline = process.memoryUsage();
  console.log(
    `app baseline: RSS ${MB(baseline.rss)}, heap ${MB(baseline.heapUsed)} (machine: ${cpus().length} CPUs, load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );

  /** Upload, poll as the screen does (every 250 ms), commit; the figures of each phase. */
  async function importOnce(label) {
    const form = new FormData();
    form.append('file', new Blob([file]), 'roster.xlsx');
    const stop = sampler();
    const start = performance.now();
    const accepted = await fetch(`${base}/api/admin/imports`, { method: 'POST', headers, body: form });
    if (accepted.status !== 202) throw new Error(`upload answered ${accepted.status}: ${await accepted.text()}`);
    const { id } = await accepted.json();
    const acceptedMs = performance.now() - start;
    let job;
    const progress = [];
    for (;;) {
      job = await (await fetch(`${base}/api/admin/imports/${id}`, { headers })).json();
      progress.push(job.processed);
      if (job.status !== 'validating') break;
      await new Promise((r) => setTimeout(r, 250));
    }
    const readyMs = performance.now() - start;
    const validation = stop();
    if (job.status !== 'ready') throw new Error(`import ${job.status}: ${JSON.stringify(job.errors.slice(0, 5))}`);
    const stopCommit = sampler();
    const c0 = performance.now();
    const committed = await fetch(`${base}/api/admin/imports/${id}/commit`, { method: 'POST', headers });
    if (committed.status !== 200) throw new Error(`commit answered ${committed.status}: ${await committed.text()}`);
    const result = (await committed.json()).result;
    const commitMs = performance.now() - c0;
    const commit = stopCommit();
    const distinct = [...new Set(progress)];
    console.log(
      `${label}: 202 in ${acceptedMs.toFixed(0)} ms; ${job.total} rows validated (ready) in ${secs(readyMs)} ` +
        `(progress seen by the poller: ${distinct.length} distinct values, ${distinct.slice(0, 6).join(' → ')}${distinct.length > 6 ? ' → …' : ''}); ` +
        `commit in ${secs(commitMs)}; total ${secs(readyMs + commitMs)}`,
    );
    console.log(
      `  peak RSS ${MB(validation.rss)} validating (+${MB(validation.rss - baseline.rss)}), ${MB(commit.rss)} committing (+${MB(commit.rss - baseline.rss)}); ` +
        `peak heap ${MB(Math.max(validation.heap, commit.heap))}`,
    );
    console.log(`  result: ${JSON.stringify(result)}`);
    return { result, totalMs: readyMs + commitMs };
  }

  const first = await importOnce('first import');
  const again = await importOnce('same file again');
  const [counts] = await ds.query(
    `SELECT (SELECT count(*)::int FROM organizations WHERE court_id = $1) AS organizations,
            (SELECT count(*)::int FROM users WHERE court_id = $1 AND role = 'mediator') AS mediators,
            (SELECT count(*)::int FROM mediator_roster r JOIN users u ON u.id = r.user_id WHERE u.court_id = $1) AS roster`,
    [court.id],
  );
  console.log(`SQL check: ${counts.organizations} organizations, ${counts.mediators} mediators, ${counts.roster} roster rows`);
  const ok =
    first.result.organizationsCreated === ORGANIZATIONS &&
    first.result.mediatorsCreated === MEDIATORS &&
    again.result.organizationsCreated === 0 &&
    again.result.mediatorsCreated === 0 &&
    counts.organizations === ORGANIZATIONS &&
    counts.mediators === MEDIATORS &&
    counts.roster === MEDIATORS;
  const fast = first.totalMs <= TARGET_MS;
  console.log(
    `targets (all rows written once, re-import creates nothing, first import ≤ ${TARGET_MS / 1000} s): ${ok && fast ? 'met' : 'MISSED'}`,
  );
  exitCode = ok && fast ? 0 : 1;
} catch (e) {
  console.error(e);
} finally {
  await app?.close().catch(() => {});
  await ds.destroy().catch(() => {});
  await scratch.drop();
}
process.exit(exitCode);

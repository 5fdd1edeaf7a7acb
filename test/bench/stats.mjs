#!/usr/bin/env node
// npm run bench:stats [-- --runs 200]   (after `npm run bench:seed -- --cases 1000000` and a build)
//
// Boots the production app in-process on the benchmark database (the one bench:seed filled:
// DATABASE_URL or the embedded PostgreSQL under .data/bench) and times, over HTTP:
//   - GET /api/stats/summary            p50/p95 (target p95 ≤ 50 ms at 1 M cases, ≤ 200 ms at 10 M)
//   - GET /api/stats/breakdown?by=mediator  p50/p95 (target p95 ≤ 150 ms at 1 M cases)
//   - GET /api/stats/export?format=xlsx  a whole year, streamed (target ≤ 5 s at 1 M cases)
// Each query series mixes the default period (this year) with random periods, so day edges and
// whole months both count. Nothing here runs in `npm test`.
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDatabase } from './seed.mjs';

const root = resolve(import.meta.dirname, '../..');
const dist = join(root, 'dist/api');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] !== undefined ? args[i + 1] : fallback;
};
const RUNS = Number(option('runs', '200'));
const EXPORTS = Number(option('exports', '5'));

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
}
const ms = (x) => `${x.toFixed(1)} ms`;

/** A deterministic PRNG (mulberry32): the same periods on every run. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function main() {
  const { url, stop } = await benchDatabase({ fresh: false });
  const { createApp } = await load('bootstrap.js');
  const { loadConfig } = await load('config/app-config.js');
  const config = loadConfig({
    JWT_SECRET: 'bench',
    DATA_DIR: join(root, '.data/bench'),
    PORT: '0',
    WEB_ROOT: '/nonexistent',
    LOG_FORMAT: 'json',
  });
  const app = await createApp({ config, databaseUrl: url, logger: false });
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${app.getHttpServer().address().port}/api`;
  try {
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'stats1', password: 'bench' }),
    });
    if (login.status !== 200) throw new Error(`login failed (${login.status}): run npm run bench:seed first`);
    const { accessToken } = await login.json();
    const headers = { Authorization: `Bearer ${accessToken}` };
    const get = async (path) => {
      const start = performance.now();
      const res = await fetch(`${base}${path}`, { headers });
      const body = Buffer.from(await res.arrayBuffer());
      if (res.status !== 200) throw new Error(`${path}: ${res.status} ${body.toString().slice(0, 300)}`);
      return { ms: performance.now() - start, body, res };
    };

    const [{ cases, first, last }] = await app
      .get((await import('@nestjs/typeorm')).getDataSourceToken())
      .query(`SELECT count(*)::int AS cases, min(received_on)::text AS first, max(received_on)::text AS last FROM cases`);
    const { loadavg, cpus } = await import('node:os');
    console.log(
      `Benchmark database: ${cases.toLocaleString('en')} cases received ${first} … ${last}; ${cpus().length} CPUs, load average ${loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')}`,
    );
    const rnd = prng(42);
    const day0 = Date.parse(`${first}T00:00:00Z`);
    const span = Math.round((Date.parse(`${last}T00:00:00Z`) - day0) / 86_400_000);
    const date = (d) => new Date(day0 + d * 86_400_000).toISOString().slice(0, 10);
    const period = (i) => {
      if (i % 2 === 0) return '';
      const a = Math.floor(rnd() * span);
      const b = Math.min(span, a + Math.floor(rnd() * 400));
      return `from=${date(a)}&to=${date(b)}`;
    };

    // Warm up (JIT, plan cache, buffer cache).
    for (let i = 0; i < 20; i++) {
      await get(`/stats/summary?${period(i)}`);
      await get(`/stats/breakdown?by=mediator&${period(i)}`);
    }

    const summary = [];
    for (let i = 0; i < RUNS; i++) summary.push((await get(`/stats/summary?${period(i)}`)).ms);
    const breakdown = [];
    for (let i = 0; i < RUNS; i++) breakdown.push((await get(`/stats/breakdown?by=mediator&${period(i)}`)).ms);
    const s = stats(summary);
    const b = stats(breakdown);
    console.log(`summary              p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  max ${ms(s.max)}  (${RUNS} requests)`);
    console.log(`breakdown?by=mediator p50 ${ms(b.p50)}  p95 ${ms(b.p95)}  max ${ms(b.max)}  (${RUNS} requests)`);

    // A year's xlsx export: the last full calendar year in the data.
    const year = Number(last.slice(0, 4)) - 1;
    const [{ rows }] = await app
      .get((await import('@nestjs/typeorm')).getDataSourceToken())
      .query(
        `SELECT count(*)::int AS rows FROM case_stat_facts WHERE received_on BETWEEN $1 AND $2 OR ended_on BETWEEN $1 AND $2 OR decided_on BETWEEN $1 AND $2`,
        [`${year}-01-01`, `${year}-12-31`],
      );
    const exports = [];
    for (let i = 0; i < EXPORTS; i++) {
      const cpu = process.cpuUsage();
      const r = await get(`/stats/export?format=xlsx&by=organization&from=${year}-01-01&to=${year}-12-31`);
      const used = process.cpuUsage(cpu);
      exports.push(r.ms);
      console.log(
        `export xlsx ${year}     ${(r.ms / 1000).toFixed(2)} s  (node CPU ${((used.user + used.system) / 1e6).toFixed(2)} s)  ${(r.body.length / 1e6).toFixed(1)} MB  ${rows.toLocaleString('en')} case rows`,
      );
    }
    const e = stats(exports);
    console.log(
      `export xlsx ${year}     median ${(e.p50 / 1000).toFixed(2)} s  best ${(Math.min(...exports) / 1000).toFixed(2)} s  (${EXPORTS} runs)`,
    );
    const csv = await get(`/stats/export?format=csv&by=mediator&from=${year}-01-01&to=${year}-12-31`);
    console.log(`export csv (mediators) ${ms(csv.ms)}`);
    const bulletin = await get(`/stats/bulletin?month=${last.slice(0, 7)}`);
    console.log(`bulletin pdf          ${ms(bulletin.ms)}  ${(bulletin.body.length / 1024).toFixed(0)} KB`);
  } finally {
    await app.close();
    await stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});

import pg from 'pg';
import { startEmbeddedPostgres } from '/work/main/dist/api/database/embedded.js';
import { mkdtempSync, chmodSync } from 'node:fs';
const dir = mkdtempSync('/tmp/pgping-'); chmodSync(dir, 0o755);
const db = await startEmbeddedPostgres({ dataDir: dir, database: 'x', persistent: false, port: 0 });
const c = new pg.Client({ connectionString: db.url }); await c.connect();
for (const [label, q, p] of [['simple SELECT 1', 'SELECT 1', undefined], ['param SELECT $1', 'SELECT $1::int', [1]]]) {
  for (let i = 0; i < 500; i++) await c.query(q, p);
  const cpu0 = process.cpuUsage(); const t0 = performance.now();
  const N = 3000;
  for (let i = 0; i < N; i++) await c.query(q, p);
  const el = performance.now() - t0; const cpu = process.cpuUsage(cpu0);
  console.log(label, 'sequential: ', (el / N * 1000).toFixed(0), 'µs/query wall,', ((cpu.user + cpu.system) / N).toFixed(0), 'µs node cpu/query (sys', (cpu.system / N).toFixed(0), ')');
}
// concurrency 16
const cs = await Promise.all(Array.from({ length: 16 }, async () => { const x = new pg.Client({ connectionString: db.url }); await x.connect(); return x; }));
const cpu0 = process.cpuUsage(); const t0 = performance.now(); let n = 0;
await Promise.all(cs.map(async (x) => { for (let i = 0; i < 500; i++) { await x.query('SELECT $1::int', [i]); n++; } }));
const el = performance.now() - t0; const cpu = process.cpuUsage(cpu0);
console.log('16 conns param: ', (n / el * 1000).toFixed(0), 'q/s,', ((cpu.user + cpu.system) / n).toFixed(0), 'µs node cpu/query');
await Promise.all(cs.map((x) => x.end())); await c.end(); await db.stop();

import pg from 'pg';
import { mkdtempSync, chmodSync } from 'node:fs';
const { startEmbeddedPostgres } = await import('/work/main/dist/api/database/embedded.js');
const { createDataSource } = await import('/work/main/dist/api/database/data-source.js');
const { claimNextSql, claimClocksFor, queueWhere } = await import('/work/main/dist/api/queue/queue.service.js');
const { WorkingCalendar } = await import('/work/main/dist/api/rules/calendar.js');
const dir = mkdtempSync('/tmp/expl-'); chmodSync(dir, 0o755);
const db = await startEmbeddedPostgres({ dataDir: dir, database: 'x', persistent: false, port: 0 });
const ds = createDataSource({ url: db.url, poolSize: 2 }); await ds.initialize(); await ds.runMigrations({ transaction: 'each' });
const [court] = await ds.query(`INSERT INTO courts (code, name) VALUES ('X', 'X') RETURNING id`);
const [u] = await ds.query(`INSERT INTO users (username, display_name, role, password_hash, court_id) VALUES ('m', 'm', 'mediator', 'x', $1) RETURNING id`, [court.id]);
await ds.query(`INSERT INTO cases (court_id, case_number, track, status, dispute_type, claim_amount_fen, summary, received_on, consent_to_mediation, queue_scope, delegated_at, accept_by, created_by_id, version)
  SELECT $1, 'c' || n, 'pre_litigation', 'delegated', 'sale_contract', 100, 's', current_date - (n % 30), true, 'court', now() - (n || ' minutes')::interval, current_date + (n % 5), $2, 2 FROM generate_series(1, 5000) n`, [court.id, u.id]);
await ds.query('VACUUM ANALYZE');
const user = { id: u.id, courtId: court.id, organizationId: null, role: 'mediator' };
const now = new Date();
const params = [u.id, now, claimClocksFor(new WorkingCalendar(), now), 1000, now.toISOString()];
const sql = claimNextSql(queueWhere('q', user, {}, params));
const c = new pg.Client({ connectionString: db.url }); await c.connect();
for (let i = 0; i < 3; i++) {
  await c.query('BEGIN');
  const r = await c.query('EXPLAIN (ANALYZE, BUFFERS, TIMING) ' + sql, params);
  if (i === 2) console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  else console.log(r.rows.slice(-2).map((x) => x['QUERY PLAN']).join(' | '));
  await c.query('ROLLBACK');
}
// timing: 2000 statements sequential, unnamed vs named prepared
for (const named of [false, true]) {
  const t0 = performance.now(); let n = 0;
  for (let i = 0; i < 1000; i++) { const p2 = [u.id, new Date(), params[2], 1000, new Date().toISOString()]; const r = await c.query(named ? { name: 'claim', text: sql, values: p2 } : { text: sql, values: p2 }); n += r.rowCount; }
  console.log(named ? 'named' : 'unnamed', ((performance.now() - t0) / 1000).toFixed(3), 'ms per claim sequential', n);
}
await c.end(); await ds.destroy(); await db.stop();

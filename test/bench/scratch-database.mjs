// A throwaway database for a benchmark: a new database on DATABASE_URL's server (dropped again by
// `drop`), or on an embedded PostgreSQL in a temp folder (removed with it). Shared by the benches
// that start the real app on their own data (queue, import).
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';

const dist = resolve(import.meta.dirname, '../../dist/api');

/** `{ url, dir, drop }`: `dir` is the embedded server's folder (null on DATABASE_URL); `drop` undoes everything. */
export async function scratchDatabase() {
  let stopServer = async () => {};
  let dir = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const { startEmbeddedPostgres } = await import(pathToFileURL(join(dist, 'database/embedded.js')).href);
    dir = mkdtempSync(join(tmpdir(), 'sutiao-bench-'));
    chmodSync(dir, 0o755); // the server runs as `postgres` when we are root
    const db = await startEmbeddedPostgres({ dataDir: dir, database: 'postgres', persistent: false, port: 0 });
    serverUrl = db.superuserUrl; // the bench creates its own database; the app's role may not
    stopServer = db.stop;
  }
  const name = `sutiao_bench_${randomBytes(3).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name}`));
  return {
    url: Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString(),
    dir,
    async drop() {
      if (process.env.DATABASE_URL)
        await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => {});
      await stopServer().catch(() => {});
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

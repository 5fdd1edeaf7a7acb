/**
 * `npm run admin:create -- --username NAME [--display-name 名字] [--court-code 黔0381 --court-name 赤水市人民法院] [--reset]`
 *
 * Creates an administrator with a one-time password, printed once; the first login must change it.
 * The court: `--court-code` names it (and `--court-name` creates it when the database has no court
 * of that code); without `--court-code`, the database's only court. `--reset` gives an existing
 * administrator a new one-time password instead (their sessions end). Applies pending migrations
 * first, so it works on a fresh installation. Uses DATABASE_URL, else the embedded PostgreSQL under
 * DATA_DIR (the running app's, when it is running).
 */
import { parseArgs } from 'node:util';
import { Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { ConfigError, loadConfig } from '../config/app-config.js';
import { createDataSource } from '../database/data-source.js';
import { type RunningDatabase, startEmbeddedPostgres } from '../database/embedded.js';
import { accountStream } from './auth.service.js';
import { hashPassword, oneTimePassword } from './passwords.js';

class UsageError extends Error {}

interface Options {
  username: string;
  displayName: string;
  courtCode?: string;
  courtName?: string;
  reset: boolean;
}

function options(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      'court-code': { type: 'string' },
      'court-name': { type: 'string' },
      reset: { type: 'boolean', default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const username = values.username?.trim().toLowerCase() ?? '';
  if (!/^[a-z][a-z0-9._-]{1,63}$/.test(username)) {
    throw new UsageError('--username is required: 2–64 characters, a letter first, then letters, digits, ".", "_" or "-"');
  }
  const displayName = values['display-name']?.trim() || '系统管理员';
  if (displayName.length > 100) throw new UsageError('--display-name: at most 100 characters');
  const courtCode = values['court-code']?.trim() || undefined;
  const courtName = values['court-name']?.trim() || undefined;
  if (courtCode && courtCode.length > 16) throw new UsageError("--court-code: at most 16 characters (the court's 代字, e.g. 黔0381)");
  if (courtName && (courtName.length > 100 || !courtCode))
    throw new UsageError('--court-name goes with --court-code, at most 100 characters');
  return { username, displayName, courtCode, courtName, reset: values.reset ?? false };
}

async function courtFor(m: EntityManager, o: Options): Promise<{ id: string; code: string; name: string }> {
  if (o.courtCode) {
    const [found] = await m.query('SELECT id, code, name FROM courts WHERE code = $1', [o.courtCode]);
    if (found) return found;
    if (!o.courtName) throw new UsageError(`No court with code ${o.courtCode}: add --court-name to create it`);
    const [created] = await m.query('INSERT INTO courts (code, name) VALUES ($1, $2) RETURNING id, code, name', [o.courtCode, o.courtName]);
    return created;
  }
  const courts: { id: string; code: string; name: string }[] = await m.query('SELECT id, code, name FROM courts ORDER BY code LIMIT 2');
  if (courts.length === 0)
    throw new UsageError(
      'The database has no court yet: pass --court-code and --court-name (e.g. --court-code 黔0381 --court-name 赤水市人民法院)',
    );
  if (courts.length > 1) throw new UsageError('The database has several courts: pass --court-code');
  return courts[0]!;
}

async function main(): Promise<number> {
  const o = options(process.argv.slice(2));
  Logger.overrideLogger(['error', 'warn']); // the password is the output; no migration chatter around it
  const config = loadConfig();
  const db: RunningDatabase = config.databaseUrl
    ? { url: config.databaseUrl, migrationUrl: config.databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'sutiao', persistent: true, whenRunning: 'reuse' });
  const migrator = createDataSource({ url: db.migrationUrl, poolSize: 1, applicationName: 'sutiao-admin-cli-migrate' });
  const ds = createDataSource({ url: db.url, poolSize: 2, applicationName: 'sutiao-admin-cli' });
  try {
    await migrator.initialize();
    await migrator.runMigrations({ transaction: 'each' });
    await migrator.destroy();
    await ds.initialize();
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    const audit = new AuditService(ds);
    const { court, created } = await ds.transaction(async (m) => {
      const [existing] = (await m.query('SELECT id, role, court_id FROM users WHERE username = $1 FOR UPDATE', [o.username])) as {
        id: string;
        role: string;
        court_id: string;
      }[];
      if (existing && !o.reset)
        throw new UsageError(`User "${o.username}" already exists; add --reset to give an administrator a new one-time password`);
      if (!existing && o.reset) throw new UsageError(`No user "${o.username}" to reset`);
      if (existing && existing.role !== 'admin') throw new UsageError(`"${o.username}" is a ${existing.role}, not an administrator`);
      const court = existing
        ? ((await m.query('SELECT id, code, name FROM courts WHERE id = $1', [existing.court_id]))[0] as {
            id: string;
            code: string;
            name: string;
          })
        : await courtFor(m, o);
      const at = new Date();
      if (existing) {
        // The trigger tg_users_token_version bumps the token version: the account's sessions end.
        await m.query('UPDATE users SET password_hash = $2, must_change_password = true, active = true WHERE id = $1', [
          existing.id,
          passwordHash,
        ]);
        await audit.append(m, {
          caseId: null,
          stream: accountStream(existing.id),
          type: 'user.password_reset',
          at,
          actor: null,
          data: { via: 'admin:create --reset' },
        });
        return { court, created: false };
      }
      const [user] = (await m.query(
        `INSERT INTO users (username, display_name, role, password_hash, court_id, must_change_password)
         VALUES ($1, $2, 'admin', $3, $4, true) RETURNING id`,
        [o.username, o.displayName, passwordHash, court.id],
      )) as { id: string }[];
      await audit.append(m, {
        caseId: null,
        stream: accountStream(user!.id),
        type: 'user.created',
        at,
        actor: null,
        data: { via: 'admin:create', username: o.username, role: 'admin', courtId: court.id },
      });
      return { court, created: true };
    });
    console.log(`${created ? 'Administrator created' : 'One-time password reset'}: ${o.username} at ${court.name} (${court.code}).`);
    console.log('One-time password (shown only now; it must be changed at the first login):');
    console.log(`\n    ${password}\n`);
    return 0;
  } finally {
    if (migrator.isInitialized) await migrator.destroy();
    if (ds.isInitialized) await ds.destroy();
    await db.stop();
  }
}

// Exit explicitly: the embedded database's exit hooks would otherwise reset the exit code.
main().then(
  (code) => process.exit(code),
  (e) => {
    const expected =
      e instanceof UsageError || e instanceof ConfigError || (e as { code?: string })?.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
    console.error(expected ? `admin:create: ${(e as Error).message}` : e);
    process.exit(expected ? 1 : 2);
  },
);

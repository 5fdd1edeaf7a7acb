/**
 * `npm run restore -- FILE [--database NAME]`: restores a backup of `npm run backup` into an EMPTY
 * database (any rows: refused), then re-applies the app role's grants. Target: DATABASE_MIGRATION_URL
 * (else DATABASE_URL), or the embedded database `sutiao` (or NAME) under DATA_DIR, created if missing.
 */
import { Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeStartupFailure, StartupError } from '../common/startup-error.js';
import { ConfigError, loadDatabaseConfig } from '../config/app-config.js';
import { restoreBackup } from './backup.js';
import { startEmbeddedPostgres } from './embedded.js';

async function main(): Promise<number> {
  Logger.overrideLogger(['error', 'warn']); // TypeORM's migration commentary is not for this output
  const args = process.argv.slice(2);
  const at = args.indexOf('--database');
  const database = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const [fileArg] = args;
  if (!fileArg) throw new StartupError('Name the backup to restore: npm run restore -- FILE');
  const file = resolve(fileArg);
  if (!existsSync(file)) throw new StartupError(`There is no file ${file}.`);
  const config = loadDatabaseConfig();
  if (config.databaseUrl && database)
    throw new StartupError('--database is for the embedded database; with DATABASE_URL, the URL names the database.');
  const db = config.databaseUrl
    ? { url: config.databaseUrl, migrationUrl: config.databaseMigrationUrl ?? config.databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: config.dataDir, database: database ?? 'sutiao', persistent: true, whenRunning: 'reuse' });
  try {
    const started = Date.now();
    const s = await restoreBackup(file, { migrationUrl: db.migrationUrl, appUrl: db.url });
    for (const w of s.warnings) console.warn(`Warning: ${w}`);
    console.log(
      `Restored ${s.rows} rows in ${s.tables} tables from ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        `${s.newerMigrations.length ? `, then applied ${s.newerMigrations.length} newer migration(s)` : ''}; privileges of ${s.appRole} re-applied.`,
    );
    return 0;
  } finally {
    await db.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(
      e instanceof ConfigError ? `Configuration error: ${e.message}` : describeStartupFailure(e, { doing: 'The restore failed' }),
    );
    process.exit(1);
  },
);

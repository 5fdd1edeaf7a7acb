/**
 * `npm run backup [-- FILE]`: a consistent backup of the app's database (see backup.ts) into FILE,
 * by default DATA_DIR/backups/sutiao-YYYYMMDD-HHmmss.dump (mode 0600: it holds personal data).
 * As the owner: DATABASE_MIGRATION_URL, else DATABASE_URL, else the embedded database (a running
 * app's server is used as it is).
 */
import { Logger } from '@nestjs/common';
import { join, resolve } from 'node:path';
import { describeStartupFailure } from '../common/startup-error.js';
import { ConfigError, loadDatabaseConfig } from '../config/app-config.js';
import { createBackup } from './backup.js';
import { startEmbeddedPostgres } from './embedded.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time, as the machine's clock reads it (what the court's IT person sees). */
export function defaultBackupName(at = new Date()): string {
  return `sutiao-${at.getFullYear()}${pad(at.getMonth() + 1)}${pad(at.getDate())}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}.dump`;
}

async function main(): Promise<number> {
  Logger.overrideLogger(['error', 'warn']); // TypeORM's migration commentary is not for this output
  const config = loadDatabaseConfig();
  const file = resolve(process.argv[2] ?? join(config.dataDir, 'backups', defaultBackupName()));
  const db = config.databaseUrl
    ? { migrationUrl: config.databaseMigrationUrl ?? config.databaseUrl, stop: async () => {} }
    : await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'sutiao', persistent: true, whenRunning: 'reuse' });
  try {
    const started = Date.now();
    const s = await createBackup(db.migrationUrl, file);
    console.log(
      `Backup written: ${s.file} (${s.tables} tables, ${s.rows} rows, ${(s.bytes / 1e6).toFixed(1)} MB) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
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
      e instanceof ConfigError ? `Configuration error: ${e.message}` : describeStartupFailure(e, { doing: 'The backup failed' }),
    );
    process.exit(1);
  },
);

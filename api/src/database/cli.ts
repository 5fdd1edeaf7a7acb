/**
 * Migration tooling on the app's own data source.
 *   node dist/api/database/cli.js run                 apply pending migrations
 *   node dist/api/database/cli.js generate Name       write a migration for entity changes
 *   node dist/api/database/cli.js check               exit 1 if entities and migrations disagree
 * Migrates as the owner: DATABASE_MIGRATION_URL (else DATABASE_URL), then re-applies the grants of
 * the DATABASE_URL role; without DATABASE_URL, a throwaway embedded PostgreSQL.
 */
import { Logger } from '@nestjs/common';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadDatabaseConfig } from '../config/app-config.js';
import { describeStartupFailure } from '../common/startup-error.js';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres } from './embedded.js';
import { migrateDatabase } from './migrate.js';
import { pendingSchemaChanges } from './schema-check.js';

async function main(): Promise<number> {
  Logger.overrideLogger(['error', 'warn']); // TypeORM's migration commentary is not for this output
  const [command = 'run', name = 'Migration'] = process.argv.slice(2);
  let stop = async () => {};
  const config = loadDatabaseConfig();
  let appUrl = config.databaseUrl;
  let url = config.databaseMigrationUrl ?? config.databaseUrl;
  let tmp: string | undefined;
  if (!url || !appUrl) {
    tmp = mkdtempSync(join(tmpdir(), 'sutiao-mig-'));
    const { chmodSync } = await import('node:fs');
    chmodSync(tmp, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: tmp, database: 'sutiao', persistent: false, fast: true });
    url = db.migrationUrl;
    appUrl = db.url;
    stop = db.stop;
  }
  const ds = createDataSource({ url, poolSize: 2 });
  try {
    const { applied, appRole, warnings } = await migrateDatabase({ migrationUrl: url, appUrl });
    for (const w of warnings) console.warn(`Warning: ${w}`);
    if (command === 'run') {
      console.log(`${applied.length ? `Applied ${applied.join(', ')}` : 'No pending migrations'}; privileges of ${appRole} re-applied.`);
      return 0;
    }
    await ds.initialize();
    const { up, down } = await pendingSchemaChanges(ds);
    if (command === 'check') {
      if (up.length) {
        console.error(`Entities and migrations disagree:\n${up.join(';\n')}`);
        return 1;
      }
      console.log('Schema matches the entities.');
      return 0;
    }
    if (!up.length) {
      console.log('No changes.');
      return 0;
    }
    const ts = Date.now();
    const cls = `${name}${ts}`;
    const q = (s: string) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const file = join('api/src/database/migrations', `${ts}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map((s) => `    await queryRunner.query(${q(s)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map((s) => `    await queryRunner.query(${q(s)});`).join('\n')}
  }
}
`,
    );
    console.log(`Wrote ${file}`);
    return 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(describeStartupFailure(e));
    process.exit(1);
  },
);

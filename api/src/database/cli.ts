/**
 * Migration tooling on the app's own data source.
 *   node dist/api/database/cli.js run                 apply pending migrations
 *   node dist/api/database/cli.js generate Name       write a migration for entity changes
 *   node dist/api/database/cli.js check               exit 1 if entities and migrations disagree
 * Uses DATABASE_URL, else a throwaway embedded PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource } from './data-source.js';
import { startEmbeddedPostgres } from './embedded.js';
import { pendingSchemaChanges } from './schema-check.js';

async function main(): Promise<number> {
  const [command = 'run', name = 'Migration'] = process.argv.slice(2);
  let stop = async () => {};
  let url = process.env.DATABASE_URL;
  let tmp: string | undefined;
  if (!url) {
    tmp = mkdtempSync(join(tmpdir(), 'sutiao-mig-'));
    const { chmodSync } = await import('node:fs');
    chmodSync(tmp, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: tmp, database: 'sutiao', persistent: false, fast: true });
    url = db.url; stop = db.stop;
  }
  const ds = createDataSource({ url, poolSize: 2 });
  try {
    await ds.initialize();
    await ds.runMigrations({ transaction: 'each' });
    if (command === 'run') return 0;
    const { up, down } = await pendingSchemaChanges(ds);
    if (command === 'check') {
      if (up.length) { console.error(`Entities and migrations disagree:\n${up.join(';\n')}`); return 1; }
      console.log('Schema matches the entities.');
      return 0;
    }
    if (!up.length) { console.log('No changes.'); return 0; }
    const ts = Date.now();
    const cls = `${name}${ts}`;
    const q = (s: string) => '`' + s.replace(/`/g, '\\`').replace(/\$\{/g, '\\${') + '`';
    const file = join('api/src/database/migrations', `${ts}-${name}.ts`);
    writeFileSync(file, `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${cls} implements MigrationInterface {
  name = '${cls}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map((s) => `    await queryRunner.query(${q(s)});`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down.map((s) => `    await queryRunner.query(${q(s)});`).join('\n')}
  }
}
`);
    console.log(`Wrote ${file}`);
    return 0;
  } finally {
    if (ds.isInitialized) await ds.destroy();
    await stop();
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code), (e) => { console.error(e); process.exit(1); });

// Starts a throwaway PostgreSQL (or uses DATABASE_URL), migrates a template database once.
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export default async function globalSetup() {
  const { Logger } = await import('@nestjs/common');
  Logger.overrideLogger(['fatal', 'error', 'warn']); // the template's migrations need no commentary
  const { startEmbeddedPostgres } = await import('../dist/api/database/embedded.js');
  const { createDataSource } = await import('../dist/api/database/data-source.js');
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'sutiao-test-'));
    chmodSync(dir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: dir, database: 'sutiao_admin', persistent: false, fast: true, port: 0 });
    globalThis.__SUTIAO_DB__ = db;
    adminUrl = db.url;
  }
  const template = `sutiao_tpl_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${template}`;
  const ds = createDataSource({ url: url.toString(), poolSize: 2 });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'each' });
  await ds.destroy();
  process.env.SUTIAO_TEST_ADMIN_URL = adminUrl;
  process.env.SUTIAO_TEST_TEMPLATE = template;
}

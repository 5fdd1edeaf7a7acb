// Starts a throwaway PostgreSQL (or uses DATABASE_URL, which must be a superuser), creates an owner
// and an app role for this run, and migrates a template database as the owner. The app under test
// connects as the app role, so every test also proves the app needs no more than its grants.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export default async function globalSetup() {
  const { Logger } = await import('@nestjs/common');
  Logger.overrideLogger(['fatal', 'error', 'warn']); // the template's migrations need no commentary
  const { startEmbeddedPostgres } = await import('../dist/api/database/embedded.js');
  const { ensureRoles } = await import('../dist/api/database/roles.js');
  const { migrateDatabase } = await import('../dist/api/database/migrate.js');
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'sutiao-test-'));
    chmodSync(dir, 0o755);
    const db = await startEmbeddedPostgres({ dataDir: dir, database: 'sutiao_admin', persistent: false, fast: true, port: 0 });
    globalThis.__SUTIAO_DB__ = db;
    adminUrl = db.superuserUrl;
  }
  const template = `sutiao_tpl_${process.pid}`;
  // Per run, so two runs on one CI server do not reset each other's passwords.
  const owner = { user: `sutiao_test_owner_${process.pid}`, password: randomBytes(18).toString('base64url') };
  const app = { user: `sutiao_test_app_${process.pid}`, password: randomBytes(18).toString('base64url') };
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const [{ rolsuper }] = (await admin.query('SELECT rolsuper FROM pg_roles WHERE rolname = current_user')).rows;
  if (!rolsuper) throw new Error('The tests need DATABASE_URL to be a superuser: they create their own owner and app roles.');
  await ensureRoles(admin, owner, app);
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template} OWNER ${owner.user}`);
  await admin.end();
  const as = (who) => {
    const url = new URL(adminUrl);
    url.username = encodeURIComponent(who.user);
    url.password = encodeURIComponent(who.password);
    url.pathname = `/${template}`;
    return url.toString();
  };
  await migrateDatabase({ migrationUrl: as(owner), appUrl: as(app) });
  process.env.SUTIAO_TEST_ADMIN_URL = adminUrl;
  process.env.SUTIAO_TEST_TEMPLATE = template;
  process.env.SUTIAO_TEST_OWNER_URL = as(owner);
  process.env.SUTIAO_TEST_APP_URL = as(app);
  // Every response the API tests receive is checked against the OpenAPI document and recorded
  // here (test/api/support/openapi-validator.ts); the teardown counts and reports them.
  const results = join(mkdtempSync(join(tmpdir(), 'sutiao-openapi-')), 'responses.jsonl');
  writeFileSync(results, '');
  process.env.SUTIAO_OPENAPI_RESULTS = results;
}

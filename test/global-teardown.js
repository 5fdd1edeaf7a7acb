import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import pg from 'pg';

/** Counts the responses test/api/support/openapi-validator.ts checked; any mismatch fails the run. */
function reportOpenApiValidation() {
  const file = process.env.SUTIAO_OPENAPI_RESULTS;
  if (!file || !existsSync(file)) return;
  const checks = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line));
  rmSync(dirname(file), { recursive: true, force: true });
  if (checks.length === 0) return;
  const mismatches = checks.filter((c) => c.mismatch);
  const operations = new Set(checks.map((c) => c.operation).filter((o) => o !== '(none)'));
  console.log(
    `\nOpenAPI response validation: ${checks.length} responses checked (${operations.size} operations), ${mismatches.length} mismatches`,
  );
  if (mismatches.length) {
    for (const m of [...new Set(mismatches.map((c) => c.mismatch))].slice(0, 50)) console.log(`  ✗ ${m}`);
    return `${mismatches.length} responses do not match the OpenAPI document`;
  }
}

export default async function globalTeardown() {
  const failure = reportOpenApiValidation();
  const adminUrl = process.env.SUTIAO_TEST_ADMIN_URL;
  const template = process.env.SUTIAO_TEST_TEMPLATE;
  if (adminUrl && template && process.env.DATABASE_URL) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    const { rows } = await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${template}%`]);
    for (const r of rows) await admin.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
    // The run's roles own nothing once its databases are gone.
    for (const url of [process.env.SUTIAO_TEST_APP_URL, process.env.SUTIAO_TEST_OWNER_URL]) {
      if (url) await admin.query(`DROP ROLE IF EXISTS "${decodeURIComponent(new URL(url).username)}"`).catch(() => undefined);
    }
    await admin.end();
  }
  await globalThis.__SUTIAO_DB__?.stop();
  if (failure) throw new Error(failure);
}

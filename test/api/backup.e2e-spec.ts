import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { verifyAuditChains } from '../../api/src/audit/verify.js';
import { auth, caseBody, createWorld, type World } from './support/factories.js';
import { databaseUrlAs, ownerRole, startTestApp, testDatabaseName, type TestApp } from './support/test-app.js';

// `npm run backup` and `npm run restore -- FILE` round-trip a court's data; the restored chains verify.
let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
  for (let i = 0; i < 3; i++) {
    const c = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    expect(c.status).toBe(201);
    expect(
      (await t.http.post(`/api/cases/${c.body.id}/delegate`).set(auth(w.tokens.clerk1!)).send({ organizationId: w.orgA })).status,
    ).toBe(200);
  }
});
afterAll(async () => {
  await t?.close();
});

const TABLES = ['courts', 'organizations', 'users', 'cases', 'parties', 'documents', 'audit_events'];

async function counts(url: string): Promise<Record<string, number>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = (await c.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n;
    return out;
  } finally {
    await c.end();
  }
}

const cli = (script: string, args: string[], databaseName: string) =>
  spawnSync(process.execPath, [`dist/api/database/${script}`, ...args], {
    encoding: 'utf8',
    env: {
      ...process.env,
      DATABASE_URL: databaseUrlAs('app', `postgres://x/${databaseName}`),
      DATABASE_MIGRATION_URL: databaseUrlAs('owner', `postgres://x/${databaseName}`),
    },
  });

it('backs up, refuses to restore over data, and restores into an empty database that verifies intact', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'sutiao-backup-')), 'court.dump');
  const source = new URL(t.databaseUrl).pathname.slice(1);
  const backup = cli('backup-cli.js', [file], source);
  expect(backup.stderr).toBe('');
  expect(backup.status).toBe(0);
  expect(backup.stdout).toContain(`Backup written: ${file}`);
  expect(statSync(file).mode & 0o777).toBe(0o600);

  const overData = cli('restore-cli.js', [file], source);
  expect(overData.status).not.toBe(0);
  expect(overData.stderr + overData.stdout).toMatch(/not empty/);

  const target = testDatabaseName();
  const su = new pg.Client({ connectionString: process.env.SUTIAO_TEST_ADMIN_URL! });
  await su.connect();
  await su.query(`CREATE DATABASE ${target} OWNER ${ownerRole()}`);
  await su.end();
  const restore = cli('restore-cli.js', [file], target);
  expect(restore.status).toBe(0);
  expect(restore.stdout).toMatch(/^Restored \d+ rows/);

  const restoredUrl = databaseUrlAs('app', `postgres://x/${target}`);
  expect(await counts(restoredUrl)).toEqual(await counts(t.databaseUrl));
  const ds = new DataSource({ type: 'postgres', url: restoredUrl });
  await ds.initialize();
  try {
    const result = await verifyAuditChains(ds);
    expect(result.broken).toBeNull();
    expect(result.events).toBeGreaterThan(0);
  } finally {
    await ds.destroy();
  }
});

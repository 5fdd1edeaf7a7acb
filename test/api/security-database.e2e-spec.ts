import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { databaseUrlAs, startTestApp, type TestApp } from './support/test-app.js';

// The app connects as a role that is no superuser, owns nothing and may only append to the audit trail.
let t: TestApp;
let app: pg.Client;

beforeAll(async () => {
  t = await startTestApp();
  app = new pg.Client({ connectionString: databaseUrlAs('app', t.databaseUrl) });
  await app.connect();
});
afterAll(async () => {
  await app?.end();
  await t?.close();
});

describe('the app role', () => {
  it('is what the running app connects as', async () => {
    const [{ user }] = await t.db.query('SELECT current_user AS user');
    expect(user).toBe((await app.query('SELECT current_user AS user')).rows[0].user);
  });

  it('is no superuser, cannot create roles or databases, and owns nothing', async () => {
    const { rows } = await app.query(
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls FROM pg_roles WHERE rolname = current_user`,
    );
    expect(rows[0]).toEqual({ rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false });
    const owned = await app.query(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND pg_get_userbyid(c.relowner) = current_user
       UNION ALL SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) = current_user`,
    );
    expect(owned.rows).toEqual([]);
  });

  it('cannot run programs on the server or read its files', async () => {
    await expect(app.query(`COPY (SELECT 1) TO PROGRAM 'id'`)).rejects.toThrow(
      /permission denied|must be superuser|pg_execute_server_program/,
    );
    await expect(app.query(`SELECT pg_read_file('/etc/passwd')`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`CREATE TABLE intruder (x int)`)).rejects.toThrow(/permission denied/);
  });

  it('may read and append to audit_events and nothing else there', async () => {
    await expect(app.query('SELECT count(*) FROM audit_events')).resolves.toBeTruthy();
    const grants = await app.query(
      `SELECT privilege_type FROM information_schema.role_table_grants
        WHERE table_name = 'audit_events' AND grantee = current_user ORDER BY privilege_type`,
    );
    expect(grants.rows.map((r) => r.privilege_type)).toEqual(['INSERT', 'SELECT']);
    await expect(app.query('UPDATE audit_events SET type = type')).rejects.toThrow(/permission denied/);
    await expect(app.query('DELETE FROM audit_events')).rejects.toThrow(/permission denied/);
    await expect(app.query('TRUNCATE audit_events')).rejects.toThrow(/permission denied|append-only/);
    await expect(app.query('ALTER TABLE audit_events DISABLE TRIGGER ALL')).rejects.toThrow(/must be owner|permission denied/);
  });

  it('reads the migrations table but cannot change it', async () => {
    await expect(app.query('SELECT count(*) FROM schema_migrations')).resolves.toBeTruthy();
    await expect(app.query('DELETE FROM schema_migrations')).rejects.toThrow(/permission denied/);
  });
});

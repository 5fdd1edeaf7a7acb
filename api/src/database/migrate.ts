/**
 * The one way a database is brought up to date: the migrations run as the owner, then the app
 * role's privileges are re-applied (roles.ts). Used by `npm start`, the migration CLI, the restore
 * and the tests' template database.
 */
import pg from 'pg';
import type { MigrationInterface } from 'typeorm';
import { createDataSource } from './data-source.js';
import { applyAppGrants, lockDownPublicSchema, roleFacts } from './roles.js';

export interface MigrateOptions {
  /** The owner's connection. */
  migrationUrl: string;
  /** The app's connection (to learn which role to grant to); the same as `migrationUrl` when one role does both. */
  appUrl: string;
  /** Only these migrations (by name), for a restore that first rebuilds a backup's schema. */
  only?: (migration: MigrationInterface) => boolean;
}

export interface MigrateResult {
  applied: string[];
  appRole: string;
  /** Settings an operator should fix (logged; errors in production are the caller's call). */
  warnings: string[];
}

export async function migrateDatabase(opts: MigrateOptions): Promise<MigrateResult> {
  const ds = createDataSource({ url: opts.migrationUrl, poolSize: 2, applicationName: 'sutiao-migrate' });
  let applied: string[];
  await ds.initialize();
  try {
    if (opts.only) {
      const keep = ds.migrations.filter(opts.only);
      ds.migrations.splice(0, ds.migrations.length, ...keep);
    }
    applied = (await ds.runMigrations({ transaction: 'each' })).map((m) => m.name);
  } finally {
    await ds.destroy();
  }
  const { appRole, warnings } = await grantAppRole(opts.migrationUrl, opts.appUrl);
  return { applied, appRole, warnings };
}

/** Re-applies the app role's privileges (idempotent); says when the app connects with too much power. */
export async function grantAppRole(migrationUrl: string, appUrl: string): Promise<{ appRole: string; warnings: string[] }> {
  const warnings: string[] = [];
  const app = await connect(appUrl);
  const appFacts = await roleFacts(app).finally(() => app.end());
  const owner = await connect(migrationUrl);
  try {
    const ownerFacts = await roleFacts(owner);
    if (appFacts.user === ownerFacts.user) {
      warnings.push(
        `the app connects as ${appFacts.user}, the role that owns the tables and runs the migrations: ` +
          'set DATABASE_MIGRATION_URL to the owner and DATABASE_URL to a role without ownership (docs/security.md)',
      );
    } else {
      await applyAppGrants((sql) => owner.query(sql), appFacts.user);
      const schema = await lockDownPublicSchema(owner);
      if (schema) warnings.push(schema);
      if (appFacts.owns > 0) {
        warnings.push(
          `the app role ${appFacts.user} owns ${appFacts.owns} object(s) in this database: it could switch the audit trail's protection off; ` +
            `as the owner run ALTER ... OWNER TO ${ownerFacts.user} for them`,
        );
      }
    }
    if (appFacts.superuser) {
      warnings.push(
        `the app connects as ${appFacts.user}, a superuser: anyone who takes over the app could run programs on the database server; use a role without SUPERUSER`,
      );
    }
  } finally {
    await owner.end();
  }
  return { appRole: appFacts.user, warnings };
}

async function connect(url: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, application_name: 'sutiao-migrate', connectionTimeoutMillis: 10_000 });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

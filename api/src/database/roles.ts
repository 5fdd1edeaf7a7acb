/**
 * The two database roles and what each may do.
 *
 * - The **owner** owns the database and every table, function and sequence; it runs the migrations.
 * - The **app** role is what the running API connects as: not a superuser, owns nothing, and holds
 *   only the grants below. On `audit_events` it may INSERT and SELECT and nothing else, so it can
 *   neither edit the audit trail nor switch its append-only trigger off (that needs ownership).
 *
 * `applyAppGrants` runs after the migrations on every start (idempotent), and the owner's default
 * privileges grant the same on objects later migrations create, so a migration cannot forget them.
 */
import type pg from 'pg';

export interface RoleCredentials {
  user: string;
  password: string;
}

/** Role names of the embedded server (a `DATABASE_URL` deployment names its own). */
export const OWNER_ROLE = 'sutiao_owner';
export const APP_ROLE = 'sutiao_app';

/** The audit trail: the app appends and reads, nothing else. */
export const APPEND_ONLY_TABLES = ['audit_events'] as const;
/** The migrations' bookkeeping: the app may read which migrations ran, never change it. */
export const READ_ONLY_TABLES = ['schema_migrations'] as const;
/** `rebuildStats` (stats/rollups.ts) empties these derived tables with TRUNCATE. */
export const TRUNCATABLE_TABLES = ['stats_rollups', 'case_stat_facts', 'stats_dirty_cases'] as const;

/** Runs one statement; every call must go to the same connection (the grants are one transaction). */
type Runner = (sql: string) => Promise<unknown>;

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * As a superuser: both login roles exist with these passwords (stored as SCRAM) and no special
 * powers. Attributes are reset every time, so a role someone made a superuser by hand is demoted.
 */
export async function ensureRoles(su: pg.ClientBase, owner: RoleCredentials, app: RoleCredentials): Promise<void> {
  await su.query(`SET password_encryption = 'scram-sha-256'`);
  for (const [role, inherit] of [
    [owner, 'INHERIT'],
    [app, 'NOINHERIT'],
  ] as const) {
    const { rowCount } = await su.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role.user]);
    const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS ${inherit} PASSWORD ${literal(role.password)}`;
    await su.query(`${rowCount ? 'ALTER' : 'CREATE'} ROLE ${ident(role.user)} ${rowCount ? 'WITH ' : ''}${attributes}`);
  }
  // The app role must not inherit anything from the owner (or anyone): no role memberships at all.
  const { rows } = await su.query<{ granted: string }>(
    `SELECT g.rolname AS granted FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member WHERE u.rolname = $1`,
    [app.user],
  );
  for (const r of rows) await su.query(`REVOKE ${ident(r.granted)} FROM ${ident(app.user)}`);
}

/** As a superuser: `database` exists and belongs to the owner; of the ordinary roles only the owner and the app may connect. */
export async function ensureDatabase(su: pg.ClientBase, database: string, ownerRole: string, appRole: string): Promise<void> {
  const { rows } = await su.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [
    database,
  ]);
  if (!rows.length) await su.query(`CREATE DATABASE ${ident(database)} OWNER ${ident(ownerRole)}`);
  else if (rows[0]!.owner !== ownerRole) await su.query(`ALTER DATABASE ${ident(database)} OWNER TO ${ident(ownerRole)}`);
  await su.query(`REVOKE ALL ON DATABASE ${ident(database)} FROM PUBLIC`);
  await su.query(`GRANT CONNECT ON DATABASE ${ident(database)} TO ${ident(appRole)}`);
}

/**
 * As a superuser, connected to the app's database: hands the objects an earlier version created
 * as the superuser (data directories from before the role split) to the owner. Objects of
 * extensions stay with the extension. Returns how many objects moved (0 once done).
 */
export async function adoptObjects(su: pg.ClientBase, ownerRole: string): Promise<number> {
  const { rows } = await su.query<{ moved: number }>(
    `
    WITH owner AS (SELECT oid FROM pg_roles WHERE rolname = $1),
    rels AS (
      SELECT format('ALTER %s %s OWNER TO %I',
               CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                              WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, c.oid::regclass, $1) AS stmt
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
         AND c.relowner <> (SELECT oid FROM owner)
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype IN ('a', 'i', 'e'))
    ),
    procs AS (
      SELECT format('ALTER %s %s OWNER TO %I', CASE p.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END,
                    p.oid::regprocedure, $1) AS stmt
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
       WHERE n.nspname = 'public' AND p.proowner <> (SELECT oid FROM owner)
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
    ),
    types AS (
      SELECT format('ALTER %s %s OWNER TO %I', CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END, t.oid::regtype, $1) AS stmt
        FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = 'public' AND t.typtype IN ('e', 'd', 'r') AND t.typowner <> (SELECT oid FROM owner)
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype IN ('e', 'i'))
    ),
    todo AS (SELECT stmt FROM rels UNION ALL SELECT stmt FROM procs UNION ALL SELECT stmt FROM types)
    SELECT count(*)::int AS moved, coalesce(string_agg(stmt, '; '), '') AS sql FROM todo`,
    [ownerRole],
  );
  const { moved, sql } = rows[0] as unknown as { moved: number; sql: string };
  if (!moved) return 0;
  try {
    await su.query(`BEGIN; ${sql}; COMMIT`);
  } catch (e) {
    await su.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
  return moved;
}

/**
 * As the owner, after the migrations: the app role's privileges, re-applied on every start (idempotent).
 * Tables: SELECT/INSERT/UPDATE/DELETE, except the append-only audit trail (SELECT/INSERT) and the
 * migrations' table (SELECT); TRUNCATE on the derived statistics tables only; sequences USAGE;
 * routines EXECUTE. The owner's default privileges give the same to whatever later migrations create.
 */
export async function applyAppGrants(run: Runner, appRole: string): Promise<void> {
  const app = ident(appRole);
  for (const sql of [
    'BEGIN',
    // Two instances starting at once would otherwise collide on the same catalog rows ("tuple concurrently updated").
    `SELECT pg_advisory_xact_lock(hashtext('sutiao.app-grants'))`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `GRANT EXECUTE ON ALL ROUTINES IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON ROUTINES TO ${app}`,
    ...restrictedTableGrants(appRole),
    'COMMIT',
  ]) {
    try {
      await run(sql);
    } catch (e) {
      await run('ROLLBACK').catch(() => undefined);
      throw e;
    }
  }
}

/** Tables that may not exist yet (or any more) are skipped, so grants never fail a start. */
function restrictedTableGrants(appRole: string): string[] {
  const onExisting = (tables: readonly string[], statements: string[]) => `DO $grants$ DECLARE t text; r text := ${literal(appRole)}; BEGIN
      FOREACH t IN ARRAY ARRAY[${tables.map(literal).join(', ')}]::text[] LOOP
        IF to_regclass(format('public.%I', t)) IS NOT NULL THEN
          ${statements.map((s) => `EXECUTE format(${literal(s)}, t, r);`).join(' ')}
        END IF;
      END LOOP; END $grants$`;
  return [
    onExisting(APPEND_ONLY_TABLES, ['REVOKE ALL ON public.%I FROM %I', 'GRANT SELECT, INSERT ON public.%I TO %I']),
    onExisting(READ_ONLY_TABLES, ['REVOKE ALL ON public.%I FROM %I', 'GRANT SELECT ON public.%I TO %I']),
    onExisting(TRUNCATABLE_TABLES, ['GRANT TRUNCATE ON public.%I TO %I']),
  ];
}

/**
 * As the owner (best effort): nobody but the owner creates objects in `public` — on PostgreSQL 14
 * and older every role may by default. Needs the schema's ownership; returns a warning otherwise.
 */
export async function lockDownPublicSchema(owner: pg.ClientBase): Promise<string | null> {
  const { rows } = await owner.query<{ open: boolean }>(`
    SELECT EXISTS (SELECT 1 FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a
                    WHERE n.nspname = 'public' AND a.grantee = 0 AND a.privilege_type = 'CREATE') AS open`);
  if (!rows[0]?.open) return null;
  try {
    await owner.query('REVOKE CREATE ON SCHEMA public FROM PUBLIC');
    return null;
  } catch (e) {
    return (
      `every role may create objects in schema public (${e instanceof Error ? e.message : String(e)}); ` +
      'as a superuser run: REVOKE CREATE ON SCHEMA public FROM PUBLIC'
    );
  }
}

export interface RoleFacts {
  user: string;
  superuser: boolean;
  /** Objects in the database the role owns. */
  owns: number;
}

/** Who a connection really is (for the production warnings and the tests). */
export async function roleFacts(client: pg.ClientBase): Promise<RoleFacts> {
  const { rows } = await client.query<RoleFacts>(`
    SELECT current_user AS user, r.rolsuper AS superuser,
           ((SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE c.relowner = r.oid AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%')
          + (SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
              WHERE p.proowner = r.oid AND n.nspname NOT IN ('pg_catalog', 'information_schema'))
          + (SELECT count(*) FROM pg_database d WHERE d.datdba = r.oid AND d.datname = current_database()))::int AS owns
      FROM pg_roles r WHERE r.rolname = current_user`);
  return rows[0]!;
}

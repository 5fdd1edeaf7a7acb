import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities.js';
import { SnakeNamingStrategy } from './naming.js';
import { SafeTypeOrmLogger } from './typeorm-logger.js';

const here = dirname(fileURLToPath(import.meta.url));

export interface DatabaseOptions {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /**
   * Read-only standbys. With any, TypeORM keeps one pool per server (`replication`); only code that
   * asks for it (common/read-replica.ts, a query runner in 'slave' mode) reads from them —
   * `defaultMode: 'master'`, so repositories, query builders and transactions stay on the primary.
   */
  replicaUrls?: string[];
}

/** application_name of the replica pools (pg_stat_activity on a standby, and the replica e2e test). */
export const REPLICA_APPLICATION_NAME = 'sutiao-replica';

/** Shared by the app, the migration CLI and the tests: one definition of the schema's source. */
export function dataSourceOptions(opts: DatabaseOptions): DataSourceOptions {
  const replicas = opts.replicaUrls ?? [];
  const applicationName = opts.applicationName ?? 'sutiao';
  return {
    type: 'postgres',
    url: opts.url,
    // Explicit routing: reads go to a replica only through ReadReplica; everything else (writes,
    // the queue's claims, reads that must see the request's own writes) to the primary.
    ...(replicas.length
      ? {
          replication: {
            master: { url: opts.url, applicationName },
            slaves: replicas.map((url) => ({ url, applicationName: REPLICA_APPLICATION_NAME })),
            defaultMode: 'master' as const,
          },
        }
      : {}),
    uuidExtension: 'pgcrypto',
    // gen_random_uuid() is built in (PostgreSQL 13+); neither the app role nor the owner may (or needs to) CREATE EXTENSION.
    installExtensions: false,
    entities: ENTITIES,
    migrations: [join(here, 'migrations', '*.js')],
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    // Errors and slow statements, never with their parameters (see SafeTypeOrmLogger).
    logging: ['error', 'warn'],
    logger: new SafeTypeOrmLogger(),
    maxQueryExecutionTime: 2000,
    extra: {
      max: opts.poolSize ?? 20,
      // Per pool with replicas (primary `sutiao`, standbys `sutiao-replica`); `extra` would override it.
      ...(replicas.length ? {} : { application_name: applicationName }),
      // A database that is down (or a pool exhausted for 10 s) answers 503 instead of letting requests hang.
      connectionTimeoutMillis: 10_000,
      // A hot, shared table: never let one request or a forgotten transaction hold it.
      options: '-c statement_timeout=15000 -c idle_in_transaction_session_timeout=30000 -c TimeZone=UTC',
    },
  };
}

export function createDataSource(opts: DatabaseOptions): DataSource {
  return new DataSource(dataSourceOptions(opts));
}

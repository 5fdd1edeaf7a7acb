import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import { isDatabaseUnavailable } from './http-exception.filter.js';

/**
 * The one door to the read replicas (DATABASE_REPLICA_URLS, database/data-source.ts). The data
 * source's default is the primary for everything; a caller that can live with a second of
 * replication lag says so by reading through `read` — statistics, exports and bulletins do, so a
 * long report holds no snapshot on the primary (whose MVCC horizon the queue's SKIP LOCKED claims
 * need to move on). Never for writes, the queue, or a read that must see the request's own write.
 *
 * Without replicas `read` runs on the primary. When no replica connection can be had (the
 * standby restarts, the load balancer has no healthy replica during a failover) it falls back to
 * the primary rather than failing the report.
 */
@Injectable()
export class ReadReplica {
  private readonly logger = new Logger(ReadReplica.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Whether replicas are configured (else `read` uses the primary). */
  get enabled(): boolean {
    return this.dataSource.driver.isReplicated;
  }

  /** Runs `work` on one replica connection (the same connection throughout), released afterwards. */
  async read<T>(work: (manager: EntityManager, runner: QueryRunner) => Promise<T>): Promise<T> {
    const runner = await this.connect();
    try {
      return await work(runner.manager, runner);
    } finally {
      await runner.release();
    }
  }

  private async connect(): Promise<QueryRunner> {
    if (!this.enabled) return this.dataSource.createQueryRunner('master');
    const replica = this.dataSource.createQueryRunner('slave');
    try {
      await replica.connect();
      return replica;
    } catch (e) {
      await replica.release().catch(() => undefined);
      if (!isDatabaseUnavailable(e)) throw e;
      this.logger.warn(`No replica connection (${e instanceof Error ? e.message : String(e)}); reading from the primary`);
      return this.dataSource.createQueryRunner('master');
    }
  }
}

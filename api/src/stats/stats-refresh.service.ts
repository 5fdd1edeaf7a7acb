import { Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { flushDirtyStats } from './rollups.js';

/** How often the background worker refreshes cases changed outside the action hook. */
const INTERVAL_MS = 2_000;

/**
 * Keeps the rollups current for changes that bypass `refreshCaseStats` (registrations, the
 * queue's claim statement, imports): the database marks those cases dirty, a background worker
 * refreshes them every few seconds, and every report refreshes what is still marked before it
 * reads — so a report always equals a recount of the committed cases.
 */
@Injectable()
export class StatsRefreshService implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(StatsRefreshService.name);
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private stopped = false;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => {
      this.flush().catch((e: Error) => this.logger.warn(`Refreshing statistics failed: ${e.message}`));
    }, INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => 0);
  }

  /** Refreshes every dirty case. Runs are chained (one at a time per process), so a caller's run starts after its call. */
  async flush(): Promise<number> {
    if (this.stopped) return 0;
    const previous = this.running;
    const run = (async () => {
      await previous?.catch(() => 0);
      return flushDirtyStats(this.dataSource);
    })();
    this.running = run;
    try {
      return await run;
    } finally {
      if (this.running === run) this.running = null;
    }
  }

  /** Before a report: refresh what is dirty (one cheap query when nothing is). */
  async ensureFresh(): Promise<void> {
    const [row] = (await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM stats_dirty_cases) AS dirty')) as { dirty: boolean }[];
    if (row?.dirty) await this.flush();
  }
}

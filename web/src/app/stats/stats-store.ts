import { Injectable, inject, signal } from '@angular/core';
import { forkJoin } from 'rxjs';
import { friendlyError } from '../core/api-error';
import { StatsApi } from './stats-api';
import { BreakdownBy, BreakdownRow, StatsRange, StatsSummary } from './stats-models';

/** The dashboard's figures for one date range. */
@Injectable()
export class StatsStore {
  private readonly api = inject(StatsApi);

  readonly range = signal<StatsRange>({ from: null, to: null });
  readonly summary = signal<StatsSummary | null>(null);
  readonly breakdowns = signal<Record<BreakdownBy, BreakdownRow[]>>({ month: [], organization: [], mediator: [], disputeType: [] });
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);

  load(range: StatsRange = this.range()): void {
    this.range.set(range);
    this.loading.set(true);
    this.error.set(null);
    forkJoin({
      summary: this.api.summary(range),
      month: this.api.breakdown('month', range),
      organization: this.api.breakdown('organization', range),
      mediator: this.api.breakdown('mediator', range),
      disputeType: this.api.breakdown('disputeType', range),
    }).subscribe({
      next: ({ summary, ...rows }) => {
        this.summary.set(summary);
        this.breakdowns.set(rows);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '统计数据加载失败'));
      },
    });
  }
}

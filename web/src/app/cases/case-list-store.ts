import { Injectable, inject, signal } from '@angular/core';
import { Subscription } from 'rxjs';
import { friendlyError } from '../core/api-error';
import { CaseApi } from './case-api';
import { CaseRecord } from './case-models';

/**
 * One case list's filters, page and rows. Provided per route tree, so the filters survive a visit to
 * a case and back.
 */
@Injectable()
export class CaseListStore {
  private readonly api = inject(CaseApi);
  private request: Subscription | null = null;

  readonly status = signal<string>('');
  readonly q = signal('');
  readonly overdueOnly = signal(false);
  readonly page = signal(1);
  readonly pageSize = signal(20);
  readonly items = signal<CaseRecord[]>([]);
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);

  setFilter(filter: { status?: string; q?: string; overdueOnly?: boolean }): void {
    if (filter.status !== undefined) this.status.set(filter.status);
    if (filter.overdueOnly !== undefined) this.overdueOnly.set(filter.overdueOnly);
    if (filter.q !== undefined) this.q.set(filter.q.trim());
    this.page.set(1);
    this.load();
  }

  setPage(page: number, pageSize: number): void {
    this.page.set(page);
    this.pageSize.set(pageSize);
    this.load();
  }

  load(): void {
    this.request?.unsubscribe();
    this.loading.set(true);
    this.error.set(null);
    this.request = this.api
      .list({
        status: this.status(),
        q: this.q(),
        overdue: this.overdueOnly() ? 'true' : undefined,
        page: this.page(),
        pageSize: this.pageSize(),
      })
      .subscribe({
        next: (page) => {
          this.items.set(page.items);
          this.total.set(page.total);
          this.loading.set(false);
        },
        error: (err: unknown) => {
          this.loading.set(false);
          this.error.set(friendlyError(err, '案件列表加载失败'));
        },
      });
  }
}

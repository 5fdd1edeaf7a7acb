import { Injectable, computed, inject, signal } from '@angular/core';
import { forkJoin } from 'rxjs';
import { friendlyError } from '../core/api-error';
import { CaseApi } from './case-api';
import { CaseDocument, CaseEvent, CaseRecord } from './case-models';

/** One open case with its audit trail and documents; provided by each case page. */
@Injectable()
export class CaseDetailStore {
  private readonly api = inject(CaseApi);

  readonly record = signal<CaseRecord | null>(null);
  readonly events = signal<CaseEvent[]>([]);
  readonly documents = signal<CaseDocument[]>([]);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly status = computed(() => this.record()?.status ?? null);
  readonly version = computed(() => this.record()?.version);

  load(id: string): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.get(id).subscribe({
      next: (record) => {
        this.record.set(record);
        this.loading.set(false);
        this.loadTrail(id);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '案件加载失败'));
      },
    });
  }

  /** After an action answered with the updated case: show it and fetch the new trail and documents. */
  applyUpdate(record: CaseRecord): void {
    this.record.set(record);
    this.loadTrail(record.id);
  }

  reload(): void {
    const id = this.record()?.id;
    if (id) this.load(id);
  }

  private loadTrail(id: string): void {
    forkJoin({ events: this.api.events(id), documents: this.api.documents(id) }).subscribe({
      next: ({ events, documents }) => {
        this.events.set(events);
        this.documents.set(documents);
      },
      error: () => {
        // The case itself is on screen; a failed side panel is not worth an error banner.
        this.documents.set(this.record()?.documents ?? []);
      },
    });
  }
}

import { Injectable, computed, inject, signal } from '@angular/core';
import { CaseApi } from './case-api';
import { DisputeType } from './case-models';

/** 案由, loaded once per session and shared by every screen that shows or picks one. */
@Injectable({ providedIn: 'root' })
export class DisputeTypeStore {
  private readonly api = inject(CaseApi);
  private readonly state = signal<DisputeType[]>([]);
  private requested = false;

  readonly types = this.state.asReadonly();
  readonly names = computed(() => new Map<string, string>(this.state().map((t) => [t.code, t.name])));

  load(): void {
    if (this.requested) return;
    this.requested = true;
    this.api.disputeTypes().subscribe({
      next: (types) => this.state.set(types),
      error: () => (this.requested = false),
    });
  }

  nameOf(code: string | null | undefined): string {
    if (!code) return '—';
    return this.names().get(code) ?? code;
  }
}

import { Injectable, OnDestroy, computed, inject, signal } from '@angular/core';
import { Observable, catchError, map, of, tap } from 'rxjs';
import { errorCode, friendlyError } from '../core/api-error';
import { AuthStore } from '../core/auth/auth-store';
import { CaseApi } from '../cases/case-api';
import { CaseRecord } from '../cases/case-models';
import { endOfChinaDay, formatCountdown } from '../shared/dates';
import { EVENT_SOURCE_FACTORY, QueueApi } from './queue-api';

export type ClaimOutcome =
  { kind: 'claimed'; record: CaseRecord } | { kind: 'taken' } | { kind: 'stale' } | { kind: 'failed'; message: string };

const RELOAD_DELAY_MS = 400;
const RECONNECT_DELAY_MS = 5000;
const MAX_RECONNECT_DELAY_MS = 60_000;
const TICK_MS = 30_000;

/** The live queue: rows, the SSE connection that keeps them fresh, and a clock for the countdowns. */
@Injectable()
export class QueueStore implements OnDestroy {
  private readonly api = inject(QueueApi);
  private readonly cases = inject(CaseApi);
  private readonly auth = inject(AuthStore);
  private readonly openStream = inject(EVENT_SOURCE_FACTORY);

  readonly items = signal<CaseRecord[]>([]);
  readonly total = signal(0);
  readonly page = signal(1);
  readonly pageSize = signal(20);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly live = signal(false);
  readonly now = signal(Date.now());
  readonly claiming = signal<string | null>(null);

  readonly rows = computed(() => {
    const now = this.now();
    return this.items().map((c) => {
      const acceptBy = c.deadlines?.acceptBy ?? null;
      const msLeft = acceptBy ? endOfChinaDay(acceptBy) - now : null;
      return {
        record: c,
        acceptBy,
        countdown: msLeft === null ? '—' : formatCountdown(msLeft),
        urgent: msLeft !== null && msLeft < 24 * 3600_000,
        named: !!c.delegation?.mediatorId,
      };
    });
  });

  private source: EventSource | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private reloadTimer: ReturnType<typeof setTimeout> | null = null;
  private reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  private stopped = true;
  private reconnectAttempts = 0;

  start(): void {
    this.stopped = false;
    this.load();
    this.connect();
    this.ticker = setInterval(() => this.now.set(Date.now()), TICK_MS);
  }

  stop(): void {
    this.stopped = true;
    this.source?.close();
    this.source = null;
    this.live.set(false);
    for (const timer of [this.reloadTimer, this.reconnectTimer]) if (timer) clearTimeout(timer);
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  ngOnDestroy(): void {
    this.stop();
  }

  load(): void {
    this.loading.set(true);
    this.api.list(this.page(), this.pageSize()).subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.total.set(page.total);
        this.loading.set(false);
        this.error.set(null);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '队列加载失败'));
      },
    });
  }

  setPage(page: number, pageSize: number): void {
    this.page.set(page);
    this.pageSize.set(pageSize);
    this.load();
  }

  /** Claims one row; someone else being quicker is an expected outcome, not an error. */
  claim(record: CaseRecord): Observable<ClaimOutcome> {
    this.claiming.set(record.id);
    return new Observable<ClaimOutcome>((subscriber) => {
      const sub = this.api.claim(record.id, record.version).subscribe({
        next: (claimed) => {
          this.claiming.set(null);
          this.removeRow(record.id);
          subscriber.next({ kind: 'claimed', record: claimed });
          subscriber.complete();
        },
        error: (err: unknown) => {
          this.claiming.set(null);
          const code = errorCode(err);
          if (code === 'ALREADY_CLAIMED' || code === 'ILLEGAL_TRANSITION') {
            this.removeRow(record.id);
            this.load();
            subscriber.next({ kind: 'taken' });
          } else if (code === 'VERSION_CONFLICT') {
            // The API checks the version before the status, so a race lost by a hair usually answers
            // VERSION_CONFLICT: the case itself tells whether someone claimed it or it merely changed.
            this.load();
            this.cases
              .get(record.id)
              .pipe(
                map((c) => c.status === 'delegated'),
                catchError(() => of(false)),
              )
              .subscribe((stillQueued) => {
                if (!stillQueued) this.removeRow(record.id);
                subscriber.next(stillQueued ? { kind: 'stale' } : { kind: 'taken' });
                subscriber.complete();
              });
            return;
          } else {
            subscriber.next({ kind: 'failed', message: friendlyError(err, '领取失败，请稍后再试') });
          }
          subscriber.complete();
        },
      });
      return () => sub.unsubscribe();
    });
  }

  /** 下一件: the server picks the most urgent eligible case. */
  next(): Observable<CaseRecord | null> {
    return this.api.next().pipe(tap((record) => (record ? this.removeRow(record.id) : this.load())));
  }

  private removeRow(id: string): void {
    const before = this.items().length;
    this.items.update((items) => items.filter((c) => c.id !== id));
    if (this.items().length < before) this.total.update((t) => Math.max(0, t - 1));
  }

  private connect(): void {
    const token = this.auth.token();
    if (this.stopped || !token) return;
    const source = this.openStream(this.api.streamUrl(token));
    this.source = source;
    source.onopen = () => {
      this.reconnectAttempts = 0;
      this.live.set(true);
    };
    const onEvent = (event: MessageEvent) => {
      const id = caseIdOf(event.data);
      if ((event.type === 'claimed' || event.type === 'withdrawn') && id) this.removeRow(id);
      this.scheduleReload();
    };
    for (const type of ['claimed', 'released', 'delegated', 'declined', 'withdrawn', 'message']) {
      source.addEventListener(type, onEvent as EventListener);
    }
    source.onerror = () => {
      this.live.set(false);
      // The browser retries by itself unless the server refused the stream (e.g. an expired token).
      if (source.readyState === 2 /* CLOSED */ && !this.stopped) {
        source.close();
        this.load(); // a 401 here opens the re-login dialog, which renews the token for the next attempt
        const delay = Math.min(MAX_RECONNECT_DELAY_MS, RECONNECT_DELAY_MS * 2 ** this.reconnectAttempts++);
        this.reconnectTimer = setTimeout(() => this.connect(), delay);
      }
    };
  }

  private scheduleReload(): void {
    if (this.reloadTimer) clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => {
      this.reloadTimer = null;
      this.load();
    }, RELOAD_DELAY_MS);
  }
}

export function caseIdOf(data: unknown): string | null {
  if (typeof data !== 'string' || !data) return null;
  try {
    const parsed = JSON.parse(data) as { caseId?: string; id?: string };
    return parsed.caseId ?? parsed.id ?? null;
  } catch {
    return data;
  }
}

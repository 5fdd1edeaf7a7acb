import { Injectable, Logger, type MessageEvent, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import pg from 'pg';
import { filter, interval, map, merge, type Observable, of, Subject, takeUntil, timer } from 'rxjs';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { concerns, notifyPayloads, parseEvents, QUEUE_CHANNEL, type QueueEvent } from '../cases/case-events.js';

/** Keeps proxies and browsers from dropping a quiet stream; EventSource ignores comments. */
export const HEARTBEAT_MS = 15_000;
/** How often the listener proves its connection is alive (a silently dead TCP peer sends no error). */
const PROBE_MS = 30_000;
const PROBE_TIMEOUT_MS = 10_000;
const RECONNECT_MIN_MS = 250;
/** Events published after commit wait at most this long, so one NOTIFY carries many. */
const PUBLISH_BATCH_MS = 20;
/** Published events kept while the connection is down (the oldest go first; streams get `resync`). */
const OUTBOX_LIMIT = 10_000;
const RECONNECT_MAX_MS = 5_000;

/** `resync`: the listener lost its connection and events may have been missed; reload the queue. */
type BusEvent = QueueEvent | { type: 'resync'; at: string };

/**
 * Live queue updates across API instances. Each instance holds ONE dedicated PostgreSQL connection
 * that LISTENs on the queue channel (state changes NOTIFY it when they commit, see case-events.ts)
 * and fans the events out in process to every open stream, each filtered to what its mediator may
 * see. The connection is re-established with backoff when it fails; streams then get `resync`.
 *
 * The same connection publishes what the hot path hands to `publish` after its transaction
 * committed: batched every 20 ms into few NOTIFYs, outside any write transaction (a transaction
 * that NOTIFYs holds a database-wide lock through its commit, which would serialise every claim).
 */
@Injectable()
export class QueueEventsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(QueueEventsService.name);
  private readonly events = new Subject<BusEvent>();
  private readonly closing = new Subject<void>();
  private client: pg.Client | null = null;
  private stopped = false;
  private failures = 0;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private probeTimer: NodeJS.Timeout | undefined;
  private outbox: QueueEvent[] = [];
  private flushTimer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> | null = null;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async onModuleInit(): Promise<void> {
    // The first connection is awaited: once the app serves, its streams miss nothing committed later.
    await this.connect();
    this.probeTimer = setInterval(() => void this.probe(), PROBE_MS);
    this.probeTimer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearTimeout(this.flushTimer);
    await this.flushing;
    await this.flush();
    this.stopped = true;
    clearTimeout(this.reconnectTimer);
    clearInterval(this.probeTimer);
    // Ends every open stream, so the HTTP server can close.
    this.closing.next();
    this.closing.complete();
    this.events.complete();
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Whether the LISTEN connection is up (health and tests). */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Publishes a committed change to every instance's open queues (within ~20 ms, batched). */
  publish(event: QueueEvent): void {
    this.outbox.push(event);
    if (this.outbox.length > OUTBOX_LIMIT) this.outbox.splice(0, this.outbox.length - OUTBOX_LIMIT);
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = undefined;
      this.flushing ??= this.flush().finally(() => {
        this.flushing = null;
      });
    }, PUBLISH_BATCH_MS);
  }

  private async flush(): Promise<void> {
    const client = this.client;
    if (!client || this.outbox.length === 0) return; // kept for the reconnect
    const events = this.outbox;
    this.outbox = [];
    try {
      await client.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [QUEUE_CHANNEL, notifyPayloads(events)]);
    } catch (e) {
      this.outbox.unshift(...events);
      this.logger.warn(`Publishing ${events.length} queue event(s) failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** The stream of one mediator: `ready`, then the events of cases in their queue, and heartbeats. */
  /**
   * Ends when the app shuts down and when `expiresAt` (the token's expiry) passes: an open stream
   * must not outlive the token that opened it (EventSource then reconnects and meets the 401).
   */
  streamFor(user: AuthUser, expiresAt?: Date): Observable<MessageEvent> {
    const events = this.events.pipe(
      filter((e) => e.type === 'resync' || concerns(e, user)),
      map((e): MessageEvent => ({
        type: e.type,
        data: e.type === 'resync' ? { at: e.at } : { caseId: e.caseId, scope: e.scope, organizationId: e.organizationId, at: e.at },
      })),
    );
    const heartbeats = interval(HEARTBEAT_MS).pipe(map((): MessageEvent => ({ comment: 'heartbeat' })));
    const ready: MessageEvent = { type: 'ready', retry: 3000, data: { at: new Date().toISOString(), listening: this.listening } };
    const expired = expiresAt ? timer(expiresAt) : new Subject<never>();
    return merge(of(ready), events, heartbeats).pipe(takeUntil(merge(this.closing, expired)));
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const options = this.dataSource.options as { url?: string };
    const client = new pg.Client({
      connectionString: options.url,
      application_name: 'sutiao-queue-listener',
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
    });
    client.on('notification', (msg) => {
      const events = parseEvents(msg.payload);
      if (events) for (const e of events) this.events.next(e);
      else this.logger.warn(`Ignored a malformed queue notification: ${String(msg.payload).slice(0, 200)}`);
    });
    client.on('error', (e) => this.lost(client, e));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${QUEUE_CHANNEL}`);
    } catch (e) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.scheduleReconnect(e);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    const recovered = this.failures > 0;
    this.client = client;
    this.failures = 0;
    if (recovered) {
      this.logger.log('Queue listener reconnected');
      this.events.next({ type: 'resync', at: new Date().toISOString() });
    }
    if (this.outbox.length)
      this.flushing ??= this.flush().finally(() => {
        this.flushing = null;
      });
  }

  private lost(client: pg.Client, error?: Error): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners('end');
    client.end().catch(() => undefined);
    this.scheduleReconnect(error ?? new Error('connection ended'));
  }

  private scheduleReconnect(error: unknown): void {
    if (this.stopped) return;
    const delay = Math.min(RECONNECT_MIN_MS * 2 ** this.failures, RECONNECT_MAX_MS);
    this.failures += 1;
    this.logger.warn(`Queue listener connection lost (${error instanceof Error ? error.message : String(error)}); retrying in ${delay} ms`);
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = setTimeout(() => void this.connect(), delay);
    this.reconnectTimer.unref();
  }

  private async probe(): Promise<void> {
    const client = this.client;
    if (!client) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('probe timed out')), PROBE_TIMEOUT_MS);
    });
    try {
      await Promise.race([client.query('SELECT 1'), timeout]);
    } catch (e) {
      this.lost(client, e instanceof Error ? e : new Error(String(e)));
    } finally {
      clearTimeout(timer);
    }
  }
}

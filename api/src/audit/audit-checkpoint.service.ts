import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';
import { APP_CONFIG, type AppConfig, ensureAuditSigningKey } from '../config/app-config.js';
import { GENESIS_HASH } from './chain.js';
import {
  type CheckpointEntry,
  checkpointDigest,
  type CheckpointScope,
  type CheckpointStatement,
  entriesDigest,
  NO_PREVIOUS_CHECKPOINT,
  type SigningKey,
  signCheckpoint,
  signingKeyFromPem,
} from './checkpoint-signature.js';

/** Orders every writer of checkpoints (all instances): each names its predecessor. */
const CHECKPOINT_LOCK = 'sutiao:audit-checkpoints';
/** Events per checkpoint; a larger backlog (the first checkpoint of a big database) takes several. */
const EVENTS_PER_CHECKPOINT = 20_000;
/** Document issues within this window share one checkpoint (one signature, one transaction): at most one per second per instance. */
const FLUSH_DELAY_MS = 1000;
const RETRY_DELAY_MS = 5_000;
/** Where a transaction's query runner keeps the chains to checkpoint once it commits. */
const PENDING_STREAMS = 'sutiao.auditCheckpointStreams';

export interface CheckpointMade {
  number: number;
  scope: CheckpointScope;
  signedAt: Date;
  streams: number;
  events: number;
  digest: string;
}

interface DeltaRow {
  stream: string;
  covered: number;
  covered_hash: string | null;
  seq: number;
  prev_hash: string;
  hash: string;
}

/**
 * The events of the chains, up to their heads, that no checkpoint covers yet: for every chain
 * (`$2` null) or for the chains named. One statement, so one snapshot: a full checkpoint covers
 * everything committed before it started.
 */
const DELTA_SQL = `
  WITH heads AS (
    SELECT stream, max(seq) AS head FROM audit_events
     WHERE ($2::text[] IS NULL OR stream = ANY($2::text[])) AND NOT (stream = ANY($3::text[]))
     GROUP BY stream
  ), todo AS (
    SELECT h.stream, coalesce(c.last_seq, 0) AS covered, encode(substring(c.hashes FROM octet_length(c.hashes) - 31), 'hex') AS covered_hash
      FROM heads AS h
      LEFT JOIN LATERAL (SELECT s.last_seq, s.hashes FROM audit_checkpoint_streams AS s
                          WHERE s.stream = h.stream ORDER BY s.last_seq DESC LIMIT 1) AS c ON true
     WHERE h.head > coalesce(c.last_seq, 0)
  )
  SELECT t.stream, t.covered, t.covered_hash, e.seq, e.prev_hash, e.hash
    FROM todo AS t JOIN audit_events AS e ON e.stream = t.stream AND e.seq > t.covered
   ORDER BY t.stream, e.seq
   LIMIT $1`;

/**
 * Signs checkpoints of the audit chains (docs/security.md, "Audit trail integrity"):
 * - every AUDIT_CHECKPOINT_MINUTES a full one (`all`), on whichever instance gets there first;
 * - right after a transaction that issued a document commits, one for that case's chain, off the
 *   request path (issues within FLUSH_DELAY_MS share it).
 * Checkpoint rows are only ever inserted.
 */
@Injectable()
export class AuditCheckpointService implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(AuditCheckpointService.name);
  private readonly key: SigningKey;
  private readonly intervalMs: number;
  private timer: NodeJS.Timeout | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private pending = new Set<string>();
  /** This instance's checkpoint work, one piece at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  private stopped = false;
  private pauses = 0;

  private readonly subscriber: EntitySubscriberInterface = {
    afterTransactionCommit: (e: TransactionCommitEvent) => {
      if (e.queryRunner.isTransactionActive) return; // a savepoint released, not the commit
      const streams = e.queryRunner.data[PENDING_STREAMS] as Set<string> | undefined;
      if (!streams) return;
      delete e.queryRunner.data[PENDING_STREAMS];
      this.request(streams);
    },
    afterTransactionRollback: (e: TransactionRollbackEvent) => {
      if (!e.queryRunner.isTransactionActive) delete e.queryRunner.data[PENDING_STREAMS];
    },
  };

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    const { pem, created } = ensureAuditSigningKey(config);
    this.key = signingKeyFromPem(pem);
    this.intervalMs = config.audit.checkpointMinutes * 60_000;
    if (created) {
      this.logger.warn(
        `Created the audit signing key ${config.audit.signingKeyFile} (key id ${this.key.keyId}). Keep a copy of its public key ` +
          `(${config.audit.signingKeyFile.replace(/\.pem$/, '.pub.pem')}, or \`npm run audit:verify -- --print-public-key\`) off this server.`,
      );
    }
  }

  get keyId(): string {
    return this.key.keyId;
  }

  onModuleInit(): void {
    this.dataSource.subscribers.push(this.subscriber);
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs > 0) {
      this.timer = setInterval(() => void this.periodic(), this.intervalMs);
      this.timer.unref();
    }
  }

  /** Stops the schedule, signs what document issues left pending, and waits for it. */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    await this.flush().catch(() => {});
    await this.queue;
    const i = this.dataSource.subscribers.indexOf(this.subscriber);
    if (i >= 0) this.dataSource.subscribers.splice(i, 1);
  }

  /** Checkpoints the stream once the transaction of `m` commits (at once when `m` is not in one). */
  checkpointAfterCommit(m: EntityManager, stream: string): void {
    const qr = m.queryRunner;
    if (!qr?.isTransactionActive) return this.request([stream]);
    const streams = (qr.data[PENDING_STREAMS] as Set<string> | undefined) ?? new Set<string>();
    streams.add(stream);
    qr.data[PENDING_STREAMS] = streams;
  }

  /**
   * Holds checkpoints while a bulk import replays history at past instants (the demo seed): a full
   * checkpoint taken mid-import would make the later, back-dated events look inserted afterwards.
   * The returned `resume()` signs one full checkpoint covering the import.
   */
  pause(): () => Promise<void> {
    this.pauses++;
    let resumed = false;
    return async () => {
      if (resumed) return;
      resumed = true;
      if (--this.pauses > 0) return;
      await this.checkpointNow().catch((e: Error) => this.logger.warn(`Audit checkpoint after the import failed: ${e.message}`));
    };
  }

  /** A full checkpoint now (after a bulk import, in tests, or by an operator's tool). */
  checkpointNow(): Promise<CheckpointMade[]> {
    return this.enqueue(() => this.write(null, true));
  }

  /** Resolves when the checkpoints requested so far are written (tests). */
  async settled(): Promise<void> {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer);
      this.flushTimer = null;
      await this.flush();
    }
    await this.queue;
  }

  private request(streams: Iterable<string>): void {
    if (this.pauses) return; // the full checkpoint at resume() covers them
    for (const s of streams) this.pending.add(s);
    if (this.stopped) return; // onModuleDestroy flushes
    this.flushTimer ??= setTimeout(() => {
      this.flushTimer = null;
      void this.flush().catch((e: Error) => this.logger.warn(`Audit checkpoint deferred: ${e.message}`));
    }, FLUSH_DELAY_MS);
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const streams = [...this.pending];
    this.pending = new Set();
    try {
      await this.enqueue(() => this.write(streams, false));
    } catch (e) {
      // Signed at the next flush (or covered by the next full checkpoint).
      for (const s of streams) this.pending.add(s);
      if (!this.stopped) {
        this.flushTimer ??= setTimeout(() => {
          this.flushTimer = null;
          void this.flush().catch(() => {});
        }, RETRY_DELAY_MS);
      }
      throw e;
    }
  }

  private async periodic(): Promise<void> {
    if (this.pauses || this.stopped) return;
    try {
      await this.enqueue(() => this.write(null, false));
    } catch (e) {
      if (!this.stopped) this.logger.warn(`Scheduled audit checkpoint failed: ${(e as Error).message}`);
    }
  }

  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => {});
    return run;
  }

  /**
   * Writes checkpoints covering what is not yet covered: of `streams`, or of every chain (`null`,
   * the last one then `all`). A scheduled full checkpoint is skipped when another instance made
   * one within half the interval.
   */
  private async write(streams: string[] | null, force: boolean): Promise<CheckpointMade[]> {
    const made: CheckpointMade[] = [];
    const broken = new Set<string>();
    for (;;) {
      const step = await this.dataSource.transaction(async (m) => {
        await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [CHECKPOINT_LOCK]);
        if (streams === null && !force && this.intervalMs > 0) {
          const [lastAll] = (await m.query(`SELECT signed_at FROM audit_checkpoints WHERE scope = 'all' ORDER BY number DESC LIMIT 1`)) as {
            signed_at: Date;
          }[];
          if (lastAll && Date.now() - new Date(lastAll.signed_at).getTime() < this.intervalMs / 2) return null;
        }
        const [prev] = (await m.query(
          'SELECT number, digest, total_streams, total_events FROM audit_checkpoints ORDER BY number DESC LIMIT 1',
        )) as { number: number; digest: string; total_streams: number; total_events: string }[];
        // The wall clock, never the services' Clock: the demo seed runs actions "at" past instants.
        const signedAt = new Date();
        const rows = (await m.query(DELTA_SQL, [EVENTS_PER_CHECKPOINT, streams, [...broken]])) as DeltaRow[];
        const more = rows.length === EVENTS_PER_CHECKPOINT;
        const brokenBefore = broken.size;
        const { entries, newStreams } = this.entriesOf(rows, broken);
        // Nothing to sign: done — unless chains found broken just now filled the batch (they are skipped next time).
        if (entries.length === 0 && (streams !== null || more)) return { cp: null, more: more && broken.size > brokenBefore };
        const scope: CheckpointScope = streams === null && !more ? 'all' : 'streams';
        const statement: CheckpointStatement = {
          number: (prev?.number ?? 0) + 1,
          scope,
          signedAt,
          prevDigest: prev?.digest ?? NO_PREVIOUS_CHECKPOINT,
          keyId: this.key.keyId,
          totalStreams: (prev?.total_streams ?? 0) + newStreams,
          totalEvents: Number(prev?.total_events ?? 0) + entries.reduce((n, e) => n + e.lastSeq - e.firstSeq + 1, 0),
          entryCount: entries.length,
          entriesDigest: entriesDigest(entries),
        };
        const digest = checkpointDigest(statement);
        await m.query(
          `INSERT INTO audit_checkpoints (number, scope, signed_at, prev_digest, key_id, total_streams, total_events, entry_count, entries_digest, digest, signature)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [
            statement.number,
            scope,
            signedAt,
            statement.prevDigest,
            statement.keyId,
            statement.totalStreams,
            statement.totalEvents,
            statement.entryCount,
            statement.entriesDigest,
            digest,
            signCheckpoint(this.key, statement),
          ],
        );
        if (entries.length) {
          await m.query(
            `INSERT INTO audit_checkpoint_streams (checkpoint_number, stream, first_seq, last_seq, hashes)
             SELECT $1, u.stream, u.first_seq, u.last_seq, decode(u.hashes, 'hex')
               FROM unnest($2::text[], $3::int[], $4::int[], $5::text[]) AS u(stream, first_seq, last_seq, hashes)`,
            [
              statement.number,
              entries.map((e) => e.stream),
              entries.map((e) => e.firstSeq),
              entries.map((e) => e.lastSeq),
              entries.map((e) => e.hashes.toString('hex')),
            ],
          );
        }
        const cp: CheckpointMade = {
          number: statement.number,
          scope,
          signedAt,
          streams: entries.length,
          events: statement.totalEvents,
          digest,
        };
        return { cp, more };
      });
      if (step === null) return made;
      if (step.cp) {
        made.push(step.cp);
        const line = `Audit checkpoint #${step.cp.number} (${step.cp.scope}): ${step.cp.streams} chain(s) advanced, ${step.cp.events} events covered in all; digest ${step.cp.digest}`;
        if (step.cp.scope === 'all') this.logger.log(line);
        else this.logger.debug(line);
      }
      if (!step.more) return made;
    }
  }

  /**
   * Checks that the new events of each chain follow on (sequence, links) before signing their
   * hashes: a chain that does not is covered up to its last good event only, and reported. Contents
   * are not rehashed here — off the request path but on the same CPU — because it would catch
   * nothing more: `audit:verify` compares every event with the hash signed for it, and a chain
   * rewritten consistently before its first checkpoint looks the same either way.
   */
  private entriesOf(rows: DeltaRow[], broken: Set<string>): { entries: CheckpointEntry[]; newStreams: number } {
    const entries: CheckpointEntry[] = [];
    let newStreams = 0;
    for (let i = 0; i < rows.length;) {
      const first = rows[i]!;
      let prev = first.covered === 0 ? GENESIS_HASH : first.covered_hash!;
      let expected = first.covered + 1;
      const hashes: Buffer[] = [];
      let problem: string | null = null;
      for (; i < rows.length && rows[i]!.stream === first.stream; i++) {
        if (problem) continue;
        const r = rows[i]!;
        if (r.seq !== expected) problem = `seq ${expected} is missing`;
        else if (r.prev_hash !== prev) problem = `seq ${r.seq} does not link to seq ${r.seq - 1}`;
        if (problem) continue;
        hashes.push(Buffer.from(r.hash, 'hex'));
        prev = r.hash;
        expected++;
      }
      if (problem) {
        broken.add(first.stream);
        this.logger.error(
          `Audit chain ${first.stream} does not verify (${problem}): not checkpointed past seq ${expected - 1}. Run npm run audit:verify.`,
        );
      }
      if (hashes.length === 0) continue;
      if (first.covered === 0) newStreams++;
      entries.push({ stream: first.stream, firstSeq: first.covered + 1, lastSeq: expected - 1, hashes: Buffer.concat(hashes) });
    }
    return { entries, newStreams };
  }
}

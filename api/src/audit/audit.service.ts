import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../users/user.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { eventHash, GENESIS_HASH } from './chain.js';

export interface NewAuditEvent {
  caseId: string | null;
  type: string;
  at: Date;
  /** Who acted (an AuthUser will do); null for the system. */
  actor: { id: string; username: string; role: Role } | null;
  data?: Record<string, unknown>;
  /** A chain not about a case, such as `user:<id>` for an account's logins; default `streamOf(caseId)`. */
  stream?: string;
}

export const streamOf = (caseId: string | null) => (caseId ? `case:${caseId}` : 'system');

/** A court's administration trail (users, roster, settings, calendar): one audit chain per court. */
export const adminStream = (courtId: string) => `admin:${courtId}`;

/** `streamOf` in SQL, over an expression holding a case id. */
export const caseStreamSql = (caseIdExpr: string) => `('case:' || ${caseIdExpr})`;

/** The last event of a chain as `audit_chain_head(stream)` returns it (nulls for an empty chain). */
export interface ChainHeadRow {
  head_seq: number | null;
  head_hash: string | null;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends to the event's chain inside the caller's transaction. `audit_chain_head()` takes a
   * transaction-scoped advisory lock on the stream, then reads its last event (migration
   * AuditChainHead): concurrent appends to one chain are ordered without touching other chains.
   */
  async append(m: EntityManager, e: NewAuditEvent): Promise<AuditEvent> {
    const [head] = (await m.query('SELECT head_seq, head_hash FROM audit_chain_head($1)', [
      e.stream ?? streamOf(e.caseId),
    ])) as ChainHeadRow[];
    return this.appendAfter(m, e, head!);
  }

  /**
   * Appends after `head`, which the caller read with `audit_chain_head(stream)` earlier in this
   * transaction (so it holds the stream's lock) — e.g. inside the statement that changed the case.
   */
  async appendAfter(m: EntityManager, e: NewAuditEvent, head: ChainHeadRow): Promise<AuditEvent> {
    const event = m.create(AuditEvent, {
      stream: e.stream ?? streamOf(e.caseId),
      caseId: e.caseId,
      seq: (head.head_seq ?? 0) + 1,
      type: e.type,
      at: e.at,
      actorId: e.actor?.id ?? null,
      actorUsername: e.actor?.username ?? null,
      actorRole: e.actor?.role ?? null,
      data: e.data ?? {},
      prevHash: head.head_hash ?? GENESIS_HASH,
    });
    event.hash = eventHash(event.prevHash, event);
    await m.query(
      `INSERT INTO audit_events (stream, case_id, seq, type, at, actor_id, actor_username, actor_role, data, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb, $10, $11)`,
      [
        event.stream,
        event.caseId,
        event.seq,
        event.type,
        event.at,
        event.actorId,
        event.actorUsername,
        event.actorRole,
        JSON.stringify(event.data),
        event.prevHash,
        event.hash,
      ],
    );
    return event;
  }

  /** Appends in a transaction of its own (events not tied to a state change, such as exports). */
  appendNow(e: NewAuditEvent): Promise<AuditEvent> {
    return this.dataSource.transaction((m) => this.append(m, e));
  }

  eventsOfCase(caseId: string): Promise<AuditEvent[]> {
    return this.dataSource.getRepository(AuditEvent).find({ where: { stream: streamOf(caseId) }, order: { seq: 'ASC' } });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditEvent } from './audit-event.entity.js';
import { eventHash, GENESIS_HASH } from './chain.js';

export interface NewAuditEvent {
  caseId: string | null;
  type: string;
  at: Date;
  actor: Pick<AuthUser, 'id' | 'username' | 'role'> | null;
  data?: Record<string, unknown>;
}

export const streamOf = (caseId: string | null) => (caseId ? `case:${caseId}` : 'system');

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends to the event's chain inside the caller's transaction. A transaction-scoped advisory
   * lock on the stream orders concurrent appends to one chain without touching other chains.
   */
  async append(m: EntityManager, e: NewAuditEvent): Promise<AuditEvent> {
    const stream = streamOf(e.caseId);
    await m.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [stream]);
    const [last] = await m.query(
      'SELECT seq, hash FROM audit_events WHERE stream = $1 ORDER BY seq DESC LIMIT 1', [stream],
    ) as { seq: number; hash: string }[];
    const event = m.create(AuditEvent, {
      stream, caseId: e.caseId, seq: (last?.seq ?? 0) + 1, type: e.type, at: e.at,
      actorId: e.actor?.id ?? null, actorUsername: e.actor?.username ?? null, actorRole: e.actor?.role ?? null,
      data: e.data ?? {}, prevHash: last?.hash ?? GENESIS_HASH,
    });
    event.hash = eventHash(event.prevHash, event);
    await m.createQueryBuilder().insert().into(AuditEvent).values(event as never).execute();
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

import type { EntityManager } from 'typeorm';

/** Events that open queues react to (contract: /api/queue/stream). */
export type QueueEventType = 'delegated' | 'claimed' | 'released' | 'declined' | 'withdrawn';

export interface QueueEvent {
  type: QueueEventType;
  caseId: string;
  courtId: string;
  /** Who may see the case in their queue (scope of the delegation). */
  scope: 'organization' | 'mediator' | 'court' | null;
  organizationId: string | null;
  mediatorId: string | null;
  at: string;
}

export const QUEUE_CHANNEL = 'sutiao_queue';

/**
 * Publishes through PostgreSQL NOTIFY inside the caller's transaction: delivered to every API
 * instance listening on the database exactly when (and only if) the state change commits.
 */
export async function publishQueueEvent(m: EntityManager, event: QueueEvent): Promise<void> {
  await m.query('SELECT pg_notify($1, $2)', [QUEUE_CHANNEL, JSON.stringify(event)]);
}

/**
 * `publishQueueEvent` as an SQL expression over a `cases` row aliased `alias`, for a statement
 * that changes the case and must not pay another round trip; `atParam` holds the instant (text).
 * Builds exactly the `QueueEvent` shape; the queue is the one the case is leaving or entering.
 */
export function queueEventNotifySql(type: QueueEventType, alias: string, atParam: string): string {
  return `pg_notify('${QUEUE_CHANNEL}', json_build_object('type', '${type}', 'caseId', ${alias}.id, 'courtId', ${alias}.court_id,
    'scope', ${alias}.queue_scope, 'organizationId', ${alias}.delegated_organization_id, 'mediatorId', ${alias}.delegated_mediator_id,
    'at', ${atParam})::text)`;
}

import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { eligibleForMediator } from '../case-records/eligibility.js';

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
/** PostgreSQL refuses NOTIFY payloads of 8000 bytes or more. */
export const MAX_NOTIFY_PAYLOAD = 7900;

/**
 * Publishes through PostgreSQL NOTIFY inside the caller's transaction: delivered to every API
 * instance listening on the database exactly when (and only if) the state change commits.
 * A transaction that NOTIFYs holds a database-wide lock while it commits, so the hot queue claim
 * publishes after commit instead, batched (QueueEventsService.publish).
 */
export async function publishQueueEvent(m: EntityManager, event: QueueEvent): Promise<void> {
  await m.query('SELECT pg_notify($1, $2)', [QUEUE_CHANNEL, JSON.stringify(event)]);
}

const QUEUE_EVENT_TYPES = new Set(['delegated', 'claimed', 'released', 'declined', 'withdrawn']);

const isQueueEvent = (e: Partial<QueueEvent> | null): e is QueueEvent =>
  !!e && typeof e.caseId === 'string' && typeof e.courtId === 'string' && QUEUE_EVENT_TYPES.has(String(e.type));

/** A notification carries one event (published in a transaction) or an array (published in a batch). */
export function parseEvents(payload: string | undefined): QueueEvent[] | null {
  try {
    const parsed = JSON.parse(payload ?? '') as Partial<QueueEvent> | Partial<QueueEvent>[];
    const events = Array.isArray(parsed) ? parsed : [parsed];
    return events.every(isQueueEvent) ? events : null;
  } catch {
    return null;
  }
}

/** JSON arrays of the events, each small enough for one NOTIFY. */
export function notifyPayloads(events: readonly QueueEvent[]): string[] {
  const payloads: string[] = [];
  let batch: string[] = [];
  let size = 2;
  for (const json of events.map((e) => JSON.stringify(e))) {
    const bytes = Buffer.byteLength(json);
    if (batch.length && size + bytes + 1 > MAX_NOTIFY_PAYLOAD) {
      payloads.push(`[${batch.join(',')}]`);
      batch = [];
      size = 2;
    }
    batch.push(json);
    size += bytes + 1;
  }
  if (batch.length) payloads.push(`[${batch.join(',')}]`);
  return payloads;
}

/** Whether an open queue of `user` shows the case the event is about. */
export function concerns(e: QueueEvent, user: AuthUser): boolean {
  return eligibleForMediator(
    {
      courtId: e.courtId,
      queueScope: e.scope,
      delegatedOrganizationId: e.organizationId,
      delegatedMediatorId: e.mediatorId,
    },
    user,
  );
}

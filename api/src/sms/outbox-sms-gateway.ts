import type { DataSource, EntityManager } from 'typeorm';
import { SMS_MAX_LENGTH, SmsGateway, type SmsMessage } from './sms-gateway.js';
import { SmsOutboxMessage } from './sms-outbox.entity.js';

/** Keeps every message in `sms_outbox` (SMS_GATEWAY=outbox): demos and tests work offline. */
export class OutboxSmsGateway extends SmsGateway {
  readonly kind = 'outbox';

  constructor(private readonly ds: DataSource) {
    super();
  }

  async send(message: SmsMessage, manager: EntityManager = this.ds.manager): Promise<void> {
    await manager.insert(SmsOutboxMessage, {
      phone: message.phone,
      text: message.text.slice(0, SMS_MAX_LENGTH),
      purpose: message.purpose,
      courtId: message.courtId ?? null,
      caseId: message.caseId ?? null,
    });
  }

  /** The court's kept messages, newest first (GET /api/admin/sms-outbox). */
  list(courtId: string, limit = 200): Promise<SmsOutboxMessage[]> {
    return this.ds.getRepository(SmsOutboxMessage).find({ where: { courtId }, order: { sentAt: 'DESC', id: 'DESC' }, take: limit });
  }
}

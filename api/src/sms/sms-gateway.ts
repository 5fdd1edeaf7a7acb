import type { EntityManager } from 'typeorm';

/** One text message to one phone. */
export interface SmsMessage {
  /** Mainland mobile number, digits only (e.g. 13800138000). */
  phone: string;
  /** The text as the recipient reads it (at most 500 characters), signed with the court's name by the caller. */
  text: string;
  /** What it is for (`party_sign_in`, `agreement_signature`, `obligation_reminder`, …): kept with the message, sent to the provider. */
  purpose: string;
  courtId?: string | null;
  caseId?: string | null;
}

/**
 * Where text messages go: SMS_GATEWAY selects `outbox` (kept in `sms_outbox` for the administrator,
 * the default outside production) or `http` (posted to the court's provider). Inject this class;
 * sms.module.ts provides the configured implementation.
 */
export abstract class SmsGateway {
  abstract readonly kind: 'outbox' | 'http';

  /**
   * Sends (or keeps) the message. With `manager`, the outbox writes in the caller's transaction,
   * so a rolled-back action leaves no message behind; the HTTP gateway sends at once regardless.
   * Throws SmsDeliveryError when the provider refuses or cannot be reached.
   */
  abstract send(message: SmsMessage, manager?: EntityManager): Promise<void>;
}

export class SmsDeliveryError extends Error {}

/** The longest text a message may carry (the provider splits long messages; this keeps them few). */
export const SMS_MAX_LENGTH = 500;

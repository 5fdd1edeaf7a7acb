import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A message the `outbox` gateway kept instead of sending (SMS_GATEWAY=outbox: demos and tests). */
@Entity('sms_outbox')
@Index('ix_sms_outbox_court_sent', ['courtId', 'sentAt'])
@Index('ix_sms_outbox_phone_sent', ['phone', 'sentAt'])
export class SmsOutboxMessage {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_sms_outbox' })
  id: string;

  @Column({ type: 'uuid', nullable: true })
  courtId: string | null;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 500 })
  text: string;

  /** What the message is for, e.g. `party_sign_in`, `agreement_signature`, `obligation_reminder`. */
  @Column({ type: 'varchar', length: 40 })
  purpose: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  sentAt: Date;
}

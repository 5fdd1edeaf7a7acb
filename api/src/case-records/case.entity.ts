import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { bigintTransformer } from '../common/transformers.js';
import type { CaseStatus } from '../rules/case-status.js';
import type { Procedure, TrackCode } from '../rules/tracks.js';

/** Which queue a delegated case waits in (contract: organization, named mediator, or court-wide). */
export type QueueScope = 'organization' | 'mediator' | 'court';

export interface ExtensionRecord {
  days: number;
  reason: string;
  at: string;
  byUserId: string;
}

@Entity('cases')
@Index('ux_cases_case_number', ['caseNumber'], { unique: true })
@Index('ix_cases_court_status', ['courtId', 'status'])
@Index('ix_cases_assignee_status', ['assigneeId', 'status'])
@Index('ix_cases_received_on', ['courtId', 'receivedOn'])
// The unclaimed cases in queue order (queue/queue.service.ts QUEUE_ORDER), per court: `next` reads one entry.
@Index('ix_cases_queue', ['courtId', 'acceptBy', 'receivedOn', 'delegatedAt', 'id'], { where: `"status" = 'delegated'` })
@Check(
  'ck_cases_status',
  `"status" IN ('registered','delegated','in_mediation','agreed','confirmation_pending','confirmed','confirmation_rejected','failed','withdrawn','concluded','confirmation_closed')`,
)
@Check('ck_cases_track', `"track" IN ('pre_litigation','entrusted')`)
@Check('ck_cases_claim_amount', `"claim_amount_fen" >= 0 AND "claim_amount_fen" < 100000000000000`)
@Check('ck_cases_assignee', `"status" <> 'in_mediation' OR "assignee_id" IS NOT NULL`)
export class Case {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_cases' })
  id: string;

  @Column({ type: 'uuid' })
  courtId: string;

  @Column({ type: 'varchar', length: 60 })
  caseNumber: string;

  @Column({ type: 'varchar', length: 20 })
  track: TrackCode;

  @Column({ type: 'varchar', length: 10, default: 'ordinary' })
  procedure: Procedure;

  @Column({ type: 'varchar', length: 24 })
  status: CaseStatus;

  @Column({ type: 'varchar', length: 40 })
  disputeType: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  claimAmountFen: bigint;

  @Column({ type: 'text' })
  summary: string;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  claims: string[];

  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'boolean' })
  consentToMediation: boolean;

  @Column({ type: 'varchar', length: 12, nullable: true })
  queueScope: QueueScope | null;

  @Column({ type: 'uuid', nullable: true })
  delegatedOrganizationId: string | null;

  @Column({ type: 'uuid', nullable: true })
  delegatedMediatorId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  delegatedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  delegationNote: string | null;

  @Column({ type: 'uuid', nullable: true })
  assigneeId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  extensions: ExtensionRecord[];

  /** When mediation ended (agreement, failure or withdrawal) — the period a case is counted in. */
  @Column({ type: 'timestamptz', nullable: true })
  mediationEndedAt: Date | null;

  @Column({ type: 'date', nullable: true })
  acceptBy: string | null;

  @Column({ type: 'date', nullable: true })
  mediationEndsOn: string | null;

  @Column({ type: 'date', nullable: true })
  confirmationApplyBy: string | null;

  @Column({ type: 'date', nullable: true })
  decisionDueOn: string | null;

  /** A clock ran into a year whose holiday schedule is not yet published. */
  @Column({ type: 'boolean', default: false })
  clocksProvisional: boolean;

  @Column({ type: 'uuid' })
  createdById: string;

  @Column({ type: 'int', default: 1 })
  version: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/** One gapless number series per court, type and year; the row lock serialises concurrent filings. */
@Entity('case_number_sequences')
export class CaseNumberSequence {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_case_number_sequences' })
  courtId: string;

  @PrimaryColumn({ type: 'varchar', length: 16, primaryKeyConstraintName: 'pk_case_number_sequences' })
  type: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_case_number_sequences' })
  year: number;

  @Column({ type: 'int' })
  lastSeq: number;
}

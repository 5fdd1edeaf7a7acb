import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { FollowupMethod, FollowupOutcome } from '../rules/obligations.js';
import { Case } from './case.entity.js';

/**
 * One 回访 of a mediation agreement (人民调解法 Art. 31 ¶2): the mediator (or the clerk) called or
 * visited a party to learn whether the agreement is being performed. Numbered per case (`seq`);
 * issues the document `followup_record` (人民调解回访记录) in the same transaction.
 */
@Entity('followup_records')
@Index('ux_followup_records_case_seq', ['caseId', 'seq'], { unique: true })
@Check('ck_followup_records_method', `"method" IN ('phone','visit','online','other')`)
@Check('ck_followup_records_outcome', `"outcome" IN ('performed','partially_performed','not_performed','other')`)
export class FollowupRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_followup_records' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_followup_records_case' })
  case: Relation<Case>;

  @Column({ type: 'int' })
  seq: number;

  /** China date of the call or visit. */
  @Column({ type: 'date' })
  contactedOn: string;

  @Column({ type: 'varchar', length: 12 })
  method: FollowupMethod;

  /** Who was contacted (a party, an agent, a relative …), in the mediator's words. */
  @Column({ type: 'varchar', length: 200 })
  contactedPerson: string;

  @Column({ type: 'varchar', length: 24 })
  outcome: FollowupOutcome;

  @Column({ type: 'text' })
  notes: string;

  @Column({ type: 'uuid' })
  recordedById: string;

  /** The 回访记录 issued for it (set in the same transaction). */
  @Column({ type: 'uuid', nullable: true })
  documentId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

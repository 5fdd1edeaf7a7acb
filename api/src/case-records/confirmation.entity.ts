import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { ConfirmationResult, RejectionGround } from '../rules/case-status.js';
import { Case } from './case.entity.js';

@Entity('confirmations')
@Index('ux_confirmations_case', ['caseId'], { unique: true })
@Index('ux_confirmations_case_number', ['caseNumber'], { unique: true })
@Check('ck_confirmations_result', `"result" IS NULL OR "result" IN ('confirmed','rejected')`)
export class Confirmation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_confirmations' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_confirmations_case' })
  case: Relation<Case>;

  /** 诉前调确 / 民特 number of the confirmation case. */
  @Column({ type: 'varchar', length: 60 })
  caseNumber: string;

  @Column({ type: 'date' })
  appliedOn: string;

  @Column({ type: 'uuid' })
  appliedById: string;

  @Column({ type: 'varchar', length: 12, nullable: true })
  result: ConfirmationResult | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  grounds: RejectionGround[];

  @Column({ type: 'text', nullable: true })
  reasoning: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  decidedAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  judgeId: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Case } from './case.entity.js';

export type ConclusionOutcome = 'decree' | 'withdrawal';

/**
 * How an `entrusted` (民初) case that reached an agreement ended (issue 14 item 2): the judge's
 * 民事调解书 in the same case (CPL 100/101) or the applicant's 撤诉 recorded by the judge.
 */
@Entity('case_conclusions')
@Index('ux_case_conclusions_case', ['caseId'], { unique: true })
@Check('ck_case_conclusions_outcome', `"outcome" IN ('decree','withdrawal')`)
export class CaseConclusion {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_case_conclusions' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_case_conclusions_case' })
  case: Relation<Case>;

  @Column({ type: 'varchar', length: 12 })
  outcome: ConclusionOutcome;

  /** The China date of the decree / of the withdrawal ruling. */
  @Column({ type: 'date' })
  concludedOn: string;

  /** The decree's 调解协议内容 as the judge confirmed it, or the withdrawal's reason. */
  @Column({ type: 'text' })
  note: string;

  @Column({ type: 'uuid' })
  judgeId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import type { TerminationReason } from '../rules/case-status.js';
import { Case } from './case.entity.js';

/** 调解终结记录 (在线调解规则 Art. 21, 25). */
@Entity('terminations')
@Index('ux_terminations_case', ['caseId'], { unique: true })
export class Termination {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_terminations' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_terminations_case' })
  case: Relation<Case>;

  @Column({ type: 'varchar', length: 30 })
  reason: TerminationReason;

  @Column({ type: 'text' })
  details: string;

  @Column({ type: 'text', nullable: true })
  undisputedFacts: string | null;

  @Column({ type: 'uuid' })
  byUserId: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

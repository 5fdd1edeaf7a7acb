import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import type { MaterialCode, MaterialState } from '../rules/review-file.js';
import { Case } from './case.entity.js';

export interface SupplementRequest {
  requestedOn: string;
  dueOn: string;
  items: MaterialCode[];
  note: string | null;
  receivedOn: string | null;
  requestedById: string;
}

export interface DecisionExtension {
  approvedBy: string;
  approvedOn: string;
  reason: string;
  recordedById: string;
  recordedAt: string;
}

export interface ReviewClosure {
  kind: 'not_accepted' | 'withdrawal_permitted' | 'deemed_withdrawn';
  /** Art. 355 matter (not_accepted) or deemed-withdrawal reason code. */
  code: string | null;
  reasoning: string;
  decidedOn: string;
  judgeId: string;
}

/** The judge's review file of one confirmation application (民诉解释 Art. 351–358). */
@Entity('confirmation_reviews')
@Index('ux_confirmation_reviews_case', ['caseId'], { unique: true })
export class ConfirmationReview {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_confirmation_reviews' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_confirmation_reviews_case' })
  case: Relation<Case>;

  /** 受理/立案 date: the decision clock runs from here. */
  @Column({ type: 'date' })
  acceptedOn: string;

  @Column({ type: 'boolean', default: false })
  agentApplies: boolean;

  @Column({ type: 'jsonb' })
  materials: Record<MaterialCode, MaterialState>;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  supplements: SupplementRequest[];

  @Column({ type: 'jsonb', nullable: true })
  extension: DecisionExtension | null;

  @Column({ type: 'jsonb', nullable: true })
  closure: ReviewClosure | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

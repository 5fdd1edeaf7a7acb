import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Case } from './case.entity.js';

@Entity('mediation_sessions')
@Check('ck_mediation_sessions_result', `"result" IN ('agreed','adjourned','failed')`)
@Index('ux_mediation_sessions_case_seq', ['caseId', 'seq'], { unique: true })
@Check('ck_mediation_sessions_mode', `"mode" IN ('in_person','video','phone')`)
export class MediationSession {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_mediation_sessions' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_mediation_sessions_case' })
  case: Relation<Case>;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'timestamptz' })
  heldAt: Date;

  @Column({ type: 'varchar', length: 12 })
  mode: 'in_person' | 'video' | 'phone';

  @Column({ type: 'varchar', length: 200, nullable: true })
  location: string | null;

  @Column({ type: 'jsonb' })
  attendees: string[];

  @Column({ type: 'text' })
  minutes: string;

  @Column({ type: 'text', nullable: true })
  undisputedFacts: string | null;

  /** What the mediator disclosed under 在线调解规则 Art. 13; null: nothing to disclose. */
  @Column({ type: 'text', nullable: true })
  disclosure: string | null;

  @Column({ type: 'boolean', default: false })
  recusalRequested: boolean;

  /** 调解结果 of the session: agreed, adjourned (another session follows) or failed. */
  @Column({ type: 'varchar', length: 12, default: 'adjourned' })
  result: 'agreed' | 'adjourned' | 'failed';

  /** Agents present for parties, with their authority (特别授权 / 一般授权). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  agents: { partyId: string; name: string; authority: 'special' | 'general' }[];

  @Column({ type: 'uuid' })
  recordedById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

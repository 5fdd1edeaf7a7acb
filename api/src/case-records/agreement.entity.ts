import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, OneToMany, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { bigintTransformer } from '../common/transformers.js';
import { Case } from './case.entity.js';

@Entity('agreements')
@Index('ux_agreements_case', ['caseId'], { unique: true })
export class Agreement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agreements' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_agreements_case' })
  case: Relation<Case>;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  performancePlace: string | null;

  /** When the last party signed: the agreement takes effect that day (人民调解法 Art. 29). */
  @Column({ type: 'timestamptz' })
  signedAt: Date;

  @Column({ type: 'date' })
  effectiveOn: string;

  @Column({ type: 'uuid' })
  createdById: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @OneToMany(() => AgreementTerm, (t) => t.agreement)
  terms: Relation<AgreementTerm[]>;
}

@Entity('agreement_terms')
@Index('ux_agreement_terms_position', ['agreementId', 'position'], { unique: true })
export class AgreementTerm {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agreement_terms' })
  id: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @ManyToOne(() => Agreement, (a) => a.terms, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agreement_id', foreignKeyConstraintName: 'fk_agreement_terms_agreement' })
  agreement: Relation<Agreement>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'uuid' })
  obligorPartyId: string;

  @Column({ type: 'uuid' })
  obligeePartyId: string;

  @Column({ type: 'bigint', transformer: bigintTransformer })
  amountFen: bigint;

  @Column({ type: 'date' })
  dueOn: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  method: string | null;
}

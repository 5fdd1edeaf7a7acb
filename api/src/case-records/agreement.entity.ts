import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { bigintTransformer } from '../common/transformers.js';
import { Case } from './case.entity.js';

/** How the parties sign: on paper (the mediator attests, as before) or online, each with an SMS code (issue 16). */
export type SignatureMethod = 'paper' | 'online';

@Entity('agreements')
@Index('ux_agreements_case', ['caseId'], { unique: true })
@Check('ck_agreements_signature_method', `"signature_method" IN ('paper','online')`)
@Check(
  'ck_agreements_effective',
  `("signed_at" IS NULL) = ("effective_on" IS NULL) AND ("signed_at" IS NOT NULL OR "signature_method" = 'online')`,
)
@Index('ux_agreements_number', ['numberScopeId', 'numberYear', 'numberSeq'], { unique: true })
export class Agreement {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agreements' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_agreements_case' })
  case: Relation<Case>;

  /**
   * 编号 in the mediating committee's own yearly series (e.g. 赤市调字〔2026〕第12号), allocated in the
   * transaction that records the agreement and printed as it was then (a later change of the
   * committee's 代字 does not renumber it). The dossier carries the same number.
   */
  @Column({ type: 'varchar', length: 40 })
  number: string;

  /** The series: the committee's id, or the court's id when the court's 诉调对接中心 mediated. */
  @Column({ type: 'uuid' })
  numberScopeId: string;

  @Column({ type: 'int' })
  numberYear: number;

  @Column({ type: 'int' })
  numberSeq: number;

  @Column({ type: 'text' })
  content: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  performancePlace: string | null;

  /**
   * When the last party signed: the agreement takes effect that day (人民调解法 Art. 29). Null while
   * an agreement issued for online signature waits for signatures (the case is still in mediation).
   */
  @Column({ type: 'timestamptz', nullable: true })
  signedAt: Date | null;

  @Column({ type: 'date', nullable: true })
  effectiveOn: string | null;

  @Column({ type: 'varchar', length: 10, default: 'paper' })
  signatureMethod: SignatureMethod;

  /** The agreement PDF issued for online signature: what each party signs (its sha256). Null on paper. */
  @Column({ type: 'uuid', nullable: true })
  signingDocumentId: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  issuedForSignatureAt: Date | null;

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

/** One gapless series of agreement numbers per committee (or court centre) and year; the row lock serialises parallel agreements. */
@Entity('agreement_number_sequences')
export class AgreementNumberSequence {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_agreement_number_sequences' })
  scopeId: string;

  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_agreement_number_sequences' })
  year: number;

  @Column({ type: 'int' })
  lastSeq: number;
}

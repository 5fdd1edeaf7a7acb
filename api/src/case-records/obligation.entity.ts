import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { bigintTransformer } from '../common/transformers.js';
import type { ObligationStatus } from '../rules/obligations.js';
import { AgreementTerm } from './agreement.entity.js';
import { Case } from './case.entity.js';
import type { Party } from './party.entity.js';

/**
 * One term of a mediation agreement as something to perform (人民调解法 Art. 31 ¶2): who owes
 * whom how much by when, what has been paid, and its state (rules/obligations.ts). Created with
 * the agreement; changed by performance records (each audited on the case's chain, with its own
 * optimistic `version`) and by the daily follow-up job (default after a missed date).
 */
@Entity('obligations')
@Index('ux_obligations_term', ['termId'], { unique: true })
@Index('ix_obligations_court_due', ['courtId', 'dueOn'])
@Index('ix_obligations_case', ['caseId'])
export class Obligation {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_obligations' })
  id: string;

  @Column({ type: 'uuid' })
  termId: string;

  @ManyToOne(() => AgreementTerm, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id', foreignKeyConstraintName: 'fk_obligations_term' })
  term: Relation<AgreementTerm>;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_obligations_case' })
  case: Relation<Case>;

  @Column({ type: 'uuid' })
  courtId: string;

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

  @Column({ type: 'varchar', length: 24, default: 'due' })
  status: ObligationStatus;

  @Column({ type: 'bigint', transformer: bigintTransformer, default: 0 })
  paidFen: bigint;

  /** The day of the last payment recorded. */
  @Column({ type: 'date', nullable: true })
  paidOn: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  evidenceNote: string | null;

  @Column({ type: 'int', default: 1 })
  version: number;

  @Column({ type: 'timestamptz', nullable: true })
  updatedAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

/**
 * One message the follow-up job sent (or decided on) for an obligation: the unique key makes each
 * reminder exactly once however many app instances run the job — the row is inserted
 * (ON CONFLICT DO NOTHING) in the same transaction as the outbox write.
 * `kind`: `reminder` (before the due date, to the obligor) or `default_notice` (after a missed
 * date, to the obligee: how to apply for enforcement).
 */
@Entity('obligation_reminders')
@Index('ux_obligation_reminders', ['obligationId', 'kind', 'dueOn'], { unique: true })
export class ObligationReminder {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_obligation_reminders' })
  id: string;

  @Column({ type: 'uuid' })
  obligationId: string;

  @ManyToOne(() => Obligation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'obligation_id', foreignKeyConstraintName: 'fk_obligation_reminders_obligation' })
  obligation: Relation<Obligation>;

  @Column({ type: 'varchar', length: 20 })
  kind: 'reminder' | 'default_notice';

  @Column({ type: 'date' })
  dueOn: string;

  /** Whether a text went out (false: no phone, or the party declined electronic service). */
  @Column({ type: 'boolean' })
  sent: boolean;

  @Column({ type: 'timestamptz' })
  at: Date;
}

/**
 * Whether a party may be reached electronically (text messages). Parties consent to electronic
 * service separately (民事诉讼法 Art. 90); until a consent is recorded on the party this answers
 * true, and false only where a `electronicServiceConsent` field says false.
 */
export function consentsToElectronicService(party: Party): boolean {
  const consent = (party as Party & { electronicServiceConsent?: boolean | null }).electronicServiceConsent;
  return consent !== false;
}

/** The obligations of freshly saved agreement terms (the agree action writes them with the terms). */
export function obligationsOfTerms(courtId: string, caseId: string, terms: AgreementTerm[]): Partial<Obligation>[] {
  return terms.map((t) => ({
    termId: t.id,
    caseId,
    courtId,
    position: t.position,
    obligorPartyId: t.obligorPartyId,
    obligeePartyId: t.obligeePartyId,
    amountFen: t.amountFen,
    dueOn: t.dueOn,
    method: t.method,
    status: 'due',
    paidFen: 0n,
  }));
}

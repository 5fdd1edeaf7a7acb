import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One party's answer to an agreement issued for signature (issue 16 item 4): a signature — online
 * with a fresh SMS code, or on paper as the mediator attests — or a refusal with its reason. Bound to
 * the exact PDF: `documentId` is the agreement document issued for signature and `documentSha256`
 * the sha256 of its bytes. A party signs a document at most once (unique index); an amended
 * agreement is a new document, so signatures of the old one no longer count.
 */
@Entity('agreement_signatures')
@Index('ux_agreement_signatures_signed', ['documentId', 'partyId'], { unique: true, where: `"outcome" = 'signed'` })
@Index('ix_agreement_signatures_case', ['caseId', 'at'])
@Check('ck_agreement_signatures_method', `"method" IN ('online','paper')`)
@Check('ck_agreement_signatures_outcome', `"outcome" IN ('signed','refused')`)
@Check('ck_agreement_signatures_reason', `"outcome" = 'signed' OR "reason" IS NOT NULL`)
export class AgreementSignature {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_agreement_signatures' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'uuid' })
  agreementId: string;

  @Column({ type: 'uuid' })
  partyId: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @Column({ type: 'char', length: 64 })
  documentSha256: string;

  @Column({ type: 'varchar', length: 10 })
  method: 'online' | 'paper';

  @Column({ type: 'varchar', length: 10 })
  outcome: 'signed' | 'refused';

  /** Why the party refused (refusals only). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** When the party signed (paper: the day the mediator attests) or refused. */
  @Column({ type: 'timestamptz' })
  at: Date;

  /** The mediator who attested a paper signature. */
  @Column({ type: 'uuid', nullable: true })
  attestedById: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

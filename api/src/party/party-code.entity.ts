import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A one-time SMS code a party signs in (or signs) with: stored hashed, valid 10 minutes, at most 5 attempts. */
@Entity('party_codes')
@Index('ix_party_codes_phone_created', ['phone', 'createdAt'])
@Index('ix_party_codes_case_created', ['caseId', 'createdAt'])
export class PartyCode {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_party_codes' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  /** Null when the pair matched no party (kept so the rate limit counts guesses too). */
  @Column({ type: 'uuid', nullable: true })
  partyId: string | null;

  /** Digits only. */
  @Column({ type: 'varchar', length: 20 })
  phone: string;

  @Column({ type: 'varchar', length: 40 })
  purpose: string;

  /** sha256 of the code with the row id; null when no code was sent. */
  @Column({ type: 'varchar', length: 64, nullable: true })
  codeHash: string | null;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  usedAt: Date | null;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A party's consent to mediation and to electronic service (CPL 90), with the address for service. */
@Entity('party_consents')
export class PartyConsent {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_party_consents' })
  partyId: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'boolean' })
  mediation: boolean;

  @Column({ type: 'boolean' })
  electronicService: boolean;

  @Column({ type: 'varchar', length: 500, nullable: true })
  serviceAddress: string | null;

  @Column({ type: 'timestamptz' })
  consentedAt: Date;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export const ORGANIZATION_KINDS = ['township', 'village', 'community', 'industry', 'court_invited'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

@Entity('organizations')
@Index('ix_organizations_court', ['courtId'])
@Index('ux_organizations_court_name', ['courtId', 'name'], { unique: true })
export class Organization {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_organizations' })
  id: string;

  @Column({ type: 'uuid' })
  courtId: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: OrganizationKind;

  @Column({ type: 'varchar', length: 100 })
  region: string;

  /** 代字 of the committee's own numbers (e.g. 赤市 in 赤市调字〔2026〕第12号); null: derived from the name. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  docPrefix: string | null;

  /** Contact person and phone, kept by the administrator. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  contact: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

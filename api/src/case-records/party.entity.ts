import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { Case } from './case.entity.js';

@Entity('parties')
@Index('ux_parties_case_position', ['caseId', 'position'], { unique: true })
@Check('ck_parties_role', `"role" IN ('applicant','respondent')`)
@Check('ck_parties_kind', `"kind" IN ('person','organization')`)
export class Party {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_parties' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @ManyToOne(() => Case, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'fk_parties_case' })
  case: Relation<Case>;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'varchar', length: 12 })
  role: 'applicant' | 'respondent';

  @Column({ type: 'varchar', length: 12 })
  kind: 'person' | 'organization';

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** Resident ID (persons) — stored, shown masked except to clerks and judges (audited). */
  @Column({ type: 'varchar', length: 18, nullable: true })
  idNumber: string | null;

  /** Unified social credit code (organizations). */
  @Column({ type: 'varchar', length: 18, nullable: true })
  creditCode: string | null;

  @Column({ type: 'varchar', length: 200, nullable: true })
  representative: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  address: string | null;
}

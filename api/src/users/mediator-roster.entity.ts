import { Check, Column, Entity, JoinColumn, OneToOne, PrimaryColumn, type Relation, UpdateDateColumn } from 'typeorm';
import { User } from './user.entity.js';

export const ROSTER_STATUSES = ['active', 'suspended', 'removed'] as const;
export type RosterStatus = (typeof ROSTER_STATUSES)[number];

/** One year's assessment of a mediator (年度考核), as the administrator noted it. */
export interface RosterAssessment {
  year: number;
  note: string;
}

/**
 * A mediator's entry in the court's roster (特邀调解员名册, 特邀调解规定 2016 Art. 6–9, 24): when
 * they were admitted, the languages and dialects they mediate in, how to reach them, their status
 * and the annual assessments. Specialities are `users.expertise` (recommendation reads them there).
 * A suspended or removed mediator claims, is delegated and is recommended nothing; their cases and
 * history stay. A mediator without a row is active.
 */
@Entity('mediator_roster')
@Check('ck_mediator_roster_status', `"status" IN ('active','suspended','removed')`)
@Check('ck_mediator_roster_reason', `"status" <> 'removed' OR "status_reason" IS NOT NULL`)
export class MediatorRosterEntry {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_mediator_roster' })
  userId: string;

  @OneToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_mediator_roster_user' })
  user?: Relation<User>;

  @Column({ type: 'date', nullable: true })
  admissionDate: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  languages: string[];

  @Column({ type: 'varchar', length: 20, nullable: true })
  phone: string | null;

  @Column({ type: 'varchar', length: 10, default: 'active' })
  status: RosterStatus;

  /** Why the mediator was suspended or removed (required for removal). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  statusReason: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  assessments: RosterAssessment[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

/**
 * "This mediator may take new cases", in SQL over an expression holding the user id: not
 * suspended or removed. Read it after locking the user row when it guards a claim.
 */
export const onActiveRosterSql = (userIdExpr: string) =>
  `NOT EXISTS (SELECT 1 FROM mediator_roster AS rr WHERE rr.user_id = ${userIdExpr} AND rr.status <> 'active')`;

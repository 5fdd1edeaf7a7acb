import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type Role = 'admin' | 'clerk' | 'mediator' | 'judge' | 'statistician';
export const ROLES: readonly Role[] = ['admin', 'clerk', 'mediator', 'judge', 'statistician'];

@Entity('users')
@Index('ux_users_username', ['username'], { unique: true })
@Index('ix_users_organization', ['organizationId'])
@Check('ck_users_role', `"role" IN ('admin','clerk','mediator','judge','statistician')`)
export class User {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_users' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'varchar', length: 100 })
  displayName: string;

  @Column({ type: 'varchar', length: 20 })
  role: Role;

  /** argon2id hash. */
  @Column({ type: 'varchar', length: 200 })
  passwordHash: string;

  @Column({ type: 'uuid' })
  courtId: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId: string | null;

  /** Dispute-type codes a mediator is experienced in; used to recommend mediators. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  expertise: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /**
   * Carried in every access token (`tv`); a token of an older version is refused. Bumped by the
   * database (trigger tg_users_token_version) whenever the password hash or `active` changes.
   */
  @Column({ type: 'int', default: 1 })
  tokenVersion: number;

  /** A one-time (initial or reset) password: the account may only change it until it does. */
  @Column({ type: 'boolean', default: false })
  mustChangePassword: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

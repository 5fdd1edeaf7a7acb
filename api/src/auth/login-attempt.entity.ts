import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One password check of an account. The row is reserved (succeeded = null) before the password
 * is verified, by `login_attempt_reserve()` under a per-username lock, and counts against the
 * account's limit until it is marked succeeded: parallel requests cannot all pass the count.
 * Rows older than the window are removed by the next reservation for that username.
 */
@Entity('login_attempts')
@Index('ix_login_attempts_username_at', ['username', 'attemptedAt'])
export class LoginAttempt {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_login_attempts' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'timestamptz' })
  attemptedAt: Date;

  /** null while the password is being checked. */
  @Column({ type: 'boolean', nullable: true })
  succeeded: boolean | null;
}

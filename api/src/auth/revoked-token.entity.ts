import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** Access tokens ended by logout, by their `jti`, kept until the token would have expired anyway. */
@Entity('revoked_tokens')
@Index('ix_revoked_tokens_expires_at', ['expiresAt'])
export class RevokedToken {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'pk_revoked_tokens' })
  jti: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'timestamptz' })
  expiresAt: Date;
}

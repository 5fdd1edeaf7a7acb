import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Append-only, hash-chained audit trail. One chain per stream (`case:<uuid>` or `system`), so
 * unrelated cases never wait on each other. hash = sha256(prevHash ‖ canonical event).
 */
@Entity('audit_events')
@Index('ux_audit_events_stream_seq', ['stream', 'seq'], { unique: true })
@Index('ix_audit_events_case', ['caseId', 'seq'])
@Index('ix_audit_events_type_at', ['type', 'at'])
export class AuditEvent {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', primaryKeyConstraintName: 'pk_audit_events' })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  stream: string;

  @Column({ type: 'uuid', nullable: true })
  caseId: string | null;

  @Column({ type: 'int' })
  seq: number;

  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  actorUsername: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  actorRole: string | null;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}

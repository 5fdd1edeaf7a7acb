import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { CheckpointScope } from './checkpoint-signature.js';

/**
 * A signed checkpoint of the audit chains (checkpoint-signature.ts says what is signed). Numbered
 * 1, 2, 3 … without gaps, each naming its predecessor's digest. Insert-only, like the events.
 */
@Entity('audit_checkpoints')
@Check('ck_audit_checkpoints_scope', `"scope" IN ('all','streams')`)
export class AuditCheckpoint {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_audit_checkpoints' })
  number: number;

  @Column({ type: 'varchar', length: 10 })
  scope: CheckpointScope;

  @Column({ type: 'timestamptz' })
  signedAt: Date;

  @Column({ type: 'char', length: 64 })
  prevDigest: string;

  @Column({ type: 'char', length: 16 })
  keyId: string;

  @Column({ type: 'int' })
  totalStreams: number;

  @Column({ type: 'bigint' })
  totalEvents: string;

  @Column({ type: 'int' })
  entryCount: number;

  @Column({ type: 'char', length: 64 })
  entriesDigest: string;

  /** sha256 of the signed message: the next checkpoint's `prevDigest`. */
  @Column({ type: 'char', length: 64 })
  digest: string;

  /** Ed25519, base64. */
  @Column({ type: 'varchar', length: 100 })
  signature: string;
}

/** One chain's events covered by one checkpoint: seq `firstSeq` … `lastSeq` and their hashes. */
@Entity('audit_checkpoint_streams')
@Index('ix_audit_checkpoint_streams_stream', ['stream', 'lastSeq'])
@Check(
  'ck_audit_checkpoint_streams_range',
  `"first_seq" >= 1 AND "last_seq" >= "first_seq" AND octet_length("hashes") = ("last_seq" - "first_seq" + 1) * 32`,
)
export class AuditCheckpointStream {
  @PrimaryColumn({ type: 'int', primaryKeyConstraintName: 'pk_audit_checkpoint_streams' })
  checkpointNumber: number;

  @PrimaryColumn({ type: 'varchar', length: 60, primaryKeyConstraintName: 'pk_audit_checkpoint_streams' })
  stream: string;

  @Column({ type: 'int' })
  firstSeq: number;

  @Column({ type: 'int' })
  lastSeq: number;

  /** 32 bytes per event, in seq order. */
  @Column({ type: 'bytea' })
  hashes: Buffer;
}

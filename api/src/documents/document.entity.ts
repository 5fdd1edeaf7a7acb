import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

import type { DocumentKind } from '../rules/document-kinds.js';

export type { DocumentKind };

/**
 * An issued legal document. The row (with its frozen view model) commits in the same
 * transaction as the action that issues it; the PDF bytes are rendered from that view model
 * (inline for live requests, by the outbox worker for bulk imports) and never change.
 */
@Entity('documents')
@Index('ix_documents_case', ['caseId', 'issuedAt'])
@Index('ux_documents_sha256', ['sha256'], { unique: true, where: '"sha256" IS NOT NULL' })
@Index('ix_documents_content_sha256', ['contentSha256'])
@Index('ix_documents_pending', ['issuedAt'], { where: `"status" = 'pending'` })
@Check('ck_documents_status', `"status" IN ('pending','ready','failed')`)
@Check('ck_documents_ready_has_pdf', `"status" <> 'ready' OR ("pdf" IS NOT NULL AND "sha256" IS NOT NULL)`)
export class DocumentRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_documents' })
  id: string;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: DocumentKind;

  @Column({ type: 'varchar', length: 100 })
  title: string;

  /** sha256 of the canonical view model: printed (short) and in the QR code of every page. */
  @Column({ type: 'char', length: 64 })
  contentSha256: string;

  /** sha256 of the PDF bytes. */
  @Column({ type: 'char', length: 64, nullable: true })
  sha256: string | null;

  @Column({ type: 'jsonb' })
  viewModel: unknown;

  @Column({ type: 'bytea', nullable: true })
  pdf: Buffer | null;

  @Column({ type: 'int', nullable: true })
  byteSize: number | null;

  @Column({ type: 'varchar', length: 10, default: 'pending' })
  status: 'pending' | 'ready' | 'failed';

  @Column({ type: 'timestamptz' })
  issuedAt: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}

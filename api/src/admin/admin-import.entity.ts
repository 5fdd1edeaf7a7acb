import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const IMPORT_STATUSES = ['validating', 'ready', 'committed', 'failed'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export interface ImportRowError {
  row: number;
  field: string;
  code: string;
  message: string;
}

/**
 * A bulk import of organizations and mediators (POST /api/admin/imports): the rows as read from the
 * file, then as validated, with progress and errors. Kept in the database so that any request (and
 * any API instance) sees the validation's progress.
 */
@Entity('admin_imports')
@Index('ix_admin_imports_court', ['courtId', 'createdAt'])
@Check('ck_admin_imports_status', `"status" IN ('validating','ready','committed','failed')`)
export class AdminImport {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_admin_imports' })
  id: string;

  @Column({ type: 'uuid' })
  courtId: string;

  @Column({ type: 'uuid', nullable: true })
  createdById: string | null;

  @Column({ type: 'varchar', length: 200 })
  fileName: string;

  @Column({ type: 'varchar', length: 12 })
  status: ImportStatus;

  @Column({ type: 'int', default: 0 })
  total: number;

  @Column({ type: 'int', default: 0 })
  processed: number;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  errors: ImportRowError[];

  /** The raw cells while validating; the validated rows once ready. */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  rows: unknown[];

  /** What the commit wrote (counts of created and existing entries). */
  @Column({ type: 'jsonb', nullable: true })
  result: Record<string, number> | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}

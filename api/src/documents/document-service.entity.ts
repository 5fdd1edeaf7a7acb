import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation, Unique } from 'typeorm';
import { Party } from '../case-records/party.entity.js';
import { DocumentRecord } from './document.entity.js';

/** One document served on one party electronically (电子送达, CPL 90): when, and when first read. */
@Entity('document_services')
@Unique('ux_document_services_document_party', ['documentId', 'partyId'])
@Index('ix_document_services_case', ['caseId'])
export class DocumentServiceRecord {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'pk_document_services' })
  id: string;

  @Column({ type: 'uuid' })
  documentId: string;

  @ManyToOne(() => DocumentRecord, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'document_id', foreignKeyConstraintName: 'fk_document_services_document' })
  document: Relation<DocumentRecord>;

  @Column({ type: 'uuid' })
  partyId: string;

  @ManyToOne(() => Party, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'party_id', foreignKeyConstraintName: 'fk_document_services_party' })
  party: Relation<Party>;

  @Column({ type: 'uuid' })
  caseId: string;

  @Column({ type: 'varchar', length: 20, default: 'electronic' })
  method: string;

  @Column({ type: 'timestamptz' })
  servedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  readAt: Date | null;
}

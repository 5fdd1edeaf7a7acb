import { ApiProperty } from '@nestjs/swagger';
import { instant, integer, uuid } from '../common/api-docs.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../rules/document-kinds.js';

export const DOCUMENT_STATUSES = ['pending', 'ready', 'failed'] as const;
const SHA256 = '^[0-9a-f]{64}$';

/** One electronic service of a document on a party (电子送达). */
export class DocumentServiceView {
  @ApiProperty(uuid()) partyId: string;
  @ApiProperty({ enum: ['electronic'] }) method: string;
  @ApiProperty(instant()) servedAt: string;
  @ApiProperty(instant({ nullable: true, description: 'First download by the party' })) readAt: string | null;
}

export class DocumentListItem {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty({ example: '人民调解协议书' }) title: string;
  @ApiProperty({ type: 'string', nullable: true, pattern: SHA256, description: 'null until the PDF is rendered' }) sha256: string | null;
  @ApiProperty({ enum: DOCUMENT_STATUSES }) status: (typeof DOCUMENT_STATUSES)[number];
  @ApiProperty(integer({ nullable: true, minimum: 0, description: 'PDF size in bytes; null until rendered' })) byteSize: number | null;
  @ApiProperty(instant({ description: 'When the document was issued' })) createdAt: string;
  @ApiProperty({ type: [DocumentServiceView], description: 'Served electronically on these parties; the others are served on paper' })
  services: DocumentServiceView[];
}

export class VerifyResponse {
  @ApiProperty({ type: 'boolean', enum: [true], description: 'Always true: unknown hashes answer 404' }) valid: true;
  @ApiProperty({ enum: DOCUMENT_KINDS }) kind: DocumentKind;
  @ApiProperty({ example: '人民调解协议书' }) title: string;
  @ApiProperty({ example: '（2026）黔0381民诉前调1号' }) caseNumber: string;
  @ApiProperty(instant()) issuedAt: string;
  @ApiProperty({ type: 'string', nullable: true, pattern: SHA256, description: 'sha256 of the issued PDF' }) sha256: string | null;
}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CaseRecordsModule } from '../case-records/case-records.module.js';
import { DocumentRecord } from './document.entity.js';
import { DocumentsController } from './documents.controller.js';
import { DocumentsService } from './documents.service.js';
import { DocumentServiceRecord } from './document-service.entity.js';
import { ElectronicService } from './electronic-service.js';

/**
 * The legal documents issued for a case: issued inside the action's transaction, rendered to PDF
 * (inline or by the outbox), read by those who may see the case, verified by anyone. The renderer
 * (PDF_RENDERER) is provided once per app by CoreModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DocumentRecord, DocumentServiceRecord]), CaseRecordsModule, AuditModule],
  controllers: [DocumentsController],
  providers: [DocumentsService, ElectronicService],
  exports: [TypeOrmModule, DocumentsService, ElectronicService],
})
export class DocumentsModule {}

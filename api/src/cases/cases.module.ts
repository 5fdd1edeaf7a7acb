import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CaseRecordsModule } from '../case-records/case-records.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { AgreementSigningService } from './agreement-signing.service.js';
import { CaseActionsService } from './case-actions.service.js';
import { CaseTransitions } from './case-transitions.service.js';
import { CasesController } from './cases.controller.js';
import { CasesService } from './cases.service.js';
import { RunningClocks } from './clock-recompute.js';

/**
 * The work done on a case: registration, the actions of the state machine (each one transaction
 * with its audit event, document, queue notification and statistics), the case views. The case
 * records themselves belong to CaseRecordsModule.
 */
@Module({
  imports: [CaseRecordsModule, AuditModule, CalendarModule, DocumentsModule],
  controllers: [CasesController],
  providers: [CasesService, CaseActionsService, CaseTransitions, RunningClocks, AgreementSigningService],
  exports: [CasesService, CaseActionsService, CaseTransitions, AgreementSigningService],
})
export class CasesModule {}

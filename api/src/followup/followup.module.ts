import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CaseRecordsModule } from '../case-records/case-records.module.js';
import { DocumentsModule } from '../documents/documents.module.js';
import { FollowupController } from './followup.controller.js';
import { FollowupRecordsService } from './followup-records.service.js';
import { FollowupService } from './followup.service.js';
import { ReminderJob } from './reminder-job.service.js';

/** After the agreement: performance records, the follow-up desk, the reminder job and 回访记录. */
@Module({
  imports: [CaseRecordsModule, AuditModule, CalendarModule, DocumentsModule],
  controllers: [FollowupController],
  providers: [FollowupService, FollowupRecordsService, ReminderJob],
  exports: [FollowupService, ReminderJob],
})
export class FollowupModule {}

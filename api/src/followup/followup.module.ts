import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CaseRecordsModule } from '../case-records/case-records.module.js';
import { FollowupController } from './followup.controller.js';
import { FollowupService } from './followup.service.js';
import { ReminderJob } from './reminder-job.service.js';

/** After the agreement: performance records, the follow-up desk and the reminder job. */
@Module({
  imports: [CaseRecordsModule, AuditModule, CalendarModule],
  controllers: [FollowupController],
  providers: [FollowupService, ReminderJob],
  exports: [FollowupService, ReminderJob],
})
export class FollowupModule {}

import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CaseRecordsModule } from '../case-records/case-records.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { ReviewController } from './review.controller.js';
import { ReviewService } from './review.service.js';

/** The judge's desk: review file of a confirmation, the entrusted outcome, 虚假调解 screening (issue 14). */
@Module({
  imports: [CaseRecordsModule, CalendarModule, CasesModule],
  controllers: [ReviewController],
  providers: [ReviewService],
})
export class ReviewModule {}

import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { ReferenceController } from './reference.controller.js';
import { ReferenceService } from './reference.service.js';

/** What forms and tools look up: organizations, mediators, dispute types, the deadline calculator, fees. */
@Module({
  imports: [CalendarModule],
  controllers: [ReferenceController],
  providers: [ReferenceService],
  exports: [ReferenceService],
})
export class ReferenceModule {}

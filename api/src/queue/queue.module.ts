import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { QueueEventsService } from './queue-events.service.js';
import { QueueOversightService } from './queue-oversight.service.js';
import { QueueController } from './queue.controller.js';
import { QueueService } from './queue.service.js';

/** The mediators' queue of delegated cases: listing, the one-statement claim, live updates, oversight. */
@Module({
  imports: [CalendarModule],
  controllers: [QueueController],
  providers: [QueueService, QueueOversightService, QueueEventsService],
  exports: [QueueService, QueueEventsService],
})
export class QueueModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarOverride } from './calendar-override.entity.js';
import { CalendarService } from './calendar.service.js';
import { CourtCalendarOverride } from './court-calendar-override.entity.js';

/** The working-day calendar (rules/ schedules plus the admin's overrides) every deadline is counted on. */
@Module({
  imports: [TypeOrmModule.forFeature([CalendarOverride, CourtCalendarOverride]), AuditModule],
  providers: [CalendarService],
  exports: [TypeOrmModule, CalendarService],
})
export class CalendarModule {}

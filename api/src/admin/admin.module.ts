import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { AdminCalendarController } from './admin-calendar.controller.js';
import { AdminImportController } from './admin-import.controller.js';
import { AdminImportService } from './admin-import.service.js';
import { AdminRosterController } from './admin-roster.controller.js';
import { AdminRosterService } from './admin-roster.service.js';
import { AdminController } from './admin.controller.js';
import { AdminService } from './admin.service.js';

/** 系统管理 (issue 15): accounts, court settings, the mediator roster, the court's working calendar and the administration trail. */
@Module({
  imports: [AuditModule, CalendarModule, CasesModule],
  controllers: [AdminController, AdminCalendarController, AdminRosterController, AdminImportController],
  providers: [AdminService, AdminRosterService, AdminImportService],
})
export class AdminModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { CalendarModule } from '../calendar/calendar.module.js';
import { ReadReplica } from '../common/read-replica.js';
import { BulletinService } from './bulletin.service.js';
import { StatsExportService } from './stats-export.service.js';
import { StatsRefreshService } from './stats-refresh.service.js';
import { StatsController } from './stats.controller.js';
import { CaseStatFact, StatsDirtyCase, StatsRollup } from './stats.entities.js';
import { StatsService } from './stats.service.js';

/**
 * Reports, exports and the monthly bulletin, read from rollups that every case change keeps
 * current in its own transaction (stats/rollups.ts, called by the cases module).
 */
@Module({
  imports: [TypeOrmModule.forFeature([CaseStatFact, StatsRollup, StatsDirtyCase]), AuditModule, CalendarModule],
  controllers: [StatsController],
  providers: [StatsService, StatsRefreshService, StatsExportService, BulletinService, ReadReplica],
  exports: [TypeOrmModule, StatsService, StatsRefreshService, ReadReplica],
})
export class StatsModule {}

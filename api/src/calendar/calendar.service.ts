import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { CalendarInputError, CalendarRangeError, type DeadlineResult, type PeriodUnit, WorkingCalendar } from '../rules/calendar.js';
import { chinaToday } from '../rules/chinese-date.js';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { CalendarOverride } from './calendar-override.entity.js';

/** The working-day calendar: the State Council schedules (rules/) plus the admin's overrides (DB). */
@Injectable()
export class CalendarService implements OnModuleInit {
  private current = new WorkingCalendar();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.reload();
  }

  calendar(): WorkingCalendar {
    return this.current;
  }

  today(): string {
    return chinaToday(this.clock.now());
  }

  async reload(): Promise<void> {
    const rows = await this.dataSource.getRepository(CalendarOverride).find({ order: { date: 'ASC' } });
    this.current = new WorkingCalendar({ overrides: rows.map((r) => ({ date: r.date, kind: r.kind, note: r.note ?? undefined })) });
  }

  deadline(start: string, length: number, unit: PeriodUnit): DeadlineResult {
    try {
      return this.current.deadline(start, length, unit);
    } catch (e) {
      if (e instanceof CalendarRangeError) {
        throw new DomainError('UNPROCESSABLE', `No holiday calendar is known for ${start}: the earliest known year is ${this.current.earliestYear}`);
      }
      if (e instanceof CalendarInputError) throw new DomainError('VALIDATION_FAILED', e.message, { start: 'invalid' });
      throw e;
    }
  }

  listOverrides(): Promise<CalendarOverride[]> {
    return this.dataSource.getRepository(CalendarOverride).find({ order: { date: 'ASC' } });
  }

  async setOverride(user: AuthUser, date: string, kind: 'rest' | 'work' | null, note?: string): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      if (kind === null) await m.delete(CalendarOverride, { date });
      else await m.save(CalendarOverride, { date, kind, note: note ?? null, updatedById: user.id });
      await this.audit.append(m, { caseId: null, type: 'calendar.override_set', at: this.clock.now(), actor: user, data: { date, kind, note: note ?? null } });
    });
    await this.reload();
  }
}

import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { CalendarInputError, CalendarRangeError, type DeadlineResult, type PeriodUnit, WorkingCalendar } from '../rules/calendar.js';
import { chinaToday } from '../rules/chinese-date.js';
import { CalendarOverride } from './calendar-override.entity.js';

/**
 * Redoes what was computed on the calendar an admin just changed, and says how many cases it
 * changed (the cases module recomputes the clocks that still run).
 */
export type CalendarChangeListener = (calendar: WorkingCalendar) => Promise<number>;

/** The working-day calendar: the State Council schedules (rules/) plus the admin's overrides (DB). */
@Injectable()
export class CalendarService implements OnModuleInit, OnModuleDestroy {
  private current = new WorkingCalendar();
  private readonly changeListeners: CalendarChangeListener[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly audit: AuditService,
  ) {}

  private refresher?: NodeJS.Timeout;

  async onModuleInit(): Promise<void> {
    await this.reload();
    // Other API instances pick up an admin's override within a minute.
    this.refresher = setInterval(() => void this.reload().catch(() => {}), 60_000);
    this.refresher.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.refresher);
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
        throw new DomainError(
          'UNPROCESSABLE',
          `No holiday calendar is known for ${start}: the earliest known year is ${this.current.earliestYear}`,
        );
      }
      if (e instanceof CalendarInputError) throw new DomainError('VALIDATION_FAILED', e.message, { start: 'invalid' });
      throw e;
    }
  }

  /** Registers work to redo after an admin changes the calendar (see `setOverride`). */
  onChange(listener: CalendarChangeListener): void {
    this.changeListeners.push(listener);
  }

  listOverrides(): Promise<CalendarOverride[]> {
    return this.dataSource.getRepository(CalendarOverride).find({ order: { date: 'ASC' } });
  }

  /** Sets or removes one day's override, then has the listeners recompute what depends on the calendar. */
  async setOverride(user: AuthUser, date: string, kind: 'rest' | 'work' | null, note?: string): Promise<{ recomputedCases: number }> {
    await this.dataSource.transaction(async (m) => {
      if (kind === null) await m.delete(CalendarOverride, { date });
      else await m.save(CalendarOverride, { date, kind, note: note ?? null, updatedById: user.id });
      await this.audit.append(m, {
        caseId: null,
        type: 'calendar.override_set',
        at: this.clock.now(),
        actor: user,
        data: { date, kind, note: note ?? null },
      });
    });
    await this.reload();
    let recomputedCases = 0;
    for (const listener of this.changeListeners) recomputedCases += await listener(this.current);
    return { recomputedCases };
  }
}

import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService, adminStream } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { CalendarInputError, CalendarRangeError, type DeadlineResult, type PeriodUnit, WorkingCalendar } from '../rules/calendar.js';
import { chinaToday } from '../rules/chinese-date.js';
import { CalendarOverride } from './calendar-override.entity.js';
import { CourtCalendarOverride } from './court-calendar-override.entity.js';

/** One case whose stored clocks moved when the calendar changed: which clock, from and to which date. */
export interface MovedDeadline {
  caseId: string;
  caseNumber: string;
  clock: string;
  from: string | null;
  to: string | null;
}

/**
 * Redoes what was computed on the calendar an admin just changed, for the cases of `courtId` (all
 * courts when null), and says which cases it changed (the cases module recomputes running clocks).
 */
export type CalendarChangeListener = (calendar: (courtId: string) => WorkingCalendar, courtId: string | null) => Promise<MovedDeadline[]>;

/** An override as the API shows it: `court` when the court entered it, `national` for the system-wide table. */
export interface EffectiveOverride {
  date: string;
  kind: 'rest' | 'work';
  note: string | null;
  scope: 'court' | 'national';
  updatedAt: Date;
}

/**
 * The working-day calendar: the State Council schedules (rules/), the national overrides
 * (`calendar_overrides`) and each court's own (`court_calendar_overrides`, which win). A court's
 * calendar counts only for its own cases.
 */
@Injectable()
export class CalendarService implements OnModuleInit, OnModuleDestroy {
  private national = new WorkingCalendar();
  private byCourt = new Map<string, WorkingCalendar>();
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

  /** The calendar of `courtId` (its overrides over the national ones); the national one without a court. */
  calendar(courtId?: string | null): WorkingCalendar {
    return (courtId && this.byCourt.get(courtId)) || this.national;
  }

  today(): string {
    return chinaToday(this.clock.now());
  }

  async reload(): Promise<void> {
    const national = await this.dataSource.getRepository(CalendarOverride).find({ order: { date: 'ASC' } });
    const own = await this.dataSource.getRepository(CourtCalendarOverride).find({ order: { courtId: 'ASC', date: 'ASC' } });
    const toOverride = (r: { date: string; kind: 'rest' | 'work'; note: string | null }) => ({
      date: r.date,
      kind: r.kind,
      note: r.note ?? undefined,
    });
    const base = national.map(toOverride);
    const perCourt = new Map<string, ReturnType<typeof toOverride>[]>();
    for (const r of own) perCourt.set(r.courtId, [...(perCourt.get(r.courtId) ?? []), toOverride(r)]);
    this.national = new WorkingCalendar({ overrides: base });
    // Later entries win: the court's own after the national ones.
    this.byCourt = new Map([...perCourt].map(([court, list]) => [court, new WorkingCalendar({ overrides: [...base, ...list] })]));
  }

  deadline(start: string, length: number, unit: PeriodUnit, courtId?: string | null): DeadlineResult {
    const calendar = this.calendar(courtId);
    try {
      return calendar.deadline(start, length, unit);
    } catch (e) {
      if (e instanceof CalendarRangeError) {
        throw new DomainError(
          'UNPROCESSABLE',
          `No holiday calendar is known for ${start}: the earliest known year is ${calendar.earliestYear}`,
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

  /** The overrides in force for `courtId` (its own and the national ones it does not replace), optionally of one year. */
  async listOverrides(courtId: string, year?: number): Promise<EffectiveOverride[]> {
    const range = year ? { from: `${year}-01-01`, to: `${year}-12-31` } : { from: '0001-01-01', to: '9999-12-31' };
    const rows = (await this.dataSource.query(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date, kind, note, scope, updated_at AS "updatedAt" FROM (
         SELECT date, kind, note, 'court' AS scope, updated_at FROM court_calendar_overrides WHERE court_id = $1
         UNION ALL
         SELECT n.date, n.kind, n.note, 'national', n.updated_at FROM calendar_overrides n
          WHERE NOT EXISTS (SELECT 1 FROM court_calendar_overrides c WHERE c.court_id = $1 AND c.date = n.date)
       ) o WHERE date BETWEEN $2 AND $3 ORDER BY date`,
      [courtId, range.from, range.to],
    )) as EffectiveOverride[];
    return rows;
  }

  /**
   * Sets (`kind`) or removes (null) one day's override of the user's court, audited in the court's
   * administration stream with the old and new value, then recomputes that court's running clocks.
   * Returns the cases whose deadlines moved. `expect` guards the add/remove endpoints: `absent`
   * answers 409 when the day already has an override, `present` 404 when it has none.
   */
  async setOverride(
    user: AuthUser,
    date: string,
    kind: 'rest' | 'work' | null,
    note?: string,
    expect?: 'absent' | 'present',
  ): Promise<{ recomputedCases: number; movedDeadlines: MovedDeadline[] }> {
    await this.dataSource.transaction(async (m) => {
      // One change per court at a time: two admins adding the same day race on this row lock.
      await m.query('SELECT 1 FROM courts WHERE id = $1 FOR UPDATE', [user.courtId]);
      const before = await m.findOne(CourtCalendarOverride, { where: { courtId: user.courtId, date } });
      if (expect === 'absent' && before)
        throw new DomainError('DUPLICATE', `${date} 已有本院调整（${before.kind === 'rest' ? '休息日' : '工作日'}），请先删除`, {
          date: 'exists',
        });
      if (expect === 'present' && !before) throw new DomainError('NOT_FOUND', `${date} 没有本院的节假日调整`);
      if (kind === null) await m.delete(CourtCalendarOverride, { courtId: user.courtId, date });
      else await m.save(CourtCalendarOverride, { courtId: user.courtId, date, kind, note: note?.trim() || null, updatedById: user.id });
      await this.audit.append(m, {
        caseId: null,
        stream: adminStream(user.courtId),
        type: kind === null ? 'calendar.override_removed' : 'calendar.override_set',
        at: this.clock.now(),
        actor: user,
        data: {
          date,
          kind,
          note: kind === null ? null : note?.trim() || null,
          from: before ? { kind: before.kind, note: before.note } : null,
        },
      });
    });
    await this.reload();
    const movedDeadlines: MovedDeadline[] = [];
    for (const listener of this.changeListeners) movedDeadlines.push(...(await listener((c) => this.calendar(c), user.courtId)));
    return { recomputedCases: new Set(movedDeadlines.map((d) => d.caseId)).size, movedDeadlines };
  }
}

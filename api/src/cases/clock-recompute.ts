import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CalendarService, type MovedDeadline } from '../calendar/calendar.service.js';
import { Case } from '../case-records/case.entity.js';
import type { WorkingCalendar } from '../rules/calendar.js';
import { clocksOfCase, loadClockFacts, sameClocks } from './case-clocks.js';

/** Statuses whose clocks still run (later statuses keep their dates as history). */
const RUNNING = ['delegated', 'in_mediation', 'agreed', 'confirmation_pending'] as const;

const CLOCK_FIELDS = ['acceptBy', 'mediationEndsOn', 'confirmationApplyBy', 'decisionDueOn'] as const;

/**
 * Recomputes the stored clocks of every case whose clocks still run, after the working-day
 * calendar changed (an admin entered a newly published holiday schedule or a correction):
 * rules.md — a provisional clock "is recomputed when the schedule arrives". Only the cases of
 * `courtId` when given (a court's own override moves nothing elsewhere). Returns each moved date.
 */
export async function recomputeRunningClocks(
  ds: DataSource,
  calendarOf: (courtId: string) => WorkingCalendar,
  courtId: string | null = null,
  batchSize = 500,
): Promise<MovedDeadline[]> {
  const moved: MovedDeadline[] = [];
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const q = ds
      .getRepository(Case)
      .createQueryBuilder('c')
      .where('c.status IN (:...running) AND c.id > :after', { running: RUNNING, after });
    if (courtId) q.andWhere('c.courtId = :courtId', { courtId });
    const batch = await q.orderBy('c.id').take(batchSize).getMany();
    if (batch.length === 0) return moved;
    for (const c of batch) {
      const next = clocksOfCase(calendarOf(c.courtId), c, await loadClockFacts(ds.manager, c.id, c.status));
      if (sameClocks(next, c)) continue;
      // Only the clocks move; a concurrent action on the case recomputes them itself anyway.
      await ds.getRepository(Case).update({ id: c.id, status: c.status }, next);
      for (const f of CLOCK_FIELDS)
        if (next[f] !== c[f]) moved.push({ caseId: c.id, caseNumber: c.caseNumber, clock: f, from: c[f], to: next[f] });
      if (CLOCK_FIELDS.every((f) => next[f] === c[f]))
        moved.push({ caseId: c.id, caseNumber: c.caseNumber, clock: 'clocksProvisional', from: null, to: null });
    }
    after = batch[batch.length - 1]!.id;
  }
}

/** Keeps the stored clocks on the calendar in force: recomputes them whenever an admin changes it. */
@Injectable()
export class RunningClocks implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  onModuleInit(): void {
    this.calendar.onChange((calendarOf, courtId) => recomputeRunningClocks(this.dataSource, calendarOf, courtId));
  }
}

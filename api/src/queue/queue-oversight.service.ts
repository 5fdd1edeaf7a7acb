import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { Case } from '../case-records/case.entity.js';
import { partiesByCase } from '../cases/case-loader.js';
import { caseSummaryView } from '../cases/case-view.js';
import { DomainError } from '../common/domain-error.js';
import { type Page, pageOf } from '../common/pagination.js';
import { hydrate } from '../common/hydrate.js';
import { addCalendarDays, daysBetween } from '../rules/calendar.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import type { FiguresQuery, PagedQuery } from './dto/queue.dto.js';
import { QUEUE_ORDER } from './queue.service.js';

export interface MediatorQueueFigures {
  mediatorId: string;
  displayName: string;
  organizationId: string | null;
  claims: number;
  releases: number;
  declines: number;
  /** Mean time a case had waited in the queue (since delegation or its last release) when this mediator claimed it. */
  averageAgeAtClaimHours: number | null;
}

const HOUR_MS = 3_600_000;
const EARLIEST = '2000-01-01';
const LATEST = '2999-12-31';
const hours = (ms: number | string | null) => (ms === null ? null : Math.round((Number(ms) / HOUR_MS) * 100) / 100);
/** The instant a China calendar day begins. */
const chinaMidnight = (date: string) => new Date(`${date}T00:00:00+08:00`);

/** What clerks and statisticians see of the queue: overdue cases and per-mediator figures. */
@Injectable()
export class QueueOversightService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  /** Delegated cases nobody claimed by `acceptBy` (在线调解规则第十二条), oldest deadline first, with their age. */
  async overdue(user: AuthUser, q: PagedQuery) {
    const m = this.dataSource.manager;
    const today = this.calendar.today();
    const where = `c.court_id = $1 AND c.status = 'delegated' AND c.accept_by < $2`;
    const [{ total }] = (await m.query(`SELECT count(*)::int AS total FROM cases AS c WHERE ${where}`, [user.courtId, today])) as {
      total: number;
    }[];
    const raw = (await m.query(`SELECT c.* FROM cases AS c WHERE ${where} ORDER BY ${QUEUE_ORDER('c')} LIMIT $3 OFFSET $4`, [
      user.courtId,
      today,
      q.pageSize,
      (q.page - 1) * q.pageSize,
    ])) as Record<string, unknown>[];
    const rows = raw.map((r) => hydrate(m, Case, r));
    const parties = await partiesByCase(
      m,
      rows.map((c) => c.id),
    );
    const items = rows.map((c) => ({
      ...caseSummaryView(c, parties.get(c.id)!, null, today),
      waitingDays: c.delegatedAt ? daysBetween(chinaDateOf(c.delegatedAt), today) : null,
      daysPastAcceptBy: c.acceptBy ? daysBetween(c.acceptBy, today) : null,
    }));
    return pageOf(items, total, q) as Page<(typeof items)[number]>;
  }

  /**
   * Claims, releases and declines per mediator of the caller's court in [from, to] (China dates),
   * counted from the audit trail — the record every claim, release and decline writes anyway.
   */
  async figures(user: AuthUser, q: FiguresQuery) {
    const today = this.calendar.today();
    const from = q.from ?? `${today.slice(0, 4)}-01-01`;
    const to = q.to ?? today;
    for (const [field, date] of [
      ['from', from],
      ['to', to],
    ] as const) {
      if (date < EARLIEST || date > LATEST)
        throw new DomainError('VALIDATION_FAILED', `${field} must lie between ${EARLIEST} and ${LATEST}`, { [field]: 'out_of_range' });
    }
    if (from > to) throw new DomainError('VALIDATION_FAILED', 'from is after to', { to: 'before_from' });
    const rows = (await this.dataSource.query(
      `SELECT e.actor_id AS "mediatorId", u.display_name AS "displayName", u.organization_id AS "organizationId",
              count(*) FILTER (WHERE e.type = 'case.claimed')::int AS claims,
              count(*) FILTER (WHERE e.type = 'case.released')::int AS releases,
              count(*) FILTER (WHERE e.type = 'case.declined')::int AS declines,
              avg((e.data ->> 'waitedMs')::bigint) FILTER (WHERE e.type = 'case.claimed') AS "averageWaitMs",
              sum((e.data ->> 'waitedMs')::bigint) FILTER (WHERE e.type = 'case.claimed') AS "totalWaitMs",
              count(e.data ->> 'waitedMs') FILTER (WHERE e.type = 'case.claimed')::int AS "timedClaims"
         FROM audit_events AS e
         JOIN users AS u ON u.id = e.actor_id AND u.court_id = $1 AND u.role = 'mediator'
        WHERE e.type IN ('case.claimed', 'case.released', 'case.declined') AND e.at >= $2 AND e.at < $3
        GROUP BY e.actor_id, u.display_name, u.organization_id
        ORDER BY claims DESC, "displayName"`,
      [user.courtId, chinaMidnight(from), chinaMidnight(addCalendarDays(to, 1))],
    )) as (Omit<MediatorQueueFigures, 'averageAgeAtClaimHours'> & {
      averageWaitMs: string | null;
      totalWaitMs: string | null;
      timedClaims: number;
    })[];
    const items: MediatorQueueFigures[] = rows.map(({ averageWaitMs, totalWaitMs: _t, timedClaims: _n, ...r }) => ({
      ...r,
      averageAgeAtClaimHours: hours(averageWaitMs),
    }));
    const sum = (k: 'claims' | 'releases' | 'declines') => rows.reduce((s, r) => s + r[k], 0);
    const timed = rows.reduce((s, r) => s + r.timedClaims, 0);
    const waited = rows.reduce((s, r) => s + Number(r.totalWaitMs ?? 0), 0);
    return {
      from,
      to,
      totals: {
        claims: sum('claims'),
        releases: sum('releases'),
        declines: sum('declines'),
        mediators: rows.length,
        averageAgeAtClaimHours: timed ? hours(waited / timed) : null,
      },
      items,
    };
  }
}

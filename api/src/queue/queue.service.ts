import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { type CaseClocks, clocksOfCase, NO_CLOCK_FACTS, sameClocks } from '../cases/case-clocks.js';
import { Case } from '../case-records/case.entity.js';
import { aggregateFromRow, caseChildrenSql, partiesByCase } from '../cases/case-loader.js';
import { caseSummaryView, caseView, type CaseView } from '../cases/case-view.js';
import { eligibleForMediatorSql } from '../case-records/eligibility.js';
import { rosterInactiveError, workloadCapError } from '../cases/workload.js';
import { forbidden } from '../common/domain-error.js';
import { Clock } from '../common/clock.js';
import { type Page, pageOf } from '../common/pagination.js';
import { hydrate } from '../common/hydrate.js';
import type { WorkingCalendar } from '../rules/calendar.js';
import { onActiveRosterSql } from '../users/mediator-roster.entity.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import type { PagedQuery, QueueFilter } from './dto/queue.dto.js';
import { QueueEventsService } from './queue-events.service.js';

/** Most urgent first: the earliest acceptance deadline, then the oldest filing, then first delegated. */
export const QUEUE_ORDER = (a: string) => `${a}.accept_by, ${a}.received_on, ${a}.delegated_at, ${a}.id`;

/** Clock values after a claim today, per `track/procedure` (a queued case has no extensions nor agreement). */
export type ClaimClocks = Record<string, CaseClocks>;

const TRACKS = ['pre_litigation', 'entrusted'] as const;
const PROCEDURES = ['ordinary', 'simple'] as const;

/**
 * The claim of `POST /api/queue/next`, as ONE autocommit statement. `queue_claim_next()` (migration
 * QueueClaimFunction) locks the caller's user row and checks the court's workload cap, picks the
 * most urgent case the caller may claim and locks it, skipping rows other transactions hold — so
 * concurrent callers neither collide nor wait — claims it with its clocks started from the
 * precomputed values, and appends the hash-chained `case.claimed` event; this statement adds the
 * view's data. Parameters: `claimNextParams`.
 */
export const CLAIM_NEXT_SQL = `SELECT c.*, (SELECT display_name FROM users WHERE id = $1) AS "assigneeName", ${caseChildrenSql('c')}
  FROM queue_claim_next($1, $2, $3, $4, $5, $6, $7, $8) AS c`;

export function claimNextParams(
  user: Pick<AuthUser, 'id' | 'courtId' | 'organizationId' | 'username'>,
  now: Date,
  clocks: ClaimClocks,
  filter: QueueFilter,
): unknown[] {
  return [
    user.id,
    user.courtId,
    user.organizationId ?? null,
    user.username,
    now,
    clocks,
    filter.disputeType ?? null,
    filter.region?.trim() || null,
  ];
}

/** The errors `queue_claim_next()` raises, as the API's. */
function claimError(e: unknown): unknown {
  const { code, detail } = (e ?? {}) as { code?: string; detail?: string };
  if (code === 'SU409') {
    const { activeCases, cap } = JSON.parse(detail ?? '{}') as { activeCases: number; cap: number };
    return workloadCapError(activeCases, cap);
  }
  if (code === 'SU403') return forbidden('Your account no longer exists');
  if (code === 'SU410') return rosterInactiveError();
  return e;
}

/**
 * The clocks a claim at `acceptedAt` starts, for every track and procedure, by the same function
 * every case action uses; the claim statement picks the claimed case's entry, so it needs no
 * second round trip. A queued case has no extensions (a release clears them) nor agreement.
 */
export function claimClocksFor(calendar: WorkingCalendar, acceptedAt: Date): ClaimClocks {
  const clocks: ClaimClocks = {};
  for (const track of TRACKS) {
    for (const procedure of PROCEDURES) {
      clocks[`${track}/${procedure}`] = clocksOfCase(
        calendar,
        { status: 'in_mediation', track, procedure, delegatedAt: null, acceptedAt, extensions: [] },
        NO_CLOCK_FACTS,
      );
    }
  }
  return clocks;
}

@Injectable()
export class QueueService {
  private claimClocksCache: { day: string; calendar: WorkingCalendar; clocks: ClaimClocks } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly events: QueueEventsService,
  ) {}

  /** The caller's queue: delegated cases they may claim, most urgent first. */
  async list(user: AuthUser, q: PagedQuery & QueueFilter): Promise<Page<ReturnType<typeof caseSummaryView>>> {
    const m = this.dataSource.manager;
    const params: unknown[] = [];
    const where = queueWhere('c', user, q, params);
    const [{ total }] = (await m.query(`SELECT count(*)::int AS total FROM cases AS c WHERE ${where}`, params)) as { total: number }[];
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const raw = (await m.query(
      `SELECT c.* FROM cases AS c WHERE ${where} ORDER BY ${QUEUE_ORDER('c')} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    )) as Record<string, unknown>[];
    const rows = raw.map((r) => hydrate(m, Case, r));
    const parties = await partiesByCase(
      m,
      rows.map((c) => c.id),
    );
    const today = this.calendar.today();
    return pageOf(
      rows.map((c) => caseSummaryView(c, parties.get(c.id)!, null, today)),
      total,
      q,
    );
  }

  /**
   * Claims the most urgent eligible case for the caller in one statement (workload cap, claim and
   * audit event commit together); open queues hear of it once it has committed. null when none is left.
   */
  async next(user: AuthUser, filter: QueueFilter): Promise<CaseView | null> {
    const now = this.clock.now();
    const today = chinaDateOf(now);
    const calendar = this.calendar.calendar(user.courtId);
    const m = this.dataSource.manager;
    const params = claimNextParams(user, now, this.claimClocks(calendar, today, now), filter);
    const [row] = (await m.query(CLAIM_NEXT_SQL, params).catch((e: unknown) => {
      throw claimError(e);
    })) as Record<string, unknown>[];
    if (!row) return null;
    const c = hydrate(m, Case, row);
    await this.keepClocksExact(m, calendar, c);
    this.events.publish({
      type: 'claimed',
      caseId: c.id,
      courtId: c.courtId,
      scope: c.queueScope,
      organizationId: c.delegatedOrganizationId,
      mediatorId: c.delegatedMediatorId,
      at: now.toISOString(),
    });
    return caseView(aggregateFromRow(m, c, row, { id: user.id, displayName: row.assigneeName as string }), today);
  }

  /** `claimClocksFor`, computed once a day (and again when an admin edits the calendar). */
  private claimClocks(calendar: WorkingCalendar, today: string, now: Date): ClaimClocks {
    const cached = this.claimClocksCache;
    if (cached && cached.day === today && cached.calendar === calendar) return cached.clocks;
    const clocks = claimClocksFor(calendar, now);
    this.claimClocksCache = { day: today, calendar, clocks };
    return clocks;
  }

  /**
   * The claim statement assumed what a queued case satisfies: no extensions (a release clears
   * them) and no agreement yet. Should a case ever break that, recompute its clocks from the row.
   */
  private async keepClocksExact(m: EntityManager, calendar: WorkingCalendar, c: Case): Promise<void> {
    if (c.extensions.length === 0) return;
    const exact = clocksOfCase(calendar, c, NO_CLOCK_FACTS);
    if (sameClocks(exact, c)) return;
    Object.assign(c, exact);
    await m.createQueryBuilder().update(Case).set(exact).where('id = :id', { id: c.id }).execute();
  }
}

/** Delegated cases the user may claim, narrowed by the filter; parameters appended to `params`. */
export function queueWhere(alias: string, user: AuthUser, filter: QueueFilter, params: unknown[]): string {
  let where = `${alias}.status = 'delegated' AND ${eligibleForMediatorSql(alias, user, params)}`;
  // A suspended or removed mediator (mediator_roster) has no queue.
  params.push(user.id);
  where += ` AND ${onActiveRosterSql(`$${params.length}::uuid`)}`;
  if (filter.disputeType) {
    params.push(filter.disputeType);
    where += ` AND ${alias}.dispute_type = $${params.length}`;
  }
  if (filter.region) {
    params.push(filter.region.trim());
    where += ` AND EXISTS (SELECT 1 FROM organizations AS o WHERE o.id = ${alias}.delegated_organization_id AND o.region = $${params.length})`;
  }
  return where;
}

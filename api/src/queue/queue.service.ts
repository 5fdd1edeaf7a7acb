import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CaseActionsService } from '../cases/case-actions.service.js';
import { type CaseClocks, clocksOfCase, NO_CLOCK_FACTS, sameClocks } from '../cases/case-clocks.js';
import { Case } from '../cases/case.entity.js';
import { loadAggregate, partiesByCase } from '../cases/case-loader.js';
import { caseSummaryView, caseView, type CaseView } from '../cases/case-view.js';
import { eligibleForMediatorSql } from '../cases/eligibility.js';
import { Clock } from '../common/clock.js';
import { type Page, pageOf } from '../common/pagination.js';
import { hydrate } from '../database/hydrate.js';
import type { WorkingCalendar } from '../rules/calendar.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { publishQueueEvent } from './case-events.js';
import type { PagedQuery, QueueFilter } from './dto/queue.dto.js';

/** Most urgent first: the earliest acceptance deadline, then the oldest filing, then first delegated. */
export const QUEUE_ORDER = (a: string) => `${a}.accept_by, ${a}.received_on, ${a}.delegated_at, ${a}.id`;

/** Clock values after a claim today, per `track/procedure` (a queued case has no extensions nor agreement). */
type ClaimClocks = Record<string, CaseClocks>;

const TRACKS = ['pre_litigation', 'entrusted'] as const;
const PROCEDURES = ['ordinary', 'simple'] as const;

/**
 * The claim of `POST /api/queue/next`, as one statement: the sub-select picks the most urgent case
 * the caller may claim and locks it, skipping rows other transactions hold, so concurrent callers
 * neither collide nor wait; the update starts the mediation clock from the precomputed values.
 * $1 assignee, $2 now, $3 clocks by track/procedure; the eligibility and filters follow.
 */
export function claimNextSql(where: string): string {
  const clock = (field: keyof CaseClocks | 'provisional', type: string) =>
    `(($3::jsonb -> (c.track || '/' || c.procedure)) ->> '${field}')::${type}`;
  return `UPDATE cases AS c
     SET status = 'in_mediation', assignee_id = $1, accepted_at = $2, updated_at = $2, version = c.version + 1,
         accept_by = ${clock('acceptBy', 'date')}, mediation_ends_on = ${clock('mediationEndsOn', 'date')},
         confirmation_apply_by = ${clock('confirmationApplyBy', 'date')}, decision_due_on = ${clock('decisionDueOn', 'date')},
         clocks_provisional = coalesce(${clock('clocksProvisional', 'boolean')}, false)
   WHERE c.id = (SELECT q.id FROM cases AS q WHERE ${where} ORDER BY ${QUEUE_ORDER('q')} LIMIT 1 FOR UPDATE SKIP LOCKED)
     AND c.status = 'delegated'
  RETURNING c.*`;
}

@Injectable()
export class QueueService {
  private claimClocksCache: { day: string; calendar: WorkingCalendar; clocks: ClaimClocks } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly actions: CaseActionsService,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  /** The caller's queue: delegated cases they may claim, most urgent first. */
  async list(user: AuthUser, q: PagedQuery & QueueFilter): Promise<Page<ReturnType<typeof caseSummaryView>>> {
    const m = this.dataSource.manager;
    const params: unknown[] = [];
    const where = queueWhere('c', user, q, params);
    const [{ total }] = await m.query(`SELECT count(*)::int AS total FROM cases AS c WHERE ${where}`, params) as { total: number }[];
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const raw = await m.query(
      `SELECT c.* FROM cases AS c WHERE ${where} ORDER BY ${QUEUE_ORDER('c')} LIMIT $${params.length - 1} OFFSET $${params.length}`, params,
    ) as Record<string, unknown>[];
    const rows = raw.map((r) => hydrate(m, Case, r));
    const parties = await partiesByCase(m, rows.map((c) => c.id));
    const today = this.calendar.today();
    return pageOf(rows.map((c) => caseSummaryView(c, parties.get(c.id)!, null, today)), total, q);
  }

  /**
   * Claims the most urgent eligible case for the caller: one transaction holding the workload-cap
   * check, the claim statement, the audit event and the queue notification. null when none is left.
   */
  async next(user: AuthUser, filter: QueueFilter): Promise<CaseView | null> {
    const now = this.clock.now();
    const today = chinaDateOf(now);
    const calendar = this.calendar.calendar();
    const clocks = this.claimClocks(calendar, today, now);
    const params: unknown[] = [user.id, now, clocks];
    const sql = claimNextSql(queueWhere('q', user, filter, params));
    return this.dataSource.transaction(async (m) => {
      await this.actions.assertUnderCap(m, user, user.courtId);
      const [rows] = await m.query(sql, params) as [Record<string, unknown>[], number];
      if (!rows[0]) return null;
      const c = hydrate(m, Case, rows[0]);
      await this.keepClocksExact(m, calendar, c);
      await this.audit.append(m, {
        caseId: c.id, type: 'case.claimed', at: now, actor: user,
        data: {
          from: 'delegated', to: 'in_mediation', version: c.version, assigneeId: user.id,
          waitedMs: c.delegatedAt ? now.getTime() - c.delegatedAt.getTime() : null, via: 'queue_next',
        },
      });
      await publishQueueEvent(m, {
        type: 'claimed', caseId: c.id, courtId: c.courtId, scope: c.queueScope,
        organizationId: c.delegatedOrganizationId, mediatorId: c.delegatedMediatorId, at: now.toISOString(),
      });
      return caseView(await loadAggregate(m, c), today);
    });
  }

  /**
   * The clocks a claim made today starts, for every track and procedure: computed once a day by
   * the same function every case action uses, so the claim statement needs no second round trip.
   */
  private claimClocks(calendar: WorkingCalendar, today: string, now: Date): ClaimClocks {
    const cached = this.claimClocksCache;
    if (cached && cached.day === today && cached.calendar === calendar) return cached.clocks;
    const clocks: ClaimClocks = {};
    for (const track of TRACKS) {
      for (const procedure of PROCEDURES) {
        clocks[`${track}/${procedure}`] = clocksOfCase(calendar, { status: 'in_mediation', track, procedure, delegatedAt: null, acceptedAt: now, extensions: [] }, NO_CLOCK_FACTS);
      }
    }
    this.claimClocksCache = { day: today, calendar, clocks };
    return clocks;
  }

  /**
   * The claim statement assumed what every queued case satisfies (no extensions, no agreement);
   * recompute from the claimed row and correct it should a case ever break that assumption.
   */
  private async keepClocksExact(m: EntityManager, calendar: WorkingCalendar, c: Case): Promise<void> {
    const exact = clocksOfCase(calendar, c, NO_CLOCK_FACTS);
    if (sameClocks(exact, c)) return;
    Object.assign(c, exact);
    await m.createQueryBuilder().update(Case).set(exact).where('id = :id', { id: c.id }).execute();
  }
}

/** Delegated cases the user may claim, narrowed by the filter; parameters appended to `params`. */
export function queueWhere(alias: string, user: AuthUser, filter: QueueFilter, params: unknown[]): string {
  let where = `${alias}.status = 'delegated' AND ${eligibleForMediatorSql(alias, user, params)}`;
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

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService, caseStreamSql, type ChainHeadRow } from '../audit/audit.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { type CaseClocks, clocksOfCase, NO_CLOCK_FACTS, sameClocks } from '../cases/case-clocks.js';
import { Case } from '../cases/case.entity.js';
import { aggregateFromRow, caseChildrenSql, partiesByCase } from '../cases/case-loader.js';
import { caseSummaryView, caseView, type CaseView } from '../cases/case-view.js';
import { eligibleForMediatorSql } from '../cases/eligibility.js';
import { activeCases, activeCasesSql, lockMediatorWorkload, workloadCapError } from '../cases/workload.js';
import { Clock } from '../common/clock.js';
import { type Page, pageOf } from '../common/pagination.js';
import { hydrate } from '../database/hydrate.js';
import type { WorkingCalendar } from '../rules/calendar.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import type { PagedQuery, QueueFilter } from './dto/queue.dto.js';
import { QueueEventsService } from './queue-events.service.js';

/** Most urgent first: the earliest acceptance deadline, then the oldest filing, then first delegated. */
export const QUEUE_ORDER = (a: string) => `${a}.accept_by, ${a}.received_on, ${a}.delegated_at, ${a}.id`;

/** Clock values after a claim today, per `track/procedure` (a queued case has no extensions nor agreement). */
type ClaimClocks = Record<string, CaseClocks>;

const TRACKS = ['pre_litigation', 'entrusted'] as const;
const PROCEDURES = ['ordinary', 'simple'] as const;

/**
 * The claim of `POST /api/queue/next`, as ONE statement. The sub-select picks the most urgent case
 * the caller may claim — while they are under the court's cap — and locks it, skipping rows other
 * transactions hold, so concurrent callers neither collide nor wait; the update claims it and
 * starts its clocks from the precomputed values. The same statement returns the view's data and
 * takes the head of the case's audit chain (`audit_chain_head`, which locks the chain).
 * $1 mediator, $2 now, $3 clocks by `track/procedure`, $4 cap; eligibility and filters follow.
 */
export function claimNextSql(where: string): string {
  const clock = (field: keyof CaseClocks, type: string) =>
    `(($3::jsonb -> (c.track || '/' || c.procedure)) ->> '${field}')::${type}`;
  return `WITH claimed AS (
    UPDATE cases AS c
       SET status = 'in_mediation', assignee_id = $1, accepted_at = $2, updated_at = $2, version = c.version + 1,
           accept_by = ${clock('acceptBy', 'date')}, mediation_ends_on = ${clock('mediationEndsOn', 'date')},
           confirmation_apply_by = ${clock('confirmationApplyBy', 'date')}, decision_due_on = ${clock('decisionDueOn', 'date')},
           clocks_provisional = coalesce(${clock('clocksProvisional', 'boolean')}, false)
     WHERE c.id = (SELECT q.id FROM cases AS q
                    WHERE ${where} AND ${activeCasesSql('$1')} < $4
                    ORDER BY ${QUEUE_ORDER('q')} LIMIT 1 FOR UPDATE SKIP LOCKED)
       AND c.status = 'delegated'
    RETURNING c.*)
  SELECT claimed.*, head.head_seq, head.head_hash, (SELECT display_name FROM users WHERE id = $1) AS "assigneeName",
         ${caseChildrenSql('claimed')}
    FROM claimed, LATERAL audit_chain_head(${caseStreamSql('claimed.id')}) AS head`;
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
      clocks[`${track}/${procedure}`] = clocksOfCase(calendar, { status: 'in_mediation', track, procedure, delegatedAt: null, acceptedAt, extensions: [] }, NO_CLOCK_FACTS);
    }
  }
  return clocks;
}

@Injectable()
export class QueueService {
  private claimClocksCache: { day: string; calendar: WorkingCalendar; clocks: ClaimClocks } | null = null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
    private readonly events: QueueEventsService,
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
   * check, the claim statement and the audit event; open queues hear of it once it has committed.
   * null when none is left.
   */
  async next(user: AuthUser, filter: QueueFilter): Promise<CaseView | null> {
    const now = this.clock.now();
    const today = chinaDateOf(now);
    const calendar = this.calendar.calendar();
    const claimed = await this.dataSource.transaction(async (m) => {
      const cap = await lockMediatorWorkload(m, user, user.courtId);
      const params: unknown[] = [user.id, now, this.claimClocks(calendar, today, now), cap];
      const [row] = await m.query(claimNextSql(queueWhere('q', user, filter, params)), params) as Record<string, unknown>[];
      if (!row) {
        const active = await activeCases(m, user.id);
        if (active >= cap) throw workloadCapError(active, cap);
        return null;
      }
      const c = hydrate(m, Case, row);
      await this.keepClocksExact(m, calendar, c);
      await this.audit.appendAfter(m, {
        caseId: c.id, type: 'case.claimed', at: now, actor: user,
        data: {
          from: 'delegated', to: 'in_mediation', version: c.version, assigneeId: user.id,
          waitedMs: c.delegatedAt ? now.getTime() - c.delegatedAt.getTime() : null, via: 'queue_next',
        },
      }, row as unknown as ChainHeadRow);
      return { c, view: caseView(aggregateFromRow(m, c, row, { id: user.id, displayName: row.assigneeName as string }), today) };
    });
    if (!claimed) return null;
    const { c, view } = claimed;
    this.events.publish({
      type: 'claimed', caseId: c.id, courtId: c.courtId, scope: c.queueScope,
      organizationId: c.delegatedOrganizationId, mediatorId: c.delegatedMediatorId, at: now.toISOString(),
    });
    return view;
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

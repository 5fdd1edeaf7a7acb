import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CaseAccess } from '../case-records/case-access.service.js';
import { Case } from '../case-records/case.entity.js';
import { Obligation } from '../case-records/obligation.entity.js';
import { Party } from '../case-records/party.entity.js';
import { Clock } from '../common/clock.js';
import { DomainError, forbidden, notFound } from '../common/domain-error.js';
import { daysBetween } from '../rules/calendar.js';
import { formatMoney, parseMoney } from '../rules/money.js';
import { applyPerformance, outstandingFen, windowEnd } from '../rules/obligations.js';
import { obligationView } from '../cases/case-view.js';
import type { FollowupPageDto, FollowupQuery, PerformanceDto, PerformanceResponseDto } from './followup.dto.js';

/** Performance records and the follow-up desk (人民调解法 Art. 31 ¶2). */
@Injectable()
export class FollowupService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly access: CaseAccess,
    private readonly clock: Clock,
  ) {}

  /** Records a payment, a default or a waiver on one obligation: one transaction with its audit event. */
  recordPerformance(user: AuthUser, caseId: string, obligationId: string, dto: PerformanceDto): Promise<PerformanceResponseDto> {
    return this.dataSource.transaction(async (m) => {
      const c = await this.access.findVisible(m, user, caseId);
      if (user.role === 'mediator' && c.assigneeId !== user.id)
        throw forbidden('Only the mediator handling this case may record performance');
      const o = await m.findOne(Obligation, { where: { id: obligationId, caseId: c.id }, lock: { mode: 'pessimistic_write' } });
      if (!o) throw notFound('Obligation');
      if (dto.version !== undefined && dto.version !== o.version)
        throw new DomainError(
          'VERSION_CONFLICT',
          `The obligation changed since you read it (version ${o.version}, you sent ${dto.version}); reload and retry`,
          undefined,
          { currentVersion: o.version },
        );
      let paidFen: bigint | null = null;
      if (dto.paidAmount !== undefined) {
        const p = parseMoney(dto.paidAmount);
        if (!p.ok) throw new DomainError('VALIDATION_FAILED', `paidAmount: ${p.reason}`, { paidAmount: p.reason });
        paidFen = p.fen;
      }
      const today = this.calendar.today();
      const paidOn = dto.paidOn ?? today;
      if (paidOn > today) throw new DomainError('VALIDATION_FAILED', 'paidOn is in the future', { paidOn: 'in_future' });
      const r = applyPerformance(o, dto.status, paidFen);
      if (!r.ok) {
        if (r.reason === 'illegal_transition')
          throw new DomainError('ILLEGAL_TRANSITION', `An obligation that is ${o.status} cannot become ${dto.status}`, undefined, {
            currentStatus: o.status,
          });
        throw new DomainError('VALIDATION_FAILED', `paidAmount: ${r.reason}`, { paidAmount: r.reason });
      }
      const before = { status: o.status, paidFen: o.paidFen };
      const paying = r.paidFen !== o.paidFen;
      o.status = r.status;
      o.paidFen = r.paidFen;
      if (paying) o.paidOn = paidOn;
      if (dto.evidenceNote?.trim()) o.evidenceNote = dto.evidenceNote.trim();
      o.version += 1;
      o.updatedAt = this.clock.now();
      await m.save(Obligation, o);
      await this.audit.append(m, {
        caseId: c.id,
        type: 'obligation.performance_recorded',
        at: this.clock.now(),
        actor: user,
        data: {
          obligationId: o.id,
          from: before.status,
          to: o.status,
          paidFen: (r.paidFen - before.paidFen).toString(),
          totalPaidFen: o.paidFen.toString(),
          paidOn: paying ? paidOn : null,
          evidenceNote: dto.evidenceNote?.trim() || null,
        },
      });
      return this.summary(m, c, o.id);
    });
  }

  private async summary(m: EntityManager, c: Case, obligationId: string): Promise<PerformanceResponseDto> {
    const parties = await m.find(Party, { where: { caseId: c.id } });
    const all = await m.find(Obligation, { where: { caseId: c.id }, order: { position: 'ASC' } });
    const views = all.map((x) => obligationView(x, parties));
    return {
      obligation: views.find((v) => v.id === obligationId)!,
      obligations: views,
      ...obligationTotals(all),
    };
  }

  /** Open and defaulted obligations due within the window (or overdue), most urgent first. */
  async desk(user: AuthUser, q: FollowupQuery): Promise<FollowupPageDto> {
    const today = this.calendar.today();
    const end = windowEnd(q.due, today);
    const params: unknown[] = [user.courtId, end];
    let mine = '';
    if (user.role === 'mediator') {
      params.push(user.id);
      mine = `AND c.assignee_id = $${params.length}`;
    }
    const where = `FROM obligations o JOIN cases c ON c.id = o.case_id
      WHERE o.court_id = $1 AND o.due_on <= $2 AND o.status IN ('due','partially_performed','defaulted') ${mine}`;
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n ${where}`, params)) as { n: number }[];
    const rows = (await this.dataSource.query(
      `SELECT o.id, c.case_number AS "caseNumber", c.assignee_id AS "assigneeId",
              (SELECT r.at FROM obligation_reminders r WHERE r.obligation_id = o.id AND r.kind = 'reminder' ORDER BY r.at DESC LIMIT 1) AS "remindedAt",
              (SELECT r.sent FROM obligation_reminders r WHERE r.obligation_id = o.id AND r.kind = 'reminder' ORDER BY r.at DESC LIMIT 1) AS "reminderSent"
         ${where} ORDER BY o.due_on ASC, c.case_number ASC, o.position ASC
         LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    )) as { id: string; caseNumber: string; assigneeId: string | null; remindedAt: Date | null; reminderSent: boolean | null }[];
    const ids = rows.map((r) => r.id);
    const obligations = ids.length ? await this.dataSource.getRepository(Obligation).findBy({ id: In(ids) }) : [];
    const partyIds = [...new Set(obligations.flatMap((o) => [o.obligorPartyId, o.obligeePartyId]))];
    const parties = partyIds.length ? await this.dataSource.getRepository(Party).findBy({ id: In(partyIds) }) : [];
    const byId = new Map(obligations.map((o) => [o.id, o]));
    return {
      items: rows.map((r) => {
        const o = byId.get(r.id)!;
        return {
          ...obligationView(o, parties),
          caseId: o.caseId,
          caseNumber: r.caseNumber,
          assigneeId: r.assigneeId,
          daysOverdue: daysBetween(o.dueOn, today),
          remindedAt: r.remindedAt ? new Date(r.remindedAt).toISOString() : null,
          reminderSent: r.reminderSent,
        };
      }),
      total: n,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}

/** The running totals of a case's obligations (money strings, 2 decimals). */
export function obligationTotals(all: Obligation[]) {
  const sum = (f: (o: Obligation) => bigint) => formatMoney(all.reduce((s, o) => s + f(o), 0n));
  return { totalAmount: sum((o) => o.amountFen), totalPaid: sum((o) => o.paidFen), totalOutstanding: sum(outstandingFen) };
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CaseAccess } from '../case-records/case-access.service.js';
import { Case } from '../case-records/case.entity.js';
import { Party } from '../case-records/party.entity.js';
import type { BulkContext } from '../common/bulk-context.js';
import { Clock } from '../common/clock.js';
import { DomainError, notFound } from '../common/domain-error.js';
import { type Page, pageOf } from '../common/pagination.js';
import { Court } from '../courts/court.entity.js';
import { CASE_STATUSES } from '../rules/case-status.js';
import { formatCaseNumber, registrationNumberType } from '../rules/case-number.js';
import { disputeTypeOf } from '../rules/dispute-types.js';
import { normalizeResidentId } from '../rules/id-number.js';
import { normalizeCreditCode } from '../rules/credit-code.js';
import { parseMoney } from '../rules/money.js';
import { resolveTrack } from '../rules/regime.js';
import { confirmationsByCase, displayNames, loadAggregate, partiesByCase } from './case-loader.js';
import { caseSummaryView, caseView, type CaseView } from './case-view.js';
import type { CaseListQuery } from './dto/actions.dto.js';
import type { CreateCaseDto } from './dto/create-case.dto.js';

/** Allocates the next number of a gapless series; the upsert's row lock orders concurrent callers. */
export async function nextSequence(m: EntityManager, courtId: string, type: string, year: number): Promise<number> {
  const [row] = (await m.query(
    `INSERT INTO case_number_sequences (court_id, type, year, last_seq) VALUES ($1, $2, $3, 1)
     ON CONFLICT (court_id, type, year) DO UPDATE SET last_seq = case_number_sequences.last_seq + 1
     RETURNING last_seq`,
    [courtId, type, year],
  )) as { last_seq: number }[];
  return row!.last_seq;
}

@Injectable()
export class CasesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: CaseAccess,
    private readonly audit: AuditService,
    private readonly calendar: CalendarService,
    private readonly clock: Clock,
  ) {}

  async create(user: AuthUser, dto: CreateCaseDto, bulk: BulkContext = {}): Promise<CaseView> {
    const today = this.calendar.today();
    const errors: Record<string, string> = {};
    const disputeType = disputeTypeOf(dto.disputeType);
    if (!disputeType) errors.disputeType = 'unknown';
    const receivedOn = dto.receivedOn ?? today;
    if (receivedOn > today) errors.receivedOn = 'in_future';
    if (!dto.parties.some((p) => p.role === 'applicant')) errors.parties = 'no_applicant';
    else if (!dto.parties.some((p) => p.role === 'respondent')) errors.parties = 'no_respondent';
    const amount = parseMoney(dto.claimAmount);
    if (!amount.ok) errors.claimAmount = amount.reason;
    if (Object.keys(errors).length) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `Validation failed — ${Object.entries(errors)
          .map(([k, v]) => `${k}: ${v}`)
          .join('; ')}`,
        errors,
      );
    }

    return this.dataSource.transaction(async (m) => {
      const court = await m.findOneByOrFail(Court, { id: user.courtId });
      const resolved = resolveTrack(dto.track, receivedOn, court);
      if (!resolved.ok) {
        // not_in_force: the request's date and track disagree (400); pre_litigation_not_allowed: the court's settings refuse it (409).
        if (resolved.code === 'not_in_force') {
          throw new DomainError(
            'VALIDATION_FAILED',
            `Track ${dto.track ?? court.defaultTrack} is not available for cases received on ${receivedOn}: ${resolved.message}`,
            {
              track: 'not_in_force',
            },
          );
        }
        throw new DomainError('ILLEGAL_TRANSITION', resolved.message, { track: 'pre_litigation_not_allowed' });
      }
      const track = resolved.track;
      const numberType = registrationNumberType(track);
      const year = Number(receivedOn.slice(0, 4));
      const seq = await nextSequence(m, court.id, numberType, year);
      const now = this.clock.now();
      const c = await m.save(
        Case,
        m.create(Case, {
          courtId: court.id,
          caseNumber: formatCaseNumber({ year, courtCode: court.code, type: numberType, seq }),
          track,
          procedure: dto.procedure ?? 'ordinary',
          status: 'registered',
          disputeType: dto.disputeType,
          claimAmountFen: amount.ok ? amount.fen : 0n,
          summary: dto.summary.trim(),
          claims: dto.claims.map((s) => s.trim()),
          receivedOn,
          consentToMediation: true,
          createdById: user.id,
          extensions: [],
          version: 1,
          createdAt: now,
          updatedAt: now,
        }),
      );
      const parties = await m.save(
        Party,
        dto.parties.map((p, i) =>
          m.create(Party, {
            caseId: c.id,
            position: i + 1,
            role: p.role,
            kind: p.kind,
            name: p.name.trim(),
            idNumber: p.kind === 'person' && p.idNumber ? normalizeResidentId(p.idNumber) : null,
            creditCode: p.kind === 'organization' && p.creditCode ? normalizeCreditCode(p.creditCode) : null,
            representative: p.representative?.trim() || null,
            phone: p.phone?.trim() || null,
            address: p.address?.trim() || null,
          }),
        ),
      );
      await this.audit.append(m, {
        caseId: c.id,
        type: 'case.registered',
        at: now,
        actor: user,
        data: {
          caseNumber: c.caseNumber,
          track,
          disputeType: c.disputeType,
          claimAmountFen: c.claimAmountFen.toString(),
          receivedOn,
          parties: parties.length,
          ...(resolved.warning ? { regimeWarning: resolved.warning } : {}),
        },
      });
      if (bulk.skipResponseView)
        return {
          id: c.id,
          version: c.version,
          parties: parties.map((p) => ({ id: p.id, role: p.role, name: p.name })),
        } as unknown as CaseView;
      return caseView(await loadAggregate(m, c), today);
    });
  }

  async get(user: AuthUser, id: string): Promise<CaseView> {
    const m = this.dataSource.manager;
    const c = await this.access.findVisible(m, user, id);
    return caseView(await loadAggregate(m, c), this.calendar.today());
  }

  async list(user: AuthUser, q: CaseListQuery): Promise<Page<ReturnType<typeof caseSummaryView>>> {
    const m = this.dataSource.manager;
    const qb = m.createQueryBuilder(Case, 'c').where('c.courtId = :courtId', { courtId: user.courtId });
    if (user.role === 'mediator') this.access.scopeToMediator(qb, user);
    if (q.status) {
      const statuses = q.status
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      const bad = statuses.find((s) => !(CASE_STATUSES as readonly string[]).includes(s));
      if (bad) throw new DomainError('VALIDATION_FAILED', `Unknown status "${bad}"`, { status: 'invalid_value' });
      qb.andWhere('c.status IN (:...statuses)', { statuses });
    }
    if (q.track) qb.andWhere('c.track = :track', { track: q.track });
    if (q.q?.trim()) {
      const like = `%${q.q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('c.caseNumber ILIKE :like', { like })
            .orWhere('EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.name ILIKE :like)', { like }),
        ),
      );
    }
    const today = this.calendar.today();
    if (q.overdue === 'true') {
      qb.andWhere(`((c.status = 'delegated' AND c.acceptBy < :today) OR (c.status = 'in_mediation' AND c.mediationEndsOn < :today))`, {
        today,
      });
    }
    const sort = q.sort ?? '-receivedOn';
    const desc = sort.startsWith('-');
    qb.orderBy(`c.${sort.replace(/^-/, '')}`, desc ? 'DESC' : 'ASC', desc ? 'NULLS LAST' : 'NULLS LAST')
      .addOrderBy('c.caseNumber', 'ASC')
      .skip((q.page - 1) * q.pageSize)
      .take(q.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    const parties = await partiesByCase(
      m,
      rows.map((c) => c.id),
    );
    const names = await displayNames(
      m,
      rows.map((c) => c.assigneeId),
    );
    const confirmations = await confirmationsByCase(
      m,
      rows.filter((c) => c.status.startsWith('confirm')).map((c) => c.id),
    );
    const items = rows.map((c) =>
      caseSummaryView(
        c,
        parties.get(c.id)!,
        c.assigneeId ? { id: c.assigneeId, displayName: names.get(c.assigneeId) ?? '' } : null,
        today,
        confirmations.get(c.id) ?? null,
      ),
    );
    return pageOf(items, total, q);
  }

  async events(user: AuthUser, id: string) {
    const c = await this.access.findVisible(this.dataSource.manager, user, id);
    const events = await this.audit.eventsOfCase(c.id);
    return events.map((e) => ({
      seq: e.seq,
      type: e.type,
      at: e.at.toISOString(),
      actor: e.actorId ? { id: e.actorId, username: e.actorUsername, role: e.actorRole } : null,
      data: e.data,
      hash: e.hash,
      prevHash: e.prevHash,
    }));
  }

  /** Unmasked party particulars for clerks and judges; every read is written to the audit trail. */
  async partyUnmasked(user: AuthUser, caseId: string, partyId: string) {
    return this.dataSource.transaction(async (m) => {
      const c = await this.access.findVisible(m, user, caseId);
      const party = await m.findOne(Party, { where: { id: partyId, caseId: c.id } });
      if (!party) throw notFound('Party');
      await this.audit.append(m, {
        caseId: c.id,
        type: 'party.unmasked_read',
        at: this.clock.now(),
        actor: user,
        data: { partyId: party.id, fields: party.idNumber ? ['idNumber'] : ['creditCode'] },
      });
      return {
        id: party.id,
        role: party.role,
        kind: party.kind,
        name: party.name,
        idNumber: party.idNumber,
        creditCode: party.creditCode,
        representative: party.representative,
        phone: party.phone,
        address: party.address,
      };
    });
  }
}

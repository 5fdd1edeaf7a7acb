import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { DomainError } from '../common/domain-error.js';
import { pageOf } from '../common/pagination.js';
import { disputeTypeOf, DISPUTE_TYPES } from '../rules/dispute-types.js';
import { DEFAULT_PROVINCE, FeeRuleError, litigationFee, roundFee, type FeeRoundingMode } from '../rules/fees.js';
import { formatMoney, parseMoney } from '../rules/money.js';
import { onActiveRosterSql } from '../users/mediator-roster.entity.js';
import type { MediatorQuery, OrganizationQuery } from './reference.dto.js';

const likeOf = (q: string) => `%${q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

@Injectable()
export class ReferenceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
  ) {}

  async organizations(user: AuthUser, q: OrganizationQuery) {
    const params: unknown[] = [user.courtId];
    let where = 'o.court_id = $1';
    if (q.q?.trim()) {
      params.push(likeOf(q.q));
      where += ` AND (o.name ILIKE $${params.length} OR o.region ILIKE $${params.length})`;
    }
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM organizations o WHERE ${where}`, params);
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const items = await this.dataSource.query(
      `SELECT o.id, o.name, o.kind, o.region,
              (SELECT count(*)::int FROM users u WHERE u.organization_id = o.id AND u.role = 'mediator' AND u.active AND ${onActiveRosterSql('u.id')}) AS "mediatorCount"
         FROM organizations o WHERE ${where} ORDER BY o.name LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return pageOf(items, total, q);
  }

  /**
   * Mediators of the court with their current load. With `disputeType`, the list is a
   * recommendation: expertise in that type first, then the lightest load (as the SPC platform does).
   */
  async mediators(user: AuthUser, q: MediatorQuery) {
    const params: unknown[] = [user.courtId];
    // Suspended and removed mediators (mediator_roster) are neither listed for assignment nor recommended.
    let where = `u.court_id = $1 AND u.role = 'mediator' AND u.active AND ${onActiveRosterSql('u.id')}`;
    if (q.organizationId) {
      params.push(q.organizationId);
      where += ` AND u.organization_id = $${params.length}`;
    }
    if (q.q?.trim()) {
      params.push(likeOf(q.q));
      where += ` AND (u.display_name ILIKE $${params.length} OR u.username ILIKE $${params.length})`;
    }
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM users u WHERE ${where}`, params);
    let expertiseOrder = '';
    let expertiseSelect = 'false';
    if (q.disputeType) {
      if (!disputeTypeOf(q.disputeType))
        throw new DomainError('VALIDATION_FAILED', `Unknown dispute type "${q.disputeType}"`, { disputeType: 'unknown' });
      params.push(q.disputeType);
      expertiseSelect = `($${params.length} = ANY(u.expertise))`;
      expertiseOrder = `${expertiseSelect} DESC,`;
    }
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const items = await this.dataSource.query(
      `SELECT u.id, u.display_name AS "displayName", u.organization_id AS "organizationId", o.name AS "organizationName",
              u.expertise, ${expertiseSelect} AS "matchesExpertise", coalesce(a.n, 0)::int AS "activeCases"
         FROM users u
         LEFT JOIN organizations o ON o.id = u.organization_id
         LEFT JOIN (SELECT assignee_id, count(*) AS n FROM cases WHERE status = 'in_mediation' GROUP BY assignee_id) a ON a.assignee_id = u.id
        WHERE ${where}
        ORDER BY ${expertiseOrder} coalesce(a.n, 0) ASC, u.display_name
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return pageOf(items, total, q);
  }

  disputeTypes() {
    return DISPUTE_TYPES.map((d) => ({
      code: d.code,
      name: d.name,
      feeCategory: d.feeCategory,
      confirmationExcluded: d.confirmationExcluded,
    }));
  }

  /** On the calendar of the caller's court (its own overrides included). */
  deadline(start: string, length: number, unit: 'days' | 'workdays', courtId: string | null) {
    return this.calendar.deadline(start, length, unit, courtId);
  }

  /**
   * The acceptance fee of a claim under the rules in force today, with the bases of the caller's
   * court's province, and `fullFee`/`halfFee` rounded by the court's setting (fen, or whole yuan).
   */
  async litigationFee(user: AuthUser, amount: string, disputeTypeCode?: string) {
    const parsed = parseMoney(amount);
    if (!parsed.ok) throw new DomainError('VALIDATION_FAILED', `amount: ${parsed.reason}`, { amount: parsed.reason });
    const disputeType = disputeTypeCode ? disputeTypeOf(disputeTypeCode) : undefined;
    if (disputeTypeCode && !disputeType)
      throw new DomainError('VALIDATION_FAILED', `Unknown dispute type "${disputeTypeCode}"`, { disputeType: 'unknown' });
    const [court] = (await this.dataSource.query('SELECT province, fee_rounding AS "feeRounding" FROM courts WHERE id = $1', [
      user.courtId,
    ])) as { province: string | null; feeRounding: FeeRoundingMode }[];
    const rounding = court?.feeRounding ?? 'fen';
    try {
      const fee = litigationFee({
        amountFen: parsed.fen,
        feeCategory: disputeType?.feeCategory ?? 'property',
        on: this.calendar.today(),
        province: court?.province ?? DEFAULT_PROVINCE,
      });
      return {
        amount: formatMoney(parsed.fen),
        disputeType: disputeType?.code ?? null,
        fullFee: formatMoney(roundFee(fee.fullFeeFen, rounding)),
        halfFee: formatMoney(roundFee(fee.halfFeeFen, rounding)),
        exactFullFee: formatMoney(fee.fullFeeFen),
        exactHalfFee: formatMoney(fee.halfFeeFen),
        rounding,
        feeCategory: fee.feeCategory,
        brackets: fee.brackets.map((b) => ({
          from: formatMoney(b.fromFen),
          to: b.toFen === null ? null : formatMoney(b.toFen),
          rate: b.rate === null ? null : Number(b.rate),
          portion: formatMoney(b.portionFen),
          fee: formatMoney(b.feeFen),
        })),
        basis: fee.basis,
        article: fee.article,
        version: fee.version,
        province: fee.province,
      };
    } catch (e) {
      if (e instanceof FeeRuleError) throw new DomainError('UNPROCESSABLE', e.message);
      throw e;
    }
  }
}

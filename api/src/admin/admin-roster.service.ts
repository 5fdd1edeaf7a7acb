import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, adminStream } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { CaseActionsService } from '../cases/case-actions.service.js';
import { DomainError, invalid, notFound } from '../common/domain-error.js';
import { pageOf, type Page } from '../common/pagination.js';
import { normalizePhone } from '../rules/phone.js';
import type {
  AdminOrganizationView,
  CreateOrganizationDto,
  MediatorRosterView,
  OrganizationAdminQuery,
  RosterQuery,
  UpdateOrganizationDto,
  UpdateRosterDto,
} from './admin-roster.dto.js';
import { releaseOpenCases } from './open-cases.js';

const likeOf = (q: string) => `%${q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;

const ORGANIZATION_SELECT = `
  SELECT o.id, o.name, o.kind, o.region, o.contact, o.created_at AS "createdAt",
         (SELECT count(*)::int FROM users u WHERE u.organization_id = o.id AND u.role = 'mediator') AS "mediatorCount",
         (SELECT count(*)::int FROM users u LEFT JOIN mediator_roster r ON r.user_id = u.id
           WHERE u.organization_id = o.id AND u.role = 'mediator' AND u.active AND coalesce(r.status, 'active') = 'active') AS "activeMediatorCount"
    FROM organizations o`;

const ROSTER_SELECT = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.organization_id AS "organizationId", o.name AS "organizationName",
         u.active, to_char(r.admission_date, 'YYYY-MM-DD') AS "admissionDate", u.expertise AS specialities,
         coalesce(r.languages, '{}') AS languages, r.phone, coalesce(r.status, 'active') AS status, r.status_reason AS "statusReason",
         coalesce(r.assessments, '[]'::jsonb) AS assessments,
         (SELECT count(*)::int FROM cases c WHERE c.assignee_id = u.id AND c.status = 'in_mediation') AS "openCases"
    FROM users u
    LEFT JOIN organizations o ON o.id = u.organization_id
    LEFT JOIN mediator_roster r ON r.user_id = u.id`;

type OrganizationRow = Omit<AdminOrganizationView, 'createdAt'> & { createdAt: Date };
const organizationView = (r: OrganizationRow): AdminOrganizationView => ({ ...r, createdAt: r.createdAt.toISOString() });
const isUniqueViolation = (e: unknown) => (e as { driverError?: { code?: string } })?.driverError?.code === '23505';
const duplicateName = (name: string) => new DomainError('DUPLICATE', `本院已有调解组织“${name}”`, { name: 'taken' });

/**
 * The mediator roster (特邀调解员名册, issue 15 item 2): the court's organizations and each
 * mediator's roster facts. A suspended or removed mediator keeps their cases and history but takes
 * no new case (queue, delegation by name, recommendation: see `onActiveRosterSql`). Every change is
 * on the administration trail; another court's organization or mediator is 404.
 */
@Injectable()
export class AdminRosterService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly actions: CaseActionsService,
  ) {}

  async organizations(admin: AuthUser, q: OrganizationAdminQuery): Promise<Page<AdminOrganizationView>> {
    const where = ['o.court_id = $1'];
    const params: unknown[] = [admin.courtId];
    if (q.kind) where.push(`o.kind = $${params.push(q.kind)}`);
    if (q.q?.trim()) where.push(`(o.name ILIKE $${params.push(likeOf(q.q))} OR o.region ILIKE $${params.length})`);
    const filter = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM organizations o WHERE ${filter}`, params)) as {
      total: number;
    }[];
    const rows = (await this.dataSource.query(
      `${ORGANIZATION_SELECT} WHERE ${filter} ORDER BY o.name LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    )) as OrganizationRow[];
    return pageOf(rows.map(organizationView), total, q);
  }

  async createOrganization(admin: AuthUser, dto: CreateOrganizationDto): Promise<AdminOrganizationView> {
    const name = required('name', dto.name);
    const region = required('region', dto.region);
    const contact = dto.contact?.trim() || null;
    return this.dataSource.transaction(async (m) => {
      const [row] = (await m.query(
        `INSERT INTO organizations (court_id, name, kind, region, contact) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (court_id, name) DO NOTHING RETURNING id`,
        [admin.courtId, name, dto.kind, region, contact],
      )) as { id: string }[];
      if (!row) throw duplicateName(name);
      await this.record(m, admin, 'organization.created', { organizationId: row.id, name, kind: dto.kind, region, contact });
      return this.organizationOf(m, admin, row.id);
    });
  }

  async updateOrganization(admin: AuthUser, id: string, dto: UpdateOrganizationDto): Promise<AdminOrganizationView> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.organizationOf(m, admin, id, true);
      const after = {
        name: dto.name !== undefined ? required('name', dto.name) : before.name,
        kind: dto.kind ?? before.kind,
        region: dto.region !== undefined ? required('region', dto.region) : before.region,
        contact: dto.contact !== undefined ? dto.contact?.trim() || null : before.contact,
      };
      const changes = Object.fromEntries(
        (['name', 'kind', 'region', 'contact'] as const)
          .filter((f) => before[f] !== after[f])
          .map((f) => [f, { from: before[f], to: after[f] }]),
      );
      if (Object.keys(changes).length === 0) return before;
      try {
        await m.query('UPDATE organizations SET name = $3, kind = $4, region = $5, contact = $6 WHERE id = $1 AND court_id = $2', [
          id,
          admin.courtId,
          after.name,
          after.kind,
          after.region,
          after.contact,
        ]);
      } catch (e) {
        throw isUniqueViolation(e) ? duplicateName(after.name) : e;
      }
      await this.record(m, admin, 'organization.updated', { organizationId: id, name: after.name, changes });
      return this.organizationOf(m, admin, id);
    });
  }

  async mediators(admin: AuthUser, q: RosterQuery): Promise<Page<MediatorRosterView>> {
    const where = [`u.court_id = $1`, `u.role = 'mediator'`];
    const params: unknown[] = [admin.courtId];
    if (q.organizationId) where.push(`u.organization_id = $${params.push(q.organizationId)}`);
    if (q.status) where.push(`coalesce(r.status, 'active') = $${params.push(q.status)}`);
    if (q.q?.trim()) where.push(`(u.username ILIKE $${params.push(likeOf(q.q))} OR u.display_name ILIKE $${params.length})`);
    const filter = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query(
      `SELECT count(*)::int AS total FROM users u LEFT JOIN mediator_roster r ON r.user_id = u.id WHERE ${filter}`,
      params,
    )) as { total: number }[];
    const rows = (await this.dataSource.query(
      `${ROSTER_SELECT} WHERE ${filter} ORDER BY o.name NULLS LAST, u.username LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    )) as MediatorRosterView[];
    return pageOf(rows, total, q);
  }

  /**
   * Changes a mediator's roster facts. The user row is locked first, as every claim locks it
   * (lockMediatorWorkload, queue_claim_next): a claim either commits before a suspension or sees it.
   */
  async updateRoster(admin: AuthUser, id: string, dto: UpdateRosterDto): Promise<MediatorRosterView> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.mediatorOf(m, admin, id, true);
      const after = {
        admissionDate: dto.admissionDate !== undefined ? realDate(dto.admissionDate) : before.admissionDate,
        specialities: dto.specialities !== undefined ? [...new Set(dto.specialities)] : before.specialities,
        languages: dto.languages !== undefined ? [...new Set(dto.languages.map((l) => l.trim()).filter(Boolean))] : before.languages,
        phone: dto.phone !== undefined ? phoneOf(dto.phone) : before.phone,
        status: dto.status ?? before.status,
        statusReason: before.statusReason,
        assessments: dto.assessments !== undefined ? [...dto.assessments].sort((a, b) => a.year - b.year) : before.assessments,
      };
      const reason = dto.statusReason?.trim() || null;
      if (dto.status !== undefined && dto.status !== before.status) after.statusReason = after.status === 'active' ? null : reason;
      else if (reason && after.status !== 'active') after.statusReason = reason;
      else if (dto.statusReason !== undefined && after.status === 'active')
        throw invalid('statusReason', 'not_applicable', '在册（active）状态无需原因');
      if (after.status === 'removed' && !after.statusReason) throw invalid('statusReason', 'required', '除名须填写原因');
      if (new Set(after.assessments.map((a) => a.year)).size !== after.assessments.length)
        throw invalid('assessments', 'duplicate_year', '每年只能有一条考核记录');
      const fields = ['admissionDate', 'specialities', 'languages', 'phone', 'status', 'statusReason', 'assessments'] as const;
      const changes = Object.fromEntries(
        fields.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f])).map((f) => [f, { from: before[f], to: after[f] }]),
      );
      if (dto.releaseOpenCases && after.status === 'active')
        throw invalid('releaseOpenCases', 'not_applicable', '仅在暂停或除名时可退回调解员的在办案件');
      const release = dto.releaseOpenCases === true && before.openCases > 0;
      if (Object.keys(changes).length === 0 && !release) return before;
      await m.query(
        `INSERT INTO mediator_roster (user_id, admission_date, languages, phone, status, status_reason, assessments, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, now())
         ON CONFLICT (user_id) DO UPDATE SET admission_date = EXCLUDED.admission_date, languages = EXCLUDED.languages,
           phone = EXCLUDED.phone, status = EXCLUDED.status, status_reason = EXCLUDED.status_reason,
           assessments = EXCLUDED.assessments, updated_at = now()`,
        [
          id,
          after.admissionDate,
          after.languages,
          after.phone,
          after.status,
          after.statusReason,
          JSON.stringify(after.assessments.map(({ year, note }) => ({ year, note: note.trim() }))),
        ],
      );
      if ('specialities' in changes) await m.query('UPDATE users SET expertise = $2 WHERE id = $1', [id, after.specialities]);
      const type = 'status' in changes ? `roster.${after.status === 'active' ? 'reinstated' : after.status}` : 'roster.updated';
      const released = release
        ? await releaseOpenCases(
            m,
            this.actions,
            admin,
            id,
            `调解员${after.status === 'removed' ? '除名' : '暂停'}：${after.statusReason ?? '未注明原因'}`,
          )
        : [];
      await this.record(m, admin, Object.keys(changes).length ? type : 'roster.cases_released', {
        userId: id,
        username: before.username,
        changes,
        openCasesKept: before.openCases - released.length,
        ...(released.length ? { releasedCaseIds: released } : {}),
      });
      return this.mediatorOf(m, admin, id);
    });
  }

  private async organizationOf(m: EntityManager, admin: AuthUser, id: string, lock = false): Promise<AdminOrganizationView> {
    const [row] = (await m.query(`${ORGANIZATION_SELECT} WHERE o.id = $1 AND o.court_id = $2${lock ? ' FOR UPDATE OF o' : ''}`, [
      id,
      admin.courtId,
    ])) as OrganizationRow[];
    if (!row) throw notFound('Organization');
    return organizationView(row);
  }

  private async mediatorOf(m: EntityManager, admin: AuthUser, id: string, lock = false): Promise<MediatorRosterView> {
    const [row] = (await m.query(
      `${ROSTER_SELECT} WHERE u.id = $1 AND u.court_id = $2 AND u.role = 'mediator'${lock ? ' FOR UPDATE OF u' : ''}`,
      [id, admin.courtId],
    )) as MediatorRosterView[];
    if (!row) throw notFound('Mediator');
    return row;
  }

  private record(m: EntityManager, admin: AuthUser, type: string, data: Record<string, unknown>) {
    return this.audit.append(m, { caseId: null, stream: adminStream(admin.courtId), type, at: new Date(), actor: admin, data });
  }
}

function required(field: string, value: string): string {
  const v = value.trim();
  if (!v) throw invalid(field, 'required');
  return v;
}

function realDate(d: string | null): string | null {
  if (d === null) return null;
  const t = new Date(`${d}T00:00:00Z`);
  if (Number.isNaN(t.getTime()) || t.toISOString().slice(0, 10) !== d) throw invalid('admissionDate', 'invalid', '入册日期无效');
  return d;
}

function phoneOf(p: string | null): string | null {
  if (p === null || !p.trim()) return null;
  const phone = normalizePhone(p);
  if (!phone || phone.length > 20) throw invalid('phone', 'invalid', '电话号码无效');
  return phone;
}

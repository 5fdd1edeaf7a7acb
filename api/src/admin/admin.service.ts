import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, adminStream } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { hashPassword, oneTimePassword } from '../auth/passwords.js';
import { DomainError, invalid, notFound } from '../common/domain-error.js';
import { pageOf, type Page } from '../common/pagination.js';
import { CaseActionsService } from '../cases/case-actions.service.js';
import { Court } from '../courts/court.entity.js';
import type {
  ActivityQuery,
  ActivityView,
  AdminUserQuery,
  AdminUserView,
  CourtSettingsView,
  CreateUserDto,
  OneTimePasswordView,
  UpdateSettingsDto,
  UpdateUserDto,
} from './admin.dto.js';
import { releaseOpenCases } from './open-cases.js';

const SETTINGS_FIELDS = [
  'name',
  'code',
  'defaultTrack',
  'allowPreLitigation',
  'workloadCap',
  'acceptanceWindowDays',
  'reminderLeadDays',
  'savingsBasis',
  'feeRounding',
  'documentFooterUrl',
] as const satisfies readonly (keyof CourtSettingsView)[];

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: string;
  organizationId: string | null;
  organizationName: string | null;
  expertise: string[];
  active: boolean;
  mustChangePassword: boolean;
  openCases: number;
  createdAt: Date;
}

const USER_SELECT = `
  SELECT u.id, u.username, u.display_name AS "displayName", u.role, u.organization_id AS "organizationId",
         o.name AS "organizationName", u.expertise, u.active, u.must_change_password AS "mustChangePassword",
         (SELECT count(*)::int FROM cases c WHERE c.assignee_id = u.id AND c.status = 'in_mediation') AS "openCases",
         u.created_at AS "createdAt"
    FROM users u LEFT JOIN organizations o ON o.id = u.organization_id`;

const userView = (r: UserRow): AdminUserView => ({ ...r, createdAt: r.createdAt.toISOString() });

/**
 * The court administrator's side (issue 15): accounts with one-time passwords, the court's settings
 * and the trail of who changed what. Everything is scoped to the administrator's court: another
 * court's user is 404, never changed.
 */
@Injectable()
export class AdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly actions: CaseActionsService,
  ) {}

  async users(admin: AuthUser, q: AdminUserQuery): Promise<Page<AdminUserView>> {
    const where = ['u.court_id = $1'];
    const params: unknown[] = [admin.courtId];
    if (q.role) where.push(`u.role = $${params.push(q.role)}`);
    if (q.active) where.push(`u.active = $${params.push(q.active === 'true')}`);
    if (q.organizationId) where.push(`u.organization_id = $${params.push(q.organizationId)}`);
    if (q.q?.trim()) {
      const like = `%${q.q.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
      where.push(`(u.username ILIKE $${params.push(like)} OR u.display_name ILIKE $${params.length})`);
    }
    const filter = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM users u WHERE ${filter}`, params)) as {
      total: number;
    }[];
    const rows = (await this.dataSource.query(
      `${USER_SELECT} WHERE ${filter} ORDER BY u.role, u.username LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    )) as UserRow[];
    return pageOf(rows.map(userView), total, q);
  }

  async create(admin: AuthUser, dto: CreateUserDto): Promise<OneTimePasswordView> {
    const username = dto.username.trim().toLowerCase();
    const displayName = dto.displayName.trim();
    if (!displayName) throw invalid('displayName', 'required');
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (m) => {
      const organizationId = await this.organizationFor(m, admin, dto.role, dto.organizationId ?? null);
      const taken = (await m.query('SELECT 1 FROM users WHERE username = $1', [username])) as unknown[];
      if (taken.length) throw new DomainError('DUPLICATE', `用户名 ${username} 已被使用`, { username: 'taken' });
      const [row] = (await m.query(
        `INSERT INTO users (username, display_name, role, password_hash, court_id, organization_id, expertise, must_change_password)
         VALUES ($1, $2, $3, $4, $5, $6, $7, true)
         ON CONFLICT (username) DO NOTHING RETURNING id`,
        [
          username,
          displayName,
          dto.role,
          passwordHash,
          admin.courtId,
          organizationId,
          dto.role === 'mediator' ? (dto.expertise ?? []) : [],
        ],
      )) as { id: string }[];
      if (!row) throw new DomainError('DUPLICATE', `用户名 ${username} 已被使用`, { username: 'taken' });
      await this.record(m, admin, 'user.created', { userId: row.id, username, role: dto.role, organizationId });
      return { user: await this.userOf(m, admin, row.id), initialPassword: password };
    });
  }

  async update(admin: AuthUser, id: string, dto: UpdateUserDto): Promise<AdminUserView> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.userOf(m, admin, id, true);
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (dto.displayName !== undefined) {
        const name = dto.displayName.trim();
        if (!name) throw invalid('displayName', 'required');
        if (name !== before.displayName) changes.displayName = { from: before.displayName, to: name };
      }
      if (dto.organizationId !== undefined) {
        const org = await this.organizationFor(m, admin, before.role, dto.organizationId);
        if (org !== before.organizationId) changes.organizationId = { from: before.organizationId, to: org };
      }
      if (dto.expertise !== undefined) {
        if (before.role !== 'mediator') throw invalid('expertise', 'mediators_only', '只有调解员有擅长案由');
        changes.expertise = { from: before.expertise, to: [...new Set(dto.expertise)] };
      }
      if (dto.releaseOpenCases && !('organizationId' in changes))
        throw invalid('releaseOpenCases', 'not_applicable', '仅在调解员调往其他调解组织时可退回其在办案件');
      if (Object.keys(changes).length === 0) return before;
      await m.query(
        `UPDATE users SET display_name = COALESCE($3, display_name), organization_id = CASE WHEN $4::boolean THEN $5::uuid ELSE organization_id END,
                expertise = COALESCE($6, expertise)
          WHERE id = $1 AND court_id = $2`,
        [
          id,
          admin.courtId,
          changes.displayName?.to ?? null,
          'organizationId' in changes,
          changes.organizationId?.to ?? null,
          changes.expertise?.to ?? null,
        ],
      );
      // A mediator who moves keeps their open cases (their claims stand) unless the administrator returns them to the queues.
      const released = dto.releaseOpenCases
        ? await releaseOpenCases(m, this.actions, admin, id, '调解员调往其他调解组织，在办案件退回队列')
        : [];
      await this.record(m, admin, 'user.updated', {
        userId: id,
        username: before.username,
        changes,
        openCasesKept: before.openCases - released.length,
        ...(released.length ? { releasedCaseIds: released } : {}),
      });
      return this.userOf(m, admin, id);
    });
  }

  /** Deactivation ends the user's sessions at once (the token version moves with `active`). */
  async setActive(admin: AuthUser, id: string, active: boolean): Promise<AdminUserView> {
    return this.dataSource.transaction(async (m) => {
      const user = await this.userOf(m, admin, id, true);
      if (!active && id === admin.id) throw new DomainError('ILLEGAL_TRANSITION', '不能停用自己的账号', undefined, { status: 'self' });
      if (user.active === active)
        throw new DomainError('ILLEGAL_TRANSITION', active ? '该账号已启用' : '该账号已停用', undefined, { active: user.active });
      await m.query('UPDATE users SET active = $3 WHERE id = $1 AND court_id = $2', [id, admin.courtId, active]);
      await this.record(m, admin, active ? 'user.reactivated' : 'user.deactivated', {
        userId: id,
        username: user.username,
        openCases: user.openCases,
      });
      return this.userOf(m, admin, id);
    });
  }

  async resetPassword(admin: AuthUser, id: string): Promise<OneTimePasswordView> {
    const password = oneTimePassword();
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (m) => {
      const user = await this.userOf(m, admin, id, true);
      await m.query('UPDATE users SET password_hash = $3, must_change_password = true WHERE id = $1 AND court_id = $2', [
        id,
        admin.courtId,
        passwordHash,
      ]);
      await this.record(m, admin, 'user.password_reset', { userId: id, username: user.username });
      return { user: await this.userOf(m, admin, id), initialPassword: password };
    });
  }

  async settings(admin: AuthUser): Promise<CourtSettingsView> {
    return settingsOf(await this.dataSource.manager.findOneByOrFail(Court, { id: admin.courtId }));
  }

  async updateSettings(admin: AuthUser, dto: UpdateSettingsDto): Promise<CourtSettingsView> {
    return this.dataSource.transaction(async (m) => {
      const court = await m.findOneOrFail(Court, { where: { id: admin.courtId }, lock: { mode: 'pessimistic_write' } });
      const before = settingsOf(court);
      const after: CourtSettingsView = { ...before };
      for (const f of SETTINGS_FIELDS) {
        const v = dto[f];
        if (v === undefined) continue;
        (after as unknown as Record<string, unknown>)[f] = typeof v === 'string' ? v.trim() : v;
      }
      if (after.defaultTrack === 'pre_litigation' && !after.allowPreLitigation)
        throw invalid('defaultTrack', 'pre_litigation_not_allowed', '默认程序为诉前委派调解时须保留诉前委派调解（allowPreLitigation）');
      if (after.code !== before.code) {
        const clash = (await m.query('SELECT 1 FROM courts WHERE code = $1 AND id <> $2', [after.code, court.id])) as unknown[];
        if (clash.length) throw new DomainError('DUPLICATE', `法院代字 ${after.code} 已被使用`, { code: 'taken' });
      }
      const changes = Object.fromEntries(
        SETTINGS_FIELDS.filter((f) => before[f] !== after[f]).map((f) => [f, { from: before[f], to: after[f] }]),
      );
      if (Object.keys(changes).length === 0) return before;
      await m.update(Court, { id: court.id }, Object.fromEntries(Object.entries(changes).map(([f, c]) => [f, c.to])));
      await this.record(m, admin, 'settings.changed', { changes });
      return after;
    });
  }

  async activity(admin: AuthUser, q: ActivityQuery): Promise<Page<ActivityView>> {
    const where = ['stream = $1'];
    const params: unknown[] = [adminStream(admin.courtId)];
    if (q.type) {
      if (q.type.endsWith('.')) where.push(`type LIKE $${params.push(`${q.type.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`)}`);
      else where.push(`type = $${params.push(q.type)}`);
    }
    if (q.from) where.push(`at >= ($${params.push(q.from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (q.to) where.push(`at < ($${params.push(q.to)}::date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (q.from && q.to && q.from > q.to) throw invalid('from', 'after_to', 'from 不能晚于 to');
    const filter = where.join(' AND ');
    const [{ total }] = (await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_events WHERE ${filter}`, params)) as {
      total: number;
    }[];
    const rows = (await this.dataSource.query(
      `SELECT seq, type, at, actor_username AS "username", actor_role AS "role", data FROM audit_events
        WHERE ${filter} ORDER BY seq DESC LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
      params,
    )) as { seq: number; type: string; at: Date; username: string | null; role: string | null; data: Record<string, unknown> }[];
    return pageOf(
      rows.map((r) => ({ seq: r.seq, type: r.type, at: r.at.toISOString(), actor: { username: r.username, role: r.role }, data: r.data })),
      total,
      q,
    );
  }

  private async organizationFor(m: EntityManager, admin: AuthUser, role: string, organizationId: string | null): Promise<string | null> {
    if (role !== 'mediator') {
      if (organizationId) throw invalid('organizationId', 'mediators_only', '只有调解员隶属调解组织');
      return null;
    }
    if (!organizationId) throw invalid('organizationId', 'required', '调解员须选择所属调解组织');
    const found = (await m.query('SELECT 1 FROM organizations WHERE id = $1 AND court_id = $2', [
      organizationId,
      admin.courtId,
    ])) as unknown[];
    if (!found.length) throw invalid('organizationId', 'unknown', '本院没有该调解组织');
    return organizationId;
  }

  private async userOf(m: EntityManager, admin: AuthUser, id: string, lock = false): Promise<AdminUserView> {
    const [row] = (await m.query(`${USER_SELECT} WHERE u.id = $1 AND u.court_id = $2${lock ? ' FOR UPDATE OF u' : ''}`, [
      id,
      admin.courtId,
    ])) as UserRow[];
    if (!row) throw notFound('User');
    return userView(row);
  }

  private record(m: EntityManager, admin: AuthUser, type: string, data: Record<string, unknown>) {
    return this.audit.append(m, { caseId: null, stream: adminStream(admin.courtId), type, at: new Date(), actor: admin, data });
  }
}

function settingsOf(c: Court): CourtSettingsView {
  return {
    name: c.name,
    code: c.code,
    defaultTrack: c.defaultTrack,
    allowPreLitigation: c.allowPreLitigation,
    workloadCap: c.workloadCap,
    acceptanceWindowDays: c.acceptanceWindowDays,
    reminderLeadDays: c.reminderLeadDays,
    savingsBasis: c.savingsBasis,
    feeRounding: c.feeRounding,
    documentFooterUrl: c.documentFooterUrl,
  };
}

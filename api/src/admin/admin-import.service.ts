import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, adminStream } from '../audit/audit.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { DomainError, invalid, notFound } from '../common/domain-error.js';
import { AdminImport, type ImportRowError } from './admin-import.entity.js';
import type { ImportResultView, ImportView } from './admin-import.dto.js';
import { UnreadableFile, formatOf, readRoster, templateFile, type ImportFormat } from './import-file.js';
import { crossCheck, parseRow, type ImportRow, type MediatorRow, type OrganizationRow, type RawRow } from './import-rows.js';

export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
/** Rows validated between two progress updates. */
const CHUNK = 250;
const MAX_ERRORS_KEPT = 1000;
/**
 * Imported mediators get no password: this is not an argon2 hash, so no password verifies and they
 * cannot sign in until an administrator issues a one-time password (POST /api/admin/users/:id/reset-password).
 */
const NO_PASSWORD = '!imported: no password yet; an administrator issues a one-time password';

export interface UploadedFile {
  originalname: string;
  buffer: Buffer;
  size: number;
}

/** Multer hands the multipart filename over as Latin-1; browsers and curl send UTF-8. */
function utf8Name(name: string): string {
  const decoded = Buffer.from(name, 'latin1').toString('utf8');
  return /[^\u0000-\u00ff]/.test(name) || decoded.includes('\uFFFD') ? name : decoded;
}

const importView = (j: AdminImport): ImportView => ({
  id: j.id,
  status: j.status,
  fileName: j.fileName,
  total: j.total,
  processed: j.processed,
  errors: j.errors.slice(0, MAX_ERRORS_KEPT),
  errorCount: j.errors.length,
  result: (j.result as unknown as ImportResultView | null) ?? null,
  createdAt: j.createdAt.toISOString(),
});

/**
 * Bulk import of organizations and mediators (issue 15 item 3). The upload answers at once; the
 * file is read and every row validated afterwards, progress written to the job row. Nothing is
 * written unless the whole file is valid, and the commit writes all of it in one transaction.
 * Existing organizations (by name) and mediators (by username) are left as they are, so the same
 * file imported again changes nothing.
 */
@Injectable()
export class AdminImportService {
  private readonly logger = new Logger(AdminImportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  template(format: ImportFormat): Promise<Buffer> {
    return templateFile(format);
  }

  async upload(admin: AuthUser, file: UploadedFile | undefined): Promise<{ id: string }> {
    if (!file || !file.buffer?.length) throw invalid('file', 'required', '请选择 .xlsx 或 .csv 文件');
    const format = formatOf(file.originalname ?? '', file.buffer);
    if (!format) throw invalid('file', 'unsupported_type', '只接受 .xlsx 或 .csv 文件');
    const fileName = [...utf8Name(file.originalname ?? '')]
      .filter((ch) => ch >= ' ')
      .join('')
      .slice(0, 200);
    const job = await this.dataSource.getRepository(AdminImport).save({
      courtId: admin.courtId,
      createdById: admin.id,
      fileName: fileName || `import.${format}`,
      status: 'validating',
    });
    // After the 202: the job row shows the progress to whoever asks.
    setImmediate(() => void this.validate(job.id, admin.courtId, format, file.buffer));
    return { id: job.id };
  }

  async get(admin: AuthUser, id: string): Promise<ImportView> {
    const job = await this.dataSource.getRepository(AdminImport).findOneBy({ id, courtId: admin.courtId });
    if (!job) throw notFound('Import');
    return importView(job);
  }

  async commit(admin: AuthUser, id: string): Promise<ImportView> {
    return this.dataSource.transaction(async (m) => {
      const job = await m.findOne(AdminImport, { where: { id, courtId: admin.courtId }, lock: { mode: 'pessimistic_write' } });
      if (!job) throw notFound('Import');
      if (job.status !== 'ready') {
        const why = { validating: '仍在校验', failed: '文件有错误，请修改后重新上传', committed: '已经导入' }[job.status as string];
        throw new DomainError('ILLEGAL_TRANSITION', `该导入${why ?? '不能提交'}`, undefined, { status: job.status });
      }
      const rows = job.rows as ImportRow[];
      const result = await this.write(m, admin, rows);
      await m.update(AdminImport, { id }, { status: 'committed', result: result as unknown as Record<string, number> });
      await this.record(m, admin, 'roster.imported', { importId: id, fileName: job.fileName, ...result });
      return importView({ ...job, status: 'committed', result: result as unknown as Record<string, number> });
    });
  }

  private async validate(id: string, courtId: string, format: ImportFormat, content: Buffer): Promise<void> {
    const repo = this.dataSource.getRepository(AdminImport);
    try {
      let raw: RawRow[];
      try {
        raw = await readRoster(format, content);
      } catch (e) {
        if (!(e instanceof UnreadableFile)) throw e;
        await repo.update({ id }, { status: 'failed', errors: [{ row: 0, field: 'file', code: e.code, message: e.message }] });
        return;
      }
      await repo.update({ id }, { total: raw.length });
      const errors: ImportRowError[] = [];
      const rows: ImportRow[] = [];
      for (let i = 0; i < raw.length; i += CHUNK) {
        for (const r of raw.slice(i, i + CHUNK)) {
          const parsed = parseRow(r, errors);
          if (parsed) rows.push(parsed);
        }
        await repo.update({ id }, { processed: Math.min(i + CHUNK, raw.length) });
        await new Promise((resolve) => setImmediate(resolve));
      }
      crossCheck(rows, await this.existing(courtId, rows), errors);
      errors.sort((a, b) => a.row - b.row);
      if (raw.length === 0) errors.push({ row: 0, field: 'file', code: 'empty', message: '文件没有数据行' });
      await repo.update(
        { id },
        errors.length
          ? { status: 'failed', processed: raw.length, errors: errors.slice(0, MAX_ERRORS_KEPT) }
          : { status: 'ready', processed: raw.length, rows },
      );
    } catch (e) {
      this.logger.error(`import ${id} failed: ${(e as Error).message}`);
      await repo
        .update({ id }, { status: 'failed', errors: [{ row: 0, field: 'file', code: 'internal', message: '校验时发生内部错误，请重试' }] })
        .catch(() => undefined);
    }
  }

  private async existing(courtId: string, rows: readonly ImportRow[], m: EntityManager = this.dataSource.manager) {
    const orgNames = [
      ...new Set(rows.flatMap((r) => (r.type === 'organization' ? [r.name] : r.type === 'mediator' ? [r.organization] : []))),
    ];
    const usernames = rows.filter((r): r is MediatorRow => r.type === 'mediator').map((r) => r.username);
    const orgs = (await m.query('SELECT name FROM organizations WHERE court_id = $1 AND name = ANY($2)', [courtId, orgNames])) as {
      name: string;
    }[];
    const users = (await m.query(`SELECT username, (court_id = $1 AND role = 'mediator') AS ours FROM users WHERE username = ANY($2)`, [
      courtId,
      usernames,
    ])) as { username: string; ours: boolean }[];
    return {
      organizations: new Set(orgs.map((o) => o.name)),
      usernames: new Map(users.map((u) => [u.username, u.ours ? ('mediator' as const) : ('taken' as const)])),
    };
  }

  private async write(m: EntityManager, admin: AuthUser, rows: ImportRow[]): Promise<ImportResultView> {
    const orgRows = rows.filter((r): r is OrganizationRow => r.type === 'organization');
    const mediatorRows = rows.filter((r): r is MediatorRow => r.type === 'mediator');
    // Validated a while ago: what another import or account took since is checked again, under this transaction.
    const now = await this.existing(admin.courtId, rows, m);
    const taken = mediatorRows.filter((r) => now.usernames.get(r.username) === 'taken');
    if (taken.length)
      throw new DomainError('ILLEGAL_TRANSITION', `用户名已被其他账号使用：${taken.map((r) => r.username).join('、')}，请重新上传`, {
        username: 'taken',
      });
    const createdOrgs = (await m.query(
      `INSERT INTO organizations (court_id, name, kind, region, contact)
       SELECT $1, x.name, x.kind, x.region, x.contact FROM jsonb_to_recordset($2::jsonb) AS x(name text, kind text, region text, contact text)
       ON CONFLICT (court_id, name) DO NOTHING RETURNING id`,
      [admin.courtId, JSON.stringify(orgRows)],
    )) as { id: string }[];
    const orgIds = new Map(
      (
        (await m.query('SELECT id, name FROM organizations WHERE court_id = $1 AND name = ANY($2)', [
          admin.courtId,
          [...new Set(mediatorRows.map((r) => r.organization))],
        ])) as { id: string; name: string }[]
      ).map((o) => [o.name, o.id]),
    );
    const fresh = mediatorRows.filter((r) => !now.usernames.has(r.username));
    const created = (await m.query(
      `INSERT INTO users (username, display_name, role, password_hash, court_id, organization_id, expertise, must_change_password)
       SELECT x.username, x."displayName", 'mediator', $1, $2, x.org, ARRAY(SELECT jsonb_array_elements_text(x.specialities)), true
         FROM jsonb_to_recordset($3::jsonb) AS x(username text, "displayName" text, org uuid, specialities jsonb)
       ON CONFLICT (username) DO NOTHING RETURNING id, username`,
      [
        NO_PASSWORD,
        admin.courtId,
        JSON.stringify(
          fresh.map((r) => ({
            username: r.username,
            displayName: r.displayName,
            org: orgIds.get(r.organization),
            specialities: r.specialities,
          })),
        ),
      ],
    )) as { id: string; username: string }[];
    const idOf = new Map(created.map((u) => [u.username, u.id]));
    await m.query(
      `INSERT INTO mediator_roster (user_id, admission_date, languages, phone)
       SELECT x.id, x."admissionDate", ARRAY(SELECT jsonb_array_elements_text(x.languages)), x.phone
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "admissionDate" date, languages jsonb, phone text)`,
      [
        JSON.stringify(
          fresh
            .filter((r) => idOf.has(r.username))
            .map((r) => ({ id: idOf.get(r.username), admissionDate: r.admissionDate, languages: r.languages, phone: r.phone })),
        ),
      ],
    );
    return {
      organizationsCreated: createdOrgs.length,
      organizationsExisting: orgRows.length - createdOrgs.length,
      mediatorsCreated: created.length,
      mediatorsExisting: mediatorRows.length - created.length,
    };
  }

  private record(m: EntityManager, admin: AuthUser, type: string, data: Record<string, unknown>) {
    return this.audit.append(m, { caseId: null, stream: adminStream(admin.courtId), type, at: new Date(), actor: admin, data });
  }
}

import type { Writable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ExcelJS from 'exceljs';
import { DataSource, type QueryRunner } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { STATUS_LABELS, type CaseStatus } from '../rules/case-status.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { disputeTypeOf } from '../rules/dispute-types.js';
import type { BreakdownBy, ExportQuery } from './dto/stats.dto.js';
import { type BreakdownResponse, type BreakdownRow, DEFINITIONS } from './dto/stats-responses.js';
import { isAgreementStatus } from './facts.js';
import type { Period } from './period.js';
import { StatsService } from './stats.service.js';

export interface ExportFile {
  filename: string;
  asciiName: string;
  contentType: string;
  write(out: Writable): Promise<void>;
}

/** `attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 / 5987). */
export function contentDisposition(asciiName: string, filename: string, disposition = 'attachment'): string {
  return `${disposition}; filename="${asciiName.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

const BY_LABEL: Record<BreakdownBy, string> = { organization: '按调解组织', mediator: '按调解员', month: '按月份', disputeType: '按案由' };
const FEE_CATEGORY_LABEL: Record<string, string> = {
  property: '财产案件', labor: '劳动争议', divorce: '离婚案件', personality: '人格权案件', other_nonproperty: '其他非财产案件',
};
const TRACK_LABEL: Record<string, string> = { pre_litigation: '诉前委派调解', entrusted: '立案后委托调解' };

/** Columns of the figures (xlsx figures sheet, csv), in order. */
const FIGURE_COLUMNS: [string, (r: BreakdownRow) => string | number | null][] = [
  ['收案', (r) => r.received],
  ['委派待接收', (r) => r.delegated],
  ['调解中', (r) => r.inMediation],
  ['调解成功', (r) => r.agreed],
  ['司法确认', (r) => r.confirmed],
  ['驳回确认申请', (r) => r.confirmationRejected],
  ['调解不成', (r) => r.failed],
  ['撤回', (r) => r.withdrawn],
  ['调解成功率', (r) => r.successRate],
  ['平均调解天数', (r) => r.averageMediationDays],
  ['按期办结率', (r) => r.onTimeRate],
  ['节约诉讼费（估算，元）', (r) => r.savings.litigationFeesAvoided],
  ['计入节约诉讼费的案件数', (r) => r.savings.casesCounted],
];

const CASE_COLUMNS = [
  { header: '案号', width: 30 }, { header: '案由', width: 22 }, { header: '收费类别', width: 12 }, { header: '请求金额（元）', width: 16 },
  { header: '全额受理费（元）', width: 15 }, { header: '减半受理费（元）', width: 15 }, { header: '收费规则版本', width: 12 },
  { header: '程序', width: 14 }, { header: '状态', width: 14 }, { header: '收案日期', width: 12 }, { header: '接收日期', width: 12 },
  { header: '调解结束日期', width: 12 }, { header: '调解期限届满日', width: 14 }, { header: '司法确认裁定日期', width: 16 },
  { header: '计入节约诉讼费（元）', width: 18 }, { header: '调解组织', width: 28 }, { header: '调解员', width: 10 },
];

const MONEY_COLUMNS = new Set(['请求金额（元）', '全额受理费（元）', '减半受理费（元）', '计入节约诉讼费（元）']);
const CASE_STYLES: Partial<ExcelJS.Style>[] = CASE_COLUMNS.map((c) => (MONEY_COLUMNS.has(c.header) ? { numFmt: '#,##0.00' } : {}));

/** fen (exact) → a number of yuan for a spreadsheet cell; exact for any amount below 2^53 fen. */
const yuanCell = (fen: string | bigint): number => Number(BigInt(fen)) / 100;

interface CaseRow {
  case_number: string;
  dispute_type: string;
  claim_amount_fen: string;
  fee_full_fen: string;
  fee_half_fen: string;
  fee_rule_version: string | null;
  track: string;
  status: string;
  received_on: string;
  accepted_on: string | null;
  ended_on: string | null;
  mediation_ends_on: string | null;
  decided_on: string | null;
  organization_id: string | null;
  mediator_id: string | null;
}

const FETCH_ROWS = 5_000;

@Injectable()
export class StatsExportService {
  private readonly logger = new Logger(StatsExportService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly stats: StatsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Validates the request, records the export in the audit trail (the `system` stream), and
   * returns the file to stream. Figures and cases are read in one REPEATABLE READ snapshot, so
   * the cases sheet always adds up to the figures sheet.
   */
  async prepare(user: AuthUser, q: ExportQuery): Promise<ExportFile> {
    const p = this.stats.period(q.from, q.to);
    await this.stats.ensureFresh();
    const now = this.clock.now();
    await this.audit.appendNow({
      caseId: null, type: 'stats.exported', at: now, actor: user,
      data: { format: q.format, by: q.by, from: p.from, to: p.to, basis: q.basis, courtId: user.courtId },
    });
    const base = `诉调对接统计-${BY_LABEL[q.by]}-${p.from}至${p.to}`;
    const ascii = `sutiao-stats-${q.by}-${p.from}_${p.to}`;
    if (q.format === 'csv') {
      return {
        filename: `${base}.csv`, asciiName: `${ascii}.csv`, contentType: 'text/csv; charset=utf-8',
        write: (out) => this.snapshot(async (qr) => {
          const breakdown = await this.stats.breakdown(user, { by: q.by, from: p.from, to: p.to, basis: q.basis }, qr.manager);
          await writeChunk(out, csvOf(breakdown));
          out.end();
        }),
      };
    }
    return {
      filename: `${base}.xlsx`, asciiName: `${ascii}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      write: (out) => this.snapshot((qr) => this.writeXlsx(qr, user, q, p, now, out)),
    };
  }

  private async snapshot(fn: (qr: QueryRunner) => Promise<void>): Promise<void> {
    const qr = this.dataSource.createQueryRunner();
    await qr.connect();
    try {
      await qr.startTransaction('REPEATABLE READ');
      // A slow client may pause the stream between fetches; the snapshot must outlive that.
      await qr.query(`SET LOCAL idle_in_transaction_session_timeout = '10min'`);
      await qr.query(`SET LOCAL datestyle = 'ISO'`);
      await fn(qr);
      await qr.commitTransaction();
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => {});
      this.logger.error(`Export failed: ${(e as Error).message}`);
      throw e;
    } finally {
      await qr.release();
    }
  }

  private async writeXlsx(qr: QueryRunner, user: AuthUser, q: ExportQuery, p: Period, now: Date, out: Writable): Promise<void> {
    const m = qr.manager;
    const breakdown = await this.stats.breakdown(user, { by: q.by, from: p.from, to: p.to, basis: q.basis }, m);
    const [court] = await m.query('SELECT name FROM courts WHERE id = $1', [user.courtId]) as { name: string }[];
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false, zip: { zlib: { level: 1 } } } as never);
    wb.creator = 'sutiao';
    wb.created = now;

    // Sheet 1: the figures.
    const fig = wb.addWorksheet('统计数字');
    fig.columns = [{ width: 34 }, ...FIGURE_COLUMNS.map(() => ({ width: 13 }))];
    const bold = { font: { bold: true } };
    fig.addRow([`${court?.name ?? ''}诉调对接统计`]).font = { bold: true, size: 14 };
    fig.addRow(['统计期间', `${p.from} 至 ${p.to}`]).commit();
    fig.addRow(['节约诉讼费口径', `${q.basis === 'half' ? '减半（按简易程序）' : '全额'}；估算；${breakdown.totals.savings.feeRule.basis}，收费规则版本 ${breakdown.totals.savings.feeRule.version ?? '—'}，${breakdown.totals.savings.feeRule.province}`]).commit();
    fig.addRow(['生成时间', `${chinaDateOf(now)}（北京时间）`]).commit();
    fig.addRow([]).commit();
    const header = fig.addRow([BY_LABEL[q.by].replace('按', ''), ...FIGURE_COLUMNS.map(([h]) => h)]);
    header.font = bold.font;
    header.commit();
    for (const r of breakdown.rows) fig.addRow([r.label, ...FIGURE_COLUMNS.map(([, f]) => cellOf(f(r)))]).commit();
    const total = fig.addRow(['合计', ...FIGURE_COLUMNS.map(([, f]) => cellOf(f({ key: null, label: '合计', ...breakdown.totals })))]);
    total.font = bold.font;
    total.commit();
    fig.commit();

    // Sheet 2: every case behind the figures, with its fee basis; no party data.
    const cases = wb.addWorksheet('案件明细');
    cases.columns = CASE_COLUMNS;
    cases.getRow(1).font = bold.font;
    cases.getRow(1).commit();
    const names = await this.namesOf(qr, user.courtId);
    const feeOf = (r: CaseRow) => (q.basis === 'half' ? r.fee_half_fen : r.fee_full_fen);
    await qr.query(`SET LOCAL work_mem = '64MB'`);
    await qr.query(
      `DECLARE stats_export NO SCROLL CURSOR FOR
       SELECT f.case_number, f.dispute_type, f.claim_amount_fen::text, f.fee_full_fen::text, f.fee_half_fen::text, f.fee_rule_version,
              f.track, f.status, f.received_on::text, f.accepted_on::text, f.ended_on::text, f.mediation_ends_on::text,
              f.decided_on::text, f.organization_id, f.mediator_id
         FROM case_stat_facts f
        WHERE f.court_id = $1 AND (f.received_on BETWEEN $2 AND $3 OR f.ended_on BETWEEN $2 AND $3 OR f.decided_on BETWEEN $2 AND $3)
        ORDER BY f.received_on, f.case_number`, [user.courtId, p.from, p.to]);
    const fetchRows = () => qr.query(`FETCH ${FETCH_ROWS} FROM stats_export`) as Promise<CaseRow[]>;
    // The next batch is fetched while this one is written: PostgreSQL and the writer overlap.
    let pending: Promise<CaseRow[]> | null = fetchRows();
    while (pending) {
      const rows: CaseRow[] = await pending;
      pending = rows.length === FETCH_ROWS ? fetchRows() : null;
      for (const r of rows) {
        const type = disputeTypeOf(r.dispute_type);
        const saved = r.ended_on !== null && r.ended_on >= p.from && r.ended_on <= p.to && isAgreementStatus(r.status);
        const row = cases.addRow([
          r.case_number, type?.name ?? r.dispute_type, FEE_CATEGORY_LABEL[type?.feeCategory ?? 'property'], yuanCell(r.claim_amount_fen),
          yuanCell(r.fee_full_fen), yuanCell(r.fee_half_fen), r.fee_rule_version, TRACK_LABEL[r.track] ?? r.track,
          STATUS_LABELS[r.status as CaseStatus] ?? r.status, r.received_on, r.accepted_on, r.ended_on, r.mediation_ends_on, r.decided_on,
          saved ? yuanCell(feeOf(r)) : null,
          r.organization_id ? names.organizations.get(r.organization_id) ?? null : null,
          r.mediator_id ? names.mediators.get(r.mediator_id) ?? null : null,
        ]);
        // One style object per column: exceljs resolves a style it has seen by identity (a fresh
        // object per cell costs more than the rest of the row).
        row.eachCell((cell, col) => { cell.style = CASE_STYLES[col - 1]!; });
        row.commit();
      }
    }
    await qr.query('CLOSE stats_export');
    cases.commit();

    // Sheet 3: what each figure means.
    const defs = wb.addWorksheet('口径说明');
    defs.columns = [{ width: 18 }, { width: 120 }];
    for (const [key, text] of Object.entries(DEFINITIONS)) defs.addRow([key, text]).commit();
    defs.addRow(['cases sheet', '“计入节约诉讼费（元）”一列只在调解结束日期在统计期间内、以调解协议结束的案件填写，其合计等于统计数字表的节约诉讼费。案件明细不含任何当事人信息。']).commit();
    defs.commit();
    await wb.commit();
  }

  private async namesOf(qr: QueryRunner, courtId: string) {
    const orgs = await qr.query('SELECT id, name FROM organizations WHERE court_id = $1', [courtId]) as { id: string; name: string }[];
    const users = await qr.query(`SELECT id, display_name FROM users WHERE court_id = $1 AND role = 'mediator'`, [courtId]) as { id: string; display_name: string }[];
    return { organizations: new Map(orgs.map((o) => [o.id, o.name])), mediators: new Map(users.map((u) => [u.id, u.display_name])) };
  }
}

/** A money string stays exact as a number of yuan only below 2^53 fen; rates and counts are numbers. */
function cellOf(v: string | number | null): string | number | null {
  if (typeof v === 'string' && /^\d+\.\d{2}$/.test(v)) return yuanCell(v.replace('.', ''));
  return v;
}

const csvField = (v: string | number | null): string => {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The breakdown as CSV: UTF-8 with a BOM (so spreadsheet programs read the Chinese), CRLF lines. */
export function csvOf(b: BreakdownResponse): string {
  const lines = [
    ['key', '名称', ...FIGURE_COLUMNS.map(([h]) => h), '口径'],
    ...b.rows.map((r) => [r.key, r.label, ...FIGURE_COLUMNS.map(([, f]) => f(r)), b.basis]),
    ['', '合计', ...FIGURE_COLUMNS.map(([, f]) => f({ key: null, label: '合计', ...b.totals })), b.basis],
  ];
  return `\ufeff${lines.map((l) => l.map(csvField).join(',')).join('\r\n')}\r\n`;
}

function writeChunk(out: Writable, text: string): Promise<void> {
  return new Promise((resolve, reject) => out.write(text, (e) => (e ? reject(e) : resolve())));
}

import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Injectable, Logger } from '@nestjs/common';
import type { QueryRunner } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { ReadReplica } from '../common/read-replica.js';
import { STATUS_LABELS, type CaseStatus } from '../rules/case-status.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { disputeTypeOf } from '../rules/dispute-types.js';
import type { FeeCategory } from '../rules/fees.js';
import type { TrackCode } from '../rules/tracks.js';
import { BASIS_LABELS, type BreakdownBy, type ExportQuery, type SavingsBasis } from './dto/stats.dto.js';
import { type BreakdownResponse, type BreakdownRow, DEFINITIONS } from './dto/stats-responses.js';
import { isAgreementStatus } from './facts.js';
import type { Period } from './period.js';
import { StatsService } from './stats.service.js';
import { type CellStyle, type CellValue, type SheetColumn, XlsxStreamWriter } from './xlsx-stream.js';

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
const FEE_CATEGORY_LABEL: Record<FeeCategory, string> = {
  property: '财产案件',
  labor: '劳动争议',
  divorce: '离婚案件',
  personality: '人格权案件',
  other_nonproperty: '其他非财产案件',
};
const TRACK_LABEL: Record<TrackCode, string> = { pre_litigation: '诉前委派调解', entrusted: '立案后委托调解' };

/** Columns of the figures (xlsx figures sheet, csv), in order. */
const FIGURE_COLUMNS: [string, (r: BreakdownRow) => string | number | null, CellStyle?][] = [
  ['收案', (r) => r.received],
  ['委派待接收', (r) => r.delegated],
  ['调解中', (r) => r.inMediation],
  ['调解成功', (r) => r.agreed],
  ['司法确认', (r) => r.confirmed],
  ['驳回确认申请', (r) => r.confirmationRejected],
  ['调解不成', (r) => r.failed],
  ['撤回', (r) => r.withdrawn],
  ['调解成功率', (r) => r.successRate, 'percent'],
  ['平均调解天数', (r) => r.averageMediationDays],
  ['按期办结率', (r) => r.onTimeRate, 'percent'],
  ['节约诉讼费（估算，元）', (r) => r.savings.litigationFeesAvoided, 'money'],
  ['计入节约诉讼费的案件数', (r) => r.savings.casesCounted],
  ['到期履行义务', (r) => r.obligationsDue],
  ['按期履行', (r) => r.obligationsPerformedOnTime],
  ['违约', (r) => r.obligationsDefaulted],
  ['按期履行率', (r) => r.performanceRate, 'percent'],
  ['违约率', (r) => r.defaultRate, 'percent'],
  ['应履行金额（元）', (r) => r.amountDue, 'money'],
  ['已履行金额（元）', (r) => r.amountPaid, 'money'],
  ['当事人评价（件）', (r) => r.ratingsCount],
  ['满意率', (r) => r.satisfactionRate, 'percent'],
];

const CASE_COLUMNS: (SheetColumn & { header: string })[] = [
  { header: '案号', width: 30, unique: true },
  { header: '案由', width: 22 },
  { header: '收费类别', width: 12 },
  { header: '请求金额（元）', width: 16, style: 'money' },
  { header: '全额受理费（元）', width: 15, style: 'money' },
  { header: '减半受理费（元）', width: 15, style: 'money' },
  { header: '收费规则版本', width: 12 },
  { header: '程序', width: 14 },
  { header: '状态', width: 14 },
  { header: '收案日期', width: 12, style: 'date' },
  { header: '接收日期', width: 12, style: 'date' },
  { header: '调解结束日期', width: 12, style: 'date' },
  { header: '调解期限届满日', width: 14, style: 'date' },
  { header: '司法确认裁定日期', width: 16, style: 'date' },
  { header: '计入节约诉讼费（元）', width: 18, style: 'money' },
  { header: '调解组织', width: 28 },
  { header: '调解员', width: 10 },
];

/** fen (exact) → a number of yuan for a spreadsheet cell; exact for any amount below 2^53 fen. */
const yuanCell = (fen: string | bigint): number => Number(BigInt(fen)) / 100;

/** A row of the cases cursor, as an array (column order of the SELECT below). */
type CaseRow = (string | null)[];
const F = {
  caseNumber: 0,
  disputeType: 1,
  claim: 2,
  feeFull: 3,
  feeHalf: 4,
  feeRuleVersion: 5,
  track: 6,
  status: 7,
  receivedOn: 8,
  acceptedOn: 9,
  endedOn: 10,
  mediationEndsOn: 11,
  decidedOn: 12,
  organizationId: 13,
  mediatorId: 14,
} as const;

/** The pg client under a TypeORM query runner (for array rows). */
interface RawClient {
  query(q: { text: string; rowMode: 'array' }): Promise<{ rows: unknown[][] }>;
}

const FETCH_ROWS = 10_000;

@Injectable()
export class StatsExportService {
  private readonly logger = new Logger(StatsExportService.name);

  constructor(
    private readonly replica: ReadReplica,
    private readonly stats: StatsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /**
   * Validates the request, records the export in the audit trail (the `system` stream), and
   * returns the file to stream. Figures and cases are read in one REPEATABLE READ snapshot, so
   * the cases sheet always adds up to the figures sheet.
   */
  async prepare(user: AuthUser, q: ExportQuery & { basis: SavingsBasis }): Promise<ExportFile> {
    const p = this.stats.period(q.from, q.to);
    await this.stats.ensureFresh();
    const now = this.clock.now();
    await this.audit.appendNow({
      caseId: null,
      type: 'stats.exported',
      at: now,
      actor: user,
      data: { format: q.format, by: q.by, from: p.from, to: p.to, basis: q.basis, courtId: user.courtId },
    });
    const base = `诉调对接统计-${BY_LABEL[q.by]}-${p.from}至${p.to}`;
    const ascii = `sutiao-stats-${q.by}-${p.from}_${p.to}`;
    if (q.format === 'csv') {
      return {
        filename: `${base}.csv`,
        asciiName: `${ascii}.csv`,
        contentType: 'text/csv; charset=utf-8',
        write: (out) =>
          this.snapshot(out, async (qr) => {
            const breakdown = await this.stats.breakdown(user, { by: q.by, from: p.from, to: p.to, basis: q.basis }, qr.manager);
            await writeChunk(out, csvOf(breakdown));
            out.end();
          }),
      };
    }
    return {
      filename: `${base}.xlsx`,
      asciiName: `${ascii}.xlsx`,
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      write: (out) => this.snapshot(out, (qr, client) => this.writeXlsx(qr, client, user, q, p, now, out)),
    };
  }

  /** Runs `fn` in one REPEATABLE READ snapshot; a failure half-way aborts the download (no truncated file that looks whole). */
  private snapshot(out: Writable, fn: (qr: QueryRunner, client: RawClient) => Promise<void>): Promise<void> {
    // On a replica: a long export holds its snapshot there, not on the primary the queue claims on.
    return this.replica.read((_m, qr) => this.snapshotOn(qr, out, fn));
  }

  private async snapshotOn(qr: QueryRunner, out: Writable, fn: (qr: QueryRunner, client: RawClient) => Promise<void>): Promise<void> {
    const client = (await qr.connect()) as RawClient;
    try {
      await qr.startTransaction('REPEATABLE READ');
      // A slow client may pause the stream between fetches; the snapshot must outlive that.
      await qr.query(`SET LOCAL idle_in_transaction_session_timeout = '10min'`);
      await qr.query(`SET LOCAL datestyle = 'ISO'`);
      await fn(qr, client);
      await qr.commitTransaction();
    } catch (e) {
      if (qr.isTransactionActive) await qr.rollbackTransaction().catch(() => {});
      this.logger.error(`Export failed: ${(e as Error).message}`);
      out.destroy(e as Error);
      throw e;
    }
  }

  private async writeXlsx(
    qr: QueryRunner,
    client: RawClient,
    user: AuthUser,
    q: ExportQuery & { basis: SavingsBasis },
    p: Period,
    now: Date,
    out: Writable,
  ): Promise<void> {
    const m = qr.manager;
    const breakdown = await this.stats.breakdown(user, { by: q.by, from: p.from, to: p.to, basis: q.basis }, m);
    const [court] = (await m.query('SELECT name FROM courts WHERE id = $1', [user.courtId])) as { name: string }[];
    const xlsx = new XlsxStreamWriter(out, { creator: 'sutiao', created: now });

    // Sheet 1: the figures.
    const fig = await xlsx.addSheet('统计数字', [{ width: 34 }, ...FIGURE_COLUMNS.map(([, , style]) => ({ width: 13, style }))]);
    const rule = breakdown.totals.savings.feeRule;
    await fig.row([`${court?.name ?? ''}诉调对接统计`], 'bold');
    await fig.row(['统计期间', `${p.from} 至 ${p.to}`]);
    await fig.row([
      '节约诉讼费口径',
      `${BASIS_LABELS[q.basis]}；估算；${rule.basis}，收费规则版本 ${rule.version ?? '—'}，${rule.province}`,
    ]);
    await fig.row(['生成时间', `${chinaDateOf(now)}（北京时间）`]);
    await fig.row([]);
    await fig.row([BY_LABEL[q.by].replace('按', ''), ...FIGURE_COLUMNS.map(([h]) => h)], 'bold');
    for (const r of breakdown.rows) await fig.row([r.label, ...FIGURE_COLUMNS.map(([, f]) => cellOf(f(r)))]);
    await fig.row(['合计', ...FIGURE_COLUMNS.map(([, f]) => cellOf(f({ key: null, label: '合计', ...breakdown.totals })))], 'bold');
    await fig.close();

    // Sheet 2: every case behind the figures, with its fee basis; no party data.
    const cases = await xlsx.addSheet('案件明细', CASE_COLUMNS, { freezeHeader: true });
    await cases.row(
      CASE_COLUMNS.map((c) => c.header),
      'bold',
    );
    const names = await this.namesOf(qr, user.courtId);
    const feeOf = (r: CaseRow) => (q.basis === 'half' ? r[F.feeHalf] : r[F.feeFull]);
    const caseCells = (r: CaseRow): CellValue[] => {
      const type = disputeTypeOf(r[F.disputeType]!);
      const ended = r[F.endedOn];
      const saved = ended !== null && ended >= p.from && ended <= p.to && isAgreementStatus(r[F.status]!);
      const org = r[F.organizationId];
      const mediator = r[F.mediatorId];
      return [
        r[F.caseNumber],
        type?.name ?? r[F.disputeType],
        FEE_CATEGORY_LABEL[type?.feeCategory ?? 'property'],
        yuanCell(r[F.claim]!),
        yuanCell(r[F.feeFull]!),
        yuanCell(r[F.feeHalf]!),
        r[F.feeRuleVersion],
        TRACK_LABEL[r[F.track] as TrackCode] ?? r[F.track],
        STATUS_LABELS[r[F.status] as CaseStatus] ?? r[F.status],
        r[F.receivedOn],
        r[F.acceptedOn],
        ended,
        r[F.mediationEndsOn],
        r[F.decidedOn],
        saved ? yuanCell(feeOf(r)!) : null,
        org ? (names.organizations.get(org) ?? null) : null,
        mediator ? (names.mediators.get(mediator) ?? null) : null,
      ];
    };
    await qr.query(`SET LOCAL work_mem = '64MB'`);
    const columns = `f.case_number, f.dispute_type, f.claim_amount_fen::text, f.fee_full_fen::text, f.fee_half_fen::text, f.fee_rule_version,
        f.track, f.status, f.received_on::text, f.accepted_on::text, f.ended_on::text, f.mediation_ends_on::text,
        f.decided_on::text, f.organization_id, f.mediator_id`;
    // In received-date order, in two parts so that neither needs a big sort: first the (few) cases
    // received earlier whose mediation ended or ruling came in the period, then the period's
    // intake straight off the (court, received_on, case_number) index.
    const parts = [
      `SELECT ${columns} FROM case_stat_facts f
        WHERE f.court_id = $1 AND f.received_on < $2 AND (f.ended_on BETWEEN $2 AND $3 OR f.decided_on BETWEEN $2 AND $3)
        ORDER BY f.received_on, f.case_number`,
      `SELECT ${columns} FROM case_stat_facts f
        WHERE f.court_id = $1 AND f.received_on BETWEEN $2 AND $3
        ORDER BY f.received_on, f.case_number`,
    ];
    for (const sql of parts) {
      await qr.query(`DECLARE stats_export NO SCROLL CURSOR FOR ${sql}`, [user.courtId, p.from, p.to]);
      // Rows as arrays straight from the driver (no object per row); the next batch is fetched
      // while this one is written, so PostgreSQL and the writer overlap.
      const fetchRows = async () =>
        (await client.query({ text: `FETCH ${FETCH_ROWS} FROM stats_export`, rowMode: 'array' })).rows as CaseRow[];
      let pending: Promise<CaseRow[]> | null = fetchRows();
      while (pending) {
        const rows: CaseRow[] = await pending;
        pending = rows.length === FETCH_ROWS ? fetchRows() : null;
        for (const r of rows) await cases.row(caseCells(r));
      }
      await qr.query('CLOSE stats_export');
    }
    await cases.close();

    // Sheet 3: what each figure means.
    const defs = await xlsx.addSheet('口径说明', [{ width: 22 }, { width: 120 }]);
    for (const [key, text] of Object.entries(DEFINITIONS)) await defs.row([key, text]);
    await defs.row([
      '案件明细',
      '“计入节约诉讼费（元）”一列只在调解结束日期在统计期间内、以调解协议结束的案件填写，其合计等于统计数字表的节约诉讼费。案件明细不含任何当事人信息。',
    ]);
    await defs.close();
    await xlsx.finish();
    out.end();
  }

  private async namesOf(qr: QueryRunner, courtId: string) {
    const orgs = (await qr.query('SELECT id, name FROM organizations WHERE court_id = $1', [courtId])) as { id: string; name: string }[];
    const users = (await qr.query(`SELECT id, display_name FROM users WHERE court_id = $1 AND role = 'mediator'`, [courtId])) as {
      id: string;
      display_name: string;
    }[];
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

/**
 * Writes with backpressure. Not through write's callback: the response compression middleware
 * replaces `res.write` and never calls it (a download would hang on the first chunk).
 */
async function writeChunk(out: Writable, text: string): Promise<void> {
  if (!out.write(text)) await once(out, 'drain');
}

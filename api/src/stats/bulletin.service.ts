import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuthUser } from '../auth/auth-user.js';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { PDF_RENDERER } from '../documents/documents.service.js';
import { ReportRenderer } from '../documents/pdf/report.js';
import type { PdfRenderer } from '../documents/pdf/renderer.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { formatMoneyCn } from '../rules/money.js';
import { rankingChart, savingsChart, trendChart, type TrendPoint } from './bulletin-charts.js';
import { BASIS_LABELS, type BulletinQuery, type SavingsBasis } from './dto/stats.dto.js';
import { DEFINITIONS, type RankingEntry, type StatsFigures } from './dto/stats-responses.js';
import { addMonths, monthOf, monthPeriod } from './period.js';
import { monthLabel, StatsService } from './stats.service.js';

const percent = (rate: number | null): string => (rate === null ? '—' : `${(rate * 100).toFixed(2)}%`);
const days = (d: number | null): string => (d === null ? '—' : d.toFixed(2));
const fenOf = (yuan: string): bigint => BigInt(yuan.replace('.', ''));

function figuresView(f: StatsFigures) {
  return {
    received: f.received,
    delegated: f.delegated,
    inMediation: f.inMediation,
    agreed: f.agreed,
    failed: f.failed,
    withdrawn: f.withdrawn,
    ended: f.agreed + f.failed + f.withdrawn,
    confirmed: f.confirmed,
    confirmationRejected: f.confirmationRejected,
    successRate: percent(f.successRate),
    onTimeRate: percent(f.onTimeRate),
    averageDays: days(f.averageMediationDays),
    savings: formatMoneyCn(fenOf(f.savings.litigationFeesAvoided)),
    obligationsDue: f.obligationsDue,
    performanceRate: percent(f.performanceRate),
    defaultRate: percent(f.defaultRate),
    amountDue: formatMoneyCn(fenOf(f.amountDue)),
    amountPaid: formatMoneyCn(fenOf(f.amountPaid)),
    ratingsCount: f.ratingsCount,
    satisfactionRate: percent(f.satisfactionRate),
  };
}

const rankingView = (e: RankingEntry) => ({
  rank: e.rank,
  name: e.name,
  ended: e.ended,
  onTimeRate: percent(e.onTimeRate),
  successRate: percent(e.successRate),
  averageDays: days(e.averageMediationDays),
  satisfactionRate: percent(e.satisfactionRate),
  ratingsCount: e.ratingsCount,
});

/**
 * 月度通报: the month's summary, the year to date, twelve months of trend and savings, and the
 * 红黑榜 — each read through StatsService, i.e. the very figures the reports answer.
 */
@Injectable()
export class BulletinService {
  private readonly reports: ReportRenderer;

  constructor(
    private readonly stats: StatsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    @Inject(PDF_RENDERER) renderer: PdfRenderer,
  ) {
    this.reports = ReportRenderer.create(renderer.fonts);
  }

  async render(user: AuthUser, q: BulletinQuery & { basis: SavingsBasis }): Promise<{ pdf: Buffer; filename: string; asciiName: string }> {
    const today = this.stats.today();
    const month = q.month ?? addMonths(monthOf(today), -1);
    const p = monthPeriod(month);
    const ytd = { from: `${month.slice(0, 4)}-01-01`, to: p.to };
    const base = { basis: q.basis };
    const [summary, yearToDate, trend, ranking] = await Promise.all([
      this.stats.summary(user, { ...base, ...p }),
      this.stats.summary(user, { ...base, ...ytd }),
      this.stats.breakdown(user, { ...base, by: 'month', ...this.stats.trendPeriod(month) }),
      this.stats.ranking(user, { month, minCases: q.minCases, size: 10 }),
    ]);
    const points: TrendPoint[] = trend.rows.map((r) => ({
      label: `${Number(r.key!.slice(5))}月`,
      received: r.received,
      ended: r.agreed + r.failed + r.withdrawn,
      agreed: r.agreed,
      savingsYuan: Number(r.savings.litigationFeesAvoided),
    }));
    const bars = [
      ...ranking.red.map((e) => ({ name: e.name, onTimeRate: e.onTimeRate ?? 0, successRate: e.successRate ?? 0, list: 'red' as const })),
      ...ranking.black.map((e) => ({
        name: e.name,
        onTimeRate: e.onTimeRate ?? 0,
        successRate: e.successRate ?? 0,
        list: 'black' as const,
      })),
    ];
    const [trendSvg, savingsSvg, rankingSvg] = await Promise.all([
      trendChart(points),
      savingsChart(points),
      bars.length ? rankingChart(bars) : Promise.resolve(''),
    ]);
    const [court] = await this.statsCourt(user);
    const now = this.clock.now();
    const feeRule = summary.savings.feeRule;
    const view = {
      courtName: court?.name ?? '',
      monthLabel: monthLabel(month),
      period: p,
      issuedOn: chinaDateOf(now),
      ytdLabel: month.endsWith('-01') ? monthLabel(month) : `${monthLabel(`${month.slice(0, 4)}-01`)}至${Number(month.slice(5))}月`,
      month: figuresView(summary),
      ytd: figuresView(yearToDate),
      trend: trend.rows.map((r, i) => ({
        label: monthLabel(r.key!),
        received: r.received,
        ended: points[i]!.ended,
        agreed: r.agreed,
        savings: r.savings.litigationFeesAvoided,
      })),
      ranking: {
        criteria: ranking.criteria,
        minCases: ranking.minCases,
        eligible: ranking.eligible,
        red: ranking.red.map(rankingView),
        black: ranking.black.map(rankingView),
      },
      basisLabel: BASIS_LABELS[q.basis],
      feeBasis: feeRule.basis,
      feeRuleVersion: feeRule.version ?? '—',
      province: feeRule.province,
      definitions: [
        DEFINITIONS.received,
        DEFINITIONS.delegated,
        DEFINITIONS.inMediation,
        DEFINITIONS.agreed,
        DEFINITIONS.failed,
        DEFINITIONS.successRate,
        DEFINITIONS.onTimeRate,
        DEFINITIONS.averageMediationDays,
        DEFINITIONS.savings,
        DEFINITIONS.performanceRate,
        DEFINITIONS.defaultRate,
      ],
    };
    const title = `${view.courtName}诉调对接工作月度通报（${view.monthLabel}）`;
    await this.audit.appendNow({
      caseId: null,
      type: 'stats.bulletin_exported',
      at: now,
      actor: user,
      data: { month, basis: q.basis, minCases: q.minCases, courtId: user.courtId },
    });
    const pdf = await this.reports.render(
      'monthly_bulletin',
      view,
      { trend: trendSvg, savings: savingsSvg, ranking: rankingSvg },
      {
        title,
        subject: '诉调对接工作月度通报',
        issuedAt: now,
        documentId: randomUUID(),
        footerNote: `数据来源：sutiao 诉调对接平台统计（与 /api/stats 报表同源），生成于 ${chinaDateOf(now)}。节约诉讼费为估算。`,
      },
    );
    return { pdf, filename: `${title}.pdf`, asciiName: `sutiao-bulletin-${month}.pdf` };
  }

  private statsCourt(user: AuthUser): Promise<{ name: string }[]> {
    return this.stats.courtOf(user.courtId);
  }
}

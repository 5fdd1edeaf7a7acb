import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/auth-user.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { isDatabaseUnavailable } from '../common/http-exception.filter.js';
import { ReadReplica } from '../common/read-replica.js';
import { DISPUTE_TYPES } from '../rules/dispute-types.js';
import { FEE_BASIS, DEFAULT_PROVINCE, FeeRuleError, feeScheduleOn } from '../rules/fees.js';
import {
  averageMediationDays,
  endedCount,
  litigationRatePer10k,
  onTimeRate,
  RANKING_CRITERIA,
  redBlackLists,
  successRate,
} from '../rules/kpi.js';
import { formatMoney } from '../rules/money.js';
import type { ObligationStatus } from '../rules/obligations.js';
import { SATISFIED_FROM, type SatisfactionCounters, satisfactionRate, zeroSatisfaction } from '../rules/satisfaction.js';
import { COUNTERS, type Counters, type Dimension, zeroCounters } from './facts.js';
import { addCounters, addObligation, type PerformanceCounters, performanceFigures, zeroPerformance } from './performance.js';
import { rollupColumn } from './rollups.js';
import { StatsRefreshService } from './stats-refresh.service.js';
import { monthPeriod, monthsOf, type Period, resolvePeriod, splitPeriod, addMonths, monthOf } from './period.js';
import { BASIS_LABELS, basisOfSetting, type BreakdownBy, type SavingsBasis } from './dto/stats.dto.js';
import {
  type BreakdownResponse,
  type BreakdownRow,
  DEFINITIONS,
  type LitigationRateResponse,
  type RankingEntry,
  type RankingResponse,
  type StatsFigures,
  type StatsSummary,
} from './dto/stats-responses.js';

type Queryable = Pick<EntityManager, 'query'>;

/** Which rollup dimension answers a breakdown (months are read from the dispute-type rows). */
const DIMENSION_OF: Record<BreakdownBy | 'total', Dimension> = {
  organization: 'organization',
  mediator: 'mediator',
  disputeType: 'dispute_type',
  month: 'dispute_type',
  total: 'dispute_type',
};

const NONE_LABEL: Record<BreakdownBy, string> = {
  organization: '未指定调解组织（法院共享队列或尚未委派）',
  mediator: '未指定调解员（尚未接收）',
  disputeType: '未知案由',
  month: '',
};

const DISPUTE_TYPE_NAMES = new Map(DISPUTE_TYPES.map((d) => [d.code, d.name]));

export const monthLabel = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;

/** Counters → the contract's figures (rates by rules/kpi.ts, money as a decimal string). */
export function figuresOf(
  c: Counters,
  basis: SavingsBasis,
  perf: PerformanceCounters = zeroPerformance(),
  sat: SatisfactionCounters = zeroSatisfaction(),
): StatsFigures {
  const n = (k: keyof Counters) => Number(c[k]);
  const ended = endedCount({ agreed: n('agreed'), failed: n('failed'), withdrawn: n('withdrawn') });
  return {
    received: n('received'),
    delegated: n('delegated'),
    inMediation: n('inMediation'),
    agreed: n('agreed'),
    confirmed: n('confirmed'),
    confirmationRejected: n('confirmationRejected'),
    failed: n('failed'),
    withdrawn: n('withdrawn'),
    successRate: successRate({ agreed: n('agreed'), failed: n('failed'), withdrawn: n('withdrawn') }),
    averageMediationDays: averageMediationDays(c.mediationDays, ended),
    onTimeRate: onTimeRate(n('endedOnTime'), ended),
    ...performanceFigures(perf),
    ratingsCount: sat.ratings,
    satisfactionRate: satisfactionRate(sat),
    savings: {
      litigationFeesAvoided: formatMoney(basis === 'half' ? c.feesHalfFen : c.feesFullFen),
      casesCounted: n('agreed'),
      basis,
      litigationFeesAvoidedFull: formatMoney(c.feesFullFen),
      litigationFeesAvoidedHalf: formatMoney(c.feesHalfFen),
    },
  };
}

/**
 * Reports read the rollups (stats/rollups.ts), never the cases: a period is the whole months
 * inside it (month rows) plus the days at its edges (day rows), so a year costs a few hundred rows
 * whatever the number of cases.
 */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendar: CalendarService,
    private readonly refresh: StatsRefreshService,
    private readonly replica: ReadReplica,
  ) {}

  /** Refreshes cases changed outside the action hook, so what follows equals a recount. */
  async ensureFresh(): Promise<void> {
    try {
      await this.refresh.ensureFresh();
    } catch (e) {
      // Primary unreachable (a failover) but replicas configured: the report reads the replica as it is.
      if (!this.replica.enabled || !isDatabaseUnavailable(e)) throw e;
    }
  }

  period(from: string | undefined, to: string | undefined): Period {
    return resolvePeriod(from, to, this.calendar.today());
  }

  today(): string {
    return this.calendar.today();
  }

  courtOf(courtId: string): Promise<{ name: string; province: string }[]> {
    return this.replica.read((m) => m.query('SELECT name, province FROM courts WHERE id = $1', [courtId]));
  }

  /** Summed counters of a court in a period, per group (`by`) or in total. */
  async counters(
    courtId: string,
    p: Period,
    by: BreakdownBy | 'total',
    m: Queryable = this.dataSource.manager,
  ): Promise<Map<string, Counters>> {
    const split = splitPeriod(p);
    const group = by === 'month' ? `to_char(period, 'YYYY-MM')` : by === 'total' ? `''` : 'dim_key';
    const days = [...split.days, null, null].slice(0, 2);
    const rows = (await m.query(
      `SELECT ${group} AS key, ${COUNTERS.map((c) => `sum(${rollupColumn(c)})::text AS "${c}"`).join(', ')}
         FROM stats_rollups
        WHERE court_id = $1 AND dim = $2
          AND ((grain = 'm' AND period BETWEEN $3::date AND $4::date)
            OR (grain = 'd' AND (period BETWEEN $5::date AND $6::date OR period BETWEEN $7::date AND $8::date)))
        GROUP BY 1`,
      [
        courtId,
        DIMENSION_OF[by],
        split.months?.from ?? null,
        split.months?.to ?? null,
        days[0]?.from ?? null,
        days[0]?.to ?? null,
        days[1]?.from ?? null,
        days[1]?.to ?? null,
      ],
    )) as Record<string, string>[];
    const out = new Map<string, Counters>();
    for (const r of rows) {
      const c = zeroCounters();
      for (const k of COUNTERS) c[k] = BigInt(r[k] ?? '0');
      out.set(r.key ?? '', c);
    }
    return out;
  }

  /**
   * Performance of agreements (stats/performance.ts) per group: obligations due in the period,
   * grouped as their case is (its fact's organization, mediator, dispute type) or by due month.
   */
  async performance(courtId: string, p: Period, by: BreakdownBy | 'total', m: Queryable = this.dataSource.manager) {
    const group = {
      organization: `coalesce(f.organization_id::text, '')`,
      mediator: `coalesce(f.mediator_id::text, '')`,
      disputeType: `coalesce(f.dispute_type, '')`,
      month: `to_char(o.due_on, 'YYYY-MM')`,
      total: `''`,
    }[by];
    const rows = (await m.query(
      `SELECT ${group} AS key, to_char(o.due_on, 'YYYY-MM-DD') AS "dueOn", o.status, o.amount_fen::text AS "amountFen",
              o.paid_fen::text AS "paidFen", to_char(o.paid_on, 'YYYY-MM-DD') AS "paidOn"
         FROM obligations o LEFT JOIN case_stat_facts f ON f.case_id = o.case_id
        WHERE o.court_id = $1 AND o.due_on BETWEEN $2::date AND $3::date`,
      [courtId, p.from, p.to],
    )) as { key: string; dueOn: string; status: ObligationStatus; amountFen: string; paidFen: string; paidOn: string | null }[];
    const today = this.today();
    const cal = this.calendar.calendar();
    const out = new Map<string, PerformanceCounters>();
    for (const r of rows) {
      let c = out.get(r.key);
      if (!c) out.set(r.key, (c = zeroPerformance()));
      addObligation(
        c,
        { dueOn: r.dueOn, status: r.status, amountFen: BigInt(r.amountFen), paidFen: BigInt(r.paidFen), paidOn: r.paidOn },
        today,
        cal,
      );
    }
    return out;
  }

  /**
   * Parties' ratings (rules/satisfaction.ts) per group: ratings given in the period, grouped by the
   * organization and mediator that handled the case when the party rated, its dispute type or the month.
   * Only counts leave here: never a comment, never a party.
   */
  async satisfaction(courtId: string, p: Period, by: BreakdownBy | 'total', m: Queryable = this.dataSource.manager) {
    const group = {
      organization: `coalesce(r.organization_id::text, '')`,
      mediator: `coalesce(r.mediator_id::text, '')`,
      disputeType: `coalesce(c.dispute_type, '')`,
      month: `to_char(r.rated_on, 'YYYY-MM')`,
      total: `''`,
    }[by];
    const rows = (await m.query(
      `SELECT ${group} AS key, count(*)::int AS ratings, count(*) FILTER (WHERE r.score >= $4)::int AS satisfied
         FROM party_ratings r JOIN cases c ON c.id = r.case_id
        WHERE r.court_id = $1 AND r.rated_on BETWEEN $2::date AND $3::date
        GROUP BY 1`,
      [courtId, p.from, p.to, SATISFIED_FROM],
    )) as { key: string; ratings: number; satisfied: number }[];
    return new Map<string, SatisfactionCounters>(rows.map((r) => [r.key, { ratings: r.ratings, satisfied: r.satisfied }]));
  }

  /** The basis a report uses: the one asked for, else the court's setting (issue 14: half by default). */
  async basisOf(courtId: string, requested: SavingsBasis | undefined): Promise<SavingsBasis> {
    if (requested) return requested;
    const [court] = (await this.dataSource.query('SELECT savings_basis AS "savingsBasis" FROM courts WHERE id = $1', [courtId])) as {
      savingsBasis: string;
    }[];
    return basisOfSetting(court?.savingsBasis);
  }

  async summary(user: AuthUser, q: { from?: string; to?: string; basis: SavingsBasis }, m?: Queryable): Promise<StatsSummary> {
    const p = this.period(q.from, q.to);
    if (!m) {
      // Refreshed on the primary; read on a replica (a second of lag is fine for a report).
      await this.ensureFresh();
      return this.replica.read((r) => this.summary(user, q, r));
    }
    const totals = (await this.counters(user.courtId, p, 'total', m)).get('') ?? zeroCounters();
    return this.summaryOf(user.courtId, totals, p, q.basis, m);
  }

  async summaryOf(
    courtId: string,
    totals: Counters,
    p: Period,
    basis: SavingsBasis,
    m: Queryable = this.dataSource.manager,
    perf?: PerformanceCounters,
    sat?: SatisfactionCounters,
  ): Promise<StatsSummary> {
    const figures = figuresOf(
      totals,
      basis,
      perf ?? (await this.performance(courtId, p, 'total', m)).get(''),
      sat ?? (await this.satisfaction(courtId, p, 'total', m)).get(''),
    );
    let version: string | null = null;
    try {
      version = feeScheduleOn(p.to).version;
    } catch (e) {
      if (!(e instanceof FeeRuleError)) throw e;
    }
    // Issue 14: how entrusted agreements ended, by the day the judge concluded them (case_conclusions).
    const [outcomes] = (await m.query(
      `SELECT count(*) FILTER (WHERE k.outcome = 'decree')::int AS decree, count(*) FILTER (WHERE k.outcome = 'withdrawal')::int AS withdrawal
         FROM case_conclusions k JOIN cases c ON c.id = k.case_id
        WHERE c.court_id = $1 AND k.concluded_on BETWEEN $2::date AND $3::date`,
      [courtId, p.from, p.to],
    )) as { decree: number; withdrawal: number }[];
    // Last, so the replica test sees the summary's final statement on the replica connection.
    const [court] = (await m.query('SELECT province, fee_rounding AS "feeRounding" FROM courts WHERE id = $1', [courtId])) as {
      province: string;
      feeRounding: 'fen' | 'yuan';
    }[];
    return {
      ...figures,
      concludedByDecree: outcomes?.decree ?? 0,
      withdrawnAfterAgreement: outcomes?.withdrawal ?? 0,
      savings: {
        ...figures.savings,
        estimate: true,
        label: '估算',
        feeRule: { version, basis: FEE_BASIS, province: court?.province ?? DEFAULT_PROVINCE },
        method: DEFINITIONS.savings,
        basisLabel: BASIS_LABELS[basis],
        rounding: court?.feeRounding ?? 'fen',
      },
    };
  }

  async breakdown(
    user: AuthUser,
    q: { by: BreakdownBy; from?: string; to?: string; basis: SavingsBasis },
    m?: Queryable,
  ): Promise<BreakdownResponse> {
    const p = this.period(q.from, q.to);
    if (!m) {
      await this.ensureFresh();
      return this.replica.read((r) => this.breakdown(user, q, r));
    }
    const groups = await this.counters(user.courtId, p, q.by, m);
    const perf = await this.performance(user.courtId, p, q.by, m);
    const sat = await this.satisfaction(user.courtId, p, q.by, m);
    const totals = zeroCounters();
    for (const c of groups.values()) for (const k of COUNTERS) totals[k] += c[k];
    const perfTotals = zeroPerformance();
    for (const c of perf.values()) addCounters(perfTotals, c);
    const satTotals = zeroSatisfaction();
    for (const c of sat.values()) {
      satTotals.ratings += c.ratings;
      satTotals.satisfied += c.satisfied;
    }
    const rows = await this.rowsOf(user.courtId, q.by, p, groups, perf, sat, q.basis, m);
    return {
      by: q.by,
      from: p.from,
      to: p.to,
      basis: q.basis,
      rows,
      totals: await this.summaryOf(user.courtId, totals, p, q.basis, m, perfTotals, satTotals),
    };
  }

  private async rowsOf(
    courtId: string,
    by: BreakdownBy,
    p: Period,
    groups: Map<string, Counters>,
    perf: Map<string, PerformanceCounters>,
    sat: Map<string, SatisfactionCounters>,
    basis: SavingsBasis,
    m: Queryable = this.dataSource.manager,
  ): Promise<BreakdownRow[]> {
    if (by === 'month') {
      return monthsOf(p).map((month) => ({
        key: month,
        label: monthLabel(month),
        ...figuresOf(groups.get(month) ?? zeroCounters(), basis, perf.get(month), sat.get(month)),
      }));
    }
    // A group counts when it has a figure: case counters, or obligations due in the period.
    const keys = new Set([...groups.keys(), ...perf.keys(), ...sat.keys()]);
    const active = [...keys]
      .map((key): [string, Counters] => [key, groups.get(key) ?? zeroCounters()])
      .filter(([key, c]) => COUNTERS.some((k) => c[k] !== 0n) || (perf.get(key)?.due ?? 0) > 0 || (sat.get(key)?.ratings ?? 0) > 0);
    const ids = active.map(([key]) => key).filter((k) => k !== '');
    const labels = new Map<string, { label: string; organizationName?: string | null }>();
    if (by === 'organization' && ids.length) {
      const orgs = (await m.query('SELECT id, name FROM organizations WHERE court_id = $1 AND id = ANY($2::uuid[])', [courtId, ids])) as {
        id: string;
        name: string;
      }[];
      for (const o of orgs) labels.set(o.id, { label: o.name });
    } else if (by === 'mediator' && ids.length) {
      const users = (await m.query(
        `SELECT u.id, u.display_name AS label, o.name AS "organizationName" FROM users u LEFT JOIN organizations o ON o.id = u.organization_id
          WHERE u.id = ANY($1::uuid[])`,
        [ids],
      )) as { id: string; label: string; organizationName: string | null }[];
      for (const u of users) labels.set(u.id, { label: u.label, organizationName: u.organizationName });
    } else if (by === 'disputeType') {
      for (const id of ids) labels.set(id, { label: DISPUTE_TYPE_NAMES.get(id) ?? id });
    }
    const rows: BreakdownRow[] = active.map(([key, c]) => ({
      key: key === '' ? null : key,
      ...(key === '' ? { label: NONE_LABEL[by] } : (labels.get(key) ?? { label: key })),
      ...(by === 'mediator' && key === '' ? { organizationName: null } : {}),
      ...figuresOf(c, basis, perf.get(key), sat.get(key)),
    }));
    return rows.sort((a, b) => b.received - a.received || b.agreed - a.agreed || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  }

  /** 红黑榜 of the court's organizations for a month (rules/kpi.ts: compareRanking). */
  async ranking(user: AuthUser, q: { month?: string; minCases: number; size: number }, m?: Queryable): Promise<RankingResponse> {
    const month = q.month ?? monthOf(this.today());
    const p = monthPeriod(month);
    if (!m) {
      await this.ensureFresh();
      return this.replica.read((r) => this.ranking(user, q, r));
    }
    const groups = await this.counters(user.courtId, p, 'organization', m);
    const sat = await this.satisfaction(user.courtId, p, 'organization', m);
    const ids = [...groups.keys()].filter((k) => k !== '');
    const names = new Map<string, string>();
    if (ids.length) {
      const orgs = (await m.query('SELECT id, name FROM organizations WHERE court_id = $1 AND id = ANY($2::uuid[])', [
        user.courtId,
        ids,
      ])) as { id: string; name: string }[];
      for (const o of orgs) names.set(o.id, o.name);
    }
    const eligible = ids.flatMap((id) => {
      const f = figuresOf(groups.get(id)!, 'full', undefined, sat.get(id));
      const ended = f.agreed + f.failed + f.withdrawn;
      if (ended < q.minCases) return [];
      return [
        {
          organizationId: id,
          name: names.get(id) ?? id,
          ended,
          agreed: f.agreed,
          onTimeRate: f.onTimeRate,
          successRate: f.successRate,
          averageMediationDays: f.averageMediationDays,
          ratingsCount: f.ratingsCount,
          satisfactionRate: f.satisfactionRate,
        },
      ];
    });
    const { red, black } = redBlackLists(eligible, q.size);
    const ranked = (list: typeof eligible): RankingEntry[] => list.map((e, i) => ({ rank: i + 1, ...e }));
    return {
      month,
      from: p.from,
      to: p.to,
      minCases: q.minCases,
      criteria: RANKING_CRITERIA,
      eligible: eligible.length,
      red: ranked(red),
      black: ranked(black),
    };
  }

  /** 万人起诉率 per year: 民初 (entrusted) registrations ÷ population × 10,000. */
  async litigationRate(user: AuthUser, q: { year?: number }): Promise<LitigationRateResponse> {
    await this.ensureFresh();
    return this.replica.read((m) => this.litigationRateOn(m, user, q));
  }

  private async litigationRateOn(m: Queryable, user: AuthUser, q: { year?: number }): Promise<LitigationRateResponse> {
    const [court] = (await m.query('SELECT id, name FROM courts WHERE id = $1', [user.courtId])) as { id: string; name: string }[];
    const cases = (await m.query(
      `SELECT extract(year FROM period)::int AS year, sum(entrusted_received)::int AS cases
         FROM stats_rollups WHERE court_id = $1 AND dim = 'dispute_type' AND grain = 'm' AND ($2::int IS NULL OR extract(year FROM period) = $2)
        GROUP BY 1`,
      [user.courtId, q.year ?? null],
    )) as { year: number; cases: number }[];
    const populations = (await m.query(
      'SELECT year, resident, floating FROM court_populations WHERE court_id = $1 AND ($2::int IS NULL OR year = $2)',
      [user.courtId, q.year ?? null],
    )) as { year: number; resident: number; floating: number }[];
    const years = new Set<number>([...cases.filter((c) => c.cases > 0).map((c) => c.year), ...populations.map((p) => p.year)]);
    if (q.year !== undefined) years.add(q.year);
    const rows = [...years]
      .sort((a, b) => a - b)
      .map((year) => {
        const n = cases.find((c) => c.year === year)?.cases ?? 0;
        const pop = populations.find((x) => x.year === year);
        return {
          courtId: court!.id,
          courtName: court!.name,
          year,
          cases: n,
          resident: pop?.resident ?? null,
          floating: pop?.floating ?? null,
          population: pop ? pop.resident + pop.floating : null,
          ratePer10k: pop ? litigationRatePer10k(n, pop.resident, pop.floating) : null,
        };
      });
    return { definition: DEFINITIONS.litigationRate, rows };
  }

  /** The twelve months ending with `month` (the bulletin's trend). */
  trendPeriod(month: string): Period {
    return { from: monthPeriod(addMonths(month, -11)).from, to: monthPeriod(month).to };
  }
}

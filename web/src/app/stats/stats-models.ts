import type { ApiSchema } from '../core/api/api';

// Generated from the OpenAPI document (core/api/api-types.ts, `npm run api:types`).
/** Figures of `GET /api/stats/summary`; the breakdown rows carry the same figures per group. */
export type StatsFigures = Omit<ApiSchema<'StatsSummary'>, 'savings'>;
export type Savings = ApiSchema<'SavingsFigures'>;
export type StatsSummary = ApiSchema<'StatsSummary'>;

export type BreakdownBy = 'organization' | 'mediator' | 'month' | 'disputeType';

/** A breakdown row: the figures plus whatever names the group (key, label/name, month …). */
export interface BreakdownRow extends Partial<StatsFigures> {
  key?: string;
  label?: string;
  name?: string;
  month?: string;
  savings?: Partial<Savings>;
  [extra: string]: unknown;
}

export interface StatsRange {
  from: string | null;
  to: string | null;
}

export const BREAKDOWN_LABELS: Record<BreakdownBy, string> = {
  organization: '按调解组织',
  mediator: '按调解员',
  month: '按月份',
  disputeType: '按案由',
};

/** The group's display name, whichever field the API used for it. */
export function groupLabel(row: BreakdownRow, by: BreakdownBy): string {
  const candidates = [row.label, row.name, row[`${by}Name`], row.month, row[by], row.key, row['group']];
  const found = candidates.find((v) => typeof v === 'string' && v !== '');
  return (found as string | undefined) ?? '—';
}

export function percent(rate: number | null | undefined): string {
  return rate === null || rate === undefined ? '—' : `${(rate * 100).toFixed(1)}%`;
}

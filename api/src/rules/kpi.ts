/**
 * The rates of rules.md "Rates" — one definition each, used by every report (summary, breakdown,
 * ranking, export, monthly bulletin). Inputs are integer counts; results are rounded half up, once,
 * with integer arithmetic (no float drift: 0.68715 of something is never 0.6871).
 *
 * - A case ENDS mediation when it leaves `in_mediation` for agreed / failed / withdrawn; it is
 *   counted in the period of that end date (China time).
 * - successRate = ended with an agreement ÷ all ended (agreement + failed + withdrawn).
 * - onTimeRate = ended on or before `mediationEndsOn` ÷ all ended.
 * - averageMediationDays = mean calendar days from acceptance (claim) to end.
 * - 万人起诉率 = first-instance civil + administrative cases ÷ (resident + registered floating
 *   population) × 10,000.
 * A rate whose denominator is 0 is `null` (nothing to measure), never 0 or NaN.
 */

export const RATE_DECIMALS = 4;
export const DAYS_DECIMALS = 2;
export const PER_10K_DECIMALS = 2;

/** numerator ÷ denominator rounded half up to `decimals`; null when the denominator is 0. */
export function ratio(numerator: number | bigint, denominator: number | bigint, decimals: number): number | null {
  const n = BigInt(numerator);
  const d = BigInt(denominator);
  if (d <= 0n) return null;
  if (n < 0n) throw new RangeError(`negative numerator ${n}`);
  const scale = 10n ** BigInt(decimals);
  const scaled = (2n * n * scale + d) / (2n * d); // round half up
  return Number(scaled) / Number(scale);
}

export interface EndedCounts {
  agreed: number;
  failed: number;
  withdrawn: number;
}

export function endedCount(c: EndedCounts): number {
  return c.agreed + c.failed + c.withdrawn;
}

export function successRate(c: EndedCounts): number | null {
  return ratio(c.agreed, endedCount(c), RATE_DECIMALS);
}

export function onTimeRate(endedOnTime: number, ended: number): number | null {
  return ratio(endedOnTime, ended, RATE_DECIMALS);
}

export function averageMediationDays(totalDays: number | bigint, ended: number): number | null {
  return ratio(totalDays, ended, DAYS_DECIMALS);
}

/** 万人起诉率: cases per 10,000 of resident + registered floating population; null without population. */
export function litigationRatePer10k(cases: number, resident: number, floating: number): number | null {
  return ratio(BigInt(cases) * 10_000n, BigInt(resident) + BigInt(floating), PER_10K_DECIMALS);
}

/** What the 红黑榜 ranks an organization on. */
export interface RankingFigures {
  name: string;
  ended: number;
  onTimeRate: number | null;
  successRate: number | null;
  averageMediationDays: number | null;
  /** Share of parties' ratings of 4–5 (rules/satisfaction.ts); null or absent without ratings. */
  satisfactionRate?: number | null;
}

export const RANKING_CRITERIA =
  '按期办结率从高到低；相同时当事人满意率从高到低（无评价的排在有评价的之后）；再相同时调解成功率从高到低；再相同时平均调解天数从少到多；再相同时结案数从多到少';

/**
 * The 红黑榜 order, best first: on-time rate (desc), parties' satisfaction rate (desc, none last), success rate (desc), average days (asc),
 * cases ended (desc), then name (a stable, explainable tie-break). Only organizations with at
 * least the minimum of ended cases are ranked, so their rates are never null.
 */
export function compareRanking(a: RankingFigures, b: RankingFigures): number {
  const desc = (x: number | null, y: number | null) => (y ?? -1) - (x ?? -1);
  return (
    desc(a.onTimeRate, b.onTimeRate) ||
    desc(a.satisfactionRate ?? null, b.satisfactionRate ?? null) ||
    desc(a.successRate, b.successRate) ||
    (a.averageMediationDays ?? Number.MAX_VALUE) - (b.averageMediationDays ?? Number.MAX_VALUE) ||
    b.ended - a.ended ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

/**
 * Red list: the best `size` eligible organizations; black list: the worst `size` of the rest,
 * worst first. An organization is on at most one list; with fewer than 2 × size eligible, the
 * upper half (rounded up) is red and the rest black, so a short ranking still names both ends.
 */
export function redBlackLists<T extends RankingFigures>(eligible: readonly T[], size: number): { red: T[]; black: T[] } {
  const ranked = [...eligible].sort(compareRanking);
  const red = ranked.slice(0, Math.min(size, Math.ceil(ranked.length / 2)));
  const black = ranked.slice(red.length).reverse().slice(0, size);
  return { red, black };
}

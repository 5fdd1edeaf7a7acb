/**
 * Parties' ratings of the mediation (满意度, issue 16 item 6). Pure: no Nest, no TypeORM.
 *
 * - A party rates once, 1–5, after the mediation has ended (agreement, failure or withdrawal).
 * - `satisfactionRate` = ratings of 4 or 5 ÷ all ratings, rounded to 4 decimals; null without ratings.
 * - A rating counts in the period of the day it was given (China time), for the organization and the
 *   mediator that handled the case then.
 */
import { STATUSES_MEDIATION_ENDED, type CaseStatus } from './case-status.js';

export const MIN_SCORE = 1;
export const MAX_SCORE = 5;
/** Scores that count as satisfied (满意): 4 (满意) and 5 (非常满意). */
export const SATISFIED_FROM = 4;

export const SCORE_LABELS: Readonly<Record<number, string>> = {
  1: '很不满意',
  2: '不满意',
  3: '一般',
  4: '满意',
  5: '非常满意',
};

/** Statuses in which the mediation being rated has ended. */
const MEDIATION_ENDED: ReadonlySet<CaseStatus> = new Set<CaseStatus>(STATUSES_MEDIATION_ENDED);

export function mediationEnded(status: CaseStatus): boolean {
  return MEDIATION_ENDED.has(status);
}

export function isScore(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= MIN_SCORE && (value as number) <= MAX_SCORE;
}

export interface SatisfactionCounters {
  /** Ratings given. */
  ratings: number;
  /** Of which 4 or 5. */
  satisfied: number;
}

export const zeroSatisfaction = (): SatisfactionCounters => ({ ratings: 0, satisfied: 0 });

export function addScore(c: SatisfactionCounters, score: number): SatisfactionCounters {
  if (!isScore(score)) throw new RangeError(`not a score: ${score}`);
  c.ratings += 1;
  if (score >= SATISFIED_FROM) c.satisfied += 1;
  return c;
}

/** Share of satisfied ratings, 4 decimals; null when nobody rated. */
export function satisfactionRate(c: SatisfactionCounters): number | null {
  if (c.ratings === 0) return null;
  return Math.round((c.satisfied / c.ratings) * 10000) / 10000;
}

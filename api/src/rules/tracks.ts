/**
 * The two mediation tracks (two legal regimes), as data with effective dates — rules.md "Tracks".
 *
 * - `pre_litigation` 诉前委派调解: the court delegates a dispute before registering it. Period 30 days
 *   from the mediator's acceptance; "双方当事人同意延长调解期限的，不受此限" — unlimited extensions with
 *   consent (《最高人民法院关于人民法院特邀调解的规定》2016 第二十七条; 《人民法院在线调解规则》2021
 *   第二十四条). Number type 民诉前调. Courts may still configure it, so it has no end date here.
 * - `entrusted` 立案后委托调解: the regime in force since 2025-01-01 (《最高人民法院关于严格依法规范民事案件
 *   立案与调解工作的意见》, brief §0 item 3): register first (民初), then 15 days (ordinary procedure) /
 *   7 days (simple procedure) from sign-for/acceptance, extendable ONCE by 30 days with both parties'
 *   consent. rules.md: cases received before 2025-01-01 can only be `pre_litigation`.
 */

import { CalendarInputError, isIsoDate } from './calendar.js';

export type TrackCode = 'pre_litigation' | 'entrusted';
export type Procedure = 'ordinary' | 'simple';

export interface TrackRule {
  readonly code: TrackCode;
  readonly nameZh: string;
  /** Case-number type code (案号类型代字). */
  readonly numberType: string;
  /** First day a case received on that day may use this track (inclusive). */
  readonly effectiveFrom: string;
  /** Last day (inclusive), or null while in force. */
  readonly effectiveTo: string | null;
  /** Mediation period in calendar days from acceptance, per procedure. */
  readonly mediationDays: Readonly<Record<Procedure, number>>;
  /** null = no cap. */
  readonly maxExtensions: number | null;
  /** Longest single extension in days; null = no cap. */
  readonly maxExtensionDays: number | null;
  readonly basis: string;
}

export const TRACKS: Readonly<Record<TrackCode, TrackRule>> = {
  pre_litigation: {
    code: 'pre_litigation',
    nameZh: '诉前委派调解',
    numberType: '民诉前调',
    // The 2016 SPC invited-mediation provisions (第三十条: 自2016年7月1日起施行) set the 30-day period.
    effectiveFrom: '2016-07-01',
    effectiveTo: null,
    // Pre-registration: there is no procedure yet, so both entries are the same 30 days.
    mediationDays: { ordinary: 30, simple: 30 },
    maxExtensions: null,
    maxExtensionDays: null,
    basis: '《最高人民法院关于人民法院特邀调解的规定》第二十七条；《人民法院在线调解规则》第二十四条',
  },
  entrusted: {
    code: 'entrusted',
    nameZh: '立案后委托调解',
    numberType: '民初',
    effectiveFrom: '2025-01-01',
    effectiveTo: null,
    mediationDays: { ordinary: 15, simple: 7 },
    maxExtensions: 1,
    maxExtensionDays: 30,
    basis: '《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》（2025年1月1日起施行）',
  },
};

export const TRACK_CODES: readonly TrackCode[] = ['pre_litigation', 'entrusted'];

export function isTrackCode(s: unknown): s is TrackCode {
  return s === 'pre_litigation' || s === 'entrusted';
}

/** Mediation period in days for a track (and procedure, which only matters for `entrusted`). */
export function mediationPeriodDays(track: TrackCode, procedure: Procedure = 'ordinary'): number {
  return TRACKS[track].mediationDays[procedure];
}

export type ExtensionCheck =
  { readonly ok: true } | { readonly ok: false; readonly reason: 'EXTENSION_LIMIT' | 'INVALID_EXTENSION'; readonly message: string };

/**
 * May an extension of `requestedDays` be granted, given the extensions already granted?
 * Consent itself is recorded by the caller; this checks the legal limits only.
 * - `INVALID_EXTENSION`: not a positive whole number of days;
 * - `EXTENSION_LIMIT`: a second `entrusted` extension, or one longer than 30 days.
 */
export function checkExtension(track: TrackCode, previousExtensions: readonly number[], requestedDays: number): ExtensionCheck {
  const rule = TRACKS[track];
  if (!Number.isInteger(requestedDays) || requestedDays < 1) {
    return { ok: false, reason: 'INVALID_EXTENSION', message: '延长期限须为正整数天数' };
  }
  if (rule.maxExtensions !== null && previousExtensions.length >= rule.maxExtensions) {
    return { ok: false, reason: 'EXTENSION_LIMIT', message: `${rule.nameZh}仅可延长${rule.maxExtensions}次` };
  }
  if (rule.maxExtensionDays !== null && requestedDays > rule.maxExtensionDays) {
    return { ok: false, reason: 'EXTENSION_LIMIT', message: `${rule.nameZh}延长期限不得超过${rule.maxExtensionDays}日` };
  }
  return { ok: true };
}

/** Whether a case received on `receivedOn` ('YYYY-MM-DD') may use `track`. */
export function trackAllowedOn(track: TrackCode, receivedOn: string): boolean {
  if (!isIsoDate(receivedOn)) throw new CalendarInputError(`invalid receivedOn '${String(receivedOn)}'`);
  const rule = TRACKS[track];
  return receivedOn >= rule.effectiveFrom && (rule.effectiveTo === null || receivedOn <= rule.effectiveTo);
}

/** Tracks a case received on `receivedOn` may use, in `TRACK_CODES` order. */
export function tracksAllowedOn(receivedOn: string): TrackCode[] {
  return TRACK_CODES.filter((t) => trackAllowedOn(t, receivedOn));
}

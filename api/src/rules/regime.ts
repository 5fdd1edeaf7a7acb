/**
 * The 2025 regime (《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》, in force 2025-01-01):
 * which track a new case takes, and the warning carried by a case of the superseded regime.
 *
 * Decisions (rules.md "Tracks", issue 14 items 1–2):
 * - a case received before 2025-01-01 can only be `pre_litigation` (entrusted is not in force yet);
 * - a case received from 2025-01-01 without a track takes the court's `defaultTrack`;
 * - `pre_litigation` for a case received from 2025-01-01 only when the court keeps it
 *   (`allowPreLitigation`), and such a case carries `regimeWarning` on every screen and document;
 * - 诉前调确 (the confirmation of a pre-litigation mediation) ends with the regime: a confirmation of a
 *   post-2024 pre-litigation case keeps the 诉前调确 number type (tracks.ts / case-number.ts) but carries
 *   the same warning, since its 诉前 mediation belongs to the superseded flow.
 */
import { CalendarInputError, isIsoDate, type IsoDate } from './calendar.js';
import { TRACKS, type TrackCode } from './tracks.js';

/** First day of the 2025 regime: 立案后委托调解 is the rule, 诉前委派调解 the court's exception. */
export const REGIME_2025_FROM: IsoDate = '2025-01-01';

export const REGIME_WARNING =
  '本案按诉前委派调解（民诉前调）办理。自2025年1月1日起，《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》要求先立案后委托调解，本院设置仍保留诉前委派调解，请审慎适用。';

export const CONFIRMATION_REGIME_WARNING =
  '本件为诉前调解后的司法确认（诉前调确）。自2025年1月1日起诉前委派调解已不再是常规程序，本院设置仍予保留，请审慎审查。';

export interface CourtRegimeSettings {
  readonly defaultTrack: TrackCode;
  readonly allowPreLitigation: boolean;
}

export type TrackResolution =
  | { readonly ok: true; readonly track: TrackCode; readonly warning: string | null }
  | { readonly ok: false; readonly code: 'not_in_force' | 'pre_litigation_not_allowed'; readonly message: string };

/** The track of a new case: the requested one, else by date and the court's settings. */
export function resolveTrack(requested: TrackCode | null | undefined, receivedOn: IsoDate, court: CourtRegimeSettings): TrackResolution {
  if (!isIsoDate(receivedOn)) throw new CalendarInputError(`invalid receivedOn '${String(receivedOn)}'`);
  const old = receivedOn < REGIME_2025_FROM;
  const track: TrackCode = requested ?? (old ? 'pre_litigation' : court.defaultTrack);
  const rule = TRACKS[track];
  if (receivedOn < rule.effectiveFrom || (rule.effectiveTo !== null && receivedOn > rule.effectiveTo)) {
    return {
      ok: false,
      code: 'not_in_force',
      message: `${rule.nameZh}自${rule.effectiveFrom}起适用，不适用于${receivedOn}收到的案件`,
    };
  }
  if (track === 'pre_litigation' && !old && !court.allowPreLitigation) {
    return {
      ok: false,
      code: 'pre_litigation_not_allowed',
      message: '自2025年1月1日起应先立案后委托调解（民初）；本院设置未保留诉前委派调解，不能按民诉前调受理',
    };
  }
  return { ok: true, track, warning: regimeWarning(track, receivedOn) };
}

/** The warning a case of the superseded regime carries (null for every other case). */
export function regimeWarning(track: TrackCode, receivedOn: IsoDate): string | null {
  return track === 'pre_litigation' && receivedOn >= REGIME_2025_FROM ? REGIME_WARNING : null;
}

/** The warning on a 诉前调确 confirmation of a case received under the 2025 regime. */
export function confirmationRegimeWarning(numberType: string, receivedOn: IsoDate): string | null {
  return numberType === '诉前调确' && receivedOn >= REGIME_2025_FROM ? CONFIRMATION_REGIME_WARNING : null;
}

/**
 * How an agreement reached in mediation ends the case, by track (issue 14 item 2):
 * `pre_litigation` → joint application for 司法确认 (CPL 205); `entrusted` → 民事调解书 in the same 民初
 * case (CPL 100) or 撤诉 — never a separate 民特 confirmation.
 */
export function settlementPathOf(track: TrackCode): 'confirmation' | 'decree_or_withdrawal' {
  return track === 'entrusted' ? 'decree_or_withdrawal' : 'confirmation';
}

/**
 * Case numbers (案号), 《关于人民法院案件案号的若干规定》(法〔2015〕137号, in force 2016-01-01,
 * amended by 法〔2018〕335号):
 *
 *   （收案年度）法院代字 [专门审判代字] 类型代字 案件编号 号      e.g. （2026）黔0381民诉前调1号
 *
 * Each type code has its own gapless series per court and year (Arts. 9–10). Documents print
 * full-width brackets; input may use half-width ones. The type codes and the periods in which
 * they are used are data (`CASE_NUMBER_TYPES`), never tested by scattered ifs.
 */
import { toHalfWidth } from './id-number.js';
import { chinaToday, isIsoDate } from './chinese-date.js';
import type { TrackCode } from './tracks.js';

export interface CaseNumberType {
  readonly use: string;
  /** First day the code is used (null: not known, never flagged). */
  readonly validFrom: string | null;
  /** Last day the code is used (null: still in use). */
  readonly validUntil: string | null;
  readonly basis: string;
}

/** Numbers issued before 2016-01-01 used the "…字第N号" format, which this parser does not read. */
const NUMBERING_RULES_IN_FORCE = '2016-01-01';

/**
 * Type codes this system issues or meets. 诉前调确/诉前调书 numbers are kept out of civil
 * judicial statistics (SPC notice 2021-09); what replaced them after 2025-01-01 is not published.
 */
export const CASE_NUMBER_TYPES = {
  民初: {
    use: '民事一审；2025年起亦为立案后委托调解的案号',
    validFrom: NUMBERING_RULES_IN_FORCE,
    validUntil: null,
    basis: '法〔2015〕137号；《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》',
  },
  民终: { use: '民事二审', validFrom: NUMBERING_RULES_IN_FORCE, validUntil: null, basis: '法〔2015〕137号' },
  民特: {
    use: '民事特别程序，含确认调解协议；诉前调解后的司法确认自2022-01-01改用诉前调确',
    validFrom: NUMBERING_RULES_IN_FORCE,
    validUntil: null,
    basis: '法〔2015〕137号',
  },
  民诉前调: {
    use: '诉前委派调解',
    validFrom: null,
    validUntil: '2024-12-31',
    basis: '2025-01-01起取消"诉前调"字号（《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》）',
  },
  诉前调确: {
    use: '诉前调解成功后的司法确认',
    validFrom: '2022-01-01',
    validUntil: null,
    basis: '最高人民法院2021年9月通知，2022-01-01起施行',
  },
  诉前调书: {
    use: '诉前调解成功后出具的民事调解书',
    validFrom: '2022-01-01',
    validUntil: null,
    basis: '最高人民法院2021年9月通知，2022-01-01起施行',
  },
} as const satisfies Record<string, CaseNumberType>;
export type CaseNumberTypeCode = keyof typeof CASE_NUMBER_TYPES;

export interface CaseNumber {
  readonly year: number;
  /** 法院代字: a high court's one-character code, plus 2 (intermediate) or 4 (basic) digits. */
  readonly courtCode: string;
  readonly type: CaseNumberTypeCode;
  readonly seq: number;
  /** 专门审判代字 (e.g. 知 for IP benches), when present. */
  readonly division?: string;
}

export type CaseNumberFlag = 'type_abolished' | 'type_not_yet_in_force' | 'year_in_future';

/** One-character codes of the high courts (31 provinces, 兵团分院, military courts). */
const HIGH_COURT_CODES = '京津冀晋蒙辽吉黑沪苏浙皖闽赣鲁豫鄂湘粤桂琼渝川黔滇藏陕甘青宁新兵军';

const COURT_CODE = new RegExp(`^(?:最高法|[${HIGH_COURT_CODES}](?:\\d{2}|\\d{4})?)$`);

/** Longest codes first so that 民诉前调 is never read as a division 民 + something shorter. */
const TYPE_ALTERNATION = Object.keys(CASE_NUMBER_TYPES)
  .sort((a, b) => b.length - a.length)
  .join('|');

const CASE_NUMBER = new RegExp(
  `^[（(](\\d{4})[）)](最高法|[${HIGH_COURT_CODES}](?:\\d{4}|\\d{2})?)(\\p{Script=Han})??(${TYPE_ALTERNATION})([1-9]\\d*)号$`,
  'u',
);

function isTypeCode(value: string): value is CaseNumberTypeCode {
  return Object.hasOwn(CASE_NUMBER_TYPES, value);
}

/** Canonical form with full-width brackets: （2026）黔0381民诉前调1号. Throws on malformed parts. */
export function formatCaseNumber(parts: CaseNumber): string {
  const { year, courtCode, type, seq, division = '' } = parts;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year: ${year}`);
  if (!COURT_CODE.test(courtCode)) throw new RangeError(`bad court code: ${courtCode}`);
  if (!isTypeCode(type)) throw new RangeError(`unknown case-number type: ${String(type)}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`bad sequence number: ${seq}`);
  if (!/^\p{Script=Han}?$/u.test(division)) throw new RangeError(`bad division code: ${division}`);
  return `（${year}）${courtCode}${division}${type}${seq}号`;
}

/**
 * Reads a case number in full- or half-width brackets (surrounding spaces and full-width digits
 * tolerated); null when it is not a well-formed number of a known type. Well-formed is not the
 * same as plausible: see `caseNumberFlags`.
 */
export function parseCaseNumber(value: string): CaseNumber | null {
  if (typeof value !== 'string') return null;
  const text = toHalfWidth(value).replace(/\s+/g, '');
  const match = CASE_NUMBER.exec(text);
  if (!match) return null;
  const [, year = '', courtCode = '', division, type = '', seq = ''] = match;
  if (!isTypeCode(type) || !Number.isSafeInteger(Number(seq))) return null;
  const parsed: CaseNumber = { year: Number(year), courtCode, type, seq: Number(seq) };
  return division ? { ...parsed, division } : parsed;
}

/**
 * Warnings about a well-formed number (brief §9.2), judged by its 收案年度:
 * `type_abolished` when the type was no longer used in that year (（2025）…民诉前调…),
 * `type_not_yet_in_force` when it was not used yet (（2021）…诉前调确…),
 * `year_in_future` when the year is after the current year in China.
 *
 * These are warnings, not rejections: rules.md lets a court keep the `pre_litigation` track after
 * 2025, and this system then still issues 民诉前调 numbers, which carry `type_abolished`.
 */
export function caseNumberFlags(parsed: CaseNumber, today: string = chinaToday()): CaseNumberFlag[] {
  const { validFrom, validUntil }: CaseNumberType = CASE_NUMBER_TYPES[parsed.type];
  const firstDay = `${parsed.year}-01-01`;
  const lastDay = `${parsed.year}-12-31`;
  const flags: CaseNumberFlag[] = [];
  if (validUntil !== null && firstDay > validUntil) flags.push('type_abolished');
  if (validFrom !== null && lastDay < validFrom) flags.push('type_not_yet_in_force');
  if (firstDay > today) flags.push('year_in_future');
  return flags;
}

/** Type of the number a case gets when it is registered, by track (rules.md "Tracks"). */
export const REGISTRATION_NUMBER_TYPES = {
  pre_litigation: '民诉前调',
  entrusted: '民初',
} as const satisfies Record<TrackCode, CaseNumberTypeCode>;

export function registrationNumberType(track: TrackCode): CaseNumberTypeCode {
  return REGISTRATION_NUMBER_TYPES[track];
}

/**
 * Type of a judicial-confirmation number: after pre-litigation mediation 诉前调确 for applications
 * from 2022-01-01 (before: 民特); after entrusted mediation (a registered case) always 民特.
 */
export function confirmationNumberType(track: TrackCode, appliedOn: string): CaseNumberTypeCode {
  if (!isIsoDate(appliedOn)) throw new RangeError(`appliedOn is not a YYYY-MM-DD date: ${appliedOn}`);
  if (track === 'entrusted') return '民特';
  const { validFrom }: CaseNumberType = CASE_NUMBER_TYPES.诉前调确;
  return validFrom !== null && appliedOn >= validFrom ? '诉前调确' : '民特';
}

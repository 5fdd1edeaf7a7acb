import type Handlebars from 'handlebars';
import { amountInCapitals, formatMoneyCn } from '../../rules/money.js';
import { chinaDateOf, toChineseDate, toNumericChineseDate } from '../../rules/chinese-date.js';
import {
  FOLLOWUP_METHOD_LABELS,
  FOLLOWUP_OUTCOME_LABELS,
  OBLIGATION_STATUS_LABELS,
  ROLE_LABELS,
  REJECTION_GROUND_LABELS,
  SESSION_MODE_LABELS,
  SESSION_RESULT_LABELS,
  AGENT_AUTHORITY_LABELS,
  TERMINATION_REASON_LABELS,
} from './labels.js';
import { escapeMarkup } from './markup.js';

/**
 * Template helpers. Their string arguments come from the view model, which the renderer has
 * already escaped for the markup, so a helper that only rearranges its arguments keeps them
 * escaped; a helper that makes new text from parsed input escapes what it returns.
 */

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五; beyond 999, Arabic digits. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999) return String(n);
  if (n < 10) return NUMERALS[n];
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor((n % 100) / 10);
  const ones = n % 10;
  let text = hundreds > 0 ? `${NUMERALS[hundreds]}百` : '';
  if (tens > 0) text += `${hundreds === 0 && tens === 1 ? '' : NUMERALS[tens]}十`;
  else if (hundreds > 0 && ones > 0) text += '零';
  if (ones > 0) text += NUMERALS[ones];
  return text;
}

function fen(value: unknown): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value !== 'string' || !/^\d{1,15}$/.test(value)) throw new RangeError(`not an amount in fen: ${String(value)}`);
  return BigInt(value);
}

function date(value: unknown): string {
  if (typeof value !== 'string') throw new RangeError(`not a date: ${String(value)}`);
  return value;
}

const CHINA_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Asia/Shanghai',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An instant as 2026年11月21日14时30分 in China time. */
export function chinaDateTime(instant: string): string {
  const at = new Date(instant);
  if (Number.isNaN(at.getTime())) throw new RangeError(`not an instant: ${instant}`);
  const [hour, minute] = CHINA_TIME.format(at).split(':');
  return `${toNumericChineseDate(chinaDateOf(at))}${hour}时${minute}分`;
}

function label<K extends string>(table: Record<K, string>, name: string) {
  return (code: unknown): string => {
    if (typeof code === 'string' && Object.hasOwn(table, code)) return table[code as K];
    throw new RangeError(`unknown ${name}: ${String(code)}`);
  };
}

/** Handlebars passes its options object last; helpers with optional arguments drop it. */
function args(list: unknown[]): unknown[] {
  return list.slice(0, -1);
}

export function registerHelpers(hb: typeof Handlebars): void {
  hb.registerHelper('money', (v: unknown) => escapeMarkup(formatMoneyCn(fen(v))));
  hb.registerHelper('capitals', (v: unknown) => escapeMarkup(amountInCapitals(fen(v))));
  hb.registerHelper('cnDate', (v: unknown) => escapeMarkup(toChineseDate(date(v))));
  hb.registerHelper('numDate', (v: unknown) => escapeMarkup(toNumericChineseDate(date(v))));
  hb.registerHelper('dateTime', (v: unknown) => escapeMarkup(chinaDateTime(date(v))));
  /** `{{cnIndex @index}}` → 一 for the first item. */
  hb.registerHelper('cnIndex', (i: unknown) => chineseNumber(Number(i) + 1));
  hb.registerHelper('cnNumber', (n: unknown) => chineseNumber(Number(n)));
  hb.registerHelper('inc', (i: unknown) => String(Number(i) + 1));
  hb.registerHelper('add', (a: unknown, b: unknown) => Number(a) + Number(b));
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  /** True unless the value is missing or null (a view model stored before the field existed). */
  hb.registerHelper('defined', (v: unknown) => v !== undefined && v !== null);
  /** A 合议庭 rather than a single judge (RulingView.bench; missing on older rulings). */
  hb.registerHelper('isPanel', (bench: unknown) => (bench as { kind?: unknown } | null | undefined)?.kind === 'panel');
  /** `{{trackVerb track}}`: 委托 (立案后委托调解) or 委派 (诉前委派调解, and rulings stored without a track). */
  hb.registerHelper('trackVerb', (track: unknown) => (track === 'entrusted' ? '委托' : '委派'));
  hb.registerHelper('roleLabel', label(ROLE_LABELS, 'party role'));
  hb.registerHelper('modeLabel', label(SESSION_MODE_LABELS, 'session mode'));
  hb.registerHelper('sessionResultLabel', label(SESSION_RESULT_LABELS, 'session result'));
  hb.registerHelper('authorityLabel', label(AGENT_AUTHORITY_LABELS, 'agent authority'));
  hb.registerHelper('reasonLabel', label(TERMINATION_REASON_LABELS, 'termination reason'));
  hb.registerHelper('groundLabel', label(REJECTION_GROUND_LABELS, 'rejection ground'));
  hb.registerHelper('followupMethodLabel', label(FOLLOWUP_METHOD_LABELS, 'follow-up method'));
  hb.registerHelper('followupOutcomeLabel', label(FOLLOWUP_OUTCOME_LABELS, 'follow-up outcome'));
  hb.registerHelper('obligationStatusLabel', label(OBLIGATION_STATUS_LABELS, 'obligation status'));
  /** `{{names parties}}` or `{{names parties "respondent"}}` → 刘小富、赤水市某超市有限公司. */
  hb.registerHelper('names', (...list: unknown[]) => {
    const [parties, role] = args(list) as [Array<{ name: string; role: string }>, string | undefined];
    return parties
      .filter((p) => typeof role !== 'string' || p.role === role)
      .map((p) => p.name)
      .join('、');
  });
  /** `{{ofRole parties "applicant"}}`: the parties of one role, in order (e.g. as 原告 once a case is filed). */
  hb.registerHelper('ofRole', (...list: unknown[]) => {
    const [parties, role] = args(list) as [Array<{ role: string }>, string];
    return parties.filter((p) => p.role === role);
  });
  /** `{{join list "；"}}`; default separator 、. */
  hb.registerHelper('join', (...list: unknown[]) => {
    const [items, sep] = args(list) as [unknown[], string | undefined];
    return items.map(String).join(typeof sep === 'string' ? sep : '、');
  });
  /** True for a non-empty array (null and missing are false, unlike `{{#if list.length}}` in strict mode). */
  hb.registerHelper('any', (list: unknown) => Array.isArray(list) && list.length > 0);
  hb.registerHelper('hasGround', (grounds: unknown, code: unknown) => Array.isArray(grounds) && grounds.includes(code));
}

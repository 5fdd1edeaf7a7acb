import { amountInCapitals, parseMoney } from '@rules/money';

/** The prefix `amountInCapitals` writes for documents; screens show the amount after a label instead. */
const CURRENCY_PREFIX = '人民币';

/**
 * An amount in yuan as Chinese financial capitals (人民币大写) without the 人民币 prefix, e.g.
 * "120000.00" → 壹拾贰万元整: the same wording the API prints on agreements and rulings. Returns null
 * for anything the API would refuse as an amount.
 */
export function toChineseCapitals(amount: string | number): string | null {
  const parsed = parseMoney(amount);
  return parsed.ok ? amountInCapitals(parsed.fen).slice(CURRENCY_PREFIX.length) : null;
}

/** "120000.00" → "¥120,000.00" for display; leaves anything unexpected as it is. */
export function formatMoney(amount: string | number | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const text = String(amount);
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return text;
  const [, sign, integer, fraction = ''] = match;
  const grouped = integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}¥${grouped}.${(fraction + '00').slice(0, 2)}`;
}

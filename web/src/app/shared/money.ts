const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿'];

/** Money as the API takes it: a non-negative amount with at most 2 decimals, below 10^12 yuan. */
export const MONEY_PATTERN = /^(?:0|[1-9]\d{0,11})(?:\.\d{1,2})?$/;

/**
 * Writes an amount in yuan as Chinese financial capitals (人民币大写), e.g. "120000.00" → 壹拾贰万元整.
 * Works on the decimal string, never on floats. Returns null for anything that is not a valid amount.
 */
export function toChineseCapitals(amount: string | number): string | null {
  const text = String(amount).trim();
  if (!MONEY_PATTERN.test(text)) return null;
  const [intPart, fraction = ''] = text.split('.');
  const jiao = Number(fraction[0] ?? '0');
  const fen = Number(fraction[1] ?? '0');
  const integer = intPart.replace(/^0+(?=\d)/, '');

  let out = '';
  let zeroPending = false;
  let groupHasDigit = false;
  for (let i = 0; i < integer.length; i++) {
    const position = integer.length - 1 - i;
    const digit = Number(integer[i]);
    if (digit === 0) {
      if (out) zeroPending = true;
    } else {
      if (zeroPending) out += '零';
      zeroPending = false;
      out += DIGITS[digit] + SMALL_UNITS[position % 4];
      groupHasDigit = true;
    }
    if (position % 4 === 0 && position > 0 && groupHasDigit) {
      out += GROUP_UNITS[position / 4];
      groupHasDigit = false;
    }
  }

  const hasYuan = out !== '';
  if (hasYuan) out += '元';
  if (jiao === 0 && fen === 0) return hasYuan ? `${out}整` : '零元整';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  else if (hasYuan) out += '零';
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return out;
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

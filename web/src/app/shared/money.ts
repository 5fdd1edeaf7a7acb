const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿'];

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const MONEY_LIMIT_FEN = 10n ** 14n;

export type MoneyProblem = 'format' | 'precision' | 'range';

/**
 * Reads an amount in yuan the way the API does (`api/src/rules/money.ts`): a plain decimal, at most
 * 2 decimals (trailing zeros aside), 0 ≤ x < 10^12. Returns whole fen, or why it was refused.
 */
export function parseFen(text: string): { fen: bigint } | { problem: MoneyProblem } {
  const match = DECIMAL.exec(text.trim());
  if (!match) return { problem: 'format' };
  const [, sign, whole, fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > 2) return { problem: 'precision' };
  const fen = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  if ((sign === '-' && fen !== 0n) || fen >= MONEY_LIMIT_FEN) return { problem: 'range' };
  return { fen };
}

export function checkMoney(text: string): MoneyProblem | null {
  const parsed = parseFen(text);
  return 'problem' in parsed ? parsed.problem : null;
}

/** Fen as the wire format: "25000.00". */
export function fenToYuan(fen: bigint): string {
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
}

/**
 * Writes an amount in yuan as Chinese financial capitals (人民币大写), e.g. "120000.00" → 壹拾贰万元整.
 * Works on the decimal string, never on floats. Returns null for anything that is not a valid amount.
 */
export function toChineseCapitals(amount: string | number): string | null {
  const parsed = parseFen(String(amount));
  if ('problem' in parsed) return null;
  const integer = String(parsed.fen / 100n);
  const jiao = Number((parsed.fen % 100n) / 10n);
  const fen = Number(parsed.fen % 10n);

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

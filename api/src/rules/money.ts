/**
 * Money: integer fen (分, 0.01 yuan) as `bigint`, never floating point.
 *
 * The contract takes amounts as a decimal string or a JSON number with at most 2 decimals and
 * answers with a string with exactly 2 decimals ("25000.00"); accepted range 0 ≤ x < 10^12 yuan.
 * Fees are computed on exact decimals and rounded once (rules.md "Fees"), so every amount that
 * enters the system is first turned into an exact count of fen here.
 */

export type MoneyParseResult = { ok: true; fen: bigint } | { ok: false; reason: 'type' | 'format' | 'precision' | 'range' };

export const FEN_PER_YUAN = 100n;

/** Exclusive upper bound of an accepted amount: 10^12 yuan, in fen. */
export const MONEY_LIMIT_FEN = 10n ** 12n * FEN_PER_YUAN;

/** Sign, integer digits, optional fraction; the fraction length is checked separately. */
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/**
 * Turns request input into fen. Reasons: `type` (neither string nor number), `format` (not a plain
 * decimal: empty, letters, exponent, NaN/Infinity, "1,000", ".5"), `precision` (more than 2
 * decimals, including float artefacts like 0.1 + 0.2), `range` (negative, or ≥ 10^12 yuan).
 *
 * A number is judged by its shortest round-trip decimal (`String(n)`), which is exactly what the
 * client's JSON held: 25000.5 is "25000.5", while 0.30000000000000004 has too many decimals.
 */
export function parseMoney(input: unknown): MoneyParseResult {
  if (typeof input === 'number') return parseMoneyNumber(input);
  if (typeof input === 'string') return parseMoneyText(input.trim());
  return { ok: false, reason: 'type' };
}

function parseMoneyNumber(value: number): MoneyParseResult {
  if (!Number.isFinite(value)) return { ok: false, reason: 'format' };
  const text = String(value);
  // String() switches to exponent form below 1e-6 and from 1e21: too precise or too large.
  if (/e/i.test(text)) return { ok: false, reason: Math.abs(value) < 1 ? 'precision' : 'range' };
  return parseMoneyText(text);
}

function parseMoneyText(text: string): MoneyParseResult {
  const match = DECIMAL.exec(text);
  if (!match) return { ok: false, reason: 'format' };
  const [, sign = '', whole = '', fraction = ''] = match;
  if (fraction.replace(/0+$/, '').length > 2) return { ok: false, reason: 'precision' };
  const fen = BigInt(whole) * FEN_PER_YUAN + BigInt(fraction.padEnd(2, '0').slice(0, 2));
  if ((sign === '-' && fen !== 0n) || fen >= MONEY_LIMIT_FEN) return { ok: false, reason: 'range' };
  return { ok: true, fen };
}

/** "25000.00": yuan with exactly two decimals, no grouping (the contract's wire format). */
export function formatMoney(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  return `${sign}${abs / FEN_PER_YUAN}.${String(abs % FEN_PER_YUAN).padStart(2, '0')}`;
}

/** "25,000.00元": grouped by thousands for Chinese documents and screens. */
export function formatMoneyCn(fen: bigint): string {
  const [whole = '', fraction = ''] = formatMoney(fen).split('.');
  return `${whole.replace(/\B(?=(\d{3})+$)/g, ',')}.${fraction}元`;
}

/* ------------------------------------------------------------------------------------------------
 * Amounts in Chinese financial capitals (中文大写金额), as written on agreements and rulings.
 *
 * Convention of 《支付结算办法》(银发〔1997〕393号) 附件一《正确填写票据和结算凭证的基本规定》:
 *  - "整" follows an amount that ends at 元; after 角 it may be omitted, and after 分 it is never
 *    written. We write 整 only for whole yuan: 人民币壹拾贰万元伍角, 人民币贰万伍仟元整.
 *  - Zeros between digits are written as one 零: ¥1409.50 → 壹仟肆佰零玖元伍角,
 *    ¥6007.14 → 陆仟零柒元壹角肆分.
 *  - When the 元 (or 万) digit is 0 but the 角 (or 千) digit is not, the 零 "may be written or
 *    omitted": we omit it, as in ordinary reading (¥1680.32 → 壹仟陆佰捌拾元叁角贰分,
 *    ¥107000.53 → 壹拾万柒仟元伍角叁分).
 *  - When 角 is 0 and 分 is not, 零 follows 元: ¥16409.02 → 壹万陆仟肆佰零玖元零贰分.
 *  - Tens are always written with their digit (壹拾, never a bare 拾), so nothing can be prefixed.
 *  - Below one yuan the 元 is left out: ¥0.50 → 人民币伍角, ¥0.05 → 人民币伍分.
 * ---------------------------------------------------------------------------------------------- */

const CAPITAL_DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'] as const;

/** Units within a group of four digits, from the thousands down. */
const GROUP_PLACES = ['仟', '佰', '拾', ''] as const;

/** Group units from the lowest group up: yuan, 万 (10^4), 亿 (10^8). */
const GROUP_UNITS = ['', '万', '亿'] as const;

const GROUP_SIZE = 10000n;

/** 1 ≤ group ≤ 9999 in capitals, zeros inside the group written once, trailing zeros silent. */
function groupInCapitals(group: number): string {
  const digits = String(group).padStart(4, '0');
  let text = '';
  let pendingZero = false;
  GROUP_PLACES.forEach((place, i) => {
    const digit = Number(digits[i]);
    if (digit === 0) {
      pendingZero = text !== '';
      return;
    }
    text += (pendingZero ? '零' : '') + CAPITAL_DIGITS[digit] + place;
    pendingZero = false;
  });
  return text;
}

/** Whole yuan (> 0) in capitals, e.g. 100000000 → 壹亿, 100005000 → 壹亿零伍仟. */
function yuanInCapitals(yuan: bigint): string {
  const groups: number[] = [];
  for (let rest = yuan; rest > 0n; rest /= GROUP_SIZE) groups.push(Number(rest % GROUP_SIZE));

  let text = '';
  let skippedZeros = false;
  for (let i = groups.length - 1; i >= 0; i--) {
    const group = groups[i] ?? 0;
    if (group === 0) {
      skippedZeros = text !== '';
      continue;
    }
    // A zero group in between (壹亿零伍仟) or a group with leading zeros (壹万零伍佰) needs one 零.
    const zero = text !== '' && (skippedZeros || group < 1000) ? '零' : '';
    text += zero + groupInCapitals(group) + GROUP_UNITS[i];
    skippedZeros = false;
  }
  return text;
}

/** 角 and 分 after a whole-yuan part (`hasYuan`) or on their own. */
function fractionInCapitals(jiao: number, fen: number, hasYuan: boolean): string {
  if (jiao === 0 && fen === 0) return hasYuan ? '整' : '';
  const jiaoText = jiao > 0 ? `${CAPITAL_DIGITS[jiao]}角` : hasYuan ? '零' : '';
  const fenText = fen > 0 ? `${CAPITAL_DIGITS[fen]}分` : '';
  return jiaoText + fenText;
}

/**
 * The amount in Chinese financial capitals with the 人民币 prefix, for 0 ≤ fen < 10^14
 * (< 10^12 yuan): 2500000n → 人民币贰万伍仟元整; 0n → 人民币零元整. Throws RangeError outside.
 */
export function amountInCapitals(fen: bigint): string {
  if (fen < 0n || fen >= MONEY_LIMIT_FEN) throw new RangeError(`amount out of range: ${fen} fen`);
  if (fen === 0n) return '人民币零元整';
  const yuan = fen / FEN_PER_YUAN;
  const cents = Number(fen % FEN_PER_YUAN);
  const yuanText = yuan > 0n ? `${yuanInCapitals(yuan)}元` : '';
  return `人民币${yuanText}${fractionInCapitals(Math.floor(cents / 10), cents % 10, yuan > 0n)}`;
}

/** An amount written in free text before 元: 120000元, 120,000元, 3.5元 (not 12万元, not 2026年). */
const AMOUNT_IN_TEXT = /(?<![\d.,])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?=元)/g;

/**
 * Free text typed by a clerk or mediator (facts, claims, clauses) with its yuan amounts rewritten in
 * the documents' one money format, so "欠货款120000元" reads "欠货款120,000.00元" like the terms.
 * Amounts in 万元 and amounts without 元 are left as written.
 */
export function normalizeMoneyInText(text: string): string {
  return text.replace(AMOUNT_IN_TEXT, (all, whole: string, fraction: string | undefined) => {
    const fen = BigInt(whole.replace(/,/g, '')) * FEN_PER_YUAN + BigInt((fraction ?? '').padEnd(2, '0'));
    if (fen >= MONEY_LIMIT_FEN) return all;
    return formatMoneyCn(fen).slice(0, -1);
  });
}

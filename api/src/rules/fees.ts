/**
 * Case-acceptance fee engine (案件受理费) of the 《诉讼费用交纳办法》 (State Council Decree 481,
 * in force 2007-04-01), versioned by effective date. rules.md "Fees":
 * - property cases: the cumulative brackets of Art. 13(1);
 * - labour disputes: 10 yuan per case (Art. 13(4));
 * - divorce / personality rights / other non-property cases (Art. 13(2)): a per-case base that each
 *   province fixes inside the legal range (Art. 13 last paragraph), plus the statutory percentage on
 *   property (divorce) or damages (personality) above a free threshold;
 * - exact decimal arithmetic; round half up to the fen ONCE, at the end (the 办法 gives no rounding
 *   rule, brief §6.1: NOT FOUND — this is our decided policy);
 * - halving (mediation Art. 15, withdrawal Art. 15, simple procedure Art. 16) applies once only
 *   (2022 CPL Interpretation Art. 206), so `halfFeeFen` is half of the EXACT full fee, rounded once.
 *   Consequence: halfFeeFen can differ by 1 fen from roundHalfUp(fullFeeFen / 2); e.g. 10,001 yuan:
 *   exact full 50.025 → 50.03, exact half 25.0125 → 25.01.
 *
 * Money is integer fen (`bigint`) in and out. Internally amounts are in "micro-fen" (fen × 10^6),
 * enough for every rate in the tables (at most 6 decimals, enforced when a table is read).
 */
import { chinaToday, isIsoDate } from './calendar.js';

export type FeeCategory = 'property' | 'labor' | 'divorce' | 'personality' | 'other_nonproperty';

export const FEE_CATEGORIES: readonly FeeCategory[] = ['property', 'labor', 'divorce', 'personality', 'other_nonproperty'];

/** A cumulative bracket: the part of the amount above `fromFen` up to `toFen` is charged at `rate`. */
export interface FeeTier {
  readonly fromFen: bigint;
  /** null = no upper limit. */
  readonly toFen: bigint | null;
  /** Decimal string, e.g. "0.025" for 2.5%. */
  readonly rate: string;
}

/** How one category is charged: a per-case base fee, then percentage tiers on the amount. */
export interface CategoryRule {
  /** The article the rule comes from. */
  readonly article: string;
  /** Fixed base fee in fen, or 'province' when the province fixes it inside `range`. */
  readonly base: bigint | 'province';
  /** Legal range of a province-set base (inclusive), in fen. */
  readonly range?: { readonly minFen: bigint; readonly maxFen: bigint };
  /** The amount the base fee covers (e.g. 10,000 yuan for property); null when the amount is irrelevant. */
  readonly baseCoversUpToFen: bigint | null;
  readonly tiers: readonly FeeTier[];
}

export interface FeeScheduleVersion {
  /** Version id = the date the version took effect. */
  readonly version: string;
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly basis: string;
  readonly categories: Readonly<Record<FeeCategory, CategoryRule>>;
}

const Y = (yuan: number): bigint => BigInt(yuan) * 100n; // whole yuan → fen, for readable tables

export const FEE_BASIS = '诉讼费用交纳办法 第十三条';

/** All versions of the fee rules, oldest first. */
export const FEE_SCHEDULES: readonly FeeScheduleVersion[] = [
  {
    version: '2007-04-01',
    effectiveFrom: '2007-04-01', // 第五十六条 本办法自2007年4月1日起施行。
    effectiveTo: null,
    basis: FEE_BASIS,
    categories: {
      property: {
        article: '第十三条第（一）项',
        base: Y(50), // 不超过1万元的，每件交纳50元
        baseCoversUpToFen: Y(10_000),
        tiers: [
          { fromFen: Y(10_000), toFen: Y(100_000), rate: '0.025' },
          { fromFen: Y(100_000), toFen: Y(200_000), rate: '0.02' },
          { fromFen: Y(200_000), toFen: Y(500_000), rate: '0.015' },
          { fromFen: Y(500_000), toFen: Y(1_000_000), rate: '0.01' },
          { fromFen: Y(1_000_000), toFen: Y(2_000_000), rate: '0.009' },
          { fromFen: Y(2_000_000), toFen: Y(5_000_000), rate: '0.008' },
          { fromFen: Y(5_000_000), toFen: Y(10_000_000), rate: '0.007' },
          { fromFen: Y(10_000_000), toFen: Y(20_000_000), rate: '0.006' },
          { fromFen: Y(20_000_000), toFen: null, rate: '0.005' },
        ],
      },
      labor: {
        article: '第十三条第（四）项',
        base: Y(10), // 劳动争议案件每件交纳10元
        baseCoversUpToFen: null,
        tiers: [],
      },
      divorce: {
        article: '第十三条第（二）项第1目',
        base: 'province', // 每件交纳50元至300元
        range: { minFen: Y(50), maxFen: Y(300) },
        // 涉及财产分割，财产总额不超过20万元的，不另行交纳；超过20万元的部分，按照0.5%交纳。
        baseCoversUpToFen: Y(200_000),
        tiers: [{ fromFen: Y(200_000), toFen: null, rate: '0.005' }],
      },
      personality: {
        article: '第十三条第（二）项第2目',
        base: 'province', // 每件交纳100元至500元
        range: { minFen: Y(100), maxFen: Y(500) },
        // 赔偿金额不超过5万元的，不另行交纳；超过5万元至10万元的部分，按照1%交纳；超过10万元的部分，按照0.5%交纳。
        baseCoversUpToFen: Y(50_000),
        tiers: [
          { fromFen: Y(50_000), toFen: Y(100_000), rate: '0.01' },
          { fromFen: Y(100_000), toFen: null, rate: '0.005' },
        ],
      },
      other_nonproperty: {
        article: '第十三条第（二）项第3目',
        base: 'province', // 每件交纳50元至100元
        range: { minFen: Y(50), maxFen: Y(100) },
        baseCoversUpToFen: null,
        tiers: [],
      },
    },
  },
];

/** A province's choice of the per-case bases inside the Art. 13(2) ranges. */
export interface ProvinceFeeConfig {
  readonly province: string;
  readonly effectiveFrom: string;
  readonly divorceBaseFen: bigint;
  readonly personalityBaseFen: bigint;
  readonly otherNonPropertyBaseFen: bigint;
  readonly source: string;
}

export const DEFAULT_PROVINCE = '贵州';

/**
 * Province bases, versioned by effective date (the latest row with effectiveFrom ≤ the date applies).
 *
 * 贵州 (demo): Guizhou's actual 具体交纳标准 was NOT FOUND — neither /work/shared (law texts, brief,
 * seeds) nor the public pages we could search carry it. These are DEMO values chosen inside the
 * legal ranges of Art. 13(2) and must be replaced by the province's published standard before real
 * use: divorce 150 yuan (range 50–300), personality rights 300 yuan (100–500), other non-property
 * 100 yuan (50–100).
 */
export const PROVINCE_FEE_CONFIGS: readonly ProvinceFeeConfig[] = [
  {
    province: '贵州',
    effectiveFrom: '2007-04-01',
    divorceBaseFen: Y(150),
    personalityBaseFen: Y(300),
    otherNonPropertyBaseFen: Y(100),
    source: '演示值（DEMO）：贵州省具体交纳标准未查得，取《诉讼费用交纳办法》第十三条第（二）项幅度内的数值',
  },
];

export interface FeeBracket {
  readonly fromFen: bigint;
  /** Upper limit of the tier as set by law; null for the open top tier (or an amount-independent flat fee). */
  readonly toFen: bigint | null;
  /** null for the flat per-case fee. */
  readonly rate: string | null;
  /** The part of the amount that falls in this tier. */
  readonly portionFen: bigint;
  /**
   * This tier's contribution rounded half up to the fen FOR DISPLAY ONLY. The total is computed from
   * the exact contributions (`feeExact`), so the displayed tiers may differ from the total by a fen.
   */
  readonly feeFen: bigint;
  /** Exact contribution in yuan, e.g. "0.025". */
  readonly feeExact: string;
}

export interface LitigationFeeInput {
  /** Claim amount (property), property total (divorce), damages (personality); ignored for flat categories. */
  readonly amountFen: bigint;
  readonly feeCategory: FeeCategory;
  /** Date whose rules apply ('YYYY-MM-DD'); defaults to today in China. */
  readonly on?: string;
  /** Province whose bases apply to divorce / personality / other non-property; defaults to 贵州. */
  readonly province?: string;
}

export interface LitigationFeeResult {
  readonly fullFeeFen: bigint;
  readonly halfFeeFen: bigint;
  /** Exact full fee in yuan before rounding, e.g. "50.025". */
  readonly fullFeeExact: string;
  readonly feeCategory: FeeCategory;
  readonly brackets: readonly FeeBracket[];
  readonly basis: string;
  /** e.g. '第十三条第（一）项'. */
  readonly article: string;
  /** Fee-rule version (its effective date). */
  readonly version: string;
  /** Province whose base was used, or null when the category has a national fixed fee. */
  readonly province: string | null;
}

/** Unknown category/province, no version for the date, misconfigured table, or invalid amount. */
export class FeeRuleError extends Error {
  readonly code = 'FEE_RULE' as const;
  constructor(message: string) {
    super(message);
    this.name = 'FeeRuleError';
  }
}

// ---------------------------------------------------------------------------------------------
// Exact arithmetic
// ---------------------------------------------------------------------------------------------

const SCALE_DIGITS = 6;
const SCALE = 10n ** BigInt(SCALE_DIGITS); // micro-fen per fen

/** "0.025" → 25000n (rate × 10^6). */
function rateToScaled(rate: string): bigint {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(rate);
  if (!m) throw new FeeRuleError(`invalid rate '${rate}'`);
  const frac = m[2] ?? '';
  if (frac.length > SCALE_DIGITS) throw new FeeRuleError(`rate '${rate}' has more than ${SCALE_DIGITS} decimals`);
  return BigInt(m[1]! + frac.padEnd(SCALE_DIGITS, '0'));
}

/** Round a non-negative micro-fen value half up to whole fen. */
function roundHalfUpToFen(microFen: bigint): bigint {
  return (microFen + SCALE / 2n) / SCALE;
}

/** Non-negative micro-fen → exact yuan string with at least 2 decimals ("50.025", "1050.00"). */
function microFenToYuan(microFen: bigint): string {
  const unit = SCALE * 100n; // micro-fen per yuan
  const int = microFen / unit;
  let frac = (microFen % unit)
    .toString()
    .padStart(SCALE_DIGITS + 2, '0')
    .replace(/0+$/, '');
  if (frac.length < 2) frac = frac.padEnd(2, '0');
  return `${int}.${frac}`;
}

const minBig = (a: bigint, b: bigint): bigint => (a < b ? a : b);

// ---------------------------------------------------------------------------------------------
// Lookups
// ---------------------------------------------------------------------------------------------

/** The fee-rule version in force on `on`. */
export function feeScheduleOn(on: string, schedules: readonly FeeScheduleVersion[] = FEE_SCHEDULES): FeeScheduleVersion {
  if (!isIsoDate(on)) throw new FeeRuleError(`invalid date '${String(on)}'`);
  const v = schedules.find((s) => s.effectiveFrom <= on && (s.effectiveTo === null || on <= s.effectiveTo));
  if (!v) throw new FeeRuleError(`no litigation-fee rules in force on ${on}`);
  return v;
}

/** The province configuration in force on `on`. */
export function provinceConfigOn(
  province: string,
  on: string,
  configs: readonly ProvinceFeeConfig[] = PROVINCE_FEE_CONFIGS,
): ProvinceFeeConfig {
  const rows = configs
    .filter((c) => c.province === province && c.effectiveFrom <= on)
    .sort((a, b) => (a.effectiveFrom < b.effectiveFrom ? -1 : a.effectiveFrom > b.effectiveFrom ? 1 : 0));
  const row = rows[rows.length - 1];
  if (!row) throw new FeeRuleError(`no fee configuration for province '${province}' on ${on}`);
  return row;
}

function provinceBase(category: FeeCategory, cfg: ProvinceFeeConfig): bigint {
  switch (category) {
    case 'divorce':
      return cfg.divorceBaseFen;
    case 'personality':
      return cfg.personalityBaseFen;
    case 'other_nonproperty':
      return cfg.otherNonPropertyBaseFen;
    default:
      throw new FeeRuleError(`category '${category}' has no province base`);
  }
}

export interface FeeTables {
  readonly schedules?: readonly FeeScheduleVersion[];
  readonly provinces?: readonly ProvinceFeeConfig[];
}

// ---------------------------------------------------------------------------------------------
// The engine
// ---------------------------------------------------------------------------------------------

/**
 * The first-instance case-acceptance fee (full and halved) with its working.
 * `tables` lets callers (and tests) supply other schedule/province tables; production uses the defaults.
 */
export function litigationFee(input: LitigationFeeInput, tables: FeeTables = {}): LitigationFeeResult {
  const { amountFen, feeCategory } = input;
  if (typeof amountFen !== 'bigint' || amountFen < 0n) throw new FeeRuleError('amountFen must be a non-negative bigint');
  if (!FEE_CATEGORIES.includes(feeCategory)) throw new FeeRuleError(`unknown fee category '${String(feeCategory)}'`);
  const on = input.on ?? chinaToday();
  const schedule = feeScheduleOn(on, tables.schedules);
  const rule = schedule.categories[feeCategory];

  let baseFen: bigint;
  let province: string | null = null;
  if (rule.base === 'province') {
    province = input.province ?? DEFAULT_PROVINCE;
    baseFen = provinceBase(feeCategory, provinceConfigOn(province, on, tables.provinces));
    if (rule.range && (baseFen < rule.range.minFen || baseFen > rule.range.maxFen)) {
      throw new FeeRuleError(
        `province '${province}' base ${baseFen} fen for ${feeCategory} is outside the legal range ${rule.range.minFen}–${rule.range.maxFen} fen`,
      );
    }
  } else {
    baseFen = rule.base;
  }

  const baseMicro = baseFen * SCALE;
  const brackets: FeeBracket[] = [
    {
      fromFen: 0n,
      toFen: rule.baseCoversUpToFen,
      rate: null,
      portionFen: rule.baseCoversUpToFen === null ? 0n : minBig(amountFen, rule.baseCoversUpToFen),
      feeFen: baseFen,
      feeExact: microFenToYuan(baseMicro),
    },
  ];
  let totalMicro = baseMicro;
  for (const tier of rule.tiers) {
    if (amountFen <= tier.fromFen) break;
    const top = tier.toFen === null ? amountFen : minBig(amountFen, tier.toFen);
    const portion = top - tier.fromFen;
    const micro = portion * rateToScaled(tier.rate); // fen × (rate × 10^6) = micro-fen
    totalMicro += micro;
    brackets.push({
      fromFen: tier.fromFen,
      toFen: tier.toFen,
      rate: tier.rate,
      portionFen: portion,
      feeFen: roundHalfUpToFen(micro),
      feeExact: microFenToYuan(micro),
    });
  }

  return {
    fullFeeFen: roundHalfUpToFen(totalMicro),
    // Half of the exact fee, rounded once: round(total / 2) = floor((total + SCALE) / (2 × SCALE)).
    halfFeeFen: (totalMicro + SCALE) / (2n * SCALE),
    fullFeeExact: microFenToYuan(totalMicro),
    feeCategory,
    brackets,
    basis: schedule.basis,
    article: rule.article,
    version: schedule.version,
    province,
  };
}

/** How a court prints fees: to the fen (as 交纳办法 computes them) or to the whole yuan. */
export type FeeRoundingMode = 'fen' | 'yuan';

/**
 * A fee in fen rounded by the court's setting: `fen` keeps it, `yuan` rounds half up to the whole
 * yuan (¥50.50 → ¥51, ¥50.49 → ¥50). Applied to each case's own fee, never to a total.
 */
export function roundFee(fen: bigint, mode: FeeRoundingMode): bigint {
  if (typeof fen !== 'bigint' || fen < 0n) throw new FeeRuleError('a fee is a non-negative amount in fen');
  return mode === 'yuan' ? ((fen + 50n) / 100n) * 100n : fen;
}

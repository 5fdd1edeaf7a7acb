/**
 * The numbers a people's mediation committee gives its own papers: one gapless series per committee
 * per year (人民调解委员会的调解协议书编号), e.g. 赤市调字〔2026〕第12号. The dossier (卷宗) of the same
 * mediation carries the same number, so the agreement and its file are found by one reference.
 *
 * A committee's 代字 is set by the court's administrator (organizations.doc_prefix); without one it is
 * derived from the committee's own place or field in its name: without the closing institution words,
 * without the city or county every committee of the court shares, and for a village or community
 * committee without its township (which its neighbours share), at most four characters:
 * 天台镇人民调解委员会 → 天台镇, 两河口镇黎明村人民调解委员会 → 黎明村, 金华街道城北社区人民调解委员会
 * → 城北社区, 赤水市医疗纠纷人民调解委员会 → 医疗. The court's own 诉调对接中心 (a case mediated
 * without a committee) uses the court's name the same way (赤水市人民法院 → 赤水市).
 */

/** The closing words of an institution's name that say what it is, not which one it is. */
const INSTITUTION_SUFFIX =
  /(人民调解委员会|人民调解工作室|调解委员会|调解工作室|调解中心|调解室|人民法院诉调对接中心|诉调对接中心|人民法院|委员会)$/u;

/** A leading 赤水市 / 习水县 / 播州区, when more of the name follows it. */
const LEADING_REGION = /^[\p{Script=Han}]{1,3}?[市县区](?=.)/u;
/** A leading 两河口镇 / 宝源乡 / 金华街道, when a village or community follows it. */
const LEADING_TOWNSHIP = /^[\p{Script=Han}]{1,4}?(镇|乡|街道)(?=[\p{Script=Han}]{2,}(村|社区|居委会)$)/u;
/** 医疗纠纷 → 医疗: an industry committee is named by its field. */
const FIELD_SUFFIX = /(?<=.{2})纠纷$/u;

/** The 代字 of a committee (or court) from its name, when no administrator has set one. */
export function derivedPrefix(name: string): string {
  const core = name.trim().replace(INSTITUTION_SUFFIX, '');
  const own = core.replace(LEADING_REGION, '').replace(LEADING_TOWNSHIP, '').replace(FIELD_SUFFIX, '');
  const chars = [...(own || core || name.trim())].filter((ch) => /\p{Script=Han}/u.test(ch));
  return chars.slice(0, 4).join('') || '人';
}

/** 代字: the administrator's if set (trimmed, non-empty), else derived from the name. */
export function committeePrefix(docPrefix: string | null | undefined, name: string): string {
  const set = docPrefix?.trim();
  return set ? set : derivedPrefix(name);
}

/** 赤市调字〔2026〕第12号. */
export function formatCommitteeNumber(prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year ${year}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`seq ${seq}`);
  return `${prefix}调字〔${year}〕第${seq}号`;
}

/** A 代字 an administrator may set: 1–8 Chinese characters (no digits, brackets or spaces). */
export const DOC_PREFIX_PATTERN = /^[\p{Script=Han}]{1,8}$/u;

/**
 * 虚假调解 screening (《人民法院在线调解规则》第二十三条; 《民事诉讼法》第一百一十五条): signals the
 * judge's desk shows on a confirmation (or a decree) with their reasons. Advice only — the judge decides.
 *
 * | code                     | raised when                                                                 |
 * |--------------------------|-----------------------------------------------------------------------------|
 * | RECURRING_PARTIES        | the same applicant–respondent pair appears in another case of the court, or   |
 * |                          | a party appears in RECURRING_PARTY_CASES or more other cases                 |
 * | RELATED_PARTIES          | an applicant and a respondent share an address, a phone or a representative  |
 * | LARGE_SUM_THIN_EVIDENCE  | claim ≥ LARGE_SUM_FEN and the evidence materials are not on file             |
 */

export interface ScreeningParty {
  readonly role: 'applicant' | 'respondent';
  readonly name: string;
  readonly idNumber?: string | null;
  readonly creditCode?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
  readonly representative?: string | null;
}

export interface ScreeningInput {
  readonly parties: readonly ScreeningParty[];
  readonly claimAmountFen: bigint;
  /** Whether the checklist holds the claim's evidence (review-file.ts `evidence` = provided). */
  readonly evidenceOnFile: boolean;
  /** The parties of the court's other cases (by case). */
  readonly otherCases: readonly { readonly caseNumber: string; readonly parties: readonly ScreeningParty[] }[];
}

export type ScreeningCode = 'RECURRING_PARTIES' | 'RELATED_PARTIES' | 'LARGE_SUM_THIN_EVIDENCE';
export interface ScreeningFlag {
  readonly code: ScreeningCode;
  readonly reason: string;
}

/** 50万元: the amount above which a sum with no evidence on file is flagged. */
export const LARGE_SUM_FEN = 50_000_000n;
export const RECURRING_PARTY_CASES = 3;

export const SCREENING_BASIS = '《人民法院在线调解规则》第二十三条；《民事诉讼法》第一百一十五条（虚假调解筛查，仅供参考）';

/** A party's identity for matching: ID number or credit code, else the name. */
export function partyKey(p: ScreeningParty): string {
  return p.idNumber?.toUpperCase() || p.creditCode?.toUpperCase() || `name:${p.name.trim()}`;
}

const norm = (s: string | null | undefined): string => (s ?? '').replace(/[\s\-－]/g, '').toLowerCase();

export function screen(input: ScreeningInput): ScreeningFlag[] {
  const flags: ScreeningFlag[] = [];
  const applicants = input.parties.filter((p) => p.role === 'applicant');
  const respondents = input.parties.filter((p) => p.role === 'respondent');

  // Recurring parties.
  const pairs = new Set(applicants.flatMap((a) => respondents.map((r) => `${partyKey(a)}|${partyKey(r)}`)));
  const pairCases: string[] = [];
  const perParty = new Map<string, string[]>();
  for (const other of input.otherCases) {
    const oa = other.parties.filter((p) => p.role === 'applicant');
    const or = other.parties.filter((p) => p.role === 'respondent');
    if (oa.some((a) => or.some((r) => pairs.has(`${partyKey(a)}|${partyKey(r)}`) || pairs.has(`${partyKey(r)}|${partyKey(a)}`)))) {
      pairCases.push(other.caseNumber);
    }
    const keys = new Set(other.parties.map(partyKey));
    for (const p of input.parties) {
      if (keys.has(partyKey(p))) perParty.set(p.name, [...(perParty.get(p.name) ?? []), other.caseNumber]);
    }
  }
  const reasons: string[] = [];
  if (pairCases.length) reasons.push(`同一申请人与被申请人另见于${pairCases.length}件案件（${pairCases.slice(0, 3).join('、')}）`);
  for (const [name, cases] of perParty) {
    if (cases.length >= RECURRING_PARTY_CASES) reasons.push(`${name}另涉${cases.length}件案件`);
  }
  if (reasons.length) flags.push({ code: 'RECURRING_PARTIES', reason: reasons.join('；') });

  // Related parties.
  const related: string[] = [];
  for (const a of applicants) {
    for (const r of respondents) {
      if (norm(a.address) && norm(a.address) === norm(r.address)) related.push(`${a.name}与${r.name}地址相同`);
      if (norm(a.phone) && norm(a.phone) === norm(r.phone)) related.push(`${a.name}与${r.name}联系电话相同`);
      const ra = norm(a.representative) || (a.idNumber ? norm(a.name) : '');
      if (norm(r.representative) && ra && ra === norm(r.representative)) related.push(`${a.name}与${r.name}的代表人相同`);
    }
  }
  if (related.length) flags.push({ code: 'RELATED_PARTIES', reason: related.join('；') });

  // Large sum, thin evidence.
  if (input.claimAmountFen >= LARGE_SUM_FEN && !input.evidenceOnFile) {
    flags.push({
      code: 'LARGE_SUM_THIN_EVIDENCE',
      reason: `标的额${(input.claimAmountFen / 100n).toString()}元，达到${(LARGE_SUM_FEN / 100n).toString()}元以上，但卷内尚无相关证据材料`,
    });
  }
  return flags;
}

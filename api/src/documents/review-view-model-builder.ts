/** View models of the 民事调解书 and the review-file rulings (issue 14), from the case inside the issuing transaction. */
import type { EntityManager } from 'typeorm';
import { CaseConclusion } from '../case-records/conclusion.entity.js';
import { ConfirmationReview } from '../case-records/confirmation-review.entity.js';
import { chinaDateOf } from '../rules/chinese-date.js';
import { normalizeMoneyInText } from '../rules/money.js';
import { parseCaseNumber } from '../rules/case-number.js';
import type { DocumentKind } from '../rules/document-kinds.js';
import { confirmationRegimeWarning } from '../rules/regime.js';
import { DEEMED_WITHDRAWN_REASONS, EXCLUDED_MATTERS, isDeemedWithdrawnReason, isExcludedMatter } from '../rules/review-file.js';
import type { MediationDecreeView, ReviewRulingView } from './pdf/review-view-models.js';
import type { Agreement } from '../case-records/agreement.entity.js';
import type { Case } from '../case-records/case.entity.js';
import type { Confirmation } from '../case-records/confirmation.entity.js';
import type { User } from '../users/user.entity.js';
import type { AgreementTerm, CaseBasics, MediationOrganization } from './pdf/view-models.js';

/** What view-model-builder.ts has already loaded and mapped for the case (passed in: no import cycle). */
export interface ReviewContext {
  agg: { case: Case; agreement: Agreement | null; confirmation: Confirmation | null };
  organization: MediationOrganization;
  users: Map<string, User>;
  basics: CaseBasics;
  terms: AgreementTerm[];
  /** The agreement's other clauses as every document prints them (view-model-builder.ts clausesOf). */
  clauses: string[];
}

export const REVIEW_KINDS = ['mediation_decree', 'ruling_not_accepted', 'ruling_withdrawal_permitted', 'ruling_deemed_withdrawn'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export function isReviewKind(kind: DocumentKind): kind is ReviewKind {
  return (REVIEW_KINDS as readonly string[]).includes(kind);
}

export async function buildReviewViewModel(
  m: EntityManager,
  kind: ReviewKind,
  ctx: ReviewContext,
  at: Date,
): Promise<MediationDecreeView | ReviewRulingView> {
  const c = ctx.agg.case;
  if (kind === 'mediation_decree') {
    const conclusion = await m.findOneOrFail(CaseConclusion, { where: { caseId: c.id } });
    const b = ctx.basics;
    return {
      ...b,
      plaintiffs: b.parties.filter((p) => p.role === 'applicant'),
      defendants: b.parties.filter((p) => p.role === 'respondent'),
      organization: ctx.organization,
      receivedOn: c.receivedOn,
      claims: c.claims,
      facts: normalizeMoneyInText(c.summary),
      terms: ctx.terms,
      otherTerms: ctx.clauses,
      judgeName: ctx.users.get(conclusion.judgeId)?.displayName ?? (await judgeName(m, conclusion.judgeId)),
      clerkName: ctx.users.get(c.createdById)?.displayName ?? '',
      decreeOn: conclusion.concludedOn,
    } satisfies MediationDecreeView;
  }
  const conf = ctx.agg.confirmation!;
  const review = await m.findOneOrFail(ConfirmationReview, { where: { caseId: c.id } });
  const closure = review.closure!;
  let reasonText = '';
  let reasonBasis = '';
  if (kind === 'ruling_not_accepted' && isExcludedMatter(closure.code)) {
    reasonText = `属于“${EXCLUDED_MATTERS[closure.code].label}”的情形`;
    reasonBasis = EXCLUDED_MATTERS[closure.code].basis;
  } else if (kind === 'ruling_deemed_withdrawn' && isDeemedWithdrawnReason(closure.code)) {
    reasonText = DEEMED_WITHDRAWN_REASONS[closure.code].label;
    reasonBasis = DEEMED_WITHDRAWN_REASONS[closure.code].basis;
  } else if (kind === 'ruling_withdrawal_permitted') {
    reasonBasis = '第三百五十七条第一款';
  }
  const type = parseCaseNumber(conf.caseNumber)?.type ?? '';
  return {
    ...ctx.basics,
    caseNumber: conf.caseNumber,
    relatedCaseNumber: c.caseNumber,
    organization: ctx.organization,
    appliedOn: conf.appliedOn,
    acceptedOn: review.acceptedOn,
    reasonText: reasonText,
    reasonBasis,
    reasoning: closure.reasoning,
    judgeName: ctx.users.get(closure.judgeId)?.displayName ?? (await judgeName(m, closure.judgeId)),
    clerkName: ctx.users.get(conf.appliedById)?.displayName ?? '',
    decidedOn: closure.decidedOn || chinaDateOf(at),
    regimeWarning: confirmationRegimeWarning(type, c.receivedOn),
  } satisfies ReviewRulingView;
}

async function judgeName(m: EntityManager, id: string): Promise<string> {
  const [row] = (await m.query('SELECT display_name AS name FROM users WHERE id = $1', [id])) as { name: string }[];
  return row?.name ?? '';
}

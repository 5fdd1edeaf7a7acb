/** View models of the issue-14 documents: the 民事调解书 and the review-file rulings (conventions: view-models.ts). */
import type { AgreementTerm, CaseBasics, DateString, MediationOrganization } from './view-models.js';

/** 民事调解书 (CPL 100/101) in the same 民初 case; `caseNumber` is the case's own number. */
export interface MediationDecreeView extends CaseBasics {
  /** The parties under their 民初 names: 原告 (applicants) and 被告 (respondents). */
  plaintiffs: CaseBasics['parties'];
  defendants: CaseBasics['parties'];
  organization: MediationOrganization;
  receivedOn: DateString;
  claims: string[];
  facts: string;
  terms: AgreementTerm[];
  otherTerms: string[];
  judgeName: string;
  clerkName: string;
  decreeOn: DateString;
}

/** A ruling that ends a confirmation application without deciding it (不予受理 / 准许撤回 / 按撤回处理). */
export interface ReviewRulingView extends CaseBasics {
  /** The mediation case's number (关联案号). */
  relatedCaseNumber: string;
  organization: MediationOrganization;
  appliedOn: DateString;
  acceptedOn: DateString;
  /** The matter or reason in the statute's words, and the provision. */
  reasonText: string;
  reasonBasis: string;
  reasoning: string;
  judgeName: string;
  clerkName: string;
  decidedOn: DateString;
  /** The 2025-regime warning of a 诉前调确 confirmation (regime.ts), else null. */
  regimeWarning: string | null;
}

export interface ReviewViewModels {
  mediation_decree: MediationDecreeView;
  ruling_not_accepted: ReviewRulingView;
  ruling_withdrawal_permitted: ReviewRulingView;
  ruling_deemed_withdrawn: ReviewRulingView;
}

/**
 * View models handed to the PDF renderer: plain, JSON-serialisable data, never entities.
 *
 * Conventions (the lead maps entities to these):
 * - Calendar dates are `YYYY-MM-DD` strings in China time (`DateString`).
 * - Instants (a session's start) are ISO 8601 strings with an offset; they print in Asia/Shanghai.
 * - Money is a `FenString`: the integer number of fen as a decimal string ("2500000" = ¥25,000.00).
 *   Strings rather than bigint so a view model survives JSON (outbox rows, fixtures); the renderer
 *   turns them into bigint for `rules/money.ts` and rejects anything that is not an integer.
 * - Optional particulars may be omitted or null; the document then leaves them out (or prints a
 *   blank to fill in by hand where the paper form has one).
 * - Every string is user text as far as the renderer is concerned: it is escaped for the layout
 *   markup before any template sees it.
 * - Codes (document kinds, tracks, termination reasons, rejection grounds) are the unions of `rules/`.
 */

import type { RejectionGround, TerminationReason } from '../../rules/case-status.js';
import type { DocumentKind } from '../../rules/document-kinds.js';
import type { TrackCode } from '../../rules/tracks.js';
import type { FollowupRecordView } from './followup-view-models.js';
import type { AgreementSignatureLine, PartyViewModels } from './party-view-models.js';
import type { ReviewViewModels } from './review-view-models.js';

export type DateString = string;
export type InstantString = string;
export type FenString = string;

export type PartyRole = 'applicant' | 'respondent';

export interface PersonParty {
  kind: 'person';
  role: PartyRole;
  name: string;
  gender?: '男' | '女' | null;
  birthDate?: DateString | null;
  ethnicity?: string | null;
  idNumber?: string | null;
  occupation?: string | null;
  address?: string | null;
  phone?: string | null;
}

export interface OrganizationParty {
  kind: 'organization';
  role: PartyRole;
  name: string;
  creditCode?: string | null;
  address?: string | null;
  /** 法定代表人 (company) or 负责人 (branch, unincorporated body). */
  representativeTitle?: '法定代表人' | '负责人' | null;
  representative?: string | null;
  /** The representative's position, e.g. 总经理. */
  representativePosition?: string | null;
  phone?: string | null;
}

export type Party = PersonParty | OrganizationParty;

/** A mediation organisation (人民调解委员会 or another invited organisation). */
export interface MediationOrganization {
  name: string;
  address?: string | null;
  phone?: string | null;
}

/** One performance obligation of an agreement: obligor pays obligee `amount` by `dueOn`. */
export interface AgreementTerm {
  obligor: string;
  obligee: string;
  amount: FenString;
  dueOn: DateString;
  /** 履行方式, e.g. 银行转账. */
  method?: string | null;
}

/** What the case is about; shared by every document of a case. */
export interface CaseBasics {
  courtName: string;
  caseNumber: string;
  /** 案由, e.g. 买卖合同纠纷. */
  disputeTypeName: string;
  parties: Party[];
}

export interface DelegationLetterView extends CaseBasics {
  /** Number of the letter itself, e.g. （2026）黔0381委调函1号; defaults to the case number. */
  letterNumber?: string | null;
  organization: MediationOrganization;
  /** Null when delegated to the court-wide shared queue. */
  mediatorName?: string | null;
  track: TrackCode;
  claimAmount: FenString;
  claims: string[];
  summary: string;
  receivedOn: DateString;
  delegatedOn: DateString;
  /** The organisation/mediator must accept within 3 working days (在线调解规则 Art. 12). */
  acceptBy: DateString;
  /** Length of the mediation period from acceptance (30 / 15 / 7 days by track and procedure). */
  mediationDays: number;
  note?: string | null;
  /** Materials sent along, e.g. 起诉状、证据材料. */
  attachments: string[];
  contactName?: string | null;
  contactPhone?: string | null;
}

export type SessionMode = 'in_person' | 'video' | 'phone';

export interface SessionRecordView extends CaseBasics {
  organization: MediationOrganization;
  sessionNo: number;
  heldAt: InstantString;
  endedAt?: InstantString | null;
  mode: SessionMode;
  location?: string | null;
  mediatorName: string;
  recorderName?: string | null;
  /** 参加人: invited helpers, agents, interpreters (not mediators, not parties). */
  attendees: string[];
  minutes: string;
  undisputedFacts?: string[] | null;
  /** The mediator's disclosure (在线调解规则 Art. 13); null: nothing to disclose. Absent in records before 2026-12. */
  disclosure?: string | null;
  recusalRequested?: boolean;
  /** 调解结果 of the session. */
  result?: 'agreed' | 'adjourned' | 'failed';
  /** 委托代理人 present: for whom (role and name) and with what authority. */
  agents?: { principal: string; name: string; authority: 'special' | 'general' }[];
}

export interface AgreementView extends CaseBasics {
  /** 编号 of the agreement, e.g. 赤市调字〔2026〕第12号 (the committee’s series). */
  agreementNumber: string;
  organization: MediationOrganization;
  /** 纠纷主要事实. */
  facts: string;
  /** 争议事项. */
  disputedMatters?: string | null;
  /** 各方责任, if the mediator recorded it. */
  responsibilities?: string | null;
  terms: AgreementTerm[];
  /** Further agreed clauses, printed after the payment terms, one numbered clause each. */
  otherTerms: string[];
  performancePlace?: string | null;
  mediatorName: string;
  recorderName?: string | null;
  /** The day it took effect; empty on the copy issued for online signature (issue 16). */
  signedOn: DateString;
  /** The signed version of an agreement signed online: each party's signature (time, method, short hash). */
  signatures?: AgreementSignatureLine[] | null;
}

export interface SessionSummary {
  heldAt: InstantString;
  mode: SessionMode;
  summary: string;
}

export interface TerminationRecordView extends CaseBasics {
  organization: MediationOrganization;
  mediatorName: string;
  track: TrackCode;
  delegatedOn: DateString;
  terminatedOn: DateString;
  reason: TerminationReason;
  /** Why it failed, in the mediator's words. */
  details: string;
  sessions: SessionSummary[];
  /** 增加对方诉讼成本的行为; null or omitted prints 未发现. */
  costIncreasingConduct?: string | null;
  undisputedFacts?: string[] | null;
  /** 其他需要向人民法院说明的情况. */
  otherNotes?: string | null;
  /**
   * Entrusted track: the 案件受理费 the plaintiff is to pay before trial (交纳办法 Art. 13, rounded by
   * the court's setting), printed with the 7-day notice (Art. 22). Null or omitted: the notice without an amount.
   */
  acceptanceFee?: FenString | null;
}

/** `caseNumber` is the mediation case's number, printed as 关联案号; the court numbers the application on receipt. */
export interface ConfirmationApplicationView extends CaseBasics {
  /** Kept for applications issued before issue 14; not printed (the court's receipt box has a 案号 line). */
  confirmationNumber?: string | null;
  organization: MediationOrganization;
  agreementNumber: string;
  agreementSignedOn: DateString;
  agreementEffectiveOn: DateString;
  terms: AgreementTerm[];
  otherTerms: string[];
  appliedOn: DateString;
  /** Materials submitted (民诉法解释 Art. 354); empty = the statutory default list. */
  materials: string[];
  /** Whether an agent applies for a party: the default list then asks for the 授权委托书 outright. */
  agentApplies?: boolean | null;
}

/** Who reviewed: one judge (审判员 `judgeName`), or a 合议庭 of a presiding judge (审判长) and members. */
export type Bench = { kind: 'single' } | { kind: 'panel'; presiding: string; members: string[] };

/** `caseNumber` is the confirmation case's number (e.g. （2026）黔0381民特12号), printed as 案号. */
export interface RulingView extends CaseBasics {
  organization: MediationOrganization;
  agreementSignedOn: DateString;
  appliedOn: DateString;
  /** 立案 of the application; omitted on rulings issued before it was recorded (then `appliedOn`). */
  acceptedOn?: DateString | null;
  /** The mediation case the court delegated (委派) or entrusted (委托), named in the facts. */
  relatedCaseNumber?: string | null;
  track?: TrackCode | null;
  /** Omitted: a single judge, `judgeName`. A panel signs 审判长 and 审判员 lines instead. */
  bench?: Bench | null;
  terms: AgreementTerm[];
  otherTerms: string[];
  result: 'confirmed' | 'rejected';
  /** Required when rejected. */
  grounds: RejectionGround[];
  reasoning: string;
  judgeName: string;
  clerkName: string;
  decidedOn: DateString;
}

export interface ViewModels extends ReviewViewModels, PartyViewModels {
  delegation_letter: DelegationLetterView;
  session_record: SessionRecordView;
  agreement: AgreementView;
  termination_record: TerminationRecordView;
  confirmation_application: ConfirmationApplicationView;
  ruling: RulingView;
  followup_record: FollowupRecordView;
}

/** One issued document inside a dossier. */
export type DossierEntry = {
  [K in DocumentKind]: { kind: K; view: ViewModels[K] };
}[DocumentKind];

/** The case file (调解卷宗): cover fields per the MoJ format, then the documents. */
export interface DossierView {
  /** 卷名, e.g. 刘小富与赤水市某超市有限公司买卖合同纠纷. */
  volumeName: string;
  /** 卷号, e.g. （2026）赤调字第12号. */
  volumeNumber: string;
  caseNumber: string;
  organizationName: string;
  mediatorNames: string[];
  mediationFrom: DateString;
  mediationTo?: DateString | null;
  filedBy: string;
  filedOn: DateString;
  /** 保管期限, e.g. 长期 / 短期 / 10年. */
  retentionPeriod: string;
  remarks?: string | null;
  /** Any order; the dossier sorts them into the MoJ order. */
  documents: DossierEntry[];
}

export interface RenderMeta {
  title: string;
  verifyUrl: string;
  shortHash: string;
  /** Used for the PDF's CreationDate/ModDate so renders are reproducible. */
  issuedAt: Date;
  documentId: string;
}

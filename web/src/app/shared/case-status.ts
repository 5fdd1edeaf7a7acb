import type { CaseStatus, RejectionGround, TerminationReason } from '@rules/case-status';
import type { DocumentKind } from '@rules/document-kinds';
import type { TrackCode } from '@rules/tracks';

/*
 * The screens' wording for the codes the API sends. Tables keyed by a union from `api/src/rules/`
 * are `Record<Union, string>`, so a new status, kind or reason without a label does not compile.
 * The texts are the UI's own (shorter than the documents' in places) and deliberately not shared.
 */

export const CASE_STATUS_LABELS: Record<CaseStatus, string> = {
  registered: '已登记',
  delegated: '已委派',
  in_mediation: '调解中',
  agreed: '已达成协议',
  confirmation_pending: '待司法确认',
  confirmed: '已确认',
  confirmation_rejected: '确认驳回',
  failed: '调解不成',
  withdrawn: '已撤回',
  concluded: '已结案',
  confirmation_closed: '确认申请已终结',
};

/**
 * Every status, in the API's order (the table is complete by its type). Not `CASE_STATUSES` from
 * rules/: importing a value from case-status.ts also bundles its termination and rejection tables,
 * whose template literals esbuild cannot prove free of side effects.
 */
export const CASE_STATUSES = Object.keys(CASE_STATUS_LABELS) as CaseStatus[];

/** The colour family of a status chip. */
export function statusTone(status: CaseStatus): '' | 'warn' | 'done' | 'ended' {
  switch (status) {
    case 'confirmation_pending':
    case 'agreed':
      return 'warn';
    case 'confirmed':
    case 'concluded':
      return 'done';
    case 'failed':
    case 'withdrawn':
    case 'confirmation_rejected':
    case 'confirmation_closed':
      return 'ended';
    default:
      return '';
  }
}

export function statusLabel(status: string): string {
  return CASE_STATUS_LABELS[status as CaseStatus] ?? status;
}

export const TRACK_LABELS: Record<TrackCode, string> = {
  pre_litigation: '诉前委派调解',
  entrusted: '立案后委托调解',
};

/** Party roles, party kinds and session modes have no union in `rules/`: the tables declare them. */
export const PARTY_ROLE_LABELS = { applicant: '申请人', respondent: '被申请人' } as const satisfies Record<string, string>;
export type PartyRole = keyof typeof PARTY_ROLE_LABELS;

export const PARTY_KIND_LABELS = { person: '自然人', organization: '法人或其他组织' } as const satisfies Record<string, string>;
export type PartyKind = keyof typeof PARTY_KIND_LABELS;

export interface CodedOption<Code extends string> {
  readonly code: Code;
  readonly label: string;
}

/** A label table as select/checkbox options, in the table's order. */
function optionsOf<Code extends string>(labels: Record<Code, string>): readonly CodedOption<Code>[] {
  return (Object.keys(labels) as Code[]).map((code) => ({ code, label: labels[code] }));
}

/** Termination reasons (人民法院在线调解规则 Art. 25); `agreement_reached` is not a termination. */
export const TERMINATION_REASONS = optionsOf<TerminationReason>({
  applicant_withdrew: '申请人撤回调解申请',
  unreachable: '无法联系当事人',
  party_refused: '当事人拒绝调解',
  irreconcilable: '当事人分歧较大，难以达成协议',
  expired: '调解期限届满未达成协议',
  refused_to_sign: '当事人拒绝签署调解协议',
  other: '其他情形',
});

/** Grounds for refusing confirmation (民诉法解释 Art. 358 / 355). */
export const REJECTION_GROUNDS = optionsOf<RejectionGround>({
  violates_mandatory_law: '违反法律强制性规定',
  harms_third_party_or_public: '损害国家利益、社会公共利益或他人合法权益',
  against_public_order: '违背公序良俗',
  not_voluntary: '违反自愿原则',
  unclear_content: '内容不明确',
  excluded_matter: '不属于司法确认受理范围',
  other: '其他不能进行司法确认的情形',
});

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  delegation_letter: '委派调解函',
  session_record: '调解笔录',
  agreement: '人民调解协议书',
  termination_record: '调解终结书',
  confirmation_application: '司法确认申请书',
  ruling: '民事裁定书',
  mediation_decree: '民事调解书',
  ruling_not_accepted: '不予受理裁定',
  ruling_withdrawal_permitted: '准许撤回裁定',
  ruling_deemed_withdrawn: '按撤回处理裁定',
  followup_record: '人民调解回访记录',
  service_address_confirmation: '送达地址确认书',
};

export const SESSION_MODE_LABELS = {
  in_person: '现场调解',
  video: '视频调解',
  phone: '电话调解',
} as const satisfies Record<string, string>;
export type SessionMode = keyof typeof SESSION_MODE_LABELS;

import type { RejectionGround, TerminationReason } from '../../rules/case-status.js';
import type { DocumentKind } from '../../rules/document-kinds.js';
import type { FollowupMethod, FollowupOutcome, ObligationStatus } from '../../rules/obligations.js';
import type { PartyRole, SessionMode } from './view-models.js';

export const ROLE_LABELS: Record<PartyRole, string> = {
  applicant: '申请人',
  respondent: '被申请人',
};

export const SESSION_MODE_LABELS: Record<SessionMode, string> = {
  in_person: '现场调解',
  video: '视频调解',
  phone: '电话调解',
};

export const SESSION_RESULT_LABELS: Record<'agreed' | 'adjourned' | 'failed', string> = {
  agreed: '达成调解协议',
  adjourned: '未达成协议，另行安排调解',
  failed: '调解不成',
};

export const AGENT_AUTHORITY_LABELS: Record<'special' | 'general', string> = {
  special: '特别授权',
  general: '一般授权',
};

export const FOLLOWUP_METHOD_LABELS: Record<FollowupMethod, string> = {
  phone: '电话回访',
  visit: '上门回访',
  online: '网络回访',
  other: '其他方式',
};

export const FOLLOWUP_OUTCOME_LABELS: Record<FollowupOutcome, string> = {
  performed: '已履行',
  partially_performed: '部分履行',
  not_performed: '未履行',
  other: '其他情况',
};

export const OBLIGATION_STATUS_LABELS: Record<ObligationStatus, string> = {
  due: '待履行',
  performed: '已履行',
  partially_performed: '部分履行',
  defaulted: '逾期未履行',
  waived: '权利人放弃',
};

/** 《人民法院在线调解规则》第二十五条 grounds, in the rule's words. */
export const TERMINATION_REASON_LABELS: Record<TerminationReason, string> = {
  applicant_withdrew: '当事人自行和解或者撤回调解申请',
  unreachable: '在征求意见的期限内无法联系到当事人',
  party_refused: '当事人明确拒绝继续调解',
  irreconcilable: '当事人之间分歧较大，难以达成调解协议',
  expired: '调解期限届满，未达成调解协议，且各方当事人未达成延长调解期限的合意',
  refused_to_sign: '当事人拒绝在调解协议上签章',
  other: '其他导致调解无法进行的情形',
};

/** 民诉法解释 第三百五十八条 (and 第三百五十五条 for excluded matters). */
export const REJECTION_GROUND_LABELS: Record<RejectionGround, string> = {
  violates_mandatory_law: '违反法律强制性规定',
  harms_third_party_or_public: '损害国家利益、社会公共利益、他人合法权益',
  against_public_order: '违背公序良俗',
  not_voluntary: '违反自愿原则',
  unclear_content: '内容不明确',
  excluded_matter: '属于不予受理司法确认申请的情形',
  other: '存在其他不能进行司法确认的情形',
};

/** MoJ dossier contents (人民调解卷宗卷内目录), in order; `kinds` are the system's documents filed there. */
export const DOSSIER_SECTIONS: ReadonlyArray<{ title: string; mandatory: boolean; kinds: readonly DocumentKind[] }> = [
  { title: '人民调解申请书或人民调解受理登记表', mandatory: true, kinds: ['delegation_letter'] },
  { title: '人民调解当事人权利义务告知书', mandatory: true, kinds: [] },
  { title: '当事人身份证明', mandatory: true, kinds: ['service_address_confirmation'] },
  { title: '授权委托书', mandatory: false, kinds: [] },
  { title: '人民调解调查记录', mandatory: false, kinds: [] },
  { title: '人民调解证据材料', mandatory: false, kinds: [] },
  { title: '人民调解记录', mandatory: true, kinds: ['session_record', 'termination_record'] },
  { title: '人民调解协议书', mandatory: true, kinds: ['agreement'] },
  { title: '收条或汇款单等履行凭证', mandatory: false, kinds: [] },
  { title: '人民调解回访记录', mandatory: false, kinds: ['followup_record'] },
  {
    title: '司法确认有关材料',
    mandatory: false,
    kinds: ['confirmation_application', 'ruling', 'ruling_not_accepted', 'ruling_withdrawal_permitted', 'ruling_deemed_withdrawn'],
  },
  { title: '卷宗情况说明', mandatory: false, kinds: [] },
  { title: '封底', mandatory: true, kinds: [] },
];

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  delegation_letter: '委派调解函',
  session_record: '人民调解记录',
  agreement: '人民调解协议书',
  termination_record: '调解终结记录',
  confirmation_application: '司法确认申请书',
  ruling: '民事裁定书',
  mediation_decree: '民事调解书',
  ruling_not_accepted: '民事裁定书（不予受理）',
  ruling_withdrawal_permitted: '民事裁定书（准许撤回）',
  ruling_deemed_withdrawn: '民事裁定书（按撤回处理）',
  followup_record: '人民调解回访记录',
  service_address_confirmation: '送达地址确认书',
};

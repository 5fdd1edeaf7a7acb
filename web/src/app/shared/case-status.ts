export type CaseStatus =
  | 'registered'
  | 'delegated'
  | 'in_mediation'
  | 'agreed'
  | 'confirmation_pending'
  | 'confirmed'
  | 'confirmation_rejected'
  | 'failed'
  | 'withdrawn';

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
};

export const CASE_STATUSES = Object.keys(CASE_STATUS_LABELS) as CaseStatus[];

/** The colour family of a status chip. */
export function statusTone(status: CaseStatus): '' | 'warn' | 'done' | 'ended' {
  switch (status) {
    case 'confirmation_pending':
    case 'agreed':
      return 'warn';
    case 'confirmed':
      return 'done';
    case 'failed':
    case 'withdrawn':
    case 'confirmation_rejected':
      return 'ended';
    default:
      return '';
  }
}

export function statusLabel(status: string): string {
  return CASE_STATUS_LABELS[status as CaseStatus] ?? status;
}

export const TRACK_LABELS: Record<string, string> = {
  pre_litigation: '诉前委派调解',
  entrusted: '立案后委托调解',
};

export const PARTY_ROLE_LABELS: Record<string, string> = { applicant: '申请人', respondent: '被申请人' };
export const PARTY_KIND_LABELS: Record<string, string> = { person: '自然人', organization: '法人或其他组织' };

/** Termination reasons (人民法院在线调解规则 Art. 25); `agreement_reached` is not a termination. */
export const TERMINATION_REASONS: { code: string; label: string }[] = [
  { code: 'applicant_withdrew', label: '申请人撤回调解申请' },
  { code: 'unreachable', label: '无法联系当事人' },
  { code: 'party_refused', label: '当事人拒绝调解' },
  { code: 'irreconcilable', label: '当事人分歧较大，难以达成协议' },
  { code: 'expired', label: '调解期限届满未达成协议' },
  { code: 'refused_to_sign', label: '当事人拒绝签署调解协议' },
  { code: 'other', label: '其他情形' },
];

/** Grounds for refusing confirmation (民诉法解释 Art. 358 / 355). */
export const REJECTION_GROUNDS: { code: string; label: string }[] = [
  { code: 'violates_mandatory_law', label: '违反法律强制性规定' },
  { code: 'harms_third_party_or_public', label: '损害国家利益、社会公共利益或他人合法权益' },
  { code: 'against_public_order', label: '违背公序良俗' },
  { code: 'not_voluntary', label: '违反自愿原则' },
  { code: 'unclear_content', label: '内容不明确' },
  { code: 'excluded_matter', label: '不属于司法确认受理范围' },
  { code: 'other', label: '其他不能进行司法确认的情形' },
];

export const DOCUMENT_KIND_LABELS: Record<string, string> = {
  delegation_letter: '委派调解函',
  session_record: '调解笔录',
  agreement: '人民调解协议书',
  termination_record: '调解终结书',
  confirmation_application: '司法确认申请书',
  ruling: '民事裁定书',
};

export const SESSION_MODE_LABELS: Record<string, string> = { in_person: '现场调解', video: '视频调解', phone: '电话调解' };

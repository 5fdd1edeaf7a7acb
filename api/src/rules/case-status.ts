/**
 * The case state machine of the HTTP contract ("Cases"):
 *
 *   registered → delegated → in_mediation → agreed → confirmation_pending → confirmed
 *                    ↑   │        │  │                                    ↘ confirmation_rejected
 *                    │   └decline─┘  └─ release: in_mediation → delegated
 *   termination: registered | delegated | in_mediation → failed (调解不成) | withdrawn (撤回)
 *   entrusted track: agreed → concluded (民事调解书 or 撤诉; the confirmation path refuses it)
 *   review file: confirmation_pending → confirmation_closed (不予受理 / 准许撤回 / 按撤回处理)
 *
 * The table below is the only place that decides which action is legal in which status; services
 * ask `nextStatus`/`canAct` and answer 409 ILLEGAL_TRANSITION when it says no. Who may act is data
 * in the same rows (the contract's role column); resolving "assignee" and "named mediator" against
 * a user is the service's job.
 */

export const CASE_STATUSES = [
  'registered',
  'delegated',
  'in_mediation',
  'agreed',
  'confirmation_pending',
  'confirmed',
  'confirmation_rejected',
  'failed',
  'withdrawn',
  'concluded',
  'confirmation_closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_ACTIONS = [
  'delegate',
  'claim',
  'release',
  'decline',
  'record_session',
  'extend',
  'agree',
  'issue_agreement',
  'sign_agreement',
  'terminate',
  'apply_confirmation',
  'decide_confirmation',
  'conclude',
  'review_confirmation',
  'close_confirmation',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Who may take an action: a court role, or a mediator in a relation to the case. */
export type CaseActor = 'clerk' | 'judge' | 'mediator' | 'assignee' | 'named_mediator' | 'party' | 'admin';

export type ConfirmationResult = 'confirmed' | 'rejected';

/** Details some transitions branch on: the termination reason, the confirmation result. */
export interface TransitionDetail {
  readonly reason?: TerminationReason;
  readonly result?: ConfirmationResult;
  /** `sign_agreement`: this signature is the last one missing, so the agreement takes effect. */
  readonly completesSignatures?: boolean;
}

export interface TransitionRule {
  readonly action: CaseAction;
  readonly from: readonly CaseStatus[];
  readonly to: CaseStatus;
  /** The row applies only when the detail matches (absent = always). */
  readonly when?: (detail: TransitionDetail) => boolean;
  readonly actors: readonly CaseActor[];
  /** Why the transition exists. */
  readonly basis: string;
}

/** Statuses in which mediation has not ended, so the case can still be terminated. */
const OPEN_BEFORE_AGREEMENT = ['registered', 'delegated', 'in_mediation'] as const satisfies readonly CaseStatus[];

const withdrew = (detail: TransitionDetail): boolean => detail.reason === 'applicant_withdrew';

/**
 * Every legal transition. Rows of one action are tried in order; the first whose `from` holds the
 * status and whose `when` accepts the detail wins.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { action: 'delegate', from: ['registered'], to: 'delegated', actors: ['clerk'], basis: '委派/委托调解（特邀调解规定第十一条）' },
  {
    action: 'claim',
    from: ['delegated'],
    to: 'in_mediation',
    actors: ['mediator'],
    basis: '调解员三个工作日内确认接受（在线调解规则第十二条）',
  },
  {
    action: 'release',
    from: ['in_mediation'],
    to: 'delegated',
    actors: ['assignee', 'admin'],
    basis: '调解员退回，案件回到原队列；管理员调离、暂停或除名调解员时可一并退回其在办案件',
  },
  {
    action: 'decline',
    from: ['delegated'],
    to: 'registered',
    actors: ['named_mediator'],
    basis: '指定调解员写明理由不予接受，由法院重新指定（在线调解规则第十二条）',
  },
  {
    action: 'record_session',
    from: ['in_mediation'],
    to: 'in_mediation',
    actors: ['assignee'],
    basis: '调解笔录（在线调解规则第二十二条）',
  },
  {
    action: 'extend',
    from: ['in_mediation'],
    to: 'in_mediation',
    actors: ['assignee'],
    basis: '双方当事人同意延长调解期限（特邀调解规定第二十七条）',
  },
  {
    action: 'agree',
    from: ['in_mediation'],
    to: 'agreed',
    actors: ['assignee'],
    basis: '达成调解协议（人民调解法第二十八条、在线调解规则第二十五条第（一）项）',
  },
  {
    action: 'issue_agreement',
    from: ['in_mediation'],
    to: 'in_mediation',
    actors: ['assignee'],
    basis: '调解协议交各方当事人在线签名；修改后重新交签，已有签名作废（在线调解规则第二十三条）',
  },
  {
    action: 'sign_agreement',
    from: ['in_mediation'],
    to: 'agreed',
    when: (d) => d.completesSignatures === true,
    actors: ['party', 'assignee'],
    basis: '各方当事人签名后调解协议生效（人民调解法第二十九条、在线调解规则第二十三条）',
  },
  {
    action: 'sign_agreement',
    from: ['in_mediation'],
    to: 'in_mediation',
    actors: ['party', 'assignee'],
    basis: '当事人在线签名或拒绝签名，调解员核实纸质签名',
  },
  {
    action: 'terminate',
    from: OPEN_BEFORE_AGREEMENT,
    to: 'withdrawn',
    when: withdrew,
    actors: ['assignee', 'clerk'],
    basis: '当事人撤回调解申请（在线调解规则第二十五条第（二）项）',
  },
  {
    action: 'terminate',
    from: OPEN_BEFORE_AGREEMENT,
    to: 'failed',
    actors: ['assignee', 'clerk'],
    basis: '调解不成，终结调解（在线调解规则第二十五条）',
  },
  {
    action: 'apply_confirmation',
    from: ['agreed'],
    to: 'confirmation_pending',
    actors: ['clerk'],
    basis: '双方共同申请司法确认（民事诉讼法第二百零五条）',
  },
  {
    action: 'decide_confirmation',
    from: ['confirmation_pending'],
    to: 'confirmed',
    when: (d) => d.result === 'confirmed',
    actors: ['judge'],
    basis: '裁定调解协议有效（民事诉讼法第二百零六条）',
  },
  {
    action: 'decide_confirmation',
    from: ['confirmation_pending'],
    to: 'confirmation_rejected',
    when: (d) => d.result === 'rejected',
    actors: ['judge'],
    basis: '裁定驳回申请（民事诉讼法第二百零六条）',
  },
  {
    action: 'conclude',
    from: ['agreed'],
    to: 'concluded',
    actors: ['judge'],
    basis: '立案后委托调解达成协议：出具民事调解书（民事诉讼法第一百条、第一百零一条）或准许撤诉（2024年意见第四条）',
  },
  {
    action: 'review_confirmation',
    from: ['confirmation_pending'],
    to: 'confirmation_pending',
    actors: ['judge', 'clerk'],
    basis: '司法确认审查卷：受理、材料清单、补交材料、延长审查期限（民诉法解释第三百五十一条至第三百五十八条）',
  },
  {
    action: 'close_confirmation',
    from: ['confirmation_pending'],
    to: 'confirmation_closed',
    actors: ['judge'],
    basis: '裁定不予受理（民诉法解释第三百五十五条）、准许撤回或按撤回处理（第三百五十四条、第三百五十七条）',
  },
];

function rulesFor(status: CaseStatus, action: CaseAction): TransitionRule[] {
  return TRANSITIONS.filter((rule) => rule.action === action && rule.from.includes(status));
}

/** True when the action is legal in the status for some detail (the 409 ILLEGAL_TRANSITION test). */
export function canAct(status: CaseStatus, action: CaseAction): boolean {
  return rulesFor(status, action).length > 0;
}

/**
 * The status after the action, or null when the action is illegal in this status.
 * `terminate` ends in `withdrawn` for reason `applicant_withdrew`, otherwise in `failed`;
 * `decide_confirmation` needs `detail.result` (a missing result is a programming error: throws).
 */
export function nextStatus(status: CaseStatus, action: CaseAction, detail: TransitionDetail = {}): CaseStatus | null {
  const candidates = rulesFor(status, action);
  if (candidates.length === 0) return null;
  const rule = candidates.find((candidate) => candidate.when?.(detail) ?? true);
  if (!rule) throw new TypeError(`${action} needs more detail: ${JSON.stringify(detail)}`);
  return rule.to;
}

/** The roles/relations allowed to take an action (the contract's bracketed role). */
export function actorsFor(action: CaseAction): readonly CaseActor[] {
  return TRANSITIONS.find((rule) => rule.action === action)?.actors ?? [];
}

/** A status no action leaves (derived from the table, so the two cannot disagree). */
export function isTerminal(status: CaseStatus): boolean {
  return CASE_ACTIONS.every((action) => !canAct(status, action));
}

/** Statuses of cases whose mediation ended in an agreement (rules.md "Savings"). */
export const STATUSES_WITH_AGREEMENT = [
  'agreed',
  'confirmation_pending',
  'confirmed',
  'confirmation_rejected',
  'concluded',
  'confirmation_closed',
] as const satisfies readonly CaseStatus[];

/** Statuses in which the mediation has ended: with an agreement, or failed or withdrawn. */
export const STATUSES_MEDIATION_ENDED = [...STATUSES_WITH_AGREEMENT, 'failed', 'withdrawn'] as const satisfies readonly CaseStatus[];

export const STATUS_LABELS: Readonly<Record<CaseStatus, string>> = {
  registered: '已登记',
  delegated: '已委派',
  in_mediation: '调解中',
  agreed: '调解成功',
  confirmation_pending: '司法确认审查中',
  confirmed: '已司法确认',
  confirmation_rejected: '司法确认被驳回',
  failed: '调解不成',
  withdrawn: '已撤回',
  concluded: '已结案',
  confirmation_closed: '司法确认申请已终结',
};

export const ACTION_LABELS: Readonly<Record<CaseAction, string>> = {
  delegate: '委派调解',
  claim: '接受委派',
  release: '退回队列',
  decline: '不予接受',
  record_session: '记录调解',
  extend: '延长调解期限',
  agree: '达成调解协议',
  issue_agreement: '调解协议交当事人签名',
  sign_agreement: '当事人签署调解协议',
  terminate: '终结调解',
  apply_confirmation: '申请司法确认',
  decide_confirmation: '司法确认裁定',
  conclude: '出具调解书或准许撤诉',
  review_confirmation: '司法确认审查',
  close_confirmation: '不予受理或撤回裁定',
};

/** A coded reason or ground with its Chinese label and the provision it rests on. */
export interface LegalReason {
  readonly label: string;
  readonly basis: string;
}

const ONLINE_MEDIATION_ART_25 = '《人民法院在线调解规则》第二十五条';

/**
 * Termination reasons (人民法院在线调解规则 Art. 25). Item (一), an agreement, is not a
 * termination here: it is the `agree` action.
 */
export const TERMINATION_REASONS = {
  applicant_withdrew: { label: '当事人自行和解，撤回调解申请', basis: `${ONLINE_MEDIATION_ART_25}第（二）项` },
  unreachable: { label: '在调解期限内无法联系到当事人', basis: `${ONLINE_MEDIATION_ART_25}第（三）项` },
  party_refused: { label: '当事人一方明确表示不愿意继续调解', basis: `${ONLINE_MEDIATION_ART_25}第（四）项` },
  irreconcilable: { label: '当事人分歧较大且难以达成调解协议', basis: `${ONLINE_MEDIATION_ART_25}第（五）项` },
  expired: { label: '调解期限届满，未达成调解协议，且未达成延长调解期限的合意', basis: `${ONLINE_MEDIATION_ART_25}第（六）项` },
  refused_to_sign: { label: '当事人一方拒绝在调解协议上签章', basis: `${ONLINE_MEDIATION_ART_25}第（七）项` },
  other: { label: '其他导致调解无法进行的情形', basis: `${ONLINE_MEDIATION_ART_25}第（八）项` },
} as const satisfies Record<string, LegalReason>;
export type TerminationReason = keyof typeof TERMINATION_REASONS;

const INTERPRETATION = '《最高人民法院关于适用〈中华人民共和国民事诉讼法〉的解释》';

/**
 * Grounds for rejecting a confirmation application: Interpretation Art. 358, plus the Art. 355
 * exclusions (status relations, real-rights/IP ownership, other special procedures) when they are
 * found after acceptance, which Art. 355 ¶2 also answers with 驳回申请.
 */
export const REJECTION_GROUNDS = {
  violates_mandatory_law: { label: '违反法律强制性规定', basis: `${INTERPRETATION}第三百五十八条第（一）项` },
  harms_third_party_or_public: { label: '损害国家利益、社会公共利益、他人合法权益', basis: `${INTERPRETATION}第三百五十八条第（二）项` },
  against_public_order: { label: '违背公序良俗', basis: `${INTERPRETATION}第三百五十八条第（三）项` },
  not_voluntary: { label: '违反自愿原则', basis: `${INTERPRETATION}第三百五十八条第（四）项` },
  unclear_content: { label: '内容不明确', basis: `${INTERPRETATION}第三百五十八条第（五）项` },
  excluded_matter: {
    label: '属于不予受理的情形（身份关系、物权或知识产权确权、其他特别程序等）',
    basis: `${INTERPRETATION}第三百五十五条第二款`,
  },
  other: { label: '其他不能进行司法确认的情形', basis: `${INTERPRETATION}第三百五十八条第（六）项` },
} as const satisfies Record<string, LegalReason>;
export type RejectionGround = keyof typeof REJECTION_GROUNDS;

export function isTerminationReason(value: unknown): value is TerminationReason {
  return typeof value === 'string' && Object.hasOwn(TERMINATION_REASONS, value);
}

export function isRejectionGround(value: unknown): value is RejectionGround {
  return typeof value === 'string' && Object.hasOwn(REJECTION_GROUNDS, value);
}

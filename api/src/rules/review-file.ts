/**
 * The judge's review file of a judicial-confirmation application (民诉解释 第三百五十一条至第三百五十八条).
 *
 * - Art. 354: materials — 调解协议, 身份证明, 授权委托书 (only when an agent applies), 送达地址确认书,
 *   与请求有关的证据材料. Missing materials → 补交材料 with a time limit (the decision clock pauses,
 *   decision-clock.ts); not supplied in time → 按撤回处理.
 * - Art. 355: matters the court does not accept (不予受理).
 * - Art. 357: the applicants may withdraw (准许撤回); refusing to supplement or to attend without
 *   good cause → 按撤回处理.
 */

export const MATERIAL_CODES = ['agreement', 'identity', 'authorization', 'service_address', 'evidence'] as const;
export type MaterialCode = (typeof MATERIAL_CODES)[number];
export type MaterialState = 'provided' | 'missing' | 'not_applicable';

export const MATERIAL_LABELS: Readonly<Record<MaterialCode, string>> = {
  agreement: '调解协议',
  identity: '当事人身份证明',
  authorization: '授权委托书（委托代理人申请时）',
  service_address: '送达地址确认书',
  evidence: '与调解协议相关的财产权利证明等证据材料',
};

export function isMaterialCode(v: unknown): v is MaterialCode {
  return typeof v === 'string' && (MATERIAL_CODES as readonly string[]).includes(v);
}

/** The checklist as first opened: the agreement is on file (the system issued it); the rest to check. */
export function initialChecklist(agentApplies: boolean): Record<MaterialCode, MaterialState> {
  return {
    agreement: 'provided',
    identity: 'missing',
    authorization: agentApplies ? 'missing' : 'not_applicable',
    service_address: 'missing',
    evidence: 'missing',
  };
}

export function missingMaterials(list: Readonly<Record<MaterialCode, MaterialState>>): MaterialCode[] {
  return MATERIAL_CODES.filter((c) => list[c] === 'missing');
}

/** 补交材料 time limit: a court-set period; 1–30 days accepted, 7 days when none is given. */
export const SUPPLEMENT_DEFAULT_DAYS = 7;
export const SUPPLEMENT_MAX_DAYS = 30;

/** Art. 355 ¶1 excluded matters (不予受理). */
export const EXCLUDED_MATTERS = {
  not_court_jurisdiction: { label: '不属于人民法院受理范围', basis: '第三百五十五条第一款第（一）项' },
  not_this_court: { label: '不属于收到申请的人民法院管辖', basis: '第三百五十五条第一款第（二）项' },
  status_relations: { label: '申请确认婚姻关系、亲子关系、收养关系等身份关系无效、有效或者解除', basis: '第三百五十五条第一款第（三）项' },
  other_special_procedure: { label: '涉及适用其他特别程序、公示催告程序、破产程序审理', basis: '第三百五十五条第一款第（四）项' },
  property_or_ip_ownership: { label: '调解协议内容涉及物权、知识产权确权', basis: '第三百五十五条第一款第（五）项' },
} as const;
export type ExcludedMatter = keyof typeof EXCLUDED_MATTERS;

export function isExcludedMatter(v: unknown): v is ExcludedMatter {
  return typeof v === 'string' && Object.hasOwn(EXCLUDED_MATTERS, v);
}

/** How a confirmation application ends without a decision on the merits; each has its own ruling template. */
export const CLOSURE_KINDS = ['not_accepted', 'withdrawal_permitted', 'deemed_withdrawn'] as const;
export type ClosureKind = (typeof CLOSURE_KINDS)[number];

export const CLOSURE_LABELS: Readonly<Record<ClosureKind, string>> = {
  not_accepted: '裁定不予受理（民诉法解释第三百五十五条）',
  withdrawal_permitted: '裁定准许撤回申请（民诉法解释第三百五十七条第一款）',
  deemed_withdrawn: '裁定按撤回申请处理（民诉法解释第三百五十四条第二款、第三百五十七条第二款）',
};

export const DEEMED_WITHDRAWN_REASONS = {
  materials_not_supplied: { label: '未在人民法院指定期限内补充陈述或者补充证明材料', basis: '第三百五十四条第二款' },
  refused_to_attend: { label: '无正当理由拒不接受询问', basis: '第三百五十七条第二款' },
} as const;
export type DeemedWithdrawnReason = keyof typeof DEEMED_WITHDRAWN_REASONS;

export function isDeemedWithdrawnReason(v: unknown): v is DeemedWithdrawnReason {
  return typeof v === 'string' && Object.hasOwn(DEEMED_WITHDRAWN_REASONS, v);
}

import { CaseRecord } from '../cases/case-models';

/** A case as the API represents it, with overrides for the test at hand. */
export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'c1',
    caseNumber: '（2026）黔0381民诉前调1号',
    track: 'pre_litigation',
    status: 'delegated',
    disputeType: 'sale_contract',
    claimAmount: '120000.00',
    summary: '买卖合同纠纷',
    claims: ['请求被申请人支付货款120000元'],
    receivedOn: '2026-11-20',
    parties: [
      { id: 'p1', role: 'applicant', kind: 'person', name: '刘小富', idNumberMasked: '520381********1234' },
      { id: 'p2', role: 'respondent', kind: 'organization', name: '赤水市某超市有限公司', creditCode: '91350100M000100Y43' },
    ],
    delegation: { organizationId: 'o1', mediatorId: null, delegatedAt: '2026-11-20T09:00:00+08:00' },
    assignee: null,
    deadlines: { acceptBy: '2026-11-25', mediationEndsOn: null, confirmationApplyBy: null, decisionDueOn: null },
    overdue: false,
    sessions: [],
    agreement: null,
    confirmation: null,
    documents: [],
    version: 3,
    ...overrides,
  };
}

export function page<T>(items: T[]) {
  return { items, total: items.length, page: 1, pageSize: 20 };
}

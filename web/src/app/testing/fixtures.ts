import { CaseRecord } from '../cases/case-models';

const noParticulars = { idNumberMasked: null, creditCode: null, representative: null, phone: null, address: null };

/** A case as the API represents it, with overrides for the test at hand. */
export function aCase(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    id: 'c1',
    caseNumber: '（2026）黔0381民诉前调1号',
    track: 'pre_litigation',
    regimeWarning: null,
    procedure: 'ordinary',
    status: 'delegated',
    disputeType: 'sale_contract',
    claimAmount: '120000.00',
    summary: '买卖合同纠纷',
    claims: ['请求被申请人支付货款120000元'],
    receivedOn: '2026-11-20',
    parties: [
      { ...noParticulars, id: 'p1', role: 'applicant', kind: 'person', name: '刘小富', idNumberMasked: '520381********1234' },
      {
        ...noParticulars,
        id: 'p2',
        role: 'respondent',
        kind: 'organization',
        name: '赤水市某超市有限公司',
        creditCode: '91350100M000100Y43',
      },
    ],
    delegation: { organizationId: 'o1', mediatorId: null, scope: 'organization', delegatedAt: '2026-11-20T09:00:00+08:00', note: null },
    assignee: null,
    deadlines: { acceptBy: '2026-11-25', mediationEndsOn: null, confirmationApplyBy: null, decisionDueOn: null },
    deadlinesProvisional: false,
    overdue: false,
    acceptedAt: null,
    extensions: [],
    sessions: [],
    agreement: null,
    obligations: [],
    termination: null,
    confirmation: null,
    documents: [],
    partyConsents: [],
    confirmationJoins: [],
    version: 3,
    ...overrides,
  };
}

export function page<T>(items: T[]) {
  return { items, total: items.length, page: 1, pageSize: 20 };
}

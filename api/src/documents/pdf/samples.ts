import type {
  AgreementView,
  CaseBasics,
  ConfirmationApplicationView,
  DelegationLetterView,
  DossierView,
  MediationOrganization,
  RenderMeta,
  RulingView,
  SessionRecordView,
  TerminationRecordView,
  ViewModels,
} from './view-models.js';

/**
 * Fixed, fictitious view models of one case through every step: used by the renderer tests,
 * `scripts/render-samples.mjs` (docs/documents/*.png) and `npm run bench:pdf`.
 */

const basics: CaseBasics = {
  courtName: '赤水市人民法院',
  caseNumber: '（2026）黔0381民诉前调1号',
  disputeTypeName: '买卖合同纠纷',
  parties: [
    {
      kind: 'person',
      role: 'applicant',
      name: '刘小富',
      gender: '男',
      birthDate: '1990-01-01',
      ethnicity: '汉族',
      idNumber: '52038119900101123X',
      address: '贵州省赤水市市中街道人民北路12号',
      phone: '13800000000',
    },
    {
      kind: 'organization',
      role: 'respondent',
      name: '赤水市某超市有限公司',
      creditCode: '91520381MA6DKQ4X1B',
      address: '贵州省赤水市文华街道红军大道88号',
      representativeTitle: '法定代表人',
      representative: '张某',
      representativePosition: '总经理',
      phone: '0851-22800000',
    },
  ],
};

const organization: MediationOrganization = {
  name: '赤水市市中街道人民调解委员会',
  address: '贵州省赤水市市中街道办事处',
  phone: '0851-22811111',
};

const terms = [
  { obligor: '赤水市某超市有限公司', obligee: '刘小富', amount: '2500000', dueOn: '2026-12-31', method: '银行转账' },
  { obligor: '赤水市某超市有限公司', obligee: '刘小富', amount: '1200050', dueOn: '2027-01-31', method: '银行转账' },
];
const otherTerms = ['刘小富放弃其余请求。', '双方就本案纠纷再无其他争议。'];

export const SAMPLE_VIEWS: ViewModels = {
  delegation_letter: {
    ...basics,
    organization,
    mediatorName: '王调解',
    track: 'pre_litigation',
    claimAmount: '12000000',
    claims: ['请求判令被申请人支付货款人民币120,000.00元。', '请求判令被申请人承担本案诉讼费用。'],
    summary:
      '申请人刘小富自2025年3月起向被申请人赤水市某超市有限公司供应竹制品，双方约定货到三十日内付款。截至2026年10月，被申请人尚欠货款120,000.00元未付，经申请人多次催要未果，遂诉至本院。',
    receivedOn: '2026-11-02',
    delegatedOn: '2026-11-03',
    acceptBy: '2026-11-06',
    mediationDays: 30,
    note: null,
    attachments: ['起诉状副本一份', '证据材料复印件十二页', '当事人送达地址确认书'],
    contactName: '李书记员',
    contactPhone: '0851-22822222',
  } satisfies DelegationLetterView,
  session_record: {
    ...basics,
    organization,
    sessionNo: 1,
    heldAt: '2026-11-10T09:30:00+08:00',
    endedAt: '2026-11-10T11:10:00+08:00',
    mode: 'in_person',
    location: '赤水市市中街道人民调解委员会调解室',
    mediatorName: '王调解',
    recorderName: '陈记录',
    attendees: ['赵某（被申请人委托代理人）'],
    minutes:
      '调解员：请申请人陈述请求和理由。\n申请人刘小富：我自2025年3月起给超市供应竹制品，约定货到三十日内付款，现在还欠我120,000.00元，请求对方尽快支付。\n调解员：请被申请人发表意见。\n被申请人委托代理人赵某：对欠款金额无异议，但因经营困难，希望分期支付，并请求减免部分货款。\n调解员：经双方协商，被申请人同意于2026年12月31日前支付25,000.00元，于2027年1月31日前支付12,000.50元，申请人同意放弃其余请求。双方均表示同意。',
    undisputedFacts: ['申请人自2025年3月起向被申请人供应竹制品。', '截至2026年10月，被申请人尚欠货款120,000.00元。'],
    disclosure: null,
    recusalRequested: false,
    result: 'agreed',
    agents: [{ principal: '被申请人赤水市某超市有限公司', name: '赵某', authority: 'special' }],
  } satisfies SessionRecordView,
  agreement: {
    ...basics,
    agreementNumber: '赤市调字〔2026〕第12号',
    organization,
    facts:
      '申请人刘小富自2025年3月起向被申请人赤水市某超市有限公司供应竹制品，双方约定货到三十日内付款。截至2026年10月，被申请人尚欠货款120,000.00元未付。申请人诉至赤水市人民法院，法院于2026年11月3日委派本委员会进行诉前调解。',
    disputedMatters: '被申请人应否一次性支付全部欠款及逾期付款利息。',
    responsibilities: null,
    terms,
    otherTerms,
    performancePlace: '贵州省赤水市（以银行转账方式支付至申请人指定账户）',
    mediatorName: '王调解',
    recorderName: '陈记录',
    signedOn: '2026-11-10',
  } satisfies AgreementView,
  termination_record: {
    ...basics,
    organization,
    mediatorName: '王调解',
    track: 'pre_litigation',
    delegatedOn: '2026-11-20',
    terminatedOn: '2026-12-18',
    reason: 'irreconcilable',
    details: '申请人坚持要求一次性支付全部货款及利息，被申请人仅同意分二十四期支付，双方分歧较大。',
    sessions: [
      { heldAt: '2026-11-25T09:30:00+08:00', mode: 'in_person', summary: '双方陈述意见，被申请人提出分期付款方案，申请人未同意。' },
      { heldAt: '2026-12-10T15:00:00+08:00', mode: 'video', summary: '调解员释明诉讼风险，双方仍未能就付款期限达成一致。' },
    ],
    costIncreasingConduct: null,
    undisputedFacts: ['截至2026年10月，被申请人尚欠货款120,000.00元。'],
    otherNotes: null,
  } satisfies TerminationRecordView,
  confirmation_application: {
    ...basics,
    organization,
    agreementNumber: '赤市调字〔2026〕第12号',
    agreementSignedOn: '2026-11-10',
    agreementEffectiveOn: '2026-11-10',
    terms,
    otherTerms,
    appliedOn: '2026-11-12',
    materials: [],
    agentApplies: false,
  } satisfies ConfirmationApplicationView,
  ruling: {
    ...basics,
    caseNumber: '（2026）黔0381诉前调确3号',
    organization,
    agreementSignedOn: '2026-11-10',
    appliedOn: '2026-11-12',
    acceptedOn: '2026-11-13',
    relatedCaseNumber: basics.caseNumber,
    track: 'pre_litigation',
    bench: { kind: 'single' },
    terms,
    otherTerms,
    result: 'confirmed',
    grounds: [],
    reasoning: '',
    judgeName: '周明',
    clerkName: '吴晓',
    decidedOn: '2026-11-20',
  } satisfies RulingView,
  mediation_decree: {
    ...basics,
    caseNumber: '（2026）黔0381民初215号',
    plaintiffs: basics.parties.filter((p) => p.role === 'applicant'),
    defendants: basics.parties.filter((p) => p.role === 'respondent'),
    organization,
    receivedOn: '2026-11-02',
    claims: ['请求判令被告支付货款37000.50元'],
    facts: '原告向被告供应白酒，被告尚欠货款37000.50元未付。',
    terms,
    otherTerms,
    judgeName: '周明',
    clerkName: '吴晓',
    decreeOn: '2026-11-20',
  },
  ruling_not_accepted: {
    ...basics,
    caseNumber: '（2026）黔0381诉前调确4号',
    relatedCaseNumber: basics.caseNumber,
    organization,
    appliedOn: '2026-11-12',
    acceptedOn: '2026-11-12',
    reasonText: '属于“调解协议内容涉及物权、知识产权确权”的情形',
    reasonBasis: '第三百五十五条第一款第（五）项',
    reasoning: '',
    judgeName: '周明',
    clerkName: '吴晓',
    decidedOn: '2026-11-16',
    regimeWarning: null,
  },
  ruling_withdrawal_permitted: {
    ...basics,
    caseNumber: '（2026）黔0381诉前调确5号',
    relatedCaseNumber: basics.caseNumber,
    organization,
    appliedOn: '2026-11-12',
    acceptedOn: '2026-11-13',
    reasonText: '',
    reasonBasis: '第三百五十七条第一款',
    reasoning: '双方已自行履行完毕',
    judgeName: '周明',
    clerkName: '吴晓',
    decidedOn: '2026-11-18',
    regimeWarning: null,
  },
  ruling_deemed_withdrawn: {
    ...basics,
    caseNumber: '（2026）黔0381诉前调确6号',
    relatedCaseNumber: basics.caseNumber,
    organization,
    appliedOn: '2026-11-12',
    acceptedOn: '2026-11-13',
    reasonText: '未在人民法院指定期限内补充陈述或者补充证明材料',
    reasonBasis: '第三百五十四条第二款',
    reasoning: '本院于2026年11月16日通知申请人于2026年11月23日前补交送达地址确认书，申请人逾期未补交。',
    judgeName: '周明',
    clerkName: '吴晓',
    decidedOn: '2026-11-24',
    regimeWarning: null,
  },
  followup_record: {
    ...basics,
    organization,
    agreementNumber: '赤市调字〔2026〕第1号',
    agreementEffectiveOn: '2026-11-10',
    recordNo: 1,
    contactedOn: '2026-12-21',
    contactMethod: 'phone',
    contactedPerson: '申请人刘小富',
    outcome: 'partially_performed',
    notes: '电话回访申请人刘小富，其表示已收到第一期货款20000元，第二期尚未到期，双方关系缓和。',
    followedUpBy: '王调解',
    obligations: [
      {
        no: 1,
        obligor: '赤水市某超市有限公司',
        obligee: '刘小富',
        amount: '2000000',
        dueOn: '2026-12-10',
        status: 'performed',
        paid: '2000000',
        outstanding: '0',
      },
      {
        no: 2,
        obligor: '赤水市某超市有限公司',
        obligee: '刘小富',
        amount: '1700050',
        dueOn: '2027-01-31',
        status: 'due',
        paid: '0',
        outstanding: '1700050',
      },
    ],
    payments: [
      { obligationNo: 1, on: '2026-12-08', status: 'performed', amount: '2000000', evidenceNote: '农业银行转账凭证，流水号 0001' },
    ],
    totalAmount: '3700050',
    totalPaid: '2000000',
    totalOutstanding: '1700050',
  },
  service_address_confirmation: {
    ...basics,
    recipient: basics.parties[0]!,
    mediation: true,
    electronicService: true,
    phone: '13800000000',
    serviceAddress: '贵州省赤水市市中街道人民北路12号',
    serviceUrl: 'http://localhost:3000/party',
    confirmedAt: '2026-11-21T09:30:00+08:00',
    confirmedOn: '2026-11-21',
  },
};

export const SAMPLE_REJECTION: RulingView = {
  ...SAMPLE_VIEWS.ruling,
  result: 'rejected',
  grounds: ['not_voluntary', 'unclear_content'],
  // A confirmation is a joint application: both sides are 申请人, so only 申请人 speak.
  reasoning: '经询问，申请人赤水市某超市有限公司表示其在调解时并非出于真实意愿，且协议未明确逾期付款的责任。',
};

/** The 合议庭 variant of the ruling: 依法组成合议庭进行了审查, signed by 审判长 and 审判员. */
export const SAMPLE_PANEL_RULING: RulingView = {
  ...SAMPLE_VIEWS.ruling,
  bench: { kind: 'panel', presiding: '周明', members: ['郑华', '孙丽'] },
};

/** The registered (entrusted, 民初) case of the same dispute: the 委托调解函. */
export const SAMPLE_ENTRUSTED_LETTER: DelegationLetterView = {
  ...SAMPLE_VIEWS.delegation_letter,
  caseNumber: '（2026）黔0381民初215号',
  track: 'entrusted',
  mediationDays: 15,
};

/**
 * The 调解终结记录 of the registered case: 转入审理 with the 案件受理费 notice. 交纳办法 Art. 13(1) on
 * ¥120,000: 50 + 2.5% × 90,000 + 2% × 20,000 = ¥2,700 (checked against litigationFee in the tests).
 */
export const SAMPLE_ENTRUSTED_TERMINATION: TerminationRecordView = {
  ...SAMPLE_VIEWS.termination_record,
  caseNumber: '（2026）黔0381民初215号',
  track: 'entrusted',
  acceptanceFee: '270000',
  // A filed case: the mediator's own words, too, speak of 原告 and 被告.
  details: '原告坚持要求一次性支付全部货款及利息，被告仅同意分二十四期支付，双方分歧较大。',
  sessions: [
    { heldAt: '2026-11-25T09:30:00+08:00', mode: 'in_person', summary: '双方陈述意见，被告提出分期付款方案，原告未同意。' },
    { heldAt: '2026-12-10T15:00:00+08:00', mode: 'video', summary: '调解员释明诉讼风险，双方仍未能就付款期限达成一致。' },
  ],
  undisputedFacts: ['截至2026年10月，被告尚欠货款120,000.00元。'],
};

/** The application when an agent applies for a party: the list ends with the 授权委托书. */
export const SAMPLE_AGENT_APPLICATION: ConfirmationApplicationView = { ...SAMPLE_VIEWS.confirmation_application, agentApplies: true };

/**
 * Other variants of a kind, rendered beside the kinds' samples (scripts/render-samples.mjs, renderer.spec.ts);
 * `pages`: the pages to picture when more than the first.
 */
export const SAMPLE_VARIANTS: { name: string; kind: keyof ViewModels; view: ViewModels[keyof ViewModels]; pages?: number[] }[] = [
  // Pages 2–3: the materials list ending with the 授权委托书, and the court's 收件登记 box.
  { name: 'confirmation_application_agent', kind: 'confirmation_application', view: SAMPLE_AGENT_APPLICATION, pages: [2, 3] },
  { name: 'ruling_rejected', kind: 'ruling', view: SAMPLE_REJECTION },
  { name: 'ruling_panel', kind: 'ruling', view: SAMPLE_PANEL_RULING },
  { name: 'delegation_letter_entrusted', kind: 'delegation_letter', view: SAMPLE_ENTRUSTED_LETTER },
  { name: 'termination_record_entrusted', kind: 'termination_record', view: SAMPLE_ENTRUSTED_TERMINATION, pages: [1, 2] },
];

export const SAMPLE_DOSSIER: DossierView = {
  volumeName: '刘小富与赤水市某超市有限公司买卖合同纠纷',
  volumeNumber: '赤市调字〔2026〕第12号',
  caseNumber: basics.caseNumber,
  organizationName: organization.name,
  mediatorNames: ['王调解'],
  mediationFrom: '2026-11-03',
  mediationTo: '2026-11-10',
  filedBy: '陈记录',
  filedOn: '2026-12-01',
  retentionPeriod: '长期',
  remarks: null,
  documents: [
    { kind: 'ruling', view: SAMPLE_VIEWS.ruling },
    { kind: 'agreement', view: SAMPLE_VIEWS.agreement },
    { kind: 'session_record', view: SAMPLE_VIEWS.session_record },
    { kind: 'delegation_letter', view: SAMPLE_VIEWS.delegation_letter },
    { kind: 'followup_record', view: SAMPLE_VIEWS.followup_record },
    { kind: 'confirmation_application', view: SAMPLE_VIEWS.confirmation_application },
  ],
};

export function sampleMeta(title: string, seed = 'a3f9c2d18b7e4f60'): RenderMeta {
  return {
    title,
    verifyUrl: `https://sutiao.example.cn/api/verify/${seed}${'0'.repeat(64 - seed.length)}`,
    shortHash: seed.slice(0, 12),
    issuedAt: new Date('2026-11-22T10:00:00+08:00'),
    documentId: '0b9f6a52-3c1e-4d7a-9e2b-5f8c1d2e3a4b',
  };
}

/**
 * 案由 offered at intake, with the fee category the litigation-fee engine uses and whether a
 * mediated agreement on it can go to judicial confirmation. Status relations (marriage, adoption,
 * parentage) and confirmation of real rights / IP ownership are refused at confirmation intake
 * (民诉法解释 Art. 355); they may still be mediated where the law allows.
 */
import type { FeeCategory } from './fees.js';

export interface DisputeType {
  readonly code: string;
  readonly name: string;
  readonly feeCategory: FeeCategory;
  /** 民诉法解释 Art. 355: judicial confirmation not available for this kind of agreement. */
  readonly confirmationExcluded: boolean;
}

export const DISPUTE_TYPES: readonly DisputeType[] = [
  { code: 'sale_contract', name: '买卖合同纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'loan_private', name: '民间借贷纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'financial_loan', name: '金融借款合同纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'labor_remuneration', name: '追索劳动报酬纠纷', feeCategory: 'labor', confirmationExcluded: false },
  { code: 'labor_contract', name: '劳动合同纠纷', feeCategory: 'labor', confirmationExcluded: false },
  { code: 'service_contract', name: '服务合同纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'construction_contract', name: '建设工程施工合同纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'lease_contract', name: '房屋租赁合同纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'property_service', name: '物业服务合同纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'traffic_accident', name: '机动车交通事故责任纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'medical_damage', name: '医疗损害责任纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'consumer_rights', name: '消费者权益保护纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'neighbor_relations', name: '相邻关系纠纷', feeCategory: 'other_nonproperty', confirmationExcluded: false },
  { code: 'land_contract', name: '土地承包经营权纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'homestead', name: '宅基地使用权纠纷', feeCategory: 'property', confirmationExcluded: true },
  { code: 'personal_injury', name: '生命权、身体权、健康权纠纷', feeCategory: 'personality', confirmationExcluded: false },
  { code: 'reputation', name: '名誉权纠纷', feeCategory: 'personality', confirmationExcluded: false },
  { code: 'divorce', name: '离婚纠纷', feeCategory: 'divorce', confirmationExcluded: true },
  { code: 'divorce_property', name: '离婚后财产纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'support', name: '赡养纠纷', feeCategory: 'other_nonproperty', confirmationExcluded: false },
  { code: 'maintenance', name: '抚养纠纷', feeCategory: 'other_nonproperty', confirmationExcluded: false },
  { code: 'inheritance', name: '法定继承纠纷', feeCategory: 'property', confirmationExcluded: false },
  { code: 'ownership_confirmation', name: '所有权确认纠纷', feeCategory: 'property', confirmationExcluded: true },
];

const BY_CODE = new Map(DISPUTE_TYPES.map((d) => [d.code, d]));

export function disputeTypeOf(code: string): DisputeType | undefined {
  return BY_CODE.get(code);
}

/**
 * Response shapes of /api/stats (OpenAPI). The descriptions are the definitions: each figure has
 * exactly one, computed in stats/facts.ts and rules/kpi.ts and used by every report.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { MONEY_PATTERN } from '../../common/api-docs.js';
import { BASES, BREAKDOWNS, type BreakdownBy, type SavingsBasis } from './stats.dto.js';

export const DEFINITIONS = {
  received: '收案：收案日期（receivedOn）在期间内的案件数。',
  delegated: '委派待接收：期间内收案、目前在队列中等待调解员接收（状态 delegated）的案件数（当前状态）。',
  inMediation: '调解中：期间内收案、目前正在调解（状态 in_mediation）的案件数（当前状态）。',
  agreed: '调解成功：调解结束日期在期间内、以达成调解协议结束的案件数（含其后申请或完成司法确认的案件）。',
  confirmed: '司法确认：确认裁定日期在期间内、裁定确认调解协议有效的案件数。',
  confirmationRejected: '驳回确认申请：裁定日期在期间内、裁定驳回司法确认申请的案件数。',
  failed: '调解不成：调解结束日期在期间内、调解员接收后调解不成终结的案件数（接收前即终结的不是调解结束，只计入收案）。',
  withdrawn: '撤回：调解结束日期在期间内、调解员接收后申请人撤回的案件数。',
  successRate: '调解成功率 = 调解成功 ÷ 调解结束（成功 + 不成 + 撤回），均按调解结束日期计入期间；四位小数，无结束案件时为 null。',
  averageMediationDays:
    '平均调解天数 = 期间内结束调解的案件，自调解员接收之日至调解结束之日的自然日数的平均值；两位小数，无结束案件时为 null。',
  onTimeRate:
    '按期办结率 = 在调解期限届满日（mediationEndsOn，含延长）当日或之前结束的案件 ÷ 调解结束案件；四位小数，无结束案件时为 null。',
  savings:
    '节约诉讼费（估算）：期间内以调解协议结束的每一案件，按其案由的收费类别和请求金额、依收案之日有效的《诉讼费用交纳办法》第十三条计算的案件受理费（basis=half：以调解方式结案减半交纳，第十五条，为法院默认口径；basis=full：全额），每件按法院设置的收费取整方式（到分，或四舍五入到元）单独取整后相加；响应同时给出两种口径的合计。当事人实际交纳为 0（人民调解不收费，司法确认不收费）。这是估算，不是法院收取或退还的金额。',
  litigationRate:
    '万人起诉率 = 年度一审民事、行政案件数 ÷（户籍人口 + 登记流动人口）× 10,000。本系统只登记本院立案后委托调解的民初案件（track = entrusted，按收案年度计），不含未经本系统的一审民事、行政案件，因此是该指标的下限；人口按法院、年度配置。',
  obligationsDue: '到期履行义务：调解协议约定的履行期限（dueOn）在期间内的履行义务数（每一给付条款为一项；权利人放弃的不计）。',
  performanceRate:
    '按期履行率 = 在最后履行日（履行期限，遇节假日顺延至其后第一个工作日）当日或之前全部履行的义务 ÷ 到期履行义务；四位小数，无到期义务时为 null。',
  defaultRate:
    '违约率 = 最后履行日已过而未按期全部履行的义务（含逾期未履行、部分履行和逾期后补履行）÷ 到期履行义务；四位小数，无到期义务时为 null。其余为尚在履行期内的义务。',
  amountDue: '应履行金额：到期履行义务约定金额之和（元，两位小数）。',
  amountPaid: '已履行金额：到期履行义务迄今已登记履行的金额之和（元，两位小数）。',
  ratingsCount:
    '当事人评价：评价日期在期间内的当事人评价数（调解结束后每名当事人评价一次，1–5分），归属评价时办理该案的调解员及其调解组织。',
  satisfactionRate:
    '满意率 = 评为4分（满意）或5分（非常满意）的评价 ÷ 当事人评价数；四位小数，无评价时为 null。评价意见不与当事人姓名一并提供给统计人员。',
  groups:
    '分组：案件归属正在办理（或已办结）该案的调解员及其所属调解组织；尚未被接收的案件归属委派时指定的调解员、调解组织；无指定的（法院共享队列、尚未委派）归入“未指定”（key 为 null）。',
} as const;

export class FeeRuleInfo {
  @ApiProperty({
    type: 'string',
    format: 'date',
    example: '2007-04-01',
    nullable: true,
    description:
      'Fee-rule version in force at the end of the period (its effective date); each case uses the version in force on its received date.',
  })
  version: string | null;

  @ApiProperty({ example: '诉讼费用交纳办法 第十三条' })
  basis: string;

  @ApiProperty({ example: '贵州', description: 'Province whose bases apply to divorce, personality-rights and other non-property cases.' })
  province: string;
}

export class SavingsFigures {
  @ApiProperty({
    type: 'string',
    pattern: MONEY_PATTERN,
    example: '104250.00',
    description: `Decimal string in yuan. ${DEFINITIONS.savings}`,
  })
  litigationFeesAvoided: string;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    example: 52,
    description: 'Cases behind the figure: those whose mediation ended with an agreement in the period (= agreed).',
  })
  casesCounted: number;

  @ApiProperty({
    enum: BASES,
    example: 'half',
    description: "The basis of `litigationFeesAvoided`: the request's, else the court's setting.",
  })
  basis: SavingsBasis;

  @ApiProperty({
    type: 'string',
    pattern: MONEY_PATTERN,
    example: '208500.00',
    description: 'The same cases on the full basis (第十三条 acceptance fee), whatever `basis` is.',
  })
  litigationFeesAvoidedFull: string;

  @ApiProperty({
    type: 'string',
    pattern: MONEY_PATTERN,
    example: '104250.00',
    description: 'The same cases on the half basis (第十五条: a suit ended by mediation pays half), whatever `basis` is.',
  })
  litigationFeesAvoidedHalf: string;
}

export class SummarySavings extends SavingsFigures {
  @ApiProperty({ type: 'boolean', enum: [true], example: true, description: 'Always true: the saving is an estimate (估算).' })
  estimate: true;

  @ApiProperty({ example: '估算' })
  label: string;

  @ApiProperty({ type: FeeRuleInfo })
  feeRule: FeeRuleInfo;

  @ApiProperty({ description: 'How the estimate is made.' })
  method: string;

  @ApiProperty({
    example: '以调解方式结案减半交纳（《诉讼费用交纳办法》第十五条）',
    description: 'The basis in words, as reports print it.',
  })
  basisLabel: string;

  @ApiProperty({
    enum: ['fen', 'yuan'],
    example: 'fen',
    description:
      "The court's fee rounding (settings `feeRounding`): each case's fee to the fen, or half up to the whole yuan, before summing.",
  })
  rounding: 'fen' | 'yuan';
}

export class CountsAndRates {
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.received }) received: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.delegated }) delegated: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.inMediation }) inMediation: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.agreed }) agreed: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.confirmed }) confirmed: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.confirmationRejected }) confirmationRejected: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.failed }) failed: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.withdrawn }) withdrawn: number;
  @ApiProperty({ type: 'number', nullable: true, minimum: 0, maximum: 1, example: 0.6872, description: DEFINITIONS.successRate })
  successRate: number | null;
  @ApiProperty({ type: 'number', nullable: true, minimum: 0, example: 12.5, description: DEFINITIONS.averageMediationDays })
  averageMediationDays: number | null;
  @ApiProperty({ type: 'number', nullable: true, minimum: 0, maximum: 1, example: 0.9512, description: DEFINITIONS.onTimeRate })
  onTimeRate: number | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.obligationsDue }) obligationsDue: number;
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    description: 'Obligations due in the period performed on time (numerator of performanceRate).',
  })
  obligationsPerformedOnTime: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Obligations due in the period in default (numerator of defaultRate).' })
  obligationsDefaulted: number;
  @ApiProperty({ type: 'number', nullable: true, minimum: 0, maximum: 1, example: 0.8125, description: DEFINITIONS.performanceRate })
  performanceRate: number | null;
  @ApiProperty({ type: 'number', nullable: true, minimum: 0, maximum: 1, example: 0.125, description: DEFINITIONS.defaultRate })
  defaultRate: number | null;
  @ApiProperty({ type: 'string', pattern: MONEY_PATTERN, example: '250000.00', description: DEFINITIONS.amountDue }) amountDue: string;
  @ApiProperty({ type: 'string', pattern: MONEY_PATTERN, example: '180000.00', description: DEFINITIONS.amountPaid }) amountPaid: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.ratingsCount }) ratingsCount: number;
  @ApiProperty({ type: 'number', nullable: true, minimum: 0, maximum: 1, example: 0.9848, description: DEFINITIONS.satisfactionRate })
  satisfactionRate: number | null;
}

export class StatsFigures extends CountsAndRates {
  @ApiProperty({ type: SavingsFigures }) savings: SavingsFigures;
}

export class StatsSummary extends CountsAndRates {
  @ApiProperty({ type: SummarySavings }) savings: SummarySavings;

  @ApiProperty({
    type: 'integer',
    description: 'Entrusted (民初) cases concluded by 民事调解书 in the period (issue 14); also counted in `agreed` (a success).',
  })
  concludedByDecree: number;

  @ApiProperty({ type: 'integer', description: 'Entrusted cases whose agreement ended by 撤诉 in the period; also counted in `agreed`.' })
  withdrawnAfterAgreement: number;
}

export class BreakdownRow extends StatsFigures {
  @ApiProperty({
    type: 'string',
    nullable: true,
    description: 'Group key: organization / mediator id, YYYY-MM, or dispute-type code; null = 未指定.',
  })
  key: string | null;

  @ApiProperty({ example: '天台镇人民调解委员会', description: 'Chinese label of the group.' })
  label: string;

  @ApiPropertyOptional({ type: 'string', nullable: true, description: 'Mediator rows: the organization of the mediator.' })
  organizationName?: string | null;
}

export class BreakdownResponse {
  @ApiProperty({ enum: BREAKDOWNS }) by: BreakdownBy;
  @ApiProperty({ type: 'string', format: 'date', example: '2026-01-01' }) from: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2026-11-23' }) to: string;
  @ApiProperty({ enum: BASES }) basis: SavingsBasis;
  @ApiProperty({
    type: [BreakdownRow],
    description: `${DEFINITIONS.groups} Groups without any figure are left out; months are all listed.`,
  })
  rows: BreakdownRow[];
  @ApiProperty({ type: StatsSummary, description: 'The same figures for the whole period (= GET /api/stats/summary).' })
  totals: StatsSummary;
}

export class RankingEntry {
  @ApiProperty({ type: 'integer', minimum: 1 }) rank: number;
  @ApiProperty({ type: 'string', format: 'uuid' }) organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Cases whose mediation ended in the month.' }) ended: number;
  @ApiProperty({ type: 'integer', minimum: 0 }) agreed: number;
  @ApiProperty({ type: 'number', nullable: true, description: DEFINITIONS.onTimeRate }) onTimeRate: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: DEFINITIONS.successRate }) successRate: number | null;
  @ApiProperty({ type: 'number', nullable: true, description: DEFINITIONS.averageMediationDays }) averageMediationDays: number | null;
  @ApiProperty({ type: 'integer', minimum: 0, description: DEFINITIONS.ratingsCount }) ratingsCount: number;
  @ApiProperty({ type: 'number', nullable: true, description: DEFINITIONS.satisfactionRate }) satisfactionRate: number | null;
}

export class RankingResponse {
  @ApiProperty({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', example: '2026-10' }) month: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2026-10-01' }) from: string;
  @ApiProperty({ type: 'string', format: 'date', example: '2026-10-31' }) to: string;
  @ApiProperty({ type: 'integer', minimum: 1, description: 'Organizations with fewer ended cases are not ranked.' }) minCases: number;
  @ApiProperty({ description: 'How organizations are ordered.' }) criteria: string;
  @ApiProperty({ type: 'integer', minimum: 0, description: 'Organizations ranked (with at least minCases ended cases).' }) eligible: number;
  @ApiProperty({ type: [RankingEntry], description: '红榜: the best, best first.' }) red: RankingEntry[];
  @ApiProperty({ type: [RankingEntry], description: '黑榜: the worst of the rest, worst first; rank counts from the bottom.' })
  black: RankingEntry[];
}

export class LitigationRateRow {
  @ApiProperty({ type: 'string', format: 'uuid' }) courtId: string;
  @ApiProperty({ example: '赤水市人民法院' }) courtName: string;
  @ApiProperty({ type: 'integer', example: 2026 }) year: number;
  @ApiProperty({ type: 'integer', minimum: 0, description: '民初 registrations (entrusted track) received in the year.' }) cases: number;
  @ApiProperty({ type: 'integer', nullable: true }) resident: number | null;
  @ApiProperty({ type: 'integer', nullable: true }) floating: number | null;
  @ApiProperty({ type: 'integer', nullable: true, description: 'resident + floating; null when not configured.' }) population:
    number | null;
  @ApiProperty({
    type: 'number',
    nullable: true,
    example: 60,
    description: `Cases per 10,000 people, two decimals; null without population. ${DEFINITIONS.litigationRate}`,
  })
  ratePer10k: number | null;
}

export class LitigationRateResponse {
  @ApiProperty({ example: DEFINITIONS.litigationRate }) definition: string;
  @ApiProperty({ type: [LitigationRateRow] }) rows: LitigationRateRow[];
}

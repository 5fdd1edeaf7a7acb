import { ApiProperty } from '@nestjs/swagger';
import { calendarDate, integer, money, PageMeta, uuid } from '../common/api-docs.js';
export { CalendarOverrideResult, CalendarOverrideView, MovedDeadlineView } from '../calendar/calendar-responses.js';
import { ORGANIZATION_KINDS, type OrganizationKind } from '../organizations/organization.entity.js';
import { DISPUTE_TYPES } from '../rules/dispute-types.js';
import { FEE_CATEGORIES, type FeeCategory } from '../rules/fees.js';

const DISPUTE_TYPE_CODES = DISPUTE_TYPES.map((d) => d.code);

export class OrganizationView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ example: '天台镇人民调解委员会' }) name: string;
  @ApiProperty({ enum: ORGANIZATION_KINDS }) kind: OrganizationKind;
  @ApiProperty({ type: 'string', nullable: true, example: '天台镇' }) region: string | null;
  @ApiProperty(integer({ minimum: 0, example: 4 })) mediatorCount: number;
}

export class OrganizationPage extends PageMeta {
  @ApiProperty({ type: [OrganizationView] }) items: OrganizationView[];
}

export class MediatorView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty({ example: '王调解' }) displayName: string;
  @ApiProperty(uuid({ nullable: true })) organizationId: string | null;
  @ApiProperty({ type: 'string', nullable: true, example: '天台镇人民调解委员会' }) organizationName: string | null;
  @ApiProperty({ enum: DISPUTE_TYPE_CODES, isArray: true, description: 'Dispute types the mediator is expert in' }) expertise: string[];
  @ApiProperty({ description: 'With ?disputeType=: expert in it' }) matchesExpertise: boolean;
  @ApiProperty(integer({ minimum: 0, description: 'Cases in mediation now' })) activeCases: number;
}

export class MediatorPage extends PageMeta {
  @ApiProperty({ type: [MediatorView] }) items: MediatorView[];
}

export class DisputeTypeView {
  @ApiProperty({ enum: DISPUTE_TYPE_CODES, example: 'sale_contract' }) code: string;
  @ApiProperty({ example: '买卖合同纠纷' }) name: string;
  @ApiProperty({ enum: FEE_CATEGORIES }) feeCategory: FeeCategory;
  @ApiProperty({ description: 'Judicial confirmation is not available (民诉法解释第三百五十五条)' }) confirmationExcluded: boolean;
}

export class DeadlineView {
  @ApiProperty(calendarDate({ example: '2026-09-28' })) start: string;
  @ApiProperty(integer({ minimum: 1, example: 30 })) length: number;
  @ApiProperty({ enum: ['days', 'workdays'] }) unit: 'days' | 'workdays';
  @ApiProperty(calendarDate({ example: '2026-10-28', description: 'The last day of the period (inclusive)' })) endsOn: string;
  @ApiProperty({ description: '`days`: the raw last day was a rest day and the end moved to the next working day' }) rolledOver: boolean;
  @ApiProperty({ description: 'A day examined lies beyond the last published holiday schedule (weekends only)' }) provisional: boolean;
  @ApiProperty({ example: '《民事诉讼法》第八十五条；国务院办公厅节假日安排' }) basis: string;
}

export class FeeBracketView {
  @ApiProperty(money({ example: '10000.00' })) from: string;
  @ApiProperty(money({ nullable: true, example: '100000.00', description: 'null for the open top tier' })) to: string | null;
  @ApiProperty({ type: 'number', nullable: true, example: 0.025, description: 'null for the flat first tier' }) rate: number | null;
  @ApiProperty(money({ example: '90000.00', description: 'The part of the amount in this tier' })) portion: string;
  @ApiProperty(money({ example: '2250.00' })) fee: string;
}

export class LitigationFeeView {
  @ApiProperty(money({ example: '120000.00' })) amount: string;
  @ApiProperty({ type: 'string', enum: DISPUTE_TYPE_CODES, nullable: true, example: 'sale_contract' }) disputeType: string | null;
  @ApiProperty(money({ example: '2800.00', description: "The full acceptance fee, rounded by the court's `rounding`." })) fullFee: string;
  @ApiProperty(
    money({
      example: '1400.00',
      description: "Half of it (Art. 15 mediation/withdrawal, Art. 16 simple procedure), rounded by the court's `rounding`.",
    }),
  )
  halfFee: string;
  @ApiProperty(
    money({ example: '2800.00', description: 'The full fee as the 交纳办法 computes it, to the fen (the sum of the brackets).' }),
  )
  exactFullFee: string;
  @ApiProperty(money({ example: '1400.00', description: 'Half of it, to the fen.' })) exactHalfFee: string;
  @ApiProperty({
    enum: ['fen', 'yuan'],
    example: 'fen',
    description: "The court's fee rounding (settings `feeRounding`): `fen` keeps the fen, `yuan` rounds half up to the whole yuan.",
  })
  rounding: 'fen' | 'yuan';
  @ApiProperty({ enum: FEE_CATEGORIES }) feeCategory: FeeCategory;
  @ApiProperty({ type: [FeeBracketView] }) brackets: FeeBracketView[];
  @ApiProperty({ example: '诉讼费用交纳办法 第十三条' }) basis: string;
  @ApiProperty({ example: '第十三条第（一）项' }) article: string;
  @ApiProperty(calendarDate({ example: '2007-04-01', description: 'Fee-rule version (its effective date)' })) version: string;
  @ApiProperty({ type: 'string', nullable: true, example: '贵州', description: 'null when the category has a national fixed fee' })
  province: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  Equals,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsInstant, IsMoney, NotBlank } from '../../common/validators.js';
import { CASE_STATUSES, REJECTION_GROUNDS, TERMINATION_REASONS } from '../../rules/case-status.js';

/** Every state-changing request may carry the case version last read (409 VERSION_CONFLICT if stale). */
export class VersionedDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'The case version as last read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class DelegateDto extends VersionedDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Delegate to a mediation organization' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Delegate to one named mediator' })
  @IsOptional()
  @IsUUID()
  mediatorId?: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class ReasonDto extends VersionedDto {
  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @NotBlank()
  reason: string;
}

export const SESSION_RESULTS = ['agreed', 'adjourned', 'failed'] as const;
export type SessionResult = (typeof SESSION_RESULTS)[number];
export const AGENT_AUTHORITIES = ['special', 'general'] as const;

/** A party's 委托代理人 at the session and the authority the power of attorney gives (特别授权 / 一般授权). */
export class SessionAgentInput {
  @ApiProperty({ format: 'uuid', description: 'The party the agent acts for' })
  @IsUUID('all')
  partyId: string;

  @ApiProperty({ minLength: 1, maxLength: 100, example: '赵某' })
  @IsString()
  @MaxLength(100)
  @NotBlank()
  name: string;

  @ApiProperty({
    enum: AGENT_AUTHORITIES,
    description: '特别授权 (may admit, waive or change claims and settle: 民事诉讼法 Art. 62) or 一般授权',
  })
  @IsIn(AGENT_AUTHORITIES)
  authority: (typeof AGENT_AUTHORITIES)[number];
}

export class SessionDto extends VersionedDto {
  @ApiProperty({ format: 'date-time', example: '2026-11-21T09:30:00+08:00' })
  @IsInstant()
  heldAt: string;

  @ApiProperty({ enum: ['in_person', 'video', 'phone'] })
  @IsIn(['in_person', 'video', 'phone'])
  mode: 'in_person' | 'video' | 'phone';

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @NotBlank({ each: true })
  attendees: string[];

  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  @NotBlank()
  minutes: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  undisputedFacts?: string;

  @ApiPropertyOptional({
    maxLength: 1000,
    description: 'What the mediator disclosed before the session (在线调解规则 Art. 13); absent: nothing to disclose',
  })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  disclosure?: string;

  @ApiPropertyOptional({ description: 'A party asked for the mediator to withdraw (申请回避); absent: false' })
  @IsOptional()
  @IsBoolean()
  recusalRequested?: boolean;

  @ApiPropertyOptional({ enum: SESSION_RESULTS, description: '调解结果 of this session; absent: adjourned' })
  @IsOptional()
  @IsIn(SESSION_RESULTS)
  result?: SessionResult;

  @ApiPropertyOptional({ type: [SessionAgentInput], maxItems: 20 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => SessionAgentInput)
  agents?: SessionAgentInput[];
}

export class ExtensionDto extends VersionedDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 365 })
  @IsInt()
  @Min(1)
  @Max(365)
  days: number;

  @ApiProperty({ maxLength: 2000 })
  @IsString()
  @MaxLength(2000)
  @NotBlank()
  reason: string;

  @ApiProperty({ example: true })
  @IsBoolean()
  @Equals(true)
  partiesConsent: boolean;
}

export class TermInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  obligorPartyId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  obligeePartyId: string;

  @ApiProperty({
    example: '25000.00',
    oneOf: [
      { type: 'string', pattern: '^\\d+(\\.\\d{1,2})?$' },
      { type: 'number', minimum: 0 },
    ],
  })
  @IsMoney()
  amount: string | number;

  @ApiProperty({ format: 'date', example: '2026-12-31' })
  @IsCalendarDate()
  dueOn: string;

  @ApiPropertyOptional({ maxLength: 200, example: '银行转账' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  method?: string;
}

export class AgreementDto extends VersionedDto {
  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  @NotBlank()
  content: string;

  @ApiProperty({ type: [TermInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => TermInput)
  terms: TermInput[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  performancePlace?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    example: '2026-11-22T10:00:00+08:00',
    description:
      'Paper signatures: when the last party signed; the agreement takes effect that day. Required unless `signatures` is `online`, where it is not allowed.',
  })
  @IsOptional()
  @IsInstant()
  signedAt?: string;

  @ApiPropertyOptional({
    enum: ['online', 'paper'],
    description:
      '`online` issues the agreement for online signature (no `signedAt`): each party signs the PDF with an SMS code, and it takes effect with the last signature; issuing again while signatures are pending amends it and voids them. `paper` (default): the mediator attests the signatures with `signedAt`.',
  })
  @IsOptional()
  @IsIn(['online', 'paper'])
  signatures?: 'online' | 'paper';
}

/** The mediator attests one party's signature on paper of the agreement issued for signature. */
export class PaperSignatureDto extends VersionedDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  partyId: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-22T10:00:00+08:00', description: 'When the party signed the printed PDF' })
  @IsInstant()
  signedAt: string;
}

export class TerminationDto extends VersionedDto {
  @ApiProperty({ enum: Object.keys(TERMINATION_REASONS) })
  @IsIn(Object.keys(TERMINATION_REASONS))
  reason: string;

  @ApiProperty({ minLength: 1, maxLength: 10000, description: 'Course of mediation, why it ended (在线调解规则第二十一条)' })
  @IsString()
  @MaxLength(10000)
  @NotBlank()
  details: string;

  @ApiPropertyOptional({ maxLength: 10000 })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  undisputedFacts?: string;
}

export class ConfirmationApplyDto extends VersionedDto {
  @ApiProperty({ example: true, description: 'Both sides apply jointly (民诉法第二百零五条)' })
  @IsBoolean()
  @Equals(true)
  jointApplication: boolean;

  @ApiPropertyOptional({ format: 'date', example: '2026-11-25' })
  @IsOptional()
  @IsCalendarDate()
  appliedOn?: string;
}

export class DecisionDto extends VersionedDto {
  @ApiProperty({ enum: ['confirmed', 'rejected'] })
  @IsIn(['confirmed', 'rejected'])
  result: 'confirmed' | 'rejected';

  @ApiPropertyOptional({
    enum: Object.keys(REJECTION_GROUNDS),
    isArray: true,
    description: 'Required when rejected (民诉法解释第三百五十八条)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(7)
  @IsIn(Object.keys(REJECTION_GROUNDS), { each: true })
  grounds?: string[];

  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString()
  @MaxLength(10000)
  @NotBlank()
  reasoning: string;
}

export class CaseListQuery {
  @ApiPropertyOptional({ description: `Comma-separated statuses: ${CASE_STATUSES.join(', ')}`, example: 'delegated,in_mediation' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  status?: string;

  @ApiPropertyOptional({ enum: ['pre_litigation', 'entrusted'], description: 'Only cases of this track' })
  @IsOptional()
  @IsIn(['pre_litigation', 'entrusted'])
  track?: 'pre_litigation' | 'entrusted';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only overdue cases' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: string;

  @ApiPropertyOptional({ enum: ['receivedOn', '-receivedOn', 'acceptBy', 'mediationEndsOn', 'decisionDueOn', 'caseNumber'] })
  @IsOptional()
  @IsIn(['receivedOn', '-receivedOn', 'acceptBy', 'mediationEndsOn', 'decisionDueOn', 'caseNumber'])
  sort?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { VersionedDto } from '../cases/dto/actions.dto.js';
import { CLOSURE_KINDS, DEEMED_WITHDRAWN_REASONS, EXCLUDED_MATTERS, MATERIAL_CODES, SUPPLEMENT_MAX_DAYS } from '../rules/review-file.js';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class AcceptanceDto extends VersionedDto {
  @ApiPropertyOptional({ format: 'date', description: '受理/立案 date; the decision clock runs from it (default: the application date)' })
  @IsOptional()
  @Matches(DATE)
  acceptedOn?: string;

  @ApiPropertyOptional({ description: 'An agent applies for a party (授权委托书 then required)' })
  @IsOptional()
  @IsBoolean()
  agentApplies?: boolean;
}

export class MaterialsDto extends VersionedDto {
  @ApiProperty({ description: `code → provided | missing | not_applicable; codes: ${MATERIAL_CODES.join(', ')}` })
  @IsObject()
  materials: Record<string, string>;
}

export class SupplementDto extends VersionedDto {
  @ApiProperty({ enum: MATERIAL_CODES, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5)
  @IsIn(MATERIAL_CODES as unknown as string[], { each: true })
  items: string[];

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: SUPPLEMENT_MAX_DAYS, description: 'Time limit in days (default 7)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(SUPPLEMENT_MAX_DAYS)
  days?: number;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class SupplementReceivedDto extends VersionedDto {
  @ApiPropertyOptional({ format: 'date', description: 'Day the materials arrived (default today); the clock resumes' })
  @IsOptional()
  @Matches(DATE)
  receivedOn?: string;
}

export class DecisionExtensionDto extends VersionedDto {
  @ApiProperty({ description: 'The president (院长) who approved the +10 days', minLength: 1, maxLength: 100 })
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  approvedBy: string;

  @ApiProperty({ format: 'date' })
  @Matches(DATE)
  approvedOn: string;

  @ApiProperty({ minLength: 1, maxLength: 2000 })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  reason: string;
}

export class ClosureDto extends VersionedDto {
  @ApiProperty({ enum: CLOSURE_KINDS })
  @IsIn(CLOSURE_KINDS as unknown as string[])
  kind: 'not_accepted' | 'withdrawal_permitted' | 'deemed_withdrawn';

  @ApiPropertyOptional({
    enum: [...Object.keys(EXCLUDED_MATTERS), ...Object.keys(DEEMED_WITHDRAWN_REASONS)],
    description: 'not_accepted: the Art. 355 matter; deemed_withdrawn: the reason',
  })
  @IsOptional()
  @IsIn([...Object.keys(EXCLUDED_MATTERS), ...Object.keys(DEEMED_WITHDRAWN_REASONS)])
  code?: string;

  @ApiProperty({ minLength: 1, maxLength: 10000, description: "准许撤回: the applicants' reason; others: the judge's reasoning" })
  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  reasoning: string;
}

export class ConclusionDto extends VersionedDto {
  @ApiProperty({ enum: ['decree', 'withdrawal'], description: 'decree: 民事调解书 (CPL 100); withdrawal: 撤诉 recorded' })
  @IsIn(['decree', 'withdrawal'])
  outcome: 'decree' | 'withdrawal';

  @ApiPropertyOptional({ maxLength: 10000, description: "withdrawal: the applicant's reason (required)" })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  note?: string;
}

export class ScreeningFlagDto {
  @ApiProperty({ enum: ['RECURRING_PARTIES', 'RELATED_PARTIES', 'LARGE_SUM_THIN_EVIDENCE'] })
  code: string;
  @ApiProperty()
  reason: string;
}

export class DecisionClockDto {
  @ApiProperty({ format: 'date' }) acceptedOn: string;
  @ApiProperty({ format: 'date' }) targetDueOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String }) extendedDueOn: string | null;
  @ApiProperty({ format: 'date' }) decisionDueOn: string;
  @ApiProperty({ format: 'date', description: '30-day legal maximum (CPL 187)' }) legalMaxOn: string;
  @ApiProperty({ type: 'integer' }) pausedDays: number;
  @ApiProperty() paused: boolean;
  @ApiProperty() exceedsLegalMax: boolean;
  @ApiProperty() provisional: boolean;
  @ApiProperty() basis: string;
}

export class MaterialItemDto {
  @ApiProperty({ enum: MATERIAL_CODES }) code: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ['provided', 'missing', 'not_applicable'] }) state: string;
}

export class SupplementView {
  @ApiProperty({ format: 'date' }) requestedOn: string;
  @ApiProperty({ format: 'date' }) dueOn: string;
  @ApiProperty({ enum: MATERIAL_CODES, isArray: true }) items: string[];
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'null while the request is open' }) receivedOn: string | null;
}

export class ExtensionRecordView {
  @ApiProperty() approvedBy: string;
  @ApiProperty({ format: 'date' }) approvedOn: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) recordedAt: string;
}

export class ClosureView {
  @ApiProperty({ enum: CLOSURE_KINDS }) kind: string;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: [...Object.keys(EXCLUDED_MATTERS), ...Object.keys(DEEMED_WITHDRAWN_REASONS)],
  })
  code: string | null;
  @ApiProperty() reasoning: string;
  @ApiProperty({ format: 'date' }) decidedOn: string;
}

export class ConclusionView {
  @ApiProperty({ enum: ['decree', 'withdrawal'] }) outcome: string;
  @ApiProperty({ format: 'date' }) concludedOn: string;
  @ApiProperty() note: string;
}

export class ReviewFileResponseDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty({ enum: ['pre_litigation', 'entrusted'] }) track: string;
  @ApiProperty() status: string;
  @ApiProperty({ type: 'integer' }) version: number;
  @ApiProperty({ nullable: true, type: String }) regimeWarning: string | null;
  @ApiProperty({ enum: ['confirmation', 'decree_or_withdrawal'] }) settlementPath: string;
  @ApiProperty({ nullable: true, type: String }) confirmationCaseNumber: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) appliedOn: string | null;
  @ApiProperty() agentApplies: boolean;
  @ApiProperty({ type: [MaterialItemDto] }) materials: MaterialItemDto[];
  @ApiProperty({ type: [SupplementView], description: '补交材料 requests, oldest first' })
  supplements: SupplementView[];
  @ApiProperty({ type: ExtensionRecordView, nullable: true, description: 'The president’s +10-day extension, when recorded' })
  extension: ExtensionRecordView | null;
  @ApiProperty({ type: ClosureView, nullable: true, description: '不予受理 / 准许撤回 / 按撤回处理, when ruled' })
  closure: ClosureView | null;
  @ApiProperty({ type: DecisionClockDto, nullable: true }) decisionClock: DecisionClockDto | null;
  @ApiProperty({ type: [ScreeningFlagDto], description: '虚假调解 screening (advice only; the judge decides)' })
  screeningFlags: ScreeningFlagDto[];
  @ApiProperty({ type: ConclusionView, nullable: true, description: 'How an entrusted case ended after its agreement' })
  conclusion: ConclusionView | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, IsMoney } from '../common/validators.js';
import { ObligationView as ObligationDto } from '../cases/dto/case-responses.js';
import { integer, money } from '../common/api-docs.js';
import { FOLLOWUP_WINDOWS, type FollowupWindow, RECORDABLE_STATUSES, type RecordableStatus } from '../rules/obligations.js';

export class PerformanceDto {
  @ApiProperty({
    enum: RECORDABLE_STATUSES,
    description: 'performed（已履行）, partially_performed（部分履行）, defaulted（未履行）, waived（权利人放弃）',
  })
  @IsIn(RECORDABLE_STATUSES)
  status: RecordableStatus;

  @ApiPropertyOptional({ example: '500.00', description: 'Paid with this record (an instalment), yuan with 2 decimals' })
  @IsOptional()
  @IsMoney()
  paidAmount?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Day of payment (default today)' })
  @IsOptional()
  @IsCalendarDate()
  paidOn?: string;

  @ApiPropertyOptional({ maxLength: 500, description: '履行凭证: transfer slip, receipt…' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  evidenceNote?: string;

  @ApiPropertyOptional({ type: 'integer', description: "The obligation's version as last read" })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class FollowupQuery {
  @ApiPropertyOptional({ enum: FOLLOWUP_WINDOWS, default: 'week' })
  @IsOptional()
  @IsIn(FOLLOWUP_WINDOWS)
  due: FollowupWindow = 'week';

  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

export class PerformanceResponseDto {
  @ApiProperty({ type: ObligationDto }) obligation: ObligationDto;
  @ApiProperty({ type: [ObligationDto] }) obligations: ObligationDto[];
  @ApiProperty(money({ description: 'All terms of the agreement' })) totalAmount: string;
  @ApiProperty(money()) totalPaid: string;
  @ApiProperty(money()) totalOutstanding: string;
}

export class FollowupItemDto extends ObligationDto {
  @ApiProperty({ format: 'uuid' }) caseId: string;
  @ApiProperty() caseNumber: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) assigneeId: string | null;
  @ApiProperty(integer({ description: 'Days past the due date (negative: days left)' })) daysOverdue: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the obligor was reminded' })
  remindedAt: string | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'Whether the reminder went out by text' }) reminderSent: boolean | null;
}

export class FollowupPageDto {
  @ApiProperty({ type: [FollowupItemDto] }) items: FollowupItemDto[];
  @ApiProperty({ type: 'integer' }) total: number;
  @ApiProperty({ type: 'integer' }) page: number;
  @ApiProperty({ type: 'integer' }) pageSize: number;
}

export class ReminderRunDto {
  @ApiProperty({ type: 'integer' }) reminded: number;
  @ApiProperty({ type: 'integer' }) defaulted: number;
}

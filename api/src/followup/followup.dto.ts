import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, IsMoney, NotBlank } from '../common/validators.js';
import { ObligationView as ObligationDto } from '../cases/dto/case-responses.js';
import { calendarDate, instant, integer, money, uuid } from '../common/api-docs.js';
import {
  FOLLOWUP_METHODS,
  FOLLOWUP_OUTCOMES,
  FOLLOWUP_WINDOWS,
  type FollowupMethod,
  type FollowupOutcome,
  type FollowupWindow,
  RECORDABLE_STATUSES,
  type RecordableStatus,
} from '../rules/obligations.js';

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

/** A 回访 of the agreement (issue 17 item 4): POST /api/cases/{id}/followup-records. */
export class FollowupRecordDto {
  @ApiProperty(calendarDate({ description: 'Day of the call or visit (not in the future)' }))
  @IsCalendarDate()
  contactedOn: string;

  @ApiProperty({ enum: FOLLOWUP_METHODS, description: 'phone（电话回访）, visit（上门回访）, online（网络回访）, other（其他）' })
  @IsIn(FOLLOWUP_METHODS)
  method: FollowupMethod;

  @ApiProperty({ minLength: 1, maxLength: 200, example: '申请人刘小富', description: '回访对象: who was contacted' })
  @IsString()
  @MaxLength(200)
  @NotBlank()
  contactedPerson: string;

  @ApiProperty({
    enum: FOLLOWUP_OUTCOMES,
    description: 'performed（已履行）, partially_performed（部分履行）, not_performed（未履行）, other（其他情况）',
  })
  @IsIn(FOLLOWUP_OUTCOMES)
  outcome: FollowupOutcome;

  @ApiProperty({ minLength: 1, maxLength: 10000, description: '回访情况: what the party said, what was agreed next' })
  @IsString()
  @MaxLength(10000)
  @NotBlank()
  notes: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, description: 'The case version as last read' })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class FollowupRecorderView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty() displayName: string;
}

export class FollowupRecordView {
  @ApiProperty(uuid()) id: string;
  @ApiProperty(uuid()) caseId: string;
  @ApiProperty(integer({ minimum: 1, description: '第N次回访 of the case' })) seq: number;
  @ApiProperty(calendarDate()) contactedOn: string;
  @ApiProperty({ enum: FOLLOWUP_METHODS }) method: FollowupMethod;
  @ApiProperty() contactedPerson: string;
  @ApiProperty({ enum: FOLLOWUP_OUTCOMES }) outcome: FollowupOutcome;
  @ApiProperty() notes: string;
  @ApiProperty({ type: FollowupRecorderView }) recordedBy: FollowupRecorderView;
  @ApiProperty(uuid({ nullable: true, description: 'The 人民调解回访记录 (kind followup_record): GET /api/documents/{documentId}' }))
  documentId: string | null;
  @ApiProperty(instant()) createdAt: string;
}

import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, IsMoney } from '../common/validators.js';
import { PageQuery } from '../common/pagination.js';

export class OrganizationQuery extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class MediatorQuery extends PageQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organizationId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional({ description: 'Recommend by expertise in this dispute type and current load' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  disputeType?: string;
}

export class DeadlineQuery {
  @ApiProperty({ example: '2026-09-28' })
  @IsCalendarDate()
  start: string;

  @ApiProperty({ example: 30 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(3660)
  length: number;

  @ApiPropertyOptional({ enum: ['days', 'workdays'] })
  @IsOptional()
  @IsIn(['days', 'workdays'])
  unit: 'days' | 'workdays' = 'days';
}

export class FeeQuery {
  @ApiProperty({ example: '120000.00' })
  @IsMoney()
  amount: string;

  @ApiPropertyOptional({ example: 'sale_contract' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  disputeType?: string;
}

export class CalendarOverrideDto {
  @ApiProperty({ example: '2027-02-06' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ enum: ['rest', 'work', 'none'], description: 'none removes the override' })
  @IsIn(['rest', 'work', 'none'])
  kind: 'rest' | 'work' | 'none';

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

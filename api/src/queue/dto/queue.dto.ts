import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { IsCalendarDate, NotBlank } from '../../common/validators.js';
import { DISPUTE_TYPES } from '../../rules/dispute-types.js';

const DISPUTE_TYPE_CODES = DISPUTE_TYPES.map((d) => d.code);

/** What a mediator may narrow their queue (and `next`) to. */
export interface QueueFilter {
  disputeType?: string;
  region?: string;
}

export class QueueNextDto implements QueueFilter {
  @ApiPropertyOptional({ example: 'sale_contract', description: 'Only cases of this dispute type (案由)' })
  @IsOptional()
  @IsIn(DISPUTE_TYPE_CODES)
  disputeType?: string;

  @ApiPropertyOptional({ example: '天台镇', description: 'Only cases delegated to an organization of this region' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @NotBlank()
  region?: string;
}

export class PagedQuery {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page: number = 1;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize: number = 50;
}

export class QueueQuery extends PagedQuery implements QueueFilter {
  @ApiPropertyOptional({ example: 'sale_contract', description: 'Only cases of this dispute type (案由)' })
  @IsOptional()
  @IsIn(DISPUTE_TYPE_CODES)
  disputeType?: string;

  @ApiPropertyOptional({ example: '天台镇', description: 'Only cases delegated to an organization of this region' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  @NotBlank()
  region?: string;
}

export class FiguresQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: 'First day (China time); default 1 January of the current year' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-31', description: 'Last day, inclusive (China time); default today' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsOptional, Max, Min, registerDecorator } from 'class-validator';
import { IsCalendarDate } from '../../common/validators.js';

/** 'YYYY-MM'; the error code is `not_month` (constraints named rule* carry their code, common/validation.ts). */
function IsMonth() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'ruleMonth',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) => typeof v === 'string' && /^\d{4}-(0[1-9]|1[0-2])$/.test(v),
        defaultMessage: () => 'not_month',
      },
    });
}

export const BREAKDOWNS = ['organization', 'mediator', 'month', 'disputeType'] as const;
export type BreakdownBy = (typeof BREAKDOWNS)[number];
export const BASES = ['full', 'half'] as const;
export type SavingsBasis = (typeof BASES)[number];

/** Each basis in words, as the summary, the export and the bulletin print it. */
export const BASIS_LABELS: Record<SavingsBasis, string> = {
  half: '以调解方式结案减半交纳（《诉讼费用交纳办法》第十五条）',
  full: '全额案件受理费（《诉讼费用交纳办法》第十三条）',
};

/** The court setting (courts.savings_basis) as a report basis. */
export const basisOfSetting = (setting: string | null | undefined): SavingsBasis => (setting === 'full_fee' ? 'full' : 'half');

/** The savings basis a request may name; without it, the court's setting (`savingsBasis`) applies. */
export const BASIS_NOTE =
  'Savings basis (节约诉讼费口径): `half` = the acceptance fee halved as a suit ended by mediation would have paid it ' +
  '(诉讼费用交纳办法 第十五条: 以调解方式结案或者当事人申请撤诉的，减半交纳案件受理费); `full` = the full fee (第十三条). ' +
  "Default: the court's setting (GET /api/admin/settings `savingsBasis`, `half_fee` unless the court changed it). " +
  'Every response states the basis used and carries both totals.';

const PERIOD_NOTE = 'China-time calendar date, both ends included; default: 1 January of the current year … today.';

export class StatsQuery {
  @ApiPropertyOptional({ example: '2026-01-01', description: `Start of the period. ${PERIOD_NOTE}` })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-23', description: `End of the period. ${PERIOD_NOTE}` })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: BASES, description: BASIS_NOTE })
  @IsOptional()
  @IsIn(BASES)
  basis?: SavingsBasis;
}

export class BreakdownQuery extends StatsQuery {
  @ApiProperty({ enum: BREAKDOWNS, description: 'Group by organization, mediator, calendar month or dispute type (案由).' })
  @IsDefined()
  @IsIn(BREAKDOWNS)
  by: BreakdownBy;
}

export class ExportQuery extends StatsQuery {
  @ApiProperty({
    enum: ['xlsx', 'csv'],
    description:
      'xlsx: figures sheet + cases sheet (every case behind the figures with its fee basis, no party data) + definitions; csv: the breakdown.',
  })
  @IsDefined()
  @IsIn(['xlsx', 'csv'])
  format: 'xlsx' | 'csv';

  @ApiPropertyOptional({ enum: BREAKDOWNS, default: 'organization' })
  @IsOptional()
  @IsIn(BREAKDOWNS)
  by: BreakdownBy = 'organization';
}

export class RankingQuery {
  @ApiPropertyOptional({ example: '2026-10', description: 'Month ranked (YYYY-MM); default: the current month.' })
  @IsOptional()
  @IsMonth()
  month?: string;

  @ApiPropertyOptional({
    default: 5,
    description: 'Minimum number of cases that ended mediation in the month for an organization to be ranked.',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  minCases: number = 5;

  @ApiPropertyOptional({ default: 10, description: 'Length of the red and of the black list.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(50)
  size: number = 10;
}

export class BulletinQuery {
  @ApiPropertyOptional({ example: '2026-10', description: 'Month reported (YYYY-MM); default: the previous month.' })
  @IsOptional()
  @IsMonth()
  month?: string;

  @ApiPropertyOptional({ enum: BASES, description: BASIS_NOTE })
  @IsOptional()
  @IsIn(BASES)
  basis?: SavingsBasis;

  @ApiPropertyOptional({ default: 5, description: 'Ranking threshold: minimum cases ended in the month (as GET /api/stats/ranking).' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  minCases: number = 5;
}

export class LitigationRateQuery {
  @ApiPropertyOptional({ example: 2026, description: 'One year; default: every year with a population figure or a 民初 registration.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1990)
  @Max(2100)
  year?: number;
}

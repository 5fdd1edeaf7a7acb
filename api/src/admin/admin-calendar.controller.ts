import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { ApiErrors } from '../common/api-docs.js';
import { DomainError } from '../common/domain-error.js';
import { IsCalendarDate, NotBlank } from '../common/validators.js';
import { CalendarOverrideResult, CalendarOverrideView } from '../calendar/calendar-responses.js';
import { EARLIEST_KNOWN_YEAR } from '../rules/holidays.js';

/** How far ahead an override may be entered: the State Council publishes the next year's schedule in autumn. */
const YEARS_AHEAD = 2;

export class CalendarYearQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 2000, maximum: 2100, example: 2027, description: 'Only this year’s overrides' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class AddCalendarOverrideDto {
  @ApiProperty({ format: 'date', example: '2027-02-06' })
  @IsCalendarDate()
  date: string;

  @ApiProperty({ enum: ['rest', 'work'], description: 'rest: an extra holiday; work: a make-up working day (调休)' })
  @IsIn(['rest', 'work'])
  kind: 'rest' | 'work';

  @ApiPropertyOptional({ maxLength: 200, example: '赤水市地方节日' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  note?: string;
}

export class RemoveParams {
  @ApiProperty({ format: 'date', example: '2027-02-06' })
  @IsCalendarDate()
  date: string;
}

/** 工作日历: the court's own holiday and make-up-day corrections [admin only, own court only]. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/calendar/overrides')
@Roles('admin')
export class AdminCalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @ApiOperation({
    operationId: 'listCourtCalendarOverrides',
    summary: '本院节假日调整',
    description: 'The overrides in force for the court (its own and the national ones), by date; optionally of one year',
  })
  @ApiOkResponse({ type: [CalendarOverrideView] })
  list(@CurrentUser() user: AuthUser, @Query() q: CalendarYearQuery) {
    return this.calendar.listOverrides(user.courtId, q.year);
  }

  @Post()
  @ApiOperation({
    operationId: 'addCourtCalendarOverride',
    summary: '新增节假日调整',
    description:
      "Marks a day as rest or work for this court only; its running clocks are recomputed and each moved deadline is answered. 409 DUPLICATE when the day already has the court's override.",
  })
  @ApiCreatedResponse({ type: CalendarOverrideResult })
  @ApiErrors(409)
  add(@CurrentUser() user: AuthUser, @Body() dto: AddCalendarOverrideDto) {
    checkYear(dto.date, this.calendar.today());
    return this.calendar.setOverride(user, dto.date, dto.kind, dto.note, 'absent');
  }

  @Delete(':date')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'removeCourtCalendarOverride',
    summary: '删除节假日调整',
    description: "Removes the court's override of that day (national ones cannot be removed here); running clocks are recomputed",
  })
  @ApiOkResponse({ type: CalendarOverrideResult })
  @ApiErrors(404)
  remove(@CurrentUser() user: AuthUser, @Param() p: RemoveParams) {
    return this.calendar.setOverride(user, p.date, null, undefined, 'present');
  }
}

function checkYear(date: string, today: string): void {
  const year = Number(date.slice(0, 4));
  const last = Number(today.slice(0, 4)) + YEARS_AHEAD;
  if (year < EARLIEST_KNOWN_YEAR || year > last)
    throw new DomainError('VALIDATION_FAILED', `日期须在 ${EARLIEST_KNOWN_YEAR} 年至 ${last} 年之间`, { date: 'out_of_range' });
}

import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { CalendarService } from '../calendar/calendar.service.js';
import { CalendarOverrideDto, DeadlineQuery, FeeQuery, MediatorQuery, OrganizationQuery } from './reference.dto.js';
import { ReferenceService } from './reference.service.js';

@ApiTags('reference')
@ApiBearerAuth()
@Controller()
export class ReferenceController {
  constructor(
    private readonly reference: ReferenceService,
    private readonly calendar: CalendarService,
  ) {}

  @Get('organizations')
  @ApiOperation({ summary: 'Mediation organizations of the caller’s court' })
  organizations(@CurrentUser() user: AuthUser, @Query() q: OrganizationQuery) {
    return this.reference.organizations(user, q);
  }

  @Get('mediators')
  @Roles('clerk', 'admin')
  @ApiOperation({ summary: 'Mediators with current load; with disputeType, recommended by expertise then load' })
  mediators(@CurrentUser() user: AuthUser, @Query() q: MediatorQuery) {
    return this.reference.mediators(user, q);
  }

  @Get('dispute-types')
  @ApiOperation({ summary: '案由 with fee category' })
  disputeTypes() {
    return this.reference.disputeTypes();
  }

  @Get('calendar/deadline')
  @ApiOperation({ summary: '期限计算器: CPL Art. 85 day counting on the working-day calendar' })
  deadline(@Query() q: DeadlineQuery) {
    return this.reference.deadline(q.start, q.length, q.unit);
  }

  @Get('calendar/overrides')
  @ApiOperation({ summary: 'Admin corrections to the holiday schedule' })
  overrides() {
    return this.calendar.listOverrides();
  }

  @Put('calendar/overrides')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({ summary: 'Mark a day as rest or work (or remove the override); running clocks are recomputed' })
  setOverride(@CurrentUser() user: AuthUser, @Body() dto: CalendarOverrideDto) {
    return this.calendar.setOverride(user, dto.date, dto.kind === 'none' ? null : dto.kind, dto.note);
  }

  @Get('fees/litigation')
  @ApiOperation({ summary: 'Litigation acceptance fee (诉讼费用交纳办法), explained bracket by bracket' })
  fee(@Query() q: FeeQuery) {
    return this.reference.litigationFee(q.amount, q.disputeType);
  }
}

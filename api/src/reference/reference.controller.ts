import { Body, Controller, Get, HttpCode, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs.js';
import {
  CalendarOverrideResult,
  CalendarOverrideView,
  DeadlineView,
  DisputeTypeView,
  LitigationFeeView,
  MediatorPage,
  OrganizationPage,
} from './reference-responses.js';
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
  @ApiOperation({ operationId: 'listOrganizations', summary: '调解组织列表', description: 'Mediation organizations of the caller’s court' })
  @ApiOkResponse({ type: OrganizationPage })
  organizations(@CurrentUser() user: AuthUser, @Query() q: OrganizationQuery) {
    return this.reference.organizations(user, q);
  }

  @Get('mediators')
  @Roles('clerk', 'admin')
  @ApiOperation({
    operationId: 'listMediators',
    summary: '调解员列表',
    description: 'Mediators with current load; with disputeType, recommended by expertise then load',
  })
  @ApiOkResponse({ type: MediatorPage })
  mediators(@CurrentUser() user: AuthUser, @Query() q: MediatorQuery) {
    return this.reference.mediators(user, q);
  }

  @Get('dispute-types')
  @ApiOperation({ operationId: 'listDisputeTypes', summary: '案由列表', description: '案由 with fee category' })
  @ApiOkResponse({ type: [DisputeTypeView] })
  disputeTypes() {
    return this.reference.disputeTypes();
  }

  @Get('calendar/deadline')
  @ApiOperation({
    operationId: 'computeDeadline',
    summary: '期限计算',
    description: '期限计算器: CPL Art. 85 day counting on the working-day calendar',
  })
  @ApiOkResponse({ type: DeadlineView })
  @ApiErrors(422)
  deadline(@CurrentUser() user: AuthUser, @Query() q: DeadlineQuery) {
    return this.reference.deadline(q.start, q.length, q.unit, user.courtId);
  }

  @Get('calendar/overrides')
  @ApiOperation({
    operationId: 'listCalendarOverrides',
    summary: '节假日调整列表',
    description: "Corrections to the holiday schedule in force for the caller's court: its own and the national ones",
  })
  @ApiOkResponse({ type: [CalendarOverrideView] })
  overrides(@CurrentUser() user: AuthUser) {
    return this.calendar.listOverrides(user.courtId);
  }

  @Put('calendar/overrides')
  @HttpCode(200)
  @Roles('admin')
  @ApiOperation({
    operationId: 'setCalendarOverride',
    summary: '设置节假日调整',
    description:
      "Mark a day as rest or work for the admin's court (or remove its override); that court's running clocks are recomputed. See also /api/admin/calendar/overrides",
  })
  @ApiOkResponse({ type: CalendarOverrideResult })
  setOverride(@CurrentUser() user: AuthUser, @Body() dto: CalendarOverrideDto) {
    return this.calendar.setOverride(user, dto.date, dto.kind === 'none' ? null : dto.kind, dto.note);
  }

  @Get('fees/litigation')
  @ApiOperation({
    operationId: 'computeLitigationFee',
    summary: '诉讼费计算',
    description: 'Litigation acceptance fee (诉讼费用交纳办法), explained bracket by bracket',
  })
  @ApiOkResponse({ type: LitigationFeeView })
  @ApiErrors(422)
  fee(@CurrentUser() user: AuthUser, @Query() q: FeeQuery) {
    return this.reference.litigationFee(user, q.amount, q.disputeType);
  }
}

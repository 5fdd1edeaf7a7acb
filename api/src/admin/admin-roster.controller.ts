import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiErrors } from '../common/api-docs.js';
import {
  AdminOrganizationPage,
  AdminOrganizationView,
  CreateOrganizationDto,
  MediatorRosterPage,
  MediatorRosterView,
  OrganizationAdminQuery,
  RosterQuery,
  UpdateOrganizationDto,
  UpdateRosterDto,
} from './admin-roster.dto.js';
import { AdminRosterService } from './admin-roster.service.js';

/** 调解组织与特邀调解员名册: the court's organizations and its mediators' roster facts [admin only, own court only]. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@Roles('admin')
export class AdminRosterController {
  constructor(private readonly roster: AdminRosterService) {}

  @Get('organizations')
  @ApiOperation({
    operationId: 'listAdminOrganizations',
    summary: '调解组织列表',
    description: 'The court’s organizations with their mediators counted',
  })
  @ApiOkResponse({ type: AdminOrganizationPage })
  @ApiErrors(400)
  organizations(@CurrentUser() user: AuthUser, @Query() q: OrganizationAdminQuery) {
    return this.roster.organizations(user, q);
  }

  @Post('organizations')
  @ApiOperation({
    operationId: 'createOrganization',
    summary: '新增调解组织',
    description: '409 DUPLICATE when the court has an organization of that name',
  })
  @ApiCreatedResponse({ type: AdminOrganizationView })
  @ApiErrors(400, 409)
  createOrganization(@CurrentUser() user: AuthUser, @Body() dto: CreateOrganizationDto) {
    return this.roster.createOrganization(user, dto);
  }

  @Patch('organizations/:id')
  @ApiOperation({
    operationId: 'updateOrganization',
    summary: '修改调解组织',
    description: 'Name, kind, region, contact; each change audited',
  })
  @ApiOkResponse({ type: AdminOrganizationView })
  @ApiErrors(400, 404, 409)
  updateOrganization(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateOrganizationDto) {
    return this.roster.updateOrganization(user, id, dto);
  }

  @Get('mediators')
  @ApiOperation({
    operationId: 'listRoster',
    summary: '特邀调解员名册',
    description: 'The court’s mediators with their roster facts, filterable by organization, status and name',
  })
  @ApiOkResponse({ type: MediatorRosterPage })
  @ApiErrors(400)
  mediators(@CurrentUser() user: AuthUser, @Query() q: RosterQuery) {
    return this.roster.mediators(user, q);
  }

  @Patch('mediators/:id/roster')
  @ApiOperation({
    operationId: 'updateRoster',
    summary: '修改名册信息',
    description:
      'Admission date, specialities, languages, phone, status (suspended/removed take no new case; removal needs statusReason) and annual assessments; audited',
  })
  @ApiOkResponse({ type: MediatorRosterView })
  @ApiErrors(400, 404)
  updateRoster(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateRosterDto) {
    return this.roster.updateRoster(user, id, dto);
  }
}

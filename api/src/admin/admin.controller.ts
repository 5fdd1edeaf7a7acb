import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Roles } from '../auth/decorators.js';
import { ApiErrors } from '../common/api-docs.js';
import {
  ActivityPage,
  ActivityQuery,
  AdminUserPage,
  AdminUserQuery,
  AdminUserView,
  CourtSettingsView,
  CreateUserDto,
  OneTimePasswordView,
  UpdateSettingsDto,
  UpdateUserDto,
} from './admin.dto.js';
import { AdminService } from './admin.service.js';

/** 系统管理: the court's accounts, settings and administration trail [admin only, own court only]. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin')
@Roles('admin')
export class AdminController {
  constructor(private readonly admin: AdminService) {}

  @Get('users')
  @ApiOperation({ operationId: 'listUsers', summary: '用户列表', description: 'The court’s accounts, filterable by role, name and state' })
  @ApiOkResponse({ type: AdminUserPage })
  users(@CurrentUser() user: AuthUser, @Query() q: AdminUserQuery) {
    return this.admin.users(user, q);
  }

  @Post('users')
  @ApiOperation({
    operationId: 'createUser',
    summary: '新增用户',
    description:
      'Creates an account with a one-time password, answered once; the first login must change it. 409 DUPLICATE for a username taken.',
  })
  @ApiCreatedResponse({ type: OneTimePasswordView })
  @ApiErrors(409)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateUserDto) {
    return this.admin.create(user, dto);
  }

  @Patch('users/:id')
  @ApiOperation({
    operationId: 'updateUser',
    summary: '修改用户',
    description: 'Name, a mediator’s organization (their open cases stay theirs) and specialities',
  })
  @ApiOkResponse({ type: AdminUserView })
  update(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string, @Body() dto: UpdateUserDto) {
    return this.admin.update(user, id, dto);
  }

  @Post('users/:id/deactivate')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'deactivateUser',
    summary: '停用用户',
    description: 'The user can no longer sign in; their sessions end at once',
  })
  @ApiOkResponse({ type: AdminUserView })
  @ApiErrors(409)
  deactivate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.admin.setActive(user, id, false);
  }

  @Post('users/:id/reactivate')
  @HttpCode(200)
  @ApiOperation({ operationId: 'reactivateUser', summary: '启用用户', description: 'A deactivated user may sign in again' })
  @ApiOkResponse({ type: AdminUserView })
  @ApiErrors(409)
  reactivate(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.admin.setActive(user, id, true);
  }

  @Post('users/:id/reset-password')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'resetUserPassword',
    summary: '重置密码',
    description: 'A new one-time password, answered once; the user’s sessions end and the next login must change it',
  })
  @ApiOkResponse({ type: OneTimePasswordView })
  resetPassword(@CurrentUser() user: AuthUser, @Param('id', ParseUUIDPipe) id: string) {
    return this.admin.resetPassword(user, id);
  }

  @Get('settings')
  @ApiOperation({
    operationId: 'getSettings',
    summary: '本院设置',
    description: 'Default track, workload cap, windows, savings basis, fee rounding, name and code',
  })
  @ApiOkResponse({ type: CourtSettingsView })
  settings(@CurrentUser() user: AuthUser) {
    return this.admin.settings(user);
  }

  @Patch('settings')
  @ApiOperation({
    operationId: 'updateSettings',
    summary: '修改本院设置',
    description:
      'Validated together (a pre_litigation default needs allowPreLitigation); each change is audited with its old and new value',
  })
  @ApiOkResponse({ type: CourtSettingsView })
  @ApiErrors(409)
  updateSettings(@CurrentUser() user: AuthUser, @Body() dto: UpdateSettingsDto) {
    return this.admin.updateSettings(user, dto);
  }

  @Get('activity')
  @ApiOperation({
    operationId: 'listAdminActivity',
    summary: '管理操作记录',
    description: 'Who changed what in the court’s administration (users, settings), newest first',
  })
  @ApiOkResponse({ type: ActivityPage })
  activity(@CurrentUser() user: AuthUser, @Query() q: ActivityQuery) {
    return this.admin.activity(user, q);
  }
}

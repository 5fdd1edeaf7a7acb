import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors } from '../common/api-docs.js';
import { AuthUserView, LoginResponse } from './auth-responses.js';
import type { AuthUser, ClientInfo, SessionToken } from './auth-user.js';
import { AuthService, type LoginResult } from './auth.service.js';
import { AllowBeforePasswordChange, CurrentToken, CurrentUser, Public } from './decorators.js';
import { ChangePasswordDto, LoginDto } from './login.dto.js';

const clientOf = (ip: string | undefined, userAgent: string | undefined): ClientInfo => ({ ip: ip ?? null, userAgent: userAgent ?? null });

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'login',
    summary: '登录',
    description:
      'Log in; 401 on wrong credentials (or a deactivated account), 429 after 10 failures in 15 minutes for the account; mustChangePassword for a one-time password.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(400, 401, 429)
  login(@Body() body: LoginDto, @Ip() ip: string | undefined, @Headers('user-agent') userAgent: string | undefined): Promise<LoginResult> {
    return this.auth.login(body.username, body.password, clientOf(ip, userAgent));
  }

  @Post('password')
  @HttpCode(204)
  @AllowBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({
    operationId: 'changePassword',
    summary: '修改密码',
    description: 'Change the caller’s password; every token issued before stops working (log in again with the new one).',
  })
  @ApiNoContentResponse({ description: 'Changed' })
  @ApiErrors(400, 429)
  async changePassword(
    @CurrentUser() user: AuthUser,
    @Body() body: ChangePasswordDto,
    @Ip() ip: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<void> {
    await this.auth.changePassword(user, body.currentPassword, body.newPassword, clientOf(ip, userAgent));
  }

  @Post('logout')
  @HttpCode(204)
  @AllowBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'logout', summary: '退出登录', description: 'End this token (other sessions of the account go on).' })
  @ApiNoContentResponse({ description: 'Logged out' })
  async logout(
    @CurrentUser() user: AuthUser,
    @CurrentToken() token: SessionToken,
    @Ip() ip: string | undefined,
    @Headers('user-agent') userAgent: string | undefined,
  ): Promise<void> {
    await this.auth.logout(user, token, clientOf(ip, userAgent));
  }

  @Get('me')
  @ApiBearerAuth()
  @ApiOperation({ operationId: 'getMe', summary: '当前用户', description: 'The caller as carried by the token.' })
  @ApiOkResponse({ type: AuthUserView })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}

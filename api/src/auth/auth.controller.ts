import { Body, Controller, Get, Headers, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
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
    summary:
      'Log in; 401 on wrong credentials, 429 after 10 failures in 15 minutes for the account; mustChangePassword for a one-time password',
  })
  login(@Body() body: LoginDto, @Ip() ip: string | undefined, @Headers('user-agent') userAgent: string | undefined): Promise<LoginResult> {
    return this.auth.login(body.username, body.password, clientOf(ip, userAgent));
  }

  @Post('password')
  @HttpCode(204)
  @AllowBeforePasswordChange()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change the caller’s password; every token issued before stops working (log in again with the new one)' })
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
  @ApiOperation({ summary: 'End this token (other sessions of the account go on)' })
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
  @ApiOperation({ summary: 'The caller as carried by the token' })
  me(@CurrentUser() user: AuthUser): AuthUser {
    return user;
  }
}

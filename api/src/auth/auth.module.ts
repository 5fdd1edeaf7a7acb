import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginAttempt } from './login-attempt.entity.js';
import { RevokedToken } from './revoked-token.entity.js';
import { SessionsService } from './sessions.service.js';

/**
 * Logins, tokens and their sessions. The guard that checks every request (AuthGuard) is
 * registered app-wide by AppModule; it asks SessionsService, exported for that.
 */
@Module({
  imports: [TypeOrmModule.forFeature([LoginAttempt, RevokedToken]), AuditModule],
  controllers: [AuthController],
  providers: [AuthService, SessionsService],
  exports: [TypeOrmModule, AuthService, SessionsService],
})
export class AuthModule {}

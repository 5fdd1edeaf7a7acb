import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error.js';
import type { Role } from '../users/user.entity.js';
import type { AccessTokenClaims, AuthUser, PartyPrincipal, SessionToken } from './auth-user.js';
import { BEFORE_PASSWORD_CHANGE, IS_PUBLIC, PARTY_ONLY, ROLES_KEY } from './decorators.js';
import { SessionsService } from './sessions.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Global guard: a valid bearer token of an account that is still active, of the account's current
 * token version (older tokens predate a password change or deactivation) and not logged out; then
 * the one-time-password rule; then the handler's roles.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser; token?: SessionToken; party?: PartyPrincipal }>();
    const token = this.tokenOf(req);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Missing bearer token');
    let payload: AccessTokenClaims;
    try {
      payload = await this.jwt.verifyAsync<AccessTokenClaims>(token);
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Invalid or expired token; please log in again');
    }
    // Party tokens (role `party`) open only the party's own paths; staff tokens never open those.
    const partyOnly = this.reflector.getAllAndOverride<boolean>(PARTY_ONLY, targets) === true;
    if (payload.party) {
      if (!partyOnly) throw new DomainError('FORBIDDEN', 'A party token opens only /api/party paths');
      if (!UUID.test(String(payload.sub))) throw new DomainError('UNAUTHENTICATED', 'Invalid or expired token; please sign in again');
      req.party = { id: payload.sub, ...payload.party };
      return true;
    }
    if (partyOnly) throw new DomainError('FORBIDDEN', 'This path is for parties signed in with an SMS code');
    // Tokens issued before token versions existed carry neither claim: they are refused like expired ones.
    if (!UUID.test(String(payload.sub)) || !UUID.test(String(payload.jti)) || !Number.isInteger(payload.tv)) {
      throw new DomainError('UNAUTHENTICATED', 'Invalid or expired token; please log in again');
    }
    const state = await this.sessions.stateOf(payload.sub, payload.jti);
    if (!state || !state.active || state.revoked || state.tokenVersion !== payload.tv) {
      throw new DomainError(
        'UNAUTHENTICATED',
        'This session has ended (signed out, password changed or account deactivated); please log in again',
      );
    }
    req.user = { id: payload.sub, ...payload.user };
    req.token = { jti: payload.jti, expiresAt: new Date((payload.exp ?? 0) * 1000) };
    if (state.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(BEFORE_PASSWORD_CHANGE, targets)) {
      throw new DomainError('PASSWORD_CHANGE_REQUIRED', 'Change the one-time password first: POST /api/auth/password');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (roles && !roles.includes(req.user.role)) {
      throw new DomainError('FORBIDDEN', `This action is for ${roles.join(', ')}; you are ${req.user.role}`);
    }
    return true;
  }

  /** EventSource cannot send headers, so the SSE stream alone also accepts ?access_token=. */
  private tokenOf(req: Request): string | undefined {
    const header = req.headers.authorization;
    if (header?.startsWith('Bearer ')) return header.slice(7).trim() || undefined;
    if (req.path.endsWith('/stream') && typeof req.query.access_token === 'string') return req.query.access_token;
    return undefined;
  }
}

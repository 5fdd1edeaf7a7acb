import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { Request } from 'express';
import { DomainError } from '../common/domain-error.js';
import type { Role } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';
import { IS_PUBLIC, ROLES_KEY } from './decorators.js';

/** Global guard: bearer token first, then the handler's roles. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector, private readonly jwt: JwtService) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const targets = [ctx.getHandler(), ctx.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const req = ctx.switchToHttp().getRequest<Request & { user?: AuthUser }>();
    const token = this.tokenOf(req);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Missing bearer token');
    try {
      const payload = await this.jwt.verifyAsync<{ sub: string; user: Omit<AuthUser, 'id'> }>(token);
      req.user = { id: payload.sub, ...payload.user };
    } catch {
      throw new DomainError('UNAUTHENTICATED', 'Invalid or expired token; please log in again');
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

import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../users/user.entity.js';
import type { AuthUser, SessionToken } from './auth-user.js';

export const IS_PUBLIC = 'sutiao:public';
export const ROLES_KEY = 'sutiao:roles';
export const BEFORE_PASSWORD_CHANGE = 'sutiao:before-password-change';

/** No token needed (health, docs, login, verification). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Callable with a one-time password not yet changed (everything else: 403 PASSWORD_CHANGE_REQUIRED). */
export const AllowBeforePasswordChange = () => SetMetadata(BEFORE_PASSWORD_CHANGE, true);

/** Only these roles may call the handler; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AuthUser => ctx.switchToHttp().getRequest<{ user: AuthUser }>().user,
);

/** The verified access token of the request (its `jti` and expiry). */
export const CurrentToken = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): SessionToken => ctx.switchToHttp().getRequest<{ token: SessionToken }>().token,
);

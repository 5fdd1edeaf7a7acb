import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../users/user.entity.js';
import type { AuthUser, PartyPrincipal, SessionToken } from './auth-user.js';

export const IS_PUBLIC = 'sutiao:public';
export const ROLES_KEY = 'sutiao:roles';
export const BEFORE_PASSWORD_CHANGE = 'sutiao:before-password-change';
export const PARTY_ONLY = 'sutiao:party-only';

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

/** Only party tokens (role `party`) may call the handler; staff tokens get 403, and party tokens get 403 everywhere else. */
export const PartyOnly = () => SetMetadata(PARTY_ONLY, true);

/** The party behind a party token (set by the guard on @PartyOnly handlers). */
export const CurrentParty = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): PartyPrincipal => ctx.switchToHttp().getRequest<{ party: PartyPrincipal }>().party,
);

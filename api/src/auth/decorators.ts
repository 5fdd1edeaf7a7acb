import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Role } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';

export const IS_PUBLIC = 'sutiao:public';
export const ROLES_KEY = 'sutiao:roles';

/** No token needed (health, docs, login, verification). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the handler; others get 403. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): AuthUser =>
  ctx.switchToHttp().getRequest<{ user: AuthUser }>().user);

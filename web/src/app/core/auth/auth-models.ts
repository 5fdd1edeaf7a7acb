import type { ApiSchema } from '../api/api';

// Generated from the OpenAPI document (core/api/api-types.ts, `npm run api:types`).
export type User = ApiSchema<'AuthUserView'>;
export type Role = User['role'];
export type LoginResponse = ApiSchema<'LoginResponse'>;

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  clerk: '立案庭书记员',
  mediator: '人民调解员',
  judge: '法官',
  statistician: '统计员',
};

/** Where each role lands after login. */
export const ROLE_HOME: Record<Role, string> = {
  admin: '/admin/users',
  clerk: '/clerk/cases',
  mediator: '/mediator/queue',
  judge: '/judge/desk',
  statistician: '/stats',
};

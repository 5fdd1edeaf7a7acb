export type Role = 'admin' | 'clerk' | 'mediator' | 'judge' | 'statistician';

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string | null;
  courtId: string | null;
}

export interface LoginResponse {
  accessToken: string;
  user: User;
  /** Signed in with a one-time password: it must be changed before anything else. */
  mustChangePassword?: boolean;
}

export const ROLE_LABELS: Record<Role, string> = {
  admin: '系统管理员',
  clerk: '立案庭书记员',
  mediator: '人民调解员',
  judge: '法官',
  statistician: '统计员',
};

/** Where each role lands after login. */
export const ROLE_HOME: Record<Role, string> = {
  admin: '/clerk/cases',
  clerk: '/clerk/cases',
  mediator: '/mediator/queue',
  judge: '/judge/desk',
  statistician: '/stats',
};

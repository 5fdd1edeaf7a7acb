import type { Role } from '../users/user.entity.js';

/** The caller, as carried in the access token. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  courtId: string;
  organizationId: string | null;
}

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

/** What an access token says besides the caller: its id (`jti`, for logout) and the account's token version. */
export interface AccessTokenClaims {
  sub: string;
  jti: string;
  tv: number;
  user: Omit<AuthUser, 'id'>;
  /** Present only on party tokens (role `party`): the one party of one case the token speaks for. */
  party?: Omit<PartyPrincipal, 'id'>;
  exp?: number;
}

/** The token behind a request, as the guard verified it. */
export interface SessionToken {
  jti: string;
  expiresAt: Date;
}

/** Where a request came from, for the audit trail of logins. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** A party signed in by SMS code: scoped to one party of one case. */
export interface PartyPrincipal {
  id: string;
  role: 'party';
  partyRole: 'applicant' | 'respondent';
  caseId: string;
  courtId: string;
  name: string;
}

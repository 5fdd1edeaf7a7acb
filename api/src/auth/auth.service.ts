import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { Clock } from '../common/clock.js';
import { DomainError, invalid } from '../common/domain-error.js';
import { User } from '../users/user.entity.js';
import type { AccessTokenClaims, AuthUser, ClientInfo, SessionToken } from './auth-user.js';
import { hashPassword, newPasswordProblem, verifyPassword } from './passwords.js';
import { SessionsService } from './sessions.service.js';

/** Per-account lockout (contract: 429 after at most 10 failures within 15 minutes for that username). */
export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export interface LoginResult {
  accessToken: string;
  user: AuthUser;
  /** A one-time password: the token may only change it (POST /api/auth/password). */
  mustChangePassword: boolean;
}

/** An account's own audit chain (logins, password changes); attempts on unknown usernames share `auth:unknown`. */
export const accountStream = (userId: string) => `user:${userId}`;
const UNKNOWN_ACCOUNTS_STREAM = 'auth:unknown';

const clientData = (client: ClientInfo) => ({ ip: client.ip, userAgent: client.userAgent?.slice(0, 300) ?? null });

@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so timing does not reveal which accounts exist. */
  private readonly dummyHash = hashPassword('not-a-real-password');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly sessions: SessionsService,
  ) {}

  /**
   * The password check is reserved first (one statement, serialized per username), so however many
   * requests arrive at once, at most MAX_FAILURES checks run per window; then argon2 runs with no
   * database connection held; then the outcome and its audit event commit together.
   */
  async login(usernameRaw: string, password: string, client: ClientInfo): Promise<LoginResult> {
    const username = usernameRaw.trim().toLowerCase();
    const now = this.clock.now();
    const attemptId = await this.reservePasswordCheck(username, now);
    const user = await this.dataSource.getRepository(User).findOne({ where: { username } });
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    const failure = !user ? 'unknown_user' : !ok ? 'wrong_password' : !user.active ? 'deactivated' : null;
    await this.dataSource.transaction(async (m) => {
      await this.finishPasswordCheck(m, attemptId, failure === null);
      await this.audit.append(
        m,
        failure === null
          ? {
              caseId: null,
              stream: accountStream(user!.id),
              type: 'auth.login',
              at: now,
              actor: user!,
              data: { ...clientData(client), mustChangePassword: user!.mustChangePassword },
            }
          : {
              caseId: null,
              stream: user ? accountStream(user.id) : UNKNOWN_ACCOUNTS_STREAM,
              type: 'auth.login_failed',
              at: now,
              actor: null,
              data: { username, reason: failure, ...clientData(client) },
            },
      );
    });
    if (failure !== null || !user) throw new DomainError('UNAUTHENTICATED', 'Wrong username or password');
    const authUser: AuthUser = {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      courtId: user.courtId,
      organizationId: user.organizationId,
    };
    const { id, ...claims } = authUser;
    const payload: AccessTokenClaims = { sub: id, jti: randomUUID(), tv: user.tokenVersion, user: claims };
    const accessToken = await this.jwt.signAsync(payload);
    return { accessToken, user: authUser, mustChangePassword: user.mustChangePassword };
  }

  /**
   * A new password for the caller. The current one is checked like a login (it counts against the
   * account's limit); the database then bumps the token version, which ends every token issued so far,
   * the caller's included: the client logs in again with the new password.
   */
  async changePassword(caller: AuthUser, currentPassword: string, newPassword: string, client: ClientInfo): Promise<void> {
    const problem = newPasswordProblem(newPassword, { username: caller.username, currentPassword });
    if (problem) throw invalid('newPassword', problem, passwordProblemMessage(problem));
    const now = this.clock.now();
    const attemptId = await this.reservePasswordCheck(caller.username, now);
    const user = await this.dataSource.getRepository(User).findOne({ where: { id: caller.id } });
    const ok = !!user && (await verifyPassword(user.passwordHash, currentPassword));
    const newHash = ok ? await hashPassword(newPassword) : null;
    await this.dataSource.transaction(async (m) => {
      await this.finishPasswordCheck(m, attemptId, ok);
      if (newHash) {
        await m.query('UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1', [caller.id, newHash]);
      }
      await this.audit.append(m, {
        caseId: null,
        stream: accountStream(caller.id),
        type: ok ? 'auth.password_changed' : 'auth.password_change_failed',
        at: now,
        actor: caller,
        data: { ...clientData(client), ...(ok ? { wasOneTimePassword: user!.mustChangePassword } : { reason: 'wrong_current_password' }) },
      });
    });
    if (!ok) throw invalid('currentPassword', 'incorrect', 'currentPassword: the current password is not correct');
    this.sessions.forgetUser(caller.id);
  }

  /** Ends the caller's token (the account's other sessions go on). */
  async logout(caller: AuthUser, token: SessionToken, client: ClientInfo): Promise<void> {
    const now = this.clock.now();
    await this.dataSource.transaction(async (m) => {
      await this.sessions.revoke(m, { jti: token.jti, userId: caller.id, expiresAt: token.expiresAt });
      await this.audit.append(m, {
        caseId: null,
        stream: accountStream(caller.id),
        type: 'auth.logout',
        at: now,
        actor: caller,
        data: { jti: token.jti, ...clientData(client) },
      });
    });
    this.sessions.forgetToken(token.jti);
  }

  /** Reserves one password check of `username` (login_attempt_reserve), or 429 when the window holds MAX_FAILURES. */
  private async reservePasswordCheck(username: string, now: Date): Promise<string> {
    const [row] = (await this.dataSource.query('SELECT login_attempt_reserve($1, $2, $3, $4) AS id', [
      username,
      now,
      new Date(now.getTime() - FAILURE_WINDOW_MS),
      MAX_FAILURES,
    ])) as { id: string | null }[];
    if (!row?.id) throw new DomainError('RATE_LIMITED', 'Too many wrong passwords for this account; try again in 15 minutes');
    return row.id;
  }

  /** A succeeded check stops counting against the limit; a failed one counts for the rest of the window. */
  private async finishPasswordCheck(m: EntityManager, attemptId: string, succeeded: boolean): Promise<void> {
    await m.query('UPDATE login_attempts SET succeeded = $2 WHERE id = $1', [attemptId, succeeded]);
  }
}

function passwordProblemMessage(problem: string): string {
  switch (problem) {
    case 'too_short':
      return 'newPassword: at least 10 characters';
    case 'equals_username':
      return 'newPassword: must not be the username';
    case 'unchanged':
      return 'newPassword: must differ from the current password';
    default:
      return `newPassword: ${problem}`;
  }
}

import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, verify } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { Clock } from '../common/clock.js';
import { DomainError } from '../common/domain-error.js';
import { LoginFailure, User } from '../users/user.entity.js';
import type { AuthUser } from './auth-user.js';

/** Per-account lockout (contract: 429 after at most 10 failures within 15 minutes for that username). */
export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;

export interface LoginResult { accessToken: string; user: Omit<AuthUser, never> }

@Injectable()
export class AuthService {
  /** Verified against when the username is unknown, so timing does not reveal which accounts exist. */
  private readonly dummyHash = hash('not-a-real-password');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly jwt: JwtService,
    private readonly clock: Clock,
  ) {}

  async login(usernameRaw: string, password: string): Promise<LoginResult> {
    const username = usernameRaw.trim().toLowerCase();
    const now = this.clock.now();
    const since = new Date(now.getTime() - FAILURE_WINDOW_MS);
    const failures = await this.dataSource.getRepository(LoginFailure).createQueryBuilder('f')
      .where('f.username = :username AND f.failedAt > :since', { username, since }).getCount();
    if (failures >= MAX_FAILURES) {
      throw new DomainError('RATE_LIMITED', 'Too many failed logins for this account; try again in 15 minutes');
    }
    const user = await this.dataSource.getRepository(User).findOne({ where: { username } });
    const ok = await verify(user?.passwordHash ?? (await this.dummyHash), password).catch(() => false);
    if (!user || !ok || !user.active) {
      await this.dataSource.getRepository(LoginFailure).insert({ username, failedAt: now });
      throw new DomainError('UNAUTHENTICATED', 'Wrong username or password');
    }
    const authUser: AuthUser = {
      id: user.id, username: user.username, displayName: user.displayName, role: user.role,
      courtId: user.courtId, organizationId: user.organizationId,
    };
    const { id, ...claims } = authUser;
    const accessToken = await this.jwt.signAsync({ sub: id, user: claims });
    return { accessToken, user: authUser };
  }
}

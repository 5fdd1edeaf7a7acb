import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';

/** What the guard needs to know about a token's account, as the database said at `checkedAt`. */
export interface SessionState {
  userId: string;
  tokenVersion: number;
  active: boolean;
  mustChangePassword: boolean;
  revoked: boolean;
  checkedAt: number;
}

/**
 * How stale an answer may be. Changes made through this instance are seen at once (the entries
 * are dropped); changes made through another instance, or in SQL, within this bound.
 */
export const SESSION_STATE_TTL_MS = 5000;
const MAX_ENTRIES = 20_000;

/**
 * Whether an access token still speaks for its account: the account's token version, `active`,
 * one-time-password flag and the token's logout, read from the database and kept per token id
 * (`jti`) for at most SESSION_STATE_TTL_MS.
 */
@Injectable()
export class SessionsService {
  private readonly states = new Map<string, SessionState>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async stateOf(userId: string, jti: string): Promise<SessionState | null> {
    const now = Date.now();
    const cached = this.states.get(jti);
    if (cached && cached.userId === userId && now - cached.checkedAt < SESSION_STATE_TTL_MS) return cached;
    const [row] = (await this.dataSource.query(
      `SELECT u.token_version AS "tokenVersion", u.active, u.must_change_password AS "mustChangePassword",
              EXISTS (SELECT 1 FROM revoked_tokens AS r WHERE r.jti = $2) AS revoked
         FROM users AS u WHERE u.id = $1`,
      [userId, jti],
    )) as Omit<SessionState, 'userId' | 'checkedAt'>[];
    if (!row) {
      this.states.delete(jti);
      return null;
    }
    if (this.states.size >= MAX_ENTRIES) this.sweep(now);
    const state: SessionState = { ...row, userId, checkedAt: now };
    this.states.set(jti, state);
    return state;
  }

  /** The account changed (password, activation; after the commit): its tokens are checked again on their next request. */
  forgetUser(userId: string): void {
    for (const [jti, state] of this.states) if (state.userId === userId) this.states.delete(jti);
  }

  /** The token was revoked (after the commit): its next request is checked again. */
  forgetToken(jti: string): void {
    this.states.delete(jti);
  }

  /** Ends one token (logout) until it would have expired; expired entries of the list go meanwhile. */
  async revoke(m: EntityManager, token: { jti: string; userId: string; expiresAt: Date }): Promise<void> {
    await m.query(`INSERT INTO revoked_tokens (jti, user_id, expires_at) VALUES ($1, $2, $3) ON CONFLICT (jti) DO NOTHING`, [
      token.jti,
      token.userId,
      token.expiresAt,
    ]);
    await m.query('DELETE FROM revoked_tokens WHERE expires_at < now()');
  }

  private sweep(now: number): void {
    for (const [jti, state] of this.states) if (now - state.checkedAt >= SESSION_STATE_TTL_MS) this.states.delete(jti);
    if (this.states.size >= MAX_ENTRIES) this.states.clear();
  }
}

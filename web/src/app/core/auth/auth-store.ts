import { Injectable, computed, signal } from '@angular/core';
import { LoginResponse, Role, User } from './auth-models';

const TOKEN_KEY = 'sutiao.token';
const USER_KEY = 'sutiao.user';

/** The signed-in user and their token, kept in sessionStorage so a reload keeps the session but a new tab does not. */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly tokenState = signal<string | null>(read(TOKEN_KEY));
  private readonly userState = signal<User | null>(parseUser(read(USER_KEY)));

  readonly token = this.tokenState.asReadonly();
  readonly user = this.userState.asReadonly();
  readonly role = computed<Role | null>(() => this.userState()?.role ?? null);
  readonly isLoggedIn = computed(() => this.tokenState() !== null && this.userState() !== null);

  setSession(session: LoginResponse): void {
    this.tokenState.set(session.accessToken);
    this.userState.set(session.user);
    write(TOKEN_KEY, session.accessToken);
    write(USER_KEY, JSON.stringify(session.user));
  }

  clear(): void {
    this.tokenState.set(null);
    this.userState.set(null);
    write(TOKEN_KEY, null);
    write(USER_KEY, null);
  }

  hasRole(...roles: Role[]): boolean {
    const role = this.role();
    return role !== null && roles.includes(role);
  }
}

function read(key: string): string | null {
  try {
    return globalThis.sessionStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) globalThis.sessionStorage?.removeItem(key);
    else globalThis.sessionStorage?.setItem(key, value);
  } catch {
    // Private mode or storage disabled: the session then lives in memory only.
  }
}

function parseUser(raw: string | null): User | null {
  if (!raw) return null;
  try {
    return JSON.parse(raw) as User;
  } catch {
    return null;
  }
}

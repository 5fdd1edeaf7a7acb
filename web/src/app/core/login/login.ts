import { ChangeDetectionStrategy, Component, ElementRef, inject, signal, viewChild } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { ActivatedRoute, Router } from '@angular/router';
import { AuthApi } from '../auth/auth-api';
import { AuthStore } from '../auth/auth-store';
import { LoginResponse, ROLE_HOME } from '../auth/auth-models';
import { ChangePassword } from './change-password/change-password';

/** A login with a one-time password, waiting for the new one. */
interface PendingChange {
  username: string;
  password: string;
  token: string;
}

type Field = 'username' | 'password';

/**
 * The sign-in page: the first screen every user loads, on any phone. It is built from native form
 * controls styled like the app's outlined fields, not from Angular Material and forms, so the page
 * that decides the first impression carries only the code it runs (issue 13: Lighthouse mobile).
 * The one-time-password step is deferred: its Material form loads only when a login needs it.
 */
@Component({
  selector: 'app-login',
  imports: [ChangePassword],
  templateUrl: './login.html',
  styleUrl: './login.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly usernameInput = viewChild<ElementRef<HTMLInputElement>>('usernameInput');
  private readonly passwordInput = viewChild<ElementRef<HTMLInputElement>>('passwordInput');

  readonly username = signal('');
  readonly password = signal('');
  /** Fields whose missing value is shown: after leaving them, or after a submit. */
  readonly touched = signal<ReadonlySet<Field>>(new Set());
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly pendingChange = signal<PendingChange | null>(null);

  valueOf(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  touch(field: Field): void {
    if (!this.touched().has(field)) this.touched.set(new Set([...this.touched(), field]));
  }

  missing(field: Field): boolean {
    const value = field === 'username' ? this.username().trim() : this.password();
    return value === '' && this.touched().has(field);
  }

  submit(event: Event): void {
    event.preventDefault();
    const username = this.username().trim();
    const password = this.password();
    if (!username || !password) {
      this.touched.set(new Set<Field>(['username', 'password']));
      (username ? this.passwordInput() : this.usernameInput())?.nativeElement.focus();
      return;
    }
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.login(username, password).subscribe({
      next: (session) => {
        this.busy.set(false);
        if (session.mustChangePassword) {
          this.pendingChange.set({ username, password, token: session.accessToken });
          return;
        }
        this.enter(session);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const status = err instanceof HttpErrorResponse ? err.status : 0;
        this.error.set(
          status === 401
            ? '用户名或密码不正确'
            : status === 429
              ? '该账号登录失败次数过多，请 15 分钟后再试'
              : status === 0
                ? '无法连接服务器，请检查网络'
                : '登录失败，请稍后再试',
        );
      },
    });
  }

  /** The session starts only with a password the user chose. */
  enter(session: LoginResponse): void {
    this.pendingChange.set(null);
    this.auth.setSession(session);
    const returnUrl = this.route.snapshot.queryParamMap.get('returnUrl');
    const target = returnUrl && returnUrl.startsWith('/') && returnUrl !== '/' ? returnUrl : ROLE_HOME[session.user.role];
    void this.router.navigateByUrl(target);
  }

  /** Back to the login form; the one-time token is ended on the server. */
  cancelChange(): void {
    const pending = this.pendingChange();
    if (pending) this.api.logout(pending.token).subscribe({ error: () => undefined });
    this.pendingChange.set(null);
    this.password.set('');
    this.touched.set(new Set());
  }
}

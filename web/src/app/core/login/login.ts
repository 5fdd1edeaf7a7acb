import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
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

@Component({
  selector: 'app-login',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, ChangePassword],
  templateUrl: './login.html',
  styleUrl: './login.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Login {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  readonly form = inject(NonNullableFormBuilder).group({
    username: ['', Validators.required],
    password: ['', Validators.required],
  });
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly pendingChange = signal<PendingChange | null>(null);

  submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.busy()) return;
    const { username, password } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api.login(username.trim(), password).subscribe({
      next: (session) => {
        this.busy.set(false);
        if (session.mustChangePassword) {
          this.pendingChange.set({ username: username.trim(), password, token: session.accessToken });
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
    this.form.controls.password.reset('');
  }
}

import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { switchMap } from 'rxjs';
import { apiErrorOf } from '../../api-error';
import { AuthApi } from '../../auth/auth-api';
import { LoginResponse } from '../../auth/auth-models';

/** The server's policy (POST /api/auth/password), checked here first so the form says what is wrong. */
export const MIN_PASSWORD_LENGTH = 10;

const MESSAGES: Record<string, string> = {
  required: '请输入新密码',
  too_short: '至少 10 个字符',
  equals_username: '不能与用户名相同',
  unchanged: '不能与一次性密码相同',
};

/**
 * After a login with a one-time password: the new password, then a login with it (the change ends
 * the one-time token). Emits the new session; the login page then enters the app.
 */
@Component({
  selector: 'app-change-password',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2>首次登录，请修改密码</h2>
    <p class="muted">您使用的是一次性密码。请设置新密码：至少 10 个字符，不能与用户名相同。</p>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <input type="text" [value]="username()" autocomplete="username" hidden />
      <mat-form-field class="full-width">
        <mat-label>新密码</mat-label>
        <input matInput type="password" formControlName="newPassword" autocomplete="new-password" cdkFocusInitial />
        @if (problemOf(form.controls.newPassword); as problem) {
          <mat-error>{{ problem }}</mat-error>
        }
      </mat-form-field>
      <mat-form-field class="full-width">
        <mat-label>再次输入新密码</mat-label>
        <input matInput type="password" formControlName="confirm" autocomplete="new-password" />
        @if (form.controls.confirm.hasError('mismatch')) {
          <mat-error>两次输入的密码不一致</mat-error>
        }
      </mat-form-field>
      @if (error()) {
        <p class="error-text" role="alert">{{ error()! }}</p>
      }
      <div class="actions">
        <button mat-button type="button" (click)="cancelled.emit()">返回登录</button>
        <button mat-flat-button type="submit" [disabled]="busy()">修改密码并登录</button>
      </div>
    </form>
  `,
  styles: `
    h2 {
      margin: 16px 0 4px;
      font: var(--mat-sys-title-large);
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .actions {
      display: flex;
      justify-content: flex-end;
      gap: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChangePassword {
  readonly username = input.required<string>();
  readonly currentPassword = input.required<string>();
  readonly token = input.required<string>();
  readonly changed = output<LoginResponse>();
  readonly cancelled = output<void>();

  private readonly api = inject(AuthApi);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  readonly form = inject(NonNullableFormBuilder).group({
    newPassword: ['', [Validators.required, this.policy()]],
    confirm: ['', [Validators.required, this.sameAsNew()]],
  });

  problemOf(control: AbstractControl): string | null {
    const code = Object.keys(control.errors ?? {})[0];
    return code ? (MESSAGES[code] ?? MESSAGES['required']) : null;
  }

  submit(): void {
    this.form.controls.confirm.updateValueAndValidity();
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.busy()) return;
    const { newPassword } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api
      .changePassword(this.token(), this.currentPassword(), newPassword)
      .pipe(switchMap(() => this.api.login(this.username(), newPassword)))
      .subscribe({
        next: (session) => this.changed.emit(session),
        error: (err: unknown) => {
          this.busy.set(false);
          const body = apiErrorOf(err);
          const field = body?.errors?.['newPassword'];
          if (field) {
            this.form.controls.newPassword.setErrors({ [field]: true });
            return;
          }
          this.error.set(
            body?.errors?.['currentPassword'] || body?.statusCode === 401
              ? '一次性密码已失效，请返回重新登录'
              : body?.statusCode === 429
                ? '该账号登录失败次数过多，请 15 分钟后再试'
                : '修改失败，请稍后再试',
          );
        },
      });
  }

  private policy(): ValidatorFn {
    return (control: AbstractControl<string>): ValidationErrors | null => {
      const value = control.value ?? '';
      if (!value) return null;
      if ([...value].length < MIN_PASSWORD_LENGTH) return { too_short: true };
      if (value.trim().toLowerCase() === this.username().trim().toLowerCase()) return { equals_username: true };
      if (value === this.currentPassword()) return { unchanged: true };
      return null;
    };
  }

  private sameAsNew(): ValidatorFn {
    return (control: AbstractControl<string>): ValidationErrors | null =>
      control.value && control.value !== this.form?.controls.newPassword.value ? { mismatch: true } : null;
  }
}

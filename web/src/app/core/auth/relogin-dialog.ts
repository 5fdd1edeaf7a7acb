import { ChangeDetectionStrategy, Component, Injector, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { HttpErrorResponse } from '@angular/common/http';
import { Router } from '@angular/router';
import { Observable, map } from 'rxjs';
import { AuthApi } from './auth-api';
import { AuthStore } from './auth-store';

interface ReloginData {
  username: string;
}

export function openReloginDialog(injector: Injector): Observable<boolean> {
  const dialog = injector.get(MatDialog);
  const auth = injector.get(AuthStore);
  return dialog
    .open<ReloginDialog, ReloginData, boolean>(ReloginDialog, {
      data: { username: auth.user()?.username ?? '' },
      disableClose: true,
      width: '400px',
      maxWidth: '95vw',
    })
    .afterClosed()
    .pipe(map((ok) => ok === true));
}

@Component({
  selector: 'app-relogin-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>登录已过期</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p>请重新输入密码继续操作，您已填写的内容不会丢失。</p>
        <mat-form-field class="full-width">
          <mat-label>用户名</mat-label>
          <input matInput formControlName="username" autocomplete="username" readonly />
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>密码</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="current-password" cdkFocusInitial />
          @if (form.controls.password.hasError('required')) {
            <mat-error>请输入密码</mat-error>
          }
        </mat-form-field>
        @if (error()) {
          <p class="error-text" role="alert">{{ error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" (click)="logout()">退出登录</button>
        <button mat-flat-button type="submit" [disabled]="busy()">继续</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReloginDialog {
  private readonly data = inject<ReloginData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ReloginDialog, boolean>>(MatDialogRef);
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);

  readonly form = inject(NonNullableFormBuilder).group({
    username: [this.data.username, Validators.required],
    password: ['', Validators.required],
  });
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  submit(): void {
    if (this.form.invalid || this.busy()) {
      this.form.markAllAsTouched();
      return;
    }
    const { username, password } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api.login(username, password).subscribe({
      next: (session) => {
        this.auth.setSession(session);
        this.ref.close(true);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const status = err instanceof HttpErrorResponse ? err.status : 0;
        this.error.set(status === 401 ? '密码不正确' : status === 429 ? '尝试次数过多，请稍后再试' : '登录失败，请稍后再试');
      },
    });
  }

  logout(): void {
    this.ref.close(false);
    this.auth.clear();
    void this.router.navigateByUrl('/login');
  }
}

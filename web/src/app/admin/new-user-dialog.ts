import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActionDialogData, ActionRunner } from '../cases/action-dialog';
import { ROLE_LABELS, Role } from '../core/auth/auth-models';
import { errorMessage, notBlankValidator } from '../shared/form-validators';
import { AdminUser, NewUser, OneTimePassword, UserChange } from './admin-api';

export interface NewUserDialogData extends ActionDialogData<NewUser, OneTimePassword> {
  organizations: { id: string; name: string }[];
}

/** 新增用户: username, name, role and, for a mediator, the committee; the answer carries the one-time password. */
@Component({
  selector: 'app-new-user-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title>新增用户</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <mat-form-field class="full-width">
          <mat-label>用户名</mat-label>
          <input matInput formControlName="username" autocomplete="off" cdkFocusInitial />
          <mat-hint>字母开头，可含字母、数字、“.”“_”“-”</mat-hint>
          @if (form.controls.username.invalid) {
            <mat-error>{{ message(form.controls.username.errors) || '用户名格式不正确' }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>姓名</mat-label>
          <input matInput formControlName="displayName" maxlength="100" />
          @if (form.controls.displayName.invalid) {
            <mat-error>{{ message(form.controls.displayName.errors) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>角色</mat-label>
          <mat-select formControlName="role">
            @for (r of roles; track r) {
              <mat-option [value]="r">{{ roleLabels[r] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        @if (form.controls.role.value === 'mediator') {
          <mat-form-field class="full-width">
            <mat-label>所属调解组织</mat-label>
            <mat-select formControlName="organizationId">
              @for (o of data.organizations; track o.id) {
                <mat-option [value]="o.id">{{ o.name }}</mat-option>
              }
            </mat-select>
            @if (form.controls.organizationId.invalid) {
              <mat-error>调解员须选择所属调解组织</mat-error>
            }
          </mat-form-field>
        }
        @if (runner.error()) {
          <p class="error-text" role="alert">{{ runner.error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>取消</button>
        <button mat-flat-button type="submit" [disabled]="runner.busy()">创建</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NewUserDialog {
  readonly data = inject<NewUserDialogData>(MAT_DIALOG_DATA);
  readonly runner = new ActionRunner<OneTimePassword>();
  readonly message = errorMessage;
  readonly roles: Role[] = ['clerk', 'mediator', 'judge', 'statistician', 'admin'];
  readonly roleLabels = ROLE_LABELS;
  readonly form = inject(NonNullableFormBuilder).group({
    username: ['', [Validators.required, Validators.pattern(/^[A-Za-z][A-Za-z0-9._-]{1,63}$/)]],
    displayName: ['', [Validators.required, notBlankValidator, Validators.maxLength(100)]],
    role: ['clerk' as Role, Validators.required],
    organizationId: [''],
  });

  constructor() {
    this.form.controls.role.valueChanges.subscribe((role) => {
      const org = this.form.controls.organizationId;
      org.setValidators(role === 'mediator' ? [Validators.required] : []);
      org.updateValueAndValidity();
    });
  }

  submit(): void {
    const v = this.form.getRawValue();
    const body: NewUser = {
      username: v.username.trim(),
      displayName: v.displayName.trim(),
      role: v.role,
      ...(v.role === 'mediator' ? { organizationId: v.organizationId } : {}),
    };
    this.runner.run(this.form, body, this.data.submit);
  }
}

export interface EditUserDialogData extends ActionDialogData<UserChange, AdminUser> {
  user: AdminUser;
  organizations: { id: string; name: string }[];
}

/**
 * 修改用户: the name and, for a mediator, the committee. A mediator who moves keeps the cases in
 * mediation unless the administrator returns them to their queues here.
 */
@Component({
  selector: 'app-edit-user-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title>修改用户：{{ data.user.username }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <mat-form-field class="full-width">
          <mat-label>姓名</mat-label>
          <input matInput formControlName="displayName" maxlength="100" />
          @if (form.controls.displayName.invalid) {
            <mat-error>{{ message(form.controls.displayName.errors) }}</mat-error>
          }
        </mat-form-field>
        @if (data.user.role === 'mediator') {
          <mat-form-field class="full-width">
            <mat-label>所属调解组织</mat-label>
            <mat-select formControlName="organizationId">
              @for (o of data.organizations; track o.id) {
                <mat-option [value]="o.id">{{ o.name }}</mat-option>
              }
            </mat-select>
          </mat-form-field>
          @if (moving() && data.user.openCases > 0) {
            <mat-checkbox formControlName="releaseOpenCases">
              将其在办的 {{ data.user.openCases }} 件案件退回队列（不勾选则仍由其继续办理）
            </mat-checkbox>
          }
        }
        @if (runner.error()) {
          <p class="error-text" role="alert">{{ runner.error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>取消</button>
        <button mat-flat-button type="submit" [disabled]="runner.busy()">保存</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class EditUserDialog {
  readonly data = inject<EditUserDialogData>(MAT_DIALOG_DATA);
  readonly runner = new ActionRunner<AdminUser>();
  readonly message = errorMessage;
  readonly form = inject(NonNullableFormBuilder).group({
    displayName: [this.data.user.displayName, [Validators.required, notBlankValidator, Validators.maxLength(100)]],
    organizationId: [this.data.user.organizationId ?? ''],
    releaseOpenCases: [false],
  });
  private readonly organization = toSignal(this.form.controls.organizationId.valueChanges, {
    initialValue: this.form.controls.organizationId.value,
  });
  readonly moving = computed(() => this.organization() !== (this.data.user.organizationId ?? ''));

  submit(): void {
    const v = this.form.getRawValue();
    const name = v.displayName.trim();
    const body: UserChange = {
      ...(name !== this.data.user.displayName ? { displayName: name } : {}),
      ...(this.data.user.role === 'mediator' && this.moving() && v.organizationId
        ? { organizationId: v.organizationId, ...(v.releaseOpenCases ? { releaseOpenCases: true } : {}) }
        : {}),
    };
    this.runner.run(this.form, body, this.data.submit);
  }
}

/** The one-time password, shown once with the rule that it must be changed at the first login. */
@Component({
  selector: 'app-one-time-password-dialog',
  imports: [MatDialogModule, MatButtonModule],
  template: `
    <h2 mat-dialog-title>一次性密码</h2>
    <mat-dialog-content>
      <p>
        用户
        <strong>{{ data.user.displayName }}（{{ data.user.username }}）</strong>
        的一次性密码如下，仅显示这一次。请当面或通过安全渠道告知本人，首次登录时必须修改。
      </p>
      <p class="password" aria-label="一次性密码">{{ data.initialPassword }}</p>
      @if (copied()) {
        <p class="muted" role="status">已复制</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" (click)="copy()">复制</button>
      <button mat-flat-button type="button" mat-dialog-close>我已记下</button>
    </mat-dialog-actions>
  `,
  styles: `
    .password {
      font:
        600 1.4rem/1.6 ui-monospace,
        'Noto Sans Mono',
        monospace;
      letter-spacing: 0.05em;
      padding: 8px 12px;
      background: var(--mat-sys-surface-container, #f3edf7);
      border-radius: 8px;
      user-select: all;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OneTimePasswordDialog {
  readonly data = inject<OneTimePassword>(MAT_DIALOG_DATA);
  readonly copied = signal(false);

  copy(): void {
    void navigator.clipboard?.writeText(this.data.initialPassword).then(() => this.copied.set(true));
  }
}

import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { ActivatedRoute, Router } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { friendlyError } from '../core/api-error';
import { phoneValidator } from '../shared/form-validators';
import { PartyApi } from './party-api';

const RESEND_SECONDS = 60;

/** 当事人登录: case number and phone, then the 6-digit code sent by SMS. No account needed. */
@Component({
  selector: 'app-party-sign-in',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <main class="party-page" id="main">
      <h1>当事人登录</h1>
      <p class="lead">输入案号和您在法院登记的手机号码，我们会向该号码发送验证码。</p>
      <form [formGroup]="form" (ngSubmit)="codeSent() ? signIn() : sendCode()">
        <mat-form-field class="full-width">
          <mat-label>案号</mat-label>
          <input matInput formControlName="caseNumber" autocomplete="off" placeholder="（2026）黔0381民初1号" />
          @if (form.controls.caseNumber.invalid) {
            <mat-error>请输入案号</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>手机号码</mat-label>
          <input matInput formControlName="phone" type="tel" inputmode="numeric" autocomplete="tel" />
          @if (form.controls.phone.invalid) {
            <mat-error>请输入11位手机号码</mat-error>
          }
        </mat-form-field>
        @if (codeSent()) {
          <p class="notice" role="status">如案号与手机号码一致，验证码已发送，10分钟内有效。</p>
          <mat-form-field class="full-width">
            <mat-label>验证码</mat-label>
            <input matInput formControlName="code" inputmode="numeric" autocomplete="one-time-code" maxlength="6" />
            @if (form.controls.code.invalid) {
              <mat-error>请输入6位数字验证码</mat-error>
            }
          </mat-form-field>
        }
        @if (error()) {
          <p class="error-text" role="alert">{{ error() }}</p>
        }
        @if (codeSent()) {
          <button mat-flat-button class="big" type="submit" [disabled]="busy()">登录</button>
          <button mat-button class="big" type="button" [disabled]="busy() || wait() > 0" (click)="sendCode()">
            {{ wait() > 0 ? '重新获取（' + wait() + '秒）' : '重新获取验证码' }}
          </button>
        } @else {
          <button mat-flat-button class="big" type="submit" [disabled]="busy()">获取验证码</button>
        }
      </form>
      <p class="muted small">验证码仅用于查看本人案件、确认调解及接收文书，请勿告诉他人。</p>
    </main>
  `,
  styleUrl: './party.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartySignIn {
  private readonly api = inject(PartyApi);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);

  readonly form = inject(NonNullableFormBuilder).group({
    caseNumber: [inject(ActivatedRoute).snapshot.queryParamMap.get('caseNumber') ?? '', [Validators.required, Validators.maxLength(60)]],
    phone: ['', [Validators.required, phoneValidator]],
    code: ['', [Validators.pattern(/^\d{6}$/)]],
  });
  readonly codeSent = signal(false);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly wait = signal(0);
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    this.destroyRef.onDestroy(() => this.stopTimer());
  }

  sendCode(): void {
    const { caseNumber, phone } = this.form.controls;
    if (caseNumber.invalid || phone.invalid) {
      caseNumber.markAsTouched();
      phone.markAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    this.api.requestCode(caseNumber.value.trim(), phone.value.trim()).subscribe({
      next: () => {
        this.busy.set(false);
        this.codeSent.set(true);
        this.form.controls.code.addValidators(Validators.required);
        this.startTimer();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(friendlyError(err, '验证码发送失败，请稍后再试'));
      },
    });
  }

  signIn(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { caseNumber, phone, code } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api.verify(caseNumber.trim(), phone.trim(), code).subscribe({
      next: () => {
        this.busy.set(false);
        void this.router.navigateByUrl('/party/case');
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(friendlyError(err, '验证码错误或已失效，请重新获取'));
      },
    });
  }

  private startTimer(): void {
    this.stopTimer();
    this.wait.set(RESEND_SECONDS);
    this.timer = setInterval(() => {
      this.wait.update((s) => Math.max(0, s - 1));
      if (this.wait() === 0) this.stopTimer();
    }, 1000);
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

import { ChangeDetectionStrategy, Component, OnDestroy, effect, inject, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { formatInstant } from '../shared/dates';
import { PartyAgreement, PartyApi, openPdf, partyError } from './party-api';

const RESEND_SECONDS = 60;

/** 调解协议签署: review the PDF, get a code, sign it — or refuse with a reason. Shown once the mediator issues it. */
@Component({
  selector: 'app-party-agreement-card',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    @if (agreement(); as a) {
      @if (a.status !== 'none') {
        <section class="card" aria-labelledby="agreement-heading">
          <h2 id="agreement-heading">调解协议签署</h2>
          @if (a.status === 'effective') {
            <p class="notice" role="status">调解协议已经各方签名，于 {{ a.effectiveOn }} 生效。</p>
          } @else {
            <p>调解员已将调解协议交您签署。请先查看协议全文，确认无误后用短信验证码签名。您的签名只对您查看的这份文书有效。</p>
          }
          @if (a.documentId && a.served) {
            <button mat-stroked-button type="button" class="big" [disabled]="opening()" (click)="open(a)">
              {{ a.status === 'effective' ? '查看已签名的协议' : '查看协议全文' }}
            </button>
          }
          @if (a.documentSha256) {
            <p class="muted small">
              文书指纹（SHA-256）前16位：<span class="mono">{{ a.documentSha256.slice(0, 16) }}</span>
            </p>
          }
          <h3>签名情况</h3>
          <ul class="parties" aria-label="签名情况">
            @for (s of a.signers; track s.partyId) {
              <li>
                <strong>{{ s.role === 'applicant' ? '申请人' : '被申请人' }}</strong> {{ s.name }}
                @if (s.self) {
                  <span class="tag">本人</span>
                }
                <span class="block small" [class.ok]="s.status === 'signed'">
                  @switch (s.status) {
                    @case ('signed') {
                      已签名（{{ s.method === 'online' ? '在线' : '纸质' }}{{ s.signedAt ? '，' + when(s.signedAt) : '' }}）
                    }
                    @case ('refused') {
                      已拒绝签名
                    }
                    @default {
                      待签名
                    }
                  }
                </span>
              </li>
            }
          </ul>
          @if (a.status === 'awaiting_signatures' && !a.served) {
            <p class="notice">
              请先在上方“调解意愿与送达方式”中同意电子送达，协议送达后即可查看并在线签名；也可以到调解组织在纸质协议上签名。
            </p>
          }
          @if (a.myRefusal; as r) {
            <p class="notice">您已于 {{ when(r.refusedAt) }} 拒绝签名，理由：{{ r.reason }}。如改变主意，仍可签名。</p>
          }
          @if (a.canSign) {
            <div class="sign">
              <button mat-stroked-button type="button" class="big" [disabled]="sending() || countdown() > 0" (click)="requestCode()">
                {{ countdown() > 0 ? countdown() + ' 秒后可重新获取' : '获取签名验证码' }}
              </button>
              @if (codeSent()) {
                <p class="muted small" role="status">验证码已发送到您登记的手机，10分钟内有效。</p>
              }
              <mat-form-field class="full-width">
                <mat-label>短信验证码</mat-label>
                <input
                  matInput
                  name="code"
                  inputmode="numeric"
                  autocomplete="one-time-code"
                  maxlength="6"
                  [(ngModel)]="code"
                  aria-describedby="sign-hint"
                />
              </mat-form-field>
              <p id="sign-hint" class="muted small">点击“确认签名”即表示您已阅读并同意协议全部内容，与在纸质协议上签名具有同等效力。</p>
              <button mat-flat-button type="button" class="big" [disabled]="signing() || code.length !== 6" (click)="sign(a)">
                确认签名
              </button>
              @if (!refusing()) {
                <button mat-button type="button" class="big" (click)="refusing.set(true)">不同意，拒绝签名</button>
              } @else {
                <mat-form-field class="full-width">
                  <mat-label>拒绝签名的理由</mat-label>
                  <textarea matInput name="reason" rows="3" maxlength="1000" [(ngModel)]="reason"></textarea>
                </mat-form-field>
                <button mat-stroked-button type="button" class="big" [disabled]="signing() || !reason.trim()" (click)="refuse()">
                  提交拒签理由
                </button>
              }
            </div>
          }
          @if (error()) {
            <p class="error-text" role="alert">{{ error() }}</p>
          }
        </section>
      }
    }
  `,
  styleUrl: './party.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartyAgreementCard implements OnDestroy {
  private readonly api = inject(PartyApi);

  /** Bumped by the page when the case changed (consent given), to reload. */
  readonly refresh = input(0);
  readonly changed = output<void>();

  readonly agreement = signal<PartyAgreement | null>(null);
  readonly error = signal<string | null>(null);
  readonly sending = signal(false);
  readonly codeSent = signal(false);
  readonly countdown = signal(0);
  readonly signing = signal(false);
  readonly refusing = signal(false);
  readonly opening = signal(false);
  readonly when = formatInstant;
  code = '';
  reason = '';
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    effect(() => {
      this.refresh();
      this.load();
    });
  }

  ngOnDestroy(): void {
    if (this.timer) clearInterval(this.timer);
  }

  load(): void {
    this.api.agreement().subscribe({
      next: (a) => this.agreement.set(a),
      error: (err: unknown) => this.error.set(partyError(err, '协议加载失败')),
    });
  }

  open(a: PartyAgreement): void {
    if (!a.documentId) return;
    this.opening.set(true);
    openPdf(this.api.documentPdf(a.documentId), (err) => {
      this.opening.set(false);
      if (err) this.error.set(partyError(err, '协议打开失败'));
    });
  }

  requestCode(): void {
    this.sending.set(true);
    this.error.set(null);
    this.api.requestSignatureCode().subscribe({
      next: () => {
        this.sending.set(false);
        this.codeSent.set(true);
        this.countdown.set(RESEND_SECONDS);
        if (this.timer) clearInterval(this.timer);
        this.timer = setInterval(() => {
          this.countdown.update((n) => Math.max(0, n - 1));
          if (this.countdown() === 0 && this.timer) clearInterval(this.timer);
        }, 1000);
      },
      error: (err: unknown) => {
        this.sending.set(false);
        this.error.set(partyError(err, '验证码发送失败'));
      },
    });
  }

  sign(a: PartyAgreement): void {
    if (!a.documentSha256) return;
    this.signing.set(true);
    this.error.set(null);
    this.api.sign(a.documentSha256, this.code.trim()).subscribe({
      next: (next) => {
        this.signing.set(false);
        this.code = '';
        this.agreement.set(next);
        this.changed.emit();
      },
      error: (err: unknown) => {
        this.signing.set(false);
        this.error.set(partyError(err, '签名失败，请稍后再试'));
        this.load(); // an amended agreement: show the new PDF
      },
    });
  }

  refuse(): void {
    this.signing.set(true);
    this.error.set(null);
    this.api.refuse(this.reason.trim()).subscribe({
      next: (next) => {
        this.signing.set(false);
        this.refusing.set(false);
        this.agreement.set(next);
        this.changed.emit();
      },
      error: (err: unknown) => {
        this.signing.set(false);
        this.error.set(partyError(err, '提交失败，请稍后再试'));
      },
    });
  }
}

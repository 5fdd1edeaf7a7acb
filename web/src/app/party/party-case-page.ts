import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { disputeTypeOf } from '@rules/dispute-types';
import { friendlyError } from '../core/api-error';
import { statusLabel } from '../shared/case-status';
import { formatInstant } from '../shared/dates';
import { PartyApi, PartyCase, PartyDocument, PartySession } from './party-api';
import { PartyAgreementCard } from './party-agreement-card';
import { PartyConfirmationCard } from './party-confirmation-card';
import { PartyRatingCard } from './party-rating-card';

/** 我的案件: the case from the party's side (the other side masked), and their consent to mediation and electronic service. */
@Component({
  selector: 'app-party-case-page',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    PartyAgreementCard,
    PartyConfirmationCard,
    PartyRatingCard,
  ],
  template: `
    <main class="party-page" id="main">
      <div class="top">
        <h1>我的案件</h1>
        <button mat-button type="button" (click)="signOut()">退出</button>
      </div>
      @if (loading()) {
        <mat-progress-bar mode="indeterminate" aria-label="正在加载" />
      }
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
      @if (record(); as c) {
        <p class="greeting">{{ name() }}，您好</p>
        <section class="card" aria-labelledby="case-heading">
          <h2 id="case-heading">{{ c.caseNumber }}</h2>
          <dl class="facts">
            <div>
              <dt>案件状态</dt>
              <dd>{{ status() }}</dd>
            </div>
            <div>
              <dt>案由</dt>
              <dd>{{ disputeType() }}</dd>
            </div>
            <div>
              <dt>收案日期</dt>
              <dd>{{ c.receivedOn }}</dd>
            </div>
            @if (c.mediationEndsOn) {
              <div>
                <dt>调解期限至</dt>
                <dd>{{ c.mediationEndsOn }}</dd>
              </div>
            }
            @if (c.confirmationApplyBy) {
              <div>
                <dt>申请司法确认期限</dt>
                <dd>{{ c.confirmationApplyBy }} 前（协议生效之日起30日内）</dd>
              </div>
            }
          </dl>
          <h3>请求事项</h3>
          <ol class="claims">
            @for (claim of c.claims; track $index) {
              <li>{{ claim }}</li>
            }
          </ol>
          <h3>当事人</h3>
          <ul class="parties">
            @for (p of c.parties; track p.id) {
              <li>
                <strong>{{ p.role === 'applicant' ? '申请人' : '被申请人' }}</strong>
                {{ p.name }}
                @if (p.self) {
                  <span class="tag">本人</span>
                }
                @if (p.idNumber) {
                  <span class="muted block">{{ p.kind === 'person' ? '身份证号' : '统一社会信用代码' }} {{ p.idNumber }}</span>
                }
              </li>
            }
          </ul>
        </section>

        <section class="card" aria-labelledby="docs-heading">
          <h2 id="docs-heading">我的文书</h2>
          @if (documents().length === 0) {
            <p class="muted">暂无电子送达的文书。同意电子送达后，法院和调解组织出具的文书会显示在这里，并以短信通知您。</p>
          } @else {
            <ul class="docs">
              @for (d of documents(); track d.id) {
                <li>
                  <div>
                    <strong>{{ d.title }}</strong>
                    <span class="muted block small">送达时间 {{ when(d.servedAt) }} · {{ d.readAt ? '已查阅' : '未查阅' }}</span>
                  </div>
                  <button
                    mat-stroked-button
                    type="button"
                    class="open"
                    [disabled]="opening() === d.id"
                    (click)="open(d)"
                    [attr.aria-label]="'查看 ' + d.title"
                  >
                    查看
                  </button>
                </li>
              }
            </ul>
          }
          @if (docError()) {
            <p class="error-text" role="alert">{{ docError() }}</p>
          }
        </section>

        <section class="card" aria-labelledby="consent-heading">
          <h2 id="consent-heading">调解意愿与送达方式</h2>
          @if (c.consent; as k) {
            <p class="notice" role="status">
              您已于 {{ when(k.consentedAt) }} 确认：{{ k.mediation ? '同意调解' : '不同意调解' }}；{{
                k.electronicService ? '同意电子送达' : '不同意电子送达'
              }}
              @if (k.serviceAddress) {
                ；送达地址：{{ k.serviceAddress }}
              }
              。如需修改，可重新提交。
            </p>
          }
          <form [formGroup]="form" (ngSubmit)="submitConsent()">
            <mat-checkbox formControlName="mediation">我同意由人民调解组织进行调解</mat-checkbox>
            <mat-checkbox formControlName="electronicService">我同意通过本平台和短信接收法律文书（电子送达）</mat-checkbox>
            <p class="muted small">
              依照《中华人民共和国民事诉讼法》第九十条，经受送达人同意，人民法院可以采用电子方式送达诉讼文书。判决书、裁定书、调解书经受送达人同意也可以电子送达。
            </p>
            <mat-form-field class="full-width">
              <mat-label>送达地址（用于邮寄纸质文书，可选）</mat-label>
              <textarea matInput formControlName="serviceAddress" rows="2" maxlength="500"></textarea>
            </mat-form-field>
            @if (consentError()) {
              <p class="error-text" role="alert">{{ consentError() }}</p>
            }
            <button mat-flat-button class="big" type="submit" [disabled]="saving()">确认提交</button>
          </form>
        </section>

        <app-party-agreement-card [refresh]="refresh()" (changed)="changed()" />
        <app-party-confirmation-card [refresh]="refresh()" (changed)="changed()" />
        <app-party-rating-card [refresh]="refresh()" />
      }
    </main>
  `,
  styleUrl: './party.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartyCasePage implements OnInit {
  private readonly api = inject(PartyApi);
  private readonly session = inject(PartySession);
  private readonly router = inject(Router);

  readonly record = signal<PartyCase | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly saving = signal(false);
  readonly consentError = signal<string | null>(null);
  readonly documents = signal<PartyDocument[]>([]);
  readonly opening = signal<string | null>(null);
  readonly docError = signal<string | null>(null);
  /** Bumped when something the cards show may have changed (consent, a signature, a join). */
  readonly refresh = signal(0);
  readonly name = computed(() => this.session.session()?.party.name ?? '');
  readonly status = computed(() => {
    const c = this.record();
    return c ? statusLabel(c.status) : '';
  });
  readonly disputeType = computed(() => {
    const code = this.record()?.disputeType ?? '';
    return disputeTypeOf(code)?.name ?? code;
  });
  readonly when = formatInstant;

  readonly form = inject(NonNullableFormBuilder).group({
    mediation: [true],
    electronicService: [true],
    serviceAddress: ['', [Validators.maxLength(500)]],
  });

  ngOnInit(): void {
    this.load();
    this.loadDocuments();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.myCase().subscribe({
      next: (c) => {
        this.record.set(c);
        this.loading.set(false);
        const self = c.parties.find((p) => p.self);
        this.form.patchValue({
          mediation: c.consent?.mediation ?? true,
          electronicService: c.consent?.electronicService ?? true,
          serviceAddress: c.consent?.serviceAddress ?? self?.address ?? '',
        });
      },
      error: (err: unknown) => {
        this.loading.set(false);
        if (err && typeof err === 'object' && 'status' in err && (err.status === 401 || err.status === 403)) {
          this.signOut();
          return;
        }
        this.error.set(friendlyError(err, '案件加载失败'));
      },
    });
  }

  loadDocuments(): void {
    this.api.documents().subscribe({
      next: (docs) => this.documents.set(docs),
      error: (err: unknown) => this.docError.set(friendlyError(err, '文书加载失败')),
    });
  }

  open(d: PartyDocument): void {
    // Open the tab inside the tap so the browser allows it; fill it when the PDF arrives.
    const tab = window.open('', '_blank');
    this.opening.set(d.id);
    this.docError.set(null);
    this.api.documentPdf(d.id).subscribe({
      next: (blob) => {
        this.opening.set(null);
        const url = URL.createObjectURL(blob);
        if (tab) tab.location.href = url;
        else window.location.href = url;
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
        this.loadDocuments();
      },
      error: (err: unknown) => {
        tab?.close();
        this.opening.set(null);
        this.docError.set(friendlyError(err, '文书打开失败'));
      },
    });
  }

  submitConsent(): void {
    if (this.form.invalid) return;
    const v = this.form.getRawValue();
    const address = v.serviceAddress.trim();
    this.saving.set(true);
    this.consentError.set(null);
    this.api
      .consent({ mediation: v.mediation, electronicService: v.electronicService, ...(address ? { serviceAddress: address } : {}) })
      .subscribe({
        next: (consent) => {
          this.saving.set(false);
          this.record.update((c) => (c ? { ...c, consent } : c));
          this.loadDocuments(); // what was issued before is served now
          this.refresh.update((n) => n + 1);
        },
        error: (err: unknown) => {
          this.saving.set(false);
          this.consentError.set(friendlyError(err, '提交失败，请稍后再试'));
        },
      });
  }

  /** A card changed the case (signed, joined): reload the case, its documents and the other cards. */
  changed(): void {
    this.load();
    this.loadDocuments();
    this.refresh.update((n) => n + 1);
  }

  signOut(): void {
    this.session.clear();
    void this.router.navigateByUrl('/party');
  }
}

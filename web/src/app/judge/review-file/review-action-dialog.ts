import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, ValidatorFn, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import {
  CLOSURE_LABELS,
  DEEMED_WITHDRAWN_REASONS,
  EXCLUDED_MATTERS,
  MATERIAL_CODES,
  MATERIAL_LABELS,
  SUPPLEMENT_DEFAULT_DAYS,
  SUPPLEMENT_MAX_DAYS,
  type MaterialCode,
} from '@rules/review-file';
import { errorMessage, notBlankValidator } from '../../shared/form-validators';
import { ActionDialogData, ActionRunner } from '../../cases/action-dialog';
import { CaseRecord } from '../../cases/case-models';

/** The review-file actions that need a form; each answers the updated case. */
export type ReviewDialogMode =
  | 'acceptance'
  | 'supplement'
  | 'received'
  | 'extension'
  | 'not_accepted'
  | 'withdrawal_permitted'
  | 'deemed_withdrawn'
  | 'decree'
  | 'withdrawal';

export interface ReviewDialogData extends ActionDialogData<Record<string, unknown>, CaseRecord> {
  mode: ReviewDialogMode;
  /** Defaults: the application date, the materials still missing, today. */
  appliedOn?: string | null;
  agentApplies?: boolean;
  missing?: MaterialCode[];
  today: string;
}

const TITLES: Record<ReviewDialogMode, string> = {
  acceptance: '记录受理日期',
  supplement: '通知补交材料',
  received: '记录补交材料已收到',
  extension: '记录院长批准延长审查期限',
  not_accepted: '裁定不予受理',
  withdrawal_permitted: '裁定准许撤回申请',
  deemed_withdrawn: '裁定按撤回申请处理',
  decree: '出具民事调解书',
  withdrawal: '记录原告撤诉',
};

const EXPLANATIONS: Record<ReviewDialogMode, string> = {
  acceptance: '审查期限自受理之日起算（《关于人民调解协议司法确认程序的若干规定》第五条；民事诉讼法第二百零五条、第一百八十七条）。',
  supplement: '民诉法解释第三百五十四条：当事人未在指定期限内补交的，按撤回申请处理。补交期间审查期限暂停计算。',
  received: '材料收到后，审查期限恢复计算。',
  extension: '有特殊情况需要延长的，经本院院长批准，可延长十日（只能延长一次），自原期限届满之日的次日起算。',
  not_accepted: CLOSURE_LABELS.not_accepted + '。将出具民事裁定书。',
  withdrawal_permitted: CLOSURE_LABELS.withdrawal_permitted + '。将出具民事裁定书。',
  deemed_withdrawn: CLOSURE_LABELS.deemed_withdrawn + '。将出具民事裁定书。',
  decree:
    '立案后委托调解达成协议的，人民法院依法审查后出具民事调解书（民事诉讼法第一百条），经双方当事人签收后即具有法律效力，本案以调解书结案。',
  withdrawal: '达成协议后原告申请撤诉的，记录其撤诉的意思表示，本案以撤诉结案。',
};

const CONFIRM_LABELS: Partial<Record<ReviewDialogMode, string>> = {
  decree: '出具调解书',
  withdrawal: '记录撤诉',
  not_accepted: '作出裁定',
  withdrawal_permitted: '作出裁定',
  deemed_withdrawn: '作出裁定',
};

/** One dialog for the judge's review-file actions: the fields each action needs, validated as the API does. */
@Component({
  selector: 'app-review-action-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title>{{ title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p class="muted">{{ explanation }}</p>
        @switch (mode) {
          @case ('acceptance') {
            <mat-form-field class="full-width">
              <mat-label>受理日期</mat-label>
              <input matInput type="date" formControlName="date" [max]="data.today" />
              @if (form.controls.date.invalid) {
                <mat-error>{{ message(form.controls.date.errors) }}</mat-error>
              }
            </mat-form-field>
            <mat-checkbox formControlName="agentApplies">由委托代理人申请（需提交授权委托书）</mat-checkbox>
          }
          @case ('supplement') {
            <mat-form-field class="full-width">
              <mat-label>需补交的材料</mat-label>
              <mat-select formControlName="items" multiple>
                @for (code of materialCodes; track code) {
                  <mat-option [value]="code">{{ materialLabels[code] }}</mat-option>
                }
              </mat-select>
              @if (form.controls.items.invalid) {
                <mat-error>请至少选择一项</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="full-width">
              <mat-label>补交期限（日）</mat-label>
              <input matInput type="number" formControlName="days" min="1" [max]="maxDays" />
              <mat-hint>1–{{ maxDays }} 日，默认 {{ defaultDays }} 日</mat-hint>
              @if (form.controls.days.invalid) {
                <mat-error>请填写 1–{{ maxDays }} 之间的整数</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="full-width">
              <mat-label>说明（可选）</mat-label>
              <textarea matInput formControlName="text" rows="3" maxlength="2000"></textarea>
            </mat-form-field>
          }
          @case ('received') {
            <mat-form-field class="full-width">
              <mat-label>收到日期</mat-label>
              <input matInput type="date" formControlName="date" [max]="data.today" />
              @if (form.controls.date.invalid) {
                <mat-error>{{ message(form.controls.date.errors) }}</mat-error>
              }
            </mat-form-field>
          }
          @case ('extension') {
            <mat-form-field class="full-width">
              <mat-label>批准院长</mat-label>
              <input matInput formControlName="approvedBy" maxlength="100" />
              @if (form.controls.approvedBy.invalid) {
                <mat-error>{{ message(form.controls.approvedBy.errors) }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="full-width">
              <mat-label>批准日期</mat-label>
              <input matInput type="date" formControlName="date" [max]="data.today" />
              @if (form.controls.date.invalid) {
                <mat-error>{{ message(form.controls.date.errors) }}</mat-error>
              }
            </mat-form-field>
            <mat-form-field class="full-width">
              <mat-label>延长理由</mat-label>
              <textarea matInput formControlName="text" rows="3" maxlength="2000"></textarea>
              @if (form.controls.text.invalid) {
                <mat-error>{{ message(form.controls.text.errors) }}</mat-error>
              }
            </mat-form-field>
          }
          @default {
            @if (codeOptions().length) {
              <mat-form-field class="full-width">
                <mat-label>{{ mode === 'not_accepted' ? '不予受理的情形' : '按撤回处理的理由' }}</mat-label>
                <mat-select formControlName="code">
                  @for (o of codeOptions(); track o.code) {
                    <mat-option [value]="o.code">{{ o.label }}（{{ o.basis }}）</mat-option>
                  }
                </mat-select>
                @if (form.controls.code.invalid) {
                  <mat-error>请选择</mat-error>
                }
              </mat-form-field>
            }
            <mat-form-field class="full-width">
              <mat-label>{{ textLabel }}</mat-label>
              <textarea matInput formControlName="text" rows="5" maxlength="10000"></textarea>
              @if (form.controls.text.invalid) {
                <mat-error>{{ message(form.controls.text.errors) }}</mat-error>
              }
            </mat-form-field>
          }
        }
        @if (runner.error()) {
          <p class="error-text" role="alert">{{ runner.error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>取消</button>
        <button mat-flat-button type="submit" [disabled]="runner.busy()">{{ confirmLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewActionDialog {
  readonly data = inject<ReviewDialogData>(MAT_DIALOG_DATA);
  readonly runner = new ActionRunner<CaseRecord>();
  readonly message = errorMessage;
  readonly mode = this.data.mode;
  readonly title = TITLES[this.mode];
  readonly explanation = EXPLANATIONS[this.mode];
  readonly confirmLabel = CONFIRM_LABELS[this.mode] ?? '保存';
  readonly materialCodes = MATERIAL_CODES;
  readonly materialLabels = MATERIAL_LABELS;
  readonly maxDays = SUPPLEMENT_MAX_DAYS;
  readonly defaultDays = SUPPLEMENT_DEFAULT_DAYS;
  readonly textLabel =
    this.mode === 'withdrawal_permitted'
      ? '申请人撤回申请的理由'
      : this.mode === 'withdrawal'
        ? '原告撤诉的意思表示及理由'
        : this.mode === 'decree'
          ? '备注（可选）'
          : '裁定理由';

  readonly codeOptions = computed(() => {
    const table: Record<string, { label: string; basis: string }> =
      this.mode === 'not_accepted' ? EXCLUDED_MATTERS : this.mode === 'deemed_withdrawn' ? DEEMED_WITHDRAWN_REASONS : {};
    return Object.entries(table).map(([code, v]) => ({ code, label: v.label, basis: v.basis }));
  });

  private readonly needsText = ['extension', 'not_accepted', 'withdrawal_permitted', 'deemed_withdrawn', 'withdrawal'].includes(this.mode);
  private readonly needsCode = this.mode === 'not_accepted' || this.mode === 'deemed_withdrawn';
  private readonly needsDate = ['acceptance', 'received', 'extension'].includes(this.mode);
  private readonly textValidators: ValidatorFn[] = this.needsText ? [Validators.required, notBlankValidator] : [];

  readonly form = inject(NonNullableFormBuilder).group({
    date: [
      this.mode === 'acceptance' ? (this.data.appliedOn ?? this.data.today) : this.data.today,
      this.needsDate ? [Validators.required] : [],
    ],
    agentApplies: [this.data.agentApplies ?? false],
    items: [(this.data.missing ?? []) as string[], this.mode === 'supplement' ? [Validators.required, Validators.minLength(1)] : []],
    days: [SUPPLEMENT_DEFAULT_DAYS, [Validators.required, Validators.min(1), Validators.max(SUPPLEMENT_MAX_DAYS)]],
    approvedBy: ['', this.mode === 'extension' ? [Validators.required, notBlankValidator, Validators.maxLength(100)] : []],
    code: [this.mode === 'deemed_withdrawn' ? 'materials_not_supplied' : '', this.needsCode ? [Validators.required] : []],
    text: ['', [...this.textValidators, Validators.maxLength(this.mode === 'supplement' || this.mode === 'extension' ? 2000 : 10000)]],
  });

  submit(): void {
    const v = this.form.getRawValue();
    const text = v.text.trim();
    const body: Record<string, unknown> = (() => {
      switch (this.mode) {
        case 'acceptance':
          return { acceptedOn: v.date, agentApplies: v.agentApplies };
        case 'supplement':
          return { items: v.items, days: Number(v.days), ...(text ? { note: text } : {}) };
        case 'received':
          return { receivedOn: v.date };
        case 'extension':
          return { approvedBy: v.approvedBy.trim(), approvedOn: v.date, reason: text };
        case 'decree':
          return { outcome: 'decree', ...(text ? { note: text } : {}) };
        case 'withdrawal':
          return { outcome: 'withdrawal', note: text };
        default:
          return { kind: this.mode, ...(this.needsCode ? { code: v.code } : {}), reasoning: text };
      }
    })();
    this.runner.run(this.form, body, this.data.submit);
  }
}

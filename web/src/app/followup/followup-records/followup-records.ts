import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { apiErrorOf, friendlyError } from '../../core/api-error';
import { CaseApi } from '../../cases/case-api';
import { errorMessage, notBlankValidator } from '../../shared/form-validators';
import { applyServerErrors } from '../../shared/server-errors';
import { FollowupApi, type FollowupRecord } from '../followup-api';

export const FOLLOWUP_METHOD_LABELS: Record<FollowupRecord['method'], string> = {
  phone: '电话回访',
  visit: '上门回访',
  online: '网络回访',
  other: '其他方式',
};

export const FOLLOWUP_OUTCOME_LABELS: Record<FollowupRecord['outcome'], string> = {
  performed: '已履行',
  partially_performed: '部分履行',
  not_performed: '未履行',
  other: '其他情况',
};

/** Today in China time as YYYY-MM-DD (the API's calendar). */
function chinaToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
}

/** 回访记录 of a case with an agreement: the list (each with its PDF) and, for those who may, the form to record one. */
@Component({
  selector: 'app-followup-records',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  templateUrl: './followup-records.html',
  styles: `
    .records {
      list-style: none;
      margin: 0 0 16px;
      padding: 0;
    }
    .records li {
      display: flex;
      justify-content: space-between;
      align-items: flex-start;
      gap: 12px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .notes {
      white-space: pre-wrap;
      margin: 4px 0 0;
    }
    .small {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .row {
      display: flex;
      gap: 12px;
      flex-wrap: wrap;
    }
    .full-width {
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowupRecords {
  private readonly api = inject(FollowupApi);
  private readonly cases = inject(CaseApi);
  readonly caseId = input.required<string>();
  readonly version = input<number>();
  /** The handling mediator or a clerk may record; others only read. */
  readonly canRecord = input(false);
  readonly saved = output<FollowupRecord>();

  readonly methods = Object.entries(FOLLOWUP_METHOD_LABELS).map(([value, label]) => ({ value, label }));
  readonly outcomes = Object.entries(FOLLOWUP_OUTCOME_LABELS).map(([value, label]) => ({ value, label }));
  readonly methodLabels = FOLLOWUP_METHOD_LABELS;
  readonly outcomeLabels = FOLLOWUP_OUTCOME_LABELS;
  readonly message = errorMessage;
  readonly today = chinaToday();
  readonly records = signal<FollowupRecord[]>([]);
  readonly busy = signal(false);
  readonly opening = signal<string | null>(null);
  readonly error = signal<string | null>(null);

  readonly form = inject(NonNullableFormBuilder).group({
    contactedOn: [this.today, Validators.required],
    method: ['phone' as FollowupRecord['method'], Validators.required],
    contactedPerson: ['', [Validators.required, notBlankValidator, Validators.maxLength(200)]],
    outcome: ['performed' as FollowupRecord['outcome'], Validators.required],
    notes: ['', [Validators.required, notBlankValidator, Validators.maxLength(10000)]],
  });

  constructor() {
    effect(() => {
      const id = this.caseId();
      untracked(() => this.load(id));
    });
  }

  load(id = this.caseId()): void {
    this.api.records(id).subscribe({
      next: (list) => this.records.set(list),
      error: (err: unknown) => this.error.set(friendlyError(err, '回访记录加载失败')),
    });
  }

  submit(formDirective: FormGroupDirective): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.busy()) return;
    const v = this.form.getRawValue();
    this.busy.set(true);
    this.error.set(null);
    this.api
      .record(this.caseId(), {
        contactedOn: v.contactedOn,
        method: v.method,
        contactedPerson: v.contactedPerson.trim(),
        outcome: v.outcome,
        notes: v.notes.trim(),
        version: this.version(),
      })
      .subscribe({
        next: (r) => {
          this.busy.set(false);
          this.records.update((list) => [...list, r]);
          formDirective.resetForm({ ...v, contactedPerson: '', notes: '' });
          this.saved.emit(r);
        },
        error: (err: unknown) => {
          this.busy.set(false);
          applyServerErrors(this.form, apiErrorOf(err)?.errors);
          this.error.set(friendlyError(err, '保存失败，请稍后再试'));
        },
      });
  }

  /** Opens the 回访记录 PDF in a new tab (fetched with the token, as DocumentList does). */
  open(r: FollowupRecord): void {
    if (!r.documentId) return;
    const tab = window.open('', '_blank');
    this.opening.set(r.id);
    this.cases.documentPdf(r.documentId).subscribe({
      next: (blob) => {
        this.opening.set(null);
        const url = URL.createObjectURL(blob);
        if (tab) tab.location.href = url;
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
      error: (err: unknown) => {
        tab?.close();
        this.opening.set(null);
        this.error.set(friendlyError(err, '文书打开失败'));
      },
    });
  }
}

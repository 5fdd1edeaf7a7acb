import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import type { ConfirmationResult } from '@rules/case-status';
import { Observable } from 'rxjs';
import { apiErrorOf, friendlyError } from '../../core/api-error';
import { ActionDialogData, ActionRunner } from '../../cases/action-dialog';
import { CaseRecord } from '../../cases/case-models';
import { PdfFrame } from '../../cases/pdf-frame/pdf-frame';
import { REJECTION_GROUNDS } from '../../shared/case-status';
import { errorMessage, notBlankValidator } from '../../shared/form-validators';
import { applyServerErrors } from '../../shared/server-errors';
import { DecisionBody } from '../judge-api';

export interface DecideDialogData extends ActionDialogData<DecisionBody, CaseRecord> {
  /** The 民事裁定书 the decision would issue (nothing saved). */
  preview: (body: DecisionBody) => Observable<Blob>;
}

export const DECIDE_DIALOG_WIDTH = '600px';
const PREVIEW_WIDTH = '960px';

/** A rejection must name at least one ground (民诉法解释 Art. 358). */
function groundsWhenRejected(control: AbstractControl): ValidationErrors | null {
  const result = control.get('result')?.value;
  const grounds = (control.get('grounds')?.value ?? {}) as Record<string, boolean>;
  return result === 'rejected' && !Object.values(grounds).some(Boolean) ? { groundsRequired: true } : null;
}

/** 司法确认裁定: confirm the agreement, or reject it with grounds; both with reasoning; the ruling can be previewed. */
@Component({
  selector: 'app-decide-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatRadioModule,
    PdfFrame,
  ],
  templateUrl: './decide-dialog.html',
  styles: `
    .preview {
      --pdf-height: 56vh;
    }
    .preview p {
      margin-top: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecideDialog {
  private readonly data = inject<DecideDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly runner = new ActionRunner<CaseRecord>();
  readonly grounds = REJECTION_GROUNDS;
  readonly message = errorMessage;

  readonly form = this.fb.group(
    {
      result: this.fb.control<ConfirmationResult | ''>('', Validators.required),
      grounds: this.fb.group(Object.fromEntries(REJECTION_GROUNDS.map((g) => [g.code, new FormControl(false, { nonNullable: true })]))),
      reasoning: ['', [Validators.required, notBlankValidator, Validators.maxLength(10000)]],
    },
    { validators: groundsWhenRejected },
  );
  private readonly result = toSignal(this.form.controls.result.valueChanges, { initialValue: '' as const });
  readonly rejecting = computed(() => this.result() === 'rejected');
  /**
   * Choice errors appear only after a submit attempt: shown on blur they would grow the centred
   * dialog between mousedown and mouseup, and the click on the other radio button would be lost.
   */
  readonly attempted = signal(false);

  /** The ruling PDF as the API would issue it, shown in the dialog before the judge commits. */
  readonly preview = signal<Blob | null>(null);
  readonly previewing = signal(false);
  readonly previewError = signal<string | null>(null);
  readonly resultLabel = computed(() => (this.rejecting() ? '驳回司法确认申请' : '确认调解协议有效'));

  showPreview(): void {
    this.attempted.set(true);
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.previewing()) return;
    this.previewing.set(true);
    this.previewError.set(null);
    this.data
      .preview(this.body())
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (pdf) => {
          this.previewing.set(false);
          this.preview.set(pdf);
          this.ref.updateSize(PREVIEW_WIDTH);
        },
        error: (err: unknown) => {
          this.previewing.set(false);
          applyServerErrors(this.form, apiErrorOf(err)?.errors);
          this.previewError.set(friendlyError(err, '裁定书预览生成失败，请稍后再试'));
        },
      });
  }

  /** Back to the form, as it was. */
  edit(): void {
    this.preview.set(null);
    this.ref.updateSize(DECIDE_DIALOG_WIDTH);
  }

  submit(): void {
    this.attempted.set(true);
    this.runner.run(this.form, this.body(), this.data.submit);
  }

  private body(): DecisionBody {
    const v = this.form.getRawValue();
    const body: DecisionBody = { result: v.result as ConfirmationResult, reasoning: v.reasoning.trim() };
    if (v.result === 'rejected') body.grounds = REJECTION_GROUNDS.filter((g) => v.grounds[g.code]).map((g) => g.code);
    return body;
  }
}

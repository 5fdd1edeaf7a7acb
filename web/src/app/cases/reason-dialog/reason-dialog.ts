import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { errorMessage, notBlankValidator } from '../../shared/form-validators';
import { ActionDialogData, ActionRunner } from '../action-dialog';
import { CaseRecord } from '../case-models';

export interface ReasonDialogData extends ActionDialogData<{ reason: string }, CaseRecord> {
  title: string;
  explanation: string;
  confirmLabel: string;
}

/** An action that needs only a written reason: releasing a case back to the queue, declining a delegation. */
@Component({
  selector: 'app-reason-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>{{ data.title }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p class="muted">{{ data.explanation }}</p>
        <mat-form-field class="full-width">
          <mat-label>理由</mat-label>
          <textarea matInput formControlName="reason" rows="4" maxlength="2000" cdkFocusInitial></textarea>
          @if (form.controls.reason.invalid) {
            <mat-error>{{ message(form.controls.reason.errors) }}</mat-error>
          }
        </mat-form-field>
        @if (runner.error()) {
          <p class="error-text" role="alert">{{ runner.error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>取消</button>
        <button mat-flat-button type="submit" [disabled]="runner.busy()">{{ data.confirmLabel }}</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReasonDialog {
  readonly data = inject<ReasonDialogData>(MAT_DIALOG_DATA);
  readonly runner = new ActionRunner<CaseRecord>();
  readonly message = errorMessage;
  readonly form = inject(NonNullableFormBuilder).group({
    reason: ['', [Validators.required, notBlankValidator, Validators.maxLength(2000)]],
  });

  submit(): void {
    this.runner.run(this.form, { reason: this.form.getRawValue().reason.trim() }, this.data.submit);
  }
}

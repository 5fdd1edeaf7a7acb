import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActionDialogData, ActionRunner } from '../../cases/action-dialog';
import { CaseRecord } from '../../cases/case-models';
import { errorMessage, notBlankValidator } from '../../shared/form-validators';
import { ExtensionBody } from '../workspace-api';

export interface ExtensionDialogData extends ActionDialogData<ExtensionBody, CaseRecord> {
  track: string;
  endsOn: string | null;
}

/** 延长调解期限: needs every party's consent; the entrusted track allows one extension of up to 30 days. */
@Component({
  selector: 'app-extension-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule],
  template: `
    <h2 mat-dialog-title>延长调解期限</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p class="muted">
          当前调解期限至 {{ data.endsOn ?? '—' }}。
          {{
            data.track === 'entrusted'
              ? '立案后委托调解经双方同意可延长一次，最长三十日。'
              : '诉前调解经各方当事人同意可以延长，每次延长均应记录。'
          }}
        </p>
        <mat-form-field class="full-width">
          <mat-label>延长天数</mat-label>
          <input matInput type="number" formControlName="days" min="1" max="365" />
          @if (form.controls.days.invalid) {
            <mat-error>{{ message(form.controls.days.errors) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>延长理由</mat-label>
          <textarea matInput formControlName="reason" rows="3" maxlength="2000"></textarea>
          @if (form.controls.reason.invalid) {
            <mat-error>{{ message(form.controls.reason.errors) }}</mat-error>
          }
        </mat-form-field>
        <mat-checkbox formControlName="partiesConsent">各方当事人均同意延长调解期限</mat-checkbox>
        @if (form.controls.partiesConsent.touched && form.controls.partiesConsent.invalid) {
          <p class="error-text" role="alert">延长调解期限须经当事人同意</p>
        }
        @if (runner.error()) {
          <p class="error-text" role="alert">{{ runner.error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>取消</button>
        <button mat-flat-button type="submit" [disabled]="runner.busy()">确认延长</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExtensionDialog {
  readonly data = inject<ExtensionDialogData>(MAT_DIALOG_DATA);
  readonly runner = new ActionRunner<CaseRecord>();
  readonly message = errorMessage;
  readonly form = inject(NonNullableFormBuilder).group({
    days: [this.data.track === 'entrusted' ? 30 : 15, [Validators.required, Validators.min(1), Validators.max(365)]],
    reason: ['', [Validators.required, notBlankValidator]],
    partiesConsent: [false, Validators.requiredTrue],
  });

  submit(): void {
    const v = this.form.getRawValue();
    this.runner.run(this.form, { days: Number(v.days), reason: v.reason.trim(), partiesConsent: true as const }, this.data.submit);
  }
}

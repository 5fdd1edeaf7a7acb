import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActionDialogData, ActionRunner } from '../../cases/action-dialog';
import { CaseRecord } from '../../cases/case-models';
import { fromIsoDate, todayInChina, toIsoDate } from '../../shared/dates';
import { errorMessage, notFutureDateValidator } from '../../shared/form-validators';

export interface ConfirmationDialogData extends ActionDialogData<{ jointApplication: true; appliedOn?: string }, CaseRecord> {
  applyBy: string | null;
}

/** 申请司法确认: both sides apply together within 30 days of the agreement taking effect. */
@Component({
  selector: 'app-confirmation-dialog',
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatCheckboxModule,
    MatDatepickerModule,
    MatFormFieldModule,
    MatInputModule,
  ],
  template: `
    <h2 mat-dialog-title>申请司法确认</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        @if (data.applyBy) {
          <p>
            申请期限至 <strong>{{ data.applyBy }}</strong>（协议生效之日起三十日内）。
          </p>
        }
        <mat-form-field class="full-width">
          <mat-label>申请日期</mat-label>
          <input matInput [matDatepicker]="picker" formControlName="appliedOn" [max]="today" />
          <mat-datepicker-toggle matIconSuffix [for]="picker" aria-label="选择申请日期" />
          <mat-datepicker #picker />
          @if (form.controls.appliedOn.invalid) {
            <mat-error>{{ message(form.controls.appliedOn.errors) }}</mat-error>
          }
        </mat-form-field>
        <mat-checkbox formControlName="jointApplication">双方当事人共同提出申请</mat-checkbox>
        @if (form.controls.jointApplication.touched && form.controls.jointApplication.invalid) {
          <p class="error-text" role="alert">司法确认须由双方当事人共同申请</p>
        }
        @if (runner.error()) {
          <p class="error-text" role="alert">{{ runner.error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>取消</button>
        <button mat-flat-button type="submit" [disabled]="runner.busy()">提交申请</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmationDialog {
  readonly data = inject<ConfirmationDialogData>(MAT_DIALOG_DATA);
  readonly runner = new ActionRunner<CaseRecord>();
  readonly message = errorMessage;
  readonly today = fromIsoDate(todayInChina());
  readonly form = inject(NonNullableFormBuilder).group({
    appliedOn: new FormControl<Date | null>(this.today, [Validators.required, notFutureDateValidator(() => todayInChina())]),
    jointApplication: [false, Validators.requiredTrue],
  });

  submit(): void {
    const appliedOn = toIsoDate(this.form.getRawValue().appliedOn) ?? undefined;
    this.runner.run(this.form, { jointApplication: true as const, appliedOn }, this.data.submit);
  }
}

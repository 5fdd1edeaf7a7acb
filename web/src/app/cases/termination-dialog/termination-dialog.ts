import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { TerminationReason } from '@rules/case-status';
import { TERMINATION_REASONS } from '../../shared/case-status';
import { errorMessage, notBlankValidator } from '../../shared/form-validators';
import { ActionDialogData, ActionRunner } from '../action-dialog';
import { CaseRecord } from '../case-models';

export interface TerminationBody {
  reason: TerminationReason;
  details: string;
  undisputedFacts?: string;
}

/** 终结调解: reason code (在线调解规则 Art. 25), details and optionally the facts no one disputes. */
@Component({
  selector: 'app-termination-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title>终结调解</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <p class="muted">申请人撤回的，案件记为“已撤回”；其他情形记为“调解不成”，转入诉讼程序。</p>
        <mat-form-field class="full-width">
          <mat-label>终结原因</mat-label>
          <mat-select formControlName="reason">
            @for (r of reasons; track r.code) {
              <mat-option [value]="r.code">{{ r.label }}</mat-option>
            }
          </mat-select>
          @if (form.controls.reason.invalid) {
            <mat-error>{{ message(form.controls.reason.errors) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>具体情况</mat-label>
          <textarea matInput formControlName="details" rows="4" maxlength="10000"></textarea>
          @if (form.controls.details.invalid) {
            <mat-error>{{ message(form.controls.details.errors) }}</mat-error>
          }
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>无争议事实（可选）</mat-label>
          <textarea matInput formControlName="undisputedFacts" rows="3" maxlength="10000"></textarea>
          <mat-hint>记载双方均认可的事实，诉讼中可直接引用</mat-hint>
        </mat-form-field>
        @if (runner.error()) {
          <p class="error-text" role="alert">{{ runner.error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>取消</button>
        <button mat-flat-button type="submit" [disabled]="runner.busy()">确认终结</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TerminationDialog {
  private readonly data = inject<ActionDialogData<TerminationBody, CaseRecord>>(MAT_DIALOG_DATA);
  readonly runner = new ActionRunner<CaseRecord>();
  readonly reasons = TERMINATION_REASONS;
  readonly message = errorMessage;
  private readonly fb = inject(NonNullableFormBuilder);
  readonly form = this.fb.group({
    reason: this.fb.control<TerminationReason | ''>('', Validators.required),
    details: ['', [Validators.required, notBlankValidator, Validators.maxLength(10000)]],
    undisputedFacts: [''],
  });

  submit(): void {
    const { reason, details, undisputedFacts } = this.form.getRawValue();
    const body: TerminationBody = { reason: reason as TerminationReason, details: details.trim() };
    if (undisputedFacts.trim()) body.undisputedFacts = undisputedFacts.trim();
    this.runner.run(this.form, body, this.data.submit);
  }
}

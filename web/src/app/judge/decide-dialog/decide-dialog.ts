import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { AbstractControl, FormControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { ActionDialogData, ActionRunner } from '../../cases/action-dialog';
import { CaseRecord } from '../../cases/case-models';
import { REJECTION_GROUNDS } from '../../shared/case-status';
import { errorMessage, notBlankValidator } from '../../shared/form-validators';
import { DecisionBody } from '../judge-api';

/** A rejection must name at least one ground (民诉法解释 Art. 358). */
function groundsWhenRejected(control: AbstractControl): ValidationErrors | null {
  const result = control.get('result')?.value;
  const grounds = (control.get('grounds')?.value ?? {}) as Record<string, boolean>;
  return result === 'rejected' && !Object.values(grounds).some(Boolean) ? { groundsRequired: true } : null;
}

/** 司法确认裁定: confirm the agreement, or reject it with grounds; both with reasoning. */
@Component({
  selector: 'app-decide-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatRadioModule],
  templateUrl: './decide-dialog.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DecideDialog {
  private readonly data = inject<ActionDialogData<DecisionBody, CaseRecord>>(MAT_DIALOG_DATA);
  private readonly fb = inject(NonNullableFormBuilder);
  readonly runner = new ActionRunner<CaseRecord>();
  readonly grounds = REJECTION_GROUNDS;
  readonly message = errorMessage;

  readonly form = this.fb.group(
    {
      result: this.fb.control<'confirmed' | 'rejected' | ''>('', Validators.required),
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

  submit(): void {
    this.attempted.set(true);
    const v = this.form.getRawValue();
    const body: DecisionBody = { result: v.result as 'confirmed' | 'rejected', reasoning: v.reasoning.trim() };
    if (v.result === 'rejected') body.grounds = Object.entries(v.grounds).filter(([, on]) => on).map(([code]) => code);
    this.runner.run(this.form, body, this.data.submit);
  }
}

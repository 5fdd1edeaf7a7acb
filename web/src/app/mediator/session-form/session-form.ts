import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { apiErrorOf, friendlyError } from '../../core/api-error';
import { CaseRecord, Session } from '../../cases/case-models';
import { SESSION_MODE_LABELS } from '../../shared/case-status';
import { errorMessage, notBlankValidator } from '../../shared/form-validators';
import { applyServerErrors } from '../../shared/server-errors';
import { SessionBody, WorkspaceApi } from '../workspace-api';

function localDateTime(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** 调解笔录: one mediation session (time, form, who attended, minutes). */
@Component({
  selector: 'app-session-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  templateUrl: './session-form.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SessionForm {
  private readonly api = inject(WorkspaceApi);
  readonly caseId = input.required<string>();
  readonly version = input<number>();
  readonly saved = output<CaseRecord>();

  readonly modes = Object.entries(SESSION_MODE_LABELS).map(([value, label]) => ({ value, label }));
  readonly message = errorMessage;
  readonly maxHeldAt = localDateTime(new Date());
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);

  readonly form = inject(NonNullableFormBuilder).group({
    heldAt: [localDateTime(new Date()), Validators.required],
    mode: ['in_person' as Session['mode'], Validators.required],
    location: [''],
    attendees: ['', [Validators.required, notBlankValidator]],
    minutes: ['', [Validators.required, notBlankValidator, Validators.maxLength(10000)]],
    undisputedFacts: ['', Validators.maxLength(10000)],
  });

  submit(formDirective: FormGroupDirective): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    if (this.busy()) return;
    const v = this.form.getRawValue();
    const body: SessionBody = {
      heldAt: new Date(v.heldAt).toISOString(),
      mode: v.mode,
      attendees: v.attendees
        .split(/[\n,，、]/)
        .map((a) => a.trim())
        .filter(Boolean),
      minutes: v.minutes.trim(),
      version: this.version(),
    };
    if (v.location.trim()) body.location = v.location.trim();
    if (v.undisputedFacts.trim()) body.undisputedFacts = v.undisputedFacts.trim();
    this.busy.set(true);
    this.error.set(null);
    this.api.recordSession(this.caseId(), body).subscribe({
      next: (session) => {
        this.busy.set(false);
        formDirective.resetForm({ ...this.form.getRawValue(), minutes: '', undisputedFacts: '', heldAt: localDateTime(new Date()) });
        this.saved.emit(session);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        applyServerErrors(this.form, apiErrorOf(err)?.errors);
        this.error.set(friendlyError(err, '保存失败，请稍后再试'));
      },
    });
  }
}

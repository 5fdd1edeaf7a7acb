import { DestroyRef, inject, signal } from '@angular/core';
import { AbstractControl } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { Observable } from 'rxjs';
import { apiErrorOf, friendlyError } from '../core/api-error';
import { applyServerErrors } from '../shared/server-errors';

/** What a caller hands a case action dialog: the request to send once the form is valid. */
export interface ActionDialogData<TValue, TResult> {
  submit: (value: TValue) => Observable<TResult>;
}

/**
 * The send/wait/error cycle of a dialog that performs one case action: it stays open on failure with
 * a readable message and the server's field errors on the form, and closes with the result on success.
 */
export class ActionRunner<TResult> {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  private readonly ref = inject<MatDialogRef<unknown, TResult>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);

  run<TValue>(form: AbstractControl, value: TValue, submit: (value: TValue) => Observable<TResult>): void {
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    if (this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    const sub = submit(value).subscribe({
      next: (result) => {
        this.busy.set(false);
        this.ref.close(result);
      },
      error: (err: unknown) => {
        this.busy.set(false);
        applyServerErrors(form, apiErrorOf(err)?.errors);
        this.error.set(friendlyError(err));
      },
    });
    this.destroyRef.onDestroy(() => sub.unsubscribe());
  }
}

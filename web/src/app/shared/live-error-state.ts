import { FormGroupDirective, NgForm, AbstractControl } from '@angular/forms';
import { ErrorStateMatcher } from '@angular/material/core';

/** Shows a field's error while the user types (dirty), not only after leaving it: used for ID numbers and phones. */
export class LiveErrorStateMatcher implements ErrorStateMatcher {
  isErrorState(control: AbstractControl | null, form: FormGroupDirective | NgForm | null): boolean {
    return !!control && control.invalid && (control.dirty || control.touched || !!form?.submitted);
  }
}

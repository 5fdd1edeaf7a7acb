import { ChangeDetectionStrategy, ChangeDetectorRef, Component, effect, inject, input, output } from '@angular/core';
import { ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { errorMessage } from '../../shared/form-validators';
import { LiveErrorStateMatcher } from '../../shared/live-error-state';
import { PartyForm } from './party-form';

/** The fields of one party inside the intake form. */
@Component({
  selector: 'app-party-fields',
  imports: [ReactiveFormsModule, MatButtonModule, MatButtonToggleModule, MatFormFieldModule, MatInputModule],
  templateUrl: './party-fields.html',
  styleUrl: './party-fields.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PartyFields {
  readonly group = input.required<PartyForm>();
  readonly index = input.required<number>();
  readonly removable = input(true);
  readonly remove = output<void>();

  readonly live = new LiveErrorStateMatcher();
  readonly message = errorMessage;

  constructor() {
    // Errors can arrive without a DOM event here (server field errors, "submit" in the parent): re-check then.
    const cdr = inject(ChangeDetectorRef);
    effect((onCleanup) => {
      const sub = this.group().events.subscribe(() => cdr.markForCheck());
      onCleanup(() => sub.unsubscribe());
    });
  }

  roleLabel(): string {
    return this.group().controls.role.value === 'applicant' ? '申请人' : '被申请人';
  }
}

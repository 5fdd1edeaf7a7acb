import { FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import { creditCodeValidator, notBlankValidator, phoneValidator, residentIdValidator } from '../../shared/form-validators';

export type PartyForm = FormGroup<{
  role: FormControl<'applicant' | 'respondent'>;
  kind: FormControl<'person' | 'organization'>;
  name: FormControl<string>;
  idNumber: FormControl<string>;
  creditCode: FormControl<string>;
  representative: FormControl<string>;
  phone: FormControl<string>;
  address: FormControl<string>;
}>;

/**
 * One party. A person needs a resident ID; an organization a credit code and may name its
 * representative: the fields that do not apply are disabled, so they neither validate nor get sent.
 */
export function createPartyForm(
  fb: NonNullableFormBuilder,
  role: 'applicant' | 'respondent',
  kind: 'person' | 'organization' = 'person',
): PartyForm {
  const group: PartyForm = fb.group({
    role: fb.control<'applicant' | 'respondent'>(role),
    kind: fb.control<'person' | 'organization'>(kind),
    name: fb.control('', [Validators.required, notBlankValidator, Validators.maxLength(200)]),
    idNumber: fb.control('', [Validators.required, residentIdValidator]),
    creditCode: fb.control('', [Validators.required, creditCodeValidator]),
    representative: fb.control('', [Validators.maxLength(200)]),
    phone: fb.control('', [phoneValidator]),
    address: fb.control('', [Validators.maxLength(500)]),
  });
  applyKind(group, kind);
  group.controls.kind.valueChanges.subscribe((k) => applyKind(group, k));
  return group;
}

function applyKind(group: PartyForm, kind: 'person' | 'organization'): void {
  const { idNumber, creditCode, representative } = group.controls;
  if (kind === 'person') {
    idNumber.enable({ emitEvent: false });
    creditCode.disable({ emitEvent: false });
    representative.disable({ emitEvent: false });
  } else {
    idNumber.disable({ emitEvent: false });
    creditCode.enable({ emitEvent: false });
    representative.enable({ emitEvent: false });
  }
}

import { FormControl, FormGroup, NonNullableFormBuilder, Validators } from '@angular/forms';
import { PartyKind, PartyRole } from '../../shared/case-status';
import { creditCodeValidator, notBlankValidator, phoneValidator, residentIdValidator } from '../../shared/form-validators';

export type PartyForm = FormGroup<{
  role: FormControl<PartyRole>;
  kind: FormControl<PartyKind>;
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
export function createPartyForm(fb: NonNullableFormBuilder, role: PartyRole, kind: PartyKind = 'person'): PartyForm {
  const group: PartyForm = fb.group({
    role: fb.control<PartyRole>(role),
    kind: fb.control<PartyKind>(kind),
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

function applyKind(group: PartyForm, kind: PartyKind): void {
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

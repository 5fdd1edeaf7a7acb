import { describe, expect, it } from 'vitest';
import { FormArray, FormControl, FormGroup } from '@angular/forms';
import { applyServerErrors } from './server-errors';
import { errorMessage } from './form-validators';

describe('applyServerErrors', () => {
  it('puts `parties.0.idNumber` on the nested control and reports unknown paths', () => {
    const form = new FormGroup({
      summary: new FormControl(''),
      parties: new FormArray([new FormGroup({ idNumber: new FormControl('x') })]),
    });
    const unmatched = applyServerErrors(form, { 'parties.0.idNumber': 'checksum', 'parties.3.name': 'required', summary: 'too_long' });
    const id = form.get('parties.0.idNumber')!;
    expect(id.errors).toEqual({ server: 'checksum' });
    expect(id.touched).toBe(true);
    expect(errorMessage(id.errors)).toContain('校验位');
    expect(errorMessage(form.get('summary')!.errors)).toBe('内容过长');
    expect(unmatched).toEqual(['parties.3.name']);
  });

  it('clears the server error once the user edits the field', () => {
    const control = new FormControl('a');
    const form = new FormGroup({ name: control });
    applyServerErrors(form, { name: 'blank' });
    control.setValue('b');
    expect(control.errors).toBeNull();
  });
});

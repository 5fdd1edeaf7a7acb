import { describe, expect, it } from '@jest/globals';
import { maskIdentity, masksIdentityFor } from './identity-masking.js';
import { SAMPLE_VIEWS } from './pdf/samples.js';

describe('maskIdentity', () => {
  it('masks every person party of every sample document and drops the birth date', () => {
    for (const [kind, view] of Object.entries(SAMPLE_VIEWS)) {
      const masked = JSON.stringify(maskIdentity(view));
      expect({ kind, full: /\d{6}(19|20)\d{2}[01]\d[0-3]\d\d{3}[\dX]/.test(masked) }).toEqual({ kind, full: false });
    }
    const agreement = maskIdentity(SAMPLE_VIEWS.agreement);
    const person = agreement.parties.find((p) => p.kind === 'person')!;
    expect(person).toMatchObject({
      idNumber: '520381********123X',
      birthDate: null,
      name: SAMPLE_VIEWS.agreement.parties.find((p) => p.kind === 'person')!.name,
    });
  });

  it('leaves organizations, other fields and the original untouched', () => {
    const view = {
      parties: [
        { kind: 'organization', creditCode: '91520381MA6DKXYZ1Q', name: '某公司' },
        { kind: 'person', idNumber: null },
      ],
      at: new Date(0),
    };
    expect(maskIdentity(view)).toEqual(view);
    const original = { kind: 'person', idNumber: '52038119900101123X', birthDate: '1990-01-01' };
    maskIdentity(original);
    expect(original.idNumber).toBe('52038119900101123X');
  });

  it('applies to mediators only', () => {
    expect(['mediator', 'clerk', 'judge', 'admin'].map((role) => masksIdentityFor({ role: role as never }))).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});

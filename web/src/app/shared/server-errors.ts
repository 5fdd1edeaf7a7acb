import { AbstractControl } from '@angular/forms';

/**
 * Puts field errors from a 400 answer (`{"parties.0.idNumber":"checksum"}`) on the matching controls
 * as `{server: code}`, marks them touched so Material shows them, and returns the keys no control took.
 */
export function applyServerErrors(form: AbstractControl, errors: Record<string, string> | undefined): string[] {
  const unmatched: string[] = [];
  for (const [path, code] of Object.entries(errors ?? {})) {
    const control = path ? form.get(path) : null;
    if (!control) {
      unmatched.push(path);
      continue;
    }
    control.setErrors({ ...(control.errors ?? {}), server: code });
    control.markAsTouched();
  }
  return unmatched;
}

import type { AuthUser } from '../auth/auth-user.js';
import { maskIdNumber } from '../rules/id-number.js';

/**
 * Who gets a document with the parties' resident ID numbers masked: mediators. Court staff
 * (clerk, judge, admin) receive documents as issued — the court's copy, the one hashed, verified
 * and filed, which carries the full numbers the parties signed and judicial confirmation needs.
 */
export const masksIdentityFor = (user: Pick<AuthUser, 'role'>): boolean => user.role === 'mediator';

/**
 * A frozen view model as a mediator may see it: every person's resident ID number masked like
 * `idNumberMasked` in the case view (first 6 and last 4 characters), and no birth date — it is
 * the 8 masked digits. Works on any document's view model (and on dossier entries), at any depth.
 */
export function maskIdentity<T>(view: T): T {
  if (Array.isArray(view)) return view.map(maskIdentity) as T;
  if (view === null || typeof view !== 'object' || view instanceof Date) return view;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(view)) out[k] = maskIdentity(v);
  if (out.kind === 'person' && typeof out.idNumber === 'string' && out.idNumber) {
    out.idNumber = maskIdNumber(out.idNumber);
    if ('birthDate' in out) out.birthDate = null;
  }
  return out as T;
}

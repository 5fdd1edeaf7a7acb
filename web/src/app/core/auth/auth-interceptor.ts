import { HttpErrorResponse, HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, switchMap, throwError } from 'rxjs';
import { LOGIN_URL } from './auth-api';
import { AuthStore } from './auth-store';
import { Relogin } from './relogin';

/** Calls that never need (and never re-try with) a token. */
function isPublic(url: string): boolean {
  // Party calls carry the party's own token (party/party-api.ts), never the staff session's.
  return url === LOGIN_URL || url.startsWith('/api/verify/') || url === '/api/health' || url.startsWith('/api/party/');
}

/**
 * Adds the bearer token to API calls. When the session has expired (401) it asks the user to sign in
 * again in a dialog and then repeats the request, so whatever they were typing stays on the page.
 */
export const authInterceptor: HttpInterceptorFn = (req, next) => {
  if (!req.url.startsWith('/api/') || isPublic(req.url)) return next(req);
  const auth = inject(AuthStore);
  const relogin = inject(Relogin);
  // A request that brings its own token (logout, the first password change) keeps it, and its 401 is its caller's.
  if (req.headers.has('Authorization')) return next(req);
  const withToken = (r: HttpRequest<unknown>) => {
    const token = auth.token();
    return token ? r.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : r;
  };
  return next(withToken(req)).pipe(
    catchError((err: unknown) => {
      if (!(err instanceof HttpErrorResponse) || err.status !== 401 || !auth.isLoggedIn()) {
        return throwError(() => err);
      }
      return relogin.relogin().pipe(switchMap((ok) => (ok ? next(withToken(req)) : throwError(() => err))));
    }),
  );
};

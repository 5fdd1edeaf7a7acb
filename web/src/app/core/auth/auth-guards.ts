import { inject } from '@angular/core';
import { CanActivateFn, CanMatchFn, Router } from '@angular/router';
import { AuthStore } from './auth-store';
import { ROLE_HOME, Role } from './auth-models';

export const authGuard: CanActivateFn = (_route, state) => {
  const auth = inject(AuthStore);
  if (auth.isLoggedIn()) return true;
  return inject(Router).createUrlTree(['/login'], { queryParams: { returnUrl: state.url } });
};

export function roleGuard(...roles: Role[]): CanMatchFn {
  return () => inject(AuthStore).hasRole(...roles);
}

/** Sends a signed-in user to their role's home page. */
export const homeRedirect: CanActivateFn = () => {
  const role = inject(AuthStore).role();
  return inject(Router).parseUrl(role ? ROLE_HOME[role] : '/login');
};

import { Injectable, Injector, inject } from '@angular/core';
import { Observable, defer, finalize, shareReplay, switchMap } from 'rxjs';

/**
 * One re-login dialog at a time: every request that fails with 401 while it is open waits for the same
 * answer. The dialog (and Material's dialog code) is loaded only when first needed.
 */
@Injectable({ providedIn: 'root' })
export class Relogin {
  private readonly injector = inject(Injector);
  private pending: Observable<boolean> | null = null;

  relogin(): Observable<boolean> {
    if (!this.pending) {
      this.pending = defer(() => import('./relogin-dialog')).pipe(
        switchMap((m) => m.openReloginDialog(this.injector)),
        finalize(() => (this.pending = null)),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    }
    return this.pending;
  }
}

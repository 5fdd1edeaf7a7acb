import { Signal, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { BreakpointObserver } from '@angular/cdk/layout';
import { map } from 'rxjs';

/** True below 1024 px (a tablet in portrait): tables then show fewer columns. Call in an injection context. */
export function injectNarrow(): Signal<boolean> {
  return toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 1023.98px)')
      .pipe(map((s) => s.matches)),
    {
      initialValue: false,
    },
  );
}

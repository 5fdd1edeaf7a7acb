import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { BreakpointObserver } from '@angular/cdk/layout';
import { Router, RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { map } from 'rxjs';
import { AuthApi } from '../auth/auth-api';
import { AuthStore } from '../auth/auth-store';
import { ROLE_LABELS } from '../auth/auth-models';
import { NAV_ITEMS } from './nav-items';

@Component({
  selector: 'app-shell',
  imports: [RouterOutlet, RouterLink, RouterLinkActive, MatToolbarModule, MatSidenavModule, MatListModule, MatButtonModule],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly auth = inject(AuthStore);
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);
  private readonly drawer = viewChild.required(MatSidenav);

  readonly user = this.auth.user;
  readonly roleLabel = computed(() => {
    const role = this.auth.role();
    return role ? ROLE_LABELS[role] : '';
  });
  readonly navItems = computed(() => {
    const role = this.auth.role();
    return role ? NAV_ITEMS[role] : [];
  });
  /** Side-by-side navigation on a desktop; an overlay drawer on a tablet. */
  readonly wide = toSignal(
    inject(BreakpointObserver)
      .observe('(min-width: 1024px)')
      .pipe(map((s) => s.matches)),
    { initialValue: true },
  );

  navigated(): void {
    if (!this.wide()) void this.drawer().close();
  }

  logout(): void {
    const token = this.auth.token();
    // The server forgets the token too; signing out here does not wait for it (or fail with it).
    if (token) this.api.logout(token).subscribe({ error: () => undefined });
    this.auth.clear();
    void this.router.navigateByUrl('/login');
  }
}

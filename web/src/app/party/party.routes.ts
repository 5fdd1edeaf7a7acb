import { inject } from '@angular/core';
import { CanActivateFn, Router, Routes } from '@angular/router';
import { PartySession } from './party-api';

const partySignedIn: CanActivateFn = () => inject(PartySession).signedIn() || inject(Router).parseUrl('/party');

/** The parties' side: mobile-first, reached from the link and QR code on every document served to a party. */
export const partyRoutes: Routes = [
  { path: '', pathMatch: 'full', title: '当事人登录', loadComponent: () => import('./party-sign-in').then((m) => m.PartySignIn) },
  {
    path: 'case',
    title: '我的案件',
    canActivate: [partySignedIn],
    loadComponent: () => import('./party-case-page').then((m) => m.PartyCasePage),
  },
];

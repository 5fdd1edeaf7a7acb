import { Routes } from '@angular/router';
import { authGuard, homeRedirect, roleGuard } from './core/auth/auth-guards';

export const routes: Routes = [
  { path: 'login', title: '登录', loadComponent: () => import('./core/login/login').then((m) => m.Login) },
  {
    path: 'verify/:sha256',
    title: '文书核验',
    loadComponent: () => import('./verify/verify-page').then((m) => m.VerifyPage),
  },
  { path: 'party', loadChildren: () => import('./party/party.routes').then((m) => m.partyRoutes) },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('./core/shell/shell').then((m) => m.Shell),
    children: [
      { path: '', pathMatch: 'full', canActivate: [homeRedirect], children: [] },
      {
        path: 'clerk',
        canMatch: [roleGuard('clerk', 'admin')],
        loadChildren: () => import('./clerk/clerk.routes').then((m) => m.clerkRoutes),
      },
      {
        path: 'mediator',
        canMatch: [roleGuard('mediator')],
        loadChildren: () => import('./mediator/mediator.routes').then((m) => m.mediatorRoutes),
      },
      {
        path: 'judge',
        canMatch: [roleGuard('judge')],
        loadChildren: () => import('./judge/judge.routes').then((m) => m.judgeRoutes),
      },
      {
        path: 'stats',
        canMatch: [roleGuard('statistician', 'judge', 'admin')],
        loadChildren: () => import('./stats/stats.routes').then((m) => m.statsRoutes),
      },
      {
        path: 'admin',
        canMatch: [roleGuard('admin')],
        loadChildren: () => import('./admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        path: 'tools',
        loadChildren: () => import('./tools/tools.routes').then((m) => m.toolsRoutes),
      },
      { path: '**', canActivate: [homeRedirect], children: [] },
    ],
  },
];

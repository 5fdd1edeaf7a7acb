import { Routes } from '@angular/router';

export const judgeRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'desk' },
  {
    path: 'desk',
    title: '司法确认审查',
    loadComponent: () => import('./confirmation-desk/confirmation-desk').then((m) => m.ConfirmationDesk),
  },
  {
    path: 'cases/:id',
    title: '审查司法确认申请',
    loadComponent: () => import('./confirmation-review/confirmation-review').then((m) => m.ConfirmationReview),
  },
];

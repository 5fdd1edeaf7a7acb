import { Routes } from '@angular/router';
import { CaseListStore } from '../cases/case-list-store';
import { provideChineseDates } from '../shared/date-providers';

export const clerkRoutes: Routes = [
  {
    path: '',
    providers: [CaseListStore, provideChineseDates()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'cases' },
      { path: 'followups', title: '回访工作台', loadComponent: () => import('../followup/followup-desk').then((m) => m.FollowupDesk) },
      { path: 'cases', title: '案件列表', loadComponent: () => import('./case-list/clerk-case-list').then((m) => m.ClerkCaseList) },
      { path: 'cases/new', title: '新收案件登记', loadComponent: () => import('./intake-form/intake-form').then((m) => m.IntakeForm) },
      {
        path: 'cases/:id',
        title: '案件详情',
        loadComponent: () => import('./case-detail/clerk-case-detail').then((m) => m.ClerkCaseDetail),
      },
    ],
  },
];

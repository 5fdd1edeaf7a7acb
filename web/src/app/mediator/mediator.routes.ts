import { Routes } from '@angular/router';
import { CaseListStore } from '../cases/case-list-store';
import { provideChineseDates } from '../shared/date-providers';

export const mediatorRoutes: Routes = [
  {
    path: '',
    providers: [CaseListStore, provideChineseDates()],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'queue' },
      { path: 'queue', title: '待领取案件', loadComponent: () => import('./queue-page/queue-page').then((m) => m.QueuePage) },
      { path: 'followups', title: '回访工作台', loadComponent: () => import('../followup/followup-desk').then((m) => m.FollowupDesk) },
      { path: 'cases', title: '我的案件', loadComponent: () => import('./my-cases/my-cases').then((m) => m.MyCases) },
      {
        path: 'cases/:id',
        title: '调解工作台',
        loadComponent: () => import('./case-workspace/case-workspace').then((m) => m.CaseWorkspace),
      },
    ],
  },
];

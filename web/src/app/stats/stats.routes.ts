import { Routes } from '@angular/router';
import { provideChineseDates } from '../shared/date-providers';
import { provideCharts } from './echarts-setup';

export const statsRoutes: Routes = [
  {
    path: '',
    title: '统计分析',
    providers: [provideCharts(), provideChineseDates()],
    loadComponent: () => import('./stats-dashboard/stats-dashboard').then((m) => m.StatsDashboard),
  },
];

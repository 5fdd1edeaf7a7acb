import { Routes } from '@angular/router';
import { provideChineseDates } from '../shared/date-providers';

export const toolsRoutes: Routes = [
  {
    path: 'deadline',
    title: '期限计算器',
    providers: [provideChineseDates()],
    loadComponent: () => import('./deadline-calculator/deadline-calculator').then((m) => m.DeadlineCalculator),
  },
];

import { Routes } from '@angular/router';

/** 系统管理: the administrator's screens, loaded only for an administrator. */
export const adminRoutes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'users' },
  { path: 'users', title: '用户管理', loadComponent: () => import('./admin-users').then((m) => m.AdminUsers) },
  { path: 'roster', title: '调解组织与名册', loadComponent: () => import('./admin-roster').then((m) => m.AdminRoster) },
  { path: 'import', title: '批量导入', loadComponent: () => import('./admin-import').then((m) => m.AdminImport) },
  { path: 'settings', title: '本院设置', loadComponent: () => import('./admin-settings').then((m) => m.AdminSettings) },
  { path: 'calendar', title: '工作日历', loadComponent: () => import('./admin-calendar').then((m) => m.AdminCalendar) },
  { path: 'activity', title: '管理操作记录', loadComponent: () => import('./admin-activity').then((m) => m.AdminActivity) },
];

import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import type { ApiQuery, ApiSchema } from '../core/api/api';

export type AdminUser = ApiSchema<'AdminUserView'>;
export type AdminUserPage = ApiSchema<'AdminUserPage'>;
export type OneTimePassword = ApiSchema<'OneTimePasswordView'>;
export type NewUser = ApiSchema<'CreateUserDto'>;
export type CourtSettings = ApiSchema<'CourtSettingsView'>;
export type SettingsChange = ApiSchema<'UpdateSettingsDto'>;
export type ActivityPage = ApiSchema<'ActivityPage'>;
export type OrganizationPage = ApiSchema<'OrganizationPage'>;
export type CalendarOverride = ApiSchema<'CalendarOverrideView'>;
export type CalendarChange = ApiSchema<'CalendarOverrideResult'>;
export type NewCalendarOverride = ApiSchema<'AddCalendarOverrideDto'>;

/** The administrator's calls (/api/admin/…), all scoped by the server to the administrator's court. */
@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  users(q: ApiQuery<'listUsers'>): Observable<AdminUserPage> {
    return this.http.get<AdminUserPage>('/api/admin/users', { params: paramsOf(q) });
  }

  createUser(body: NewUser): Observable<OneTimePassword> {
    return this.http.post<OneTimePassword>('/api/admin/users', body);
  }

  setActive(id: string, active: boolean): Observable<AdminUser> {
    return this.http.post<AdminUser>(`/api/admin/users/${id}/${active ? 'reactivate' : 'deactivate'}`, {});
  }

  resetPassword(id: string): Observable<OneTimePassword> {
    return this.http.post<OneTimePassword>(`/api/admin/users/${id}/reset-password`, {});
  }

  organizations(): Observable<OrganizationPage> {
    return this.http.get<OrganizationPage>('/api/organizations', { params: new HttpParams().set('page', 1).set('pageSize', 200) });
  }

  settings(): Observable<CourtSettings> {
    return this.http.get<CourtSettings>('/api/admin/settings');
  }

  updateSettings(body: SettingsChange): Observable<CourtSettings> {
    return this.http.patch<CourtSettings>('/api/admin/settings', body);
  }

  calendarOverrides(year: number): Observable<CalendarOverride[]> {
    return this.http.get<CalendarOverride[]>('/api/admin/calendar/overrides', { params: new HttpParams().set('year', year) });
  }

  addCalendarOverride(body: NewCalendarOverride): Observable<CalendarChange> {
    return this.http.post<CalendarChange>('/api/admin/calendar/overrides', body);
  }

  removeCalendarOverride(date: string): Observable<CalendarChange> {
    return this.http.delete<CalendarChange>(`/api/admin/calendar/overrides/${encodeURIComponent(date)}`);
  }

  activity(q: ApiQuery<'listAdminActivity'>): Observable<ActivityPage> {
    return this.http.get<ActivityPage>('/api/admin/activity', { params: paramsOf(q) });
  }
}

function paramsOf(q: object): HttpParams {
  let params = new HttpParams();
  for (const [k, v] of Object.entries(q)) if (v !== undefined && v !== null && v !== '') params = params.set(k, String(v));
  return params;
}

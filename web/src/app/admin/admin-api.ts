import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import type { ApiQuery, ApiSchema } from '../core/api/api';

export type AdminUser = ApiSchema<'AdminUserView'>;
export type AdminUserPage = ApiSchema<'AdminUserPage'>;
export type OneTimePassword = ApiSchema<'OneTimePasswordView'>;
export type NewUser = ApiSchema<'CreateUserDto'>;
export type UserChange = ApiSchema<'UpdateUserDto'>;
export type CourtSettings = ApiSchema<'CourtSettingsView'>;
export type SettingsChange = ApiSchema<'UpdateSettingsDto'>;
export type ActivityPage = ApiSchema<'ActivityPage'>;
export type OrganizationPage = ApiSchema<'OrganizationPage'>;
export type AdminOrganization = ApiSchema<'AdminOrganizationView'>;
export type AdminOrganizationPage = ApiSchema<'AdminOrganizationPage'>;
export type NewOrganization = ApiSchema<'CreateOrganizationDto'>;
export type OrganizationChange = ApiSchema<'UpdateOrganizationDto'>;
export type RosterEntry = ApiSchema<'MediatorRosterView'>;
export type RosterPage = ApiSchema<'MediatorRosterPage'>;
export type RosterChange = ApiSchema<'UpdateRosterDto'>;
export type ImportJob = ApiSchema<'ImportView'>;
export type ImportAccepted = ApiSchema<'ImportAcceptedView'>;
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

  updateUser(id: string, body: UserChange): Observable<AdminUser> {
    return this.http.patch<AdminUser>(`/api/admin/users/${id}`, body);
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

  adminOrganizations(q: ApiQuery<'listAdminOrganizations'>): Observable<AdminOrganizationPage> {
    return this.http.get<AdminOrganizationPage>('/api/admin/organizations', { params: paramsOf(q) });
  }

  createOrganization(body: NewOrganization): Observable<AdminOrganization> {
    return this.http.post<AdminOrganization>('/api/admin/organizations', body);
  }

  updateOrganization(id: string, body: OrganizationChange): Observable<AdminOrganization> {
    return this.http.patch<AdminOrganization>(`/api/admin/organizations/${id}`, body);
  }

  roster(q: ApiQuery<'listRoster'>): Observable<RosterPage> {
    return this.http.get<RosterPage>('/api/admin/mediators', { params: paramsOf(q) });
  }

  updateRoster(id: string, body: RosterChange): Observable<RosterEntry> {
    return this.http.patch<RosterEntry>(`/api/admin/mediators/${id}/roster`, body);
  }

  importTemplate(format: 'xlsx' | 'csv'): Observable<Blob> {
    return this.http.get('/api/admin/imports/template', { params: new HttpParams().set('format', format), responseType: 'blob' });
  }

  uploadImport(file: File): Observable<ImportAccepted> {
    const form = new FormData();
    form.append('file', file, file.name);
    return this.http.post<ImportAccepted>('/api/admin/imports', form);
  }

  importJob(id: string): Observable<ImportJob> {
    return this.http.get<ImportJob>(`/api/admin/imports/${id}`);
  }

  commitImport(id: string): Observable<ImportJob> {
    return this.http.post<ImportJob>(`/api/admin/imports/${id}/commit`, {});
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

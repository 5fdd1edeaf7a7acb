import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { Observable } from 'rxjs';
import { LoginResponse } from './auth-models';

export const LOGIN_URL = '/api/auth/login';
export const PASSWORD_URL = '/api/auth/password';
export const LOGOUT_URL = '/api/auth/logout';

const bearer = (token: string) => ({ headers: new HttpHeaders({ Authorization: `Bearer ${token}` }) });

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(username: string, password: string): Observable<LoginResponse> {
    return this.http.post<LoginResponse>(LOGIN_URL, { username, password });
  }

  /** With the token of the login that asked for it (not yet the app's session). Every earlier token then stops working. */
  changePassword(token: string, currentPassword: string, newPassword: string): Observable<void> {
    return this.http.post<void>(PASSWORD_URL, { currentPassword, newPassword }, bearer(token));
  }

  /** Ends this token on the server. */
  logout(token: string): Observable<void> {
    return this.http.post<void>(LOGOUT_URL, {}, bearer(token));
  }
}

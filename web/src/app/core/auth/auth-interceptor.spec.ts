import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TestBed } from '@angular/core/testing';
import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { of } from 'rxjs';
import { authInterceptor } from './auth-interceptor';
import { AuthStore } from './auth-store';
import { Relogin } from './relogin';

const user = { id: 'u1', username: 'clerk1', displayName: '书记员', role: 'clerk' as const, organizationId: null, courtId: 'court1' };

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: AuthStore;
  const relogin = { relogin: vi.fn() };

  beforeEach(() => {
    sessionStorage.clear();
    relogin.relogin.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        { provide: Relogin, useValue: relogin },
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(AuthStore);
    auth.setSession({ accessToken: 'old', user, mustChangePassword: false });
  });

  it('adds the bearer token to API calls only', () => {
    http.get('/api/cases').subscribe();
    http.get('/api/verify/abc').subscribe();
    expect(backend.expectOne('/api/cases').request.headers.get('Authorization')).toBe('Bearer old');
    expect(backend.expectOne('/api/verify/abc').request.headers.has('Authorization')).toBe(false);
  });

  it('on 401 asks the user to sign in again and repeats the request with the new token', () => {
    relogin.relogin.mockImplementation(() => {
      auth.setSession({ accessToken: 'new', user, mustChangePassword: false });
      return of(true);
    });
    let answer: unknown;
    http.post('/api/cases', { summary: '半填的表单' }).subscribe((body) => (answer = body));
    backend.expectOne('/api/cases').flush({ code: 'UNAUTHENTICATED' }, { status: 401, statusText: 'Unauthorized' });
    const retry = backend.expectOne('/api/cases');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    expect(retry.request.body).toEqual({ summary: '半填的表单' });
    retry.flush({ id: 'c1' });
    expect(answer).toEqual({ id: 'c1' });
    expect(relogin.relogin).toHaveBeenCalledTimes(1);
  });

  it('passes the 401 on when the user cancels', () => {
    relogin.relogin.mockReturnValue(of(false));
    let error: unknown;
    http.get('/api/cases').subscribe({ error: (e) => (error = e) });
    backend.expectOne('/api/cases').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectNone('/api/cases');
    expect((error as HttpErrorResponse).status).toBe(401);
  });

  it('keeps a token the request brings itself and passes its 401 on', () => {
    let error: unknown;
    http.post('/api/auth/logout', {}, { headers: { Authorization: 'Bearer own' } }).subscribe({ error: (e) => (error = e) });
    const req = backend.expectOne('/api/auth/logout');
    expect(req.request.headers.get('Authorization')).toBe('Bearer own');
    req.flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(relogin.relogin).not.toHaveBeenCalled();
    expect((error as HttpErrorResponse).status).toBe(401);
  });

  it('never intercepts a failed login', () => {
    let error: unknown;
    http.post('/api/auth/login', {}).subscribe({ error: (e) => (error = e) });
    backend.expectOne('/api/auth/login').flush(null, { status: 401, statusText: 'Unauthorized' });
    expect(relogin.relogin).not.toHaveBeenCalled();
    expect((error as HttpErrorResponse).status).toBe(401);
  });
});

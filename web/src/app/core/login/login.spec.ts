import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Router, provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { Login } from './login';
import { AuthStore } from '../auth/auth-store';

describe('Login', () => {
  let loader: HarnessLoader;
  let http: HttpTestingController;
  let navigate: ReturnType<typeof vi.spyOn>;
  let fixture: ComponentFixture<Login>;

  beforeEach(async () => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      imports: [Login],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()],
    });
    await TestBed.compileComponents();
    fixture = TestBed.createComponent(Login);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fixture.whenStable();
  });

  const page = () => fixture.nativeElement as HTMLElement;
  const input = (id: string) => page().querySelector<HTMLInputElement>(`#${id}`)!;
  const submitButton = () => page().querySelector<HTMLButtonElement>('button[type=submit]')!;

  async function type(id: string, value: string) {
    const el = input(id);
    el.value = value;
    el.dispatchEvent(new Event('input'));
    el.dispatchEvent(new Event('blur'));
    await fixture.whenStable();
  }

  async function fill(username: string, password: string) {
    await type('login-username', username);
    await type('login-password', password);
    submitButton().click();
    await fixture.whenStable();
  }

  it('labels both fields', () => {
    const labels = [...page().querySelectorAll('label')].map((l) => [l.textContent?.trim(), input(l.htmlFor) !== null]);
    expect(labels).toEqual([
      ['用户名', true],
      ['密码', true],
    ]);
    expect(input('login-password').type).toBe('password');
  });

  it('does not send an empty form, says what is missing and focuses the first empty field', async () => {
    submitButton().click();
    await fixture.whenStable();
    http.expectNone('/api/auth/login');
    expect(page().querySelector('#login-username-error')?.textContent).toContain('请输入用户名');
    expect(page().querySelector('#login-password-error')?.textContent).toContain('请输入密码');
    expect(input('login-username').getAttribute('aria-invalid')).toBe('true');
    expect(input('login-username').getAttribute('aria-describedby')).toBe('login-username-error');
    expect(document.activeElement).toBe(input('login-username'));
  });

  it('signs in, keeps the token and goes to the role home', async () => {
    await fill('clerk1', 'sutiao-demo');
    const req = http.expectOne('/api/auth/login');
    expect(req.request.method).toBe('POST');
    expect(req.request.body).toEqual({ username: 'clerk1', password: 'sutiao-demo' });
    req.flush({
      accessToken: 'tok',
      user: { id: 'u1', username: 'clerk1', displayName: '书记员一', role: 'clerk', organizationId: null, courtId: 'ct' },
    });
    expect(TestBed.inject(AuthStore).token()).toBe('tok');
    expect(sessionStorage.getItem('sutiao.token')).toBe('tok');
    expect(navigate).toHaveBeenCalledWith('/clerk/cases');
  });

  it('shows a plain message for wrong credentials', async () => {
    await fill('clerk1', 'wrong');
    http.expectOne('/api/auth/login').flush({ statusCode: 401, code: 'UNAUTHENTICATED' }, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    const alert = (fixture.nativeElement as HTMLElement).querySelector('[role=alert]');
    expect(alert?.textContent).toContain('用户名或密码不正确');
    expect(navigate).not.toHaveBeenCalled();
  });

  describe('with a one-time password', () => {
    const oneTime = {
      accessToken: 'one-time',
      mustChangePassword: true,
      user: { id: 'u9', username: 'chief', displayName: '王管理', role: 'admin', organizationId: null, courtId: 'ct' },
    };

    async function newPassword(value: string, confirm = value) {
      await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=newPassword]' }))).setValue(value);
      await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=confirm]' }))).setValue(confirm);
      await (await loader.getHarness(MatButtonHarness.with({ text: '修改密码并登录' }))).click();
    }

    it('asks for a new password, changes it with the one-time token, then signs in with it', async () => {
      await fill('chief', 'k7mq-x3pa-9dwe-h2rt');
      http.expectOne('/api/auth/login').flush(oneTime);
      await fixture.whenStable();
      expect(TestBed.inject(AuthStore).isLoggedIn()).toBe(false);
      expect((fixture.nativeElement as HTMLElement).textContent).toContain('首次登录，请修改密码');

      await newPassword('short');
      http.expectNone('/api/auth/password');
      expect((fixture.nativeElement as HTMLElement).textContent).toContain('至少 10 个字符');

      await newPassword('chief-chosen-password', 'something-else-entirely');
      http.expectNone('/api/auth/password');
      expect((fixture.nativeElement as HTMLElement).textContent).toContain('两次输入的密码不一致');

      await newPassword('chief-chosen-password');
      const change = http.expectOne('/api/auth/password');
      expect(change.request.headers.get('Authorization')).toBe('Bearer one-time');
      expect(change.request.body).toEqual({ currentPassword: 'k7mq-x3pa-9dwe-h2rt', newPassword: 'chief-chosen-password' });
      change.flush(null, { status: 204, statusText: 'No Content' });
      const relogin = http.expectOne('/api/auth/login');
      expect(relogin.request.body).toEqual({ username: 'chief', password: 'chief-chosen-password' });
      relogin.flush({ ...oneTime, accessToken: 'chosen', mustChangePassword: false });
      expect(TestBed.inject(AuthStore).token()).toBe('chosen');
      expect(navigate).toHaveBeenCalledWith('/admin/users');
    });

    it("shows the server's reason for refusing a new password", async () => {
      await fill('chief', 'k7mq-x3pa-9dwe-h2rt');
      http.expectOne('/api/auth/login').flush(oneTime);
      await fixture.whenStable();
      await newPassword('Chief-Long-Name');
      http
        .expectOne('/api/auth/password')
        .flush(
          { statusCode: 400, code: 'VALIDATION_FAILED', errors: { newPassword: 'equals_username' } },
          { status: 400, statusText: 'Bad Request' },
        );
      await fixture.whenStable();
      expect((fixture.nativeElement as HTMLElement).textContent).toContain('不能与用户名相同');
      expect(TestBed.inject(AuthStore).isLoggedIn()).toBe(false);
    });

    it('going back ends the one-time token', async () => {
      await fill('chief', 'k7mq-x3pa-9dwe-h2rt');
      http.expectOne('/api/auth/login').flush(oneTime);
      await fixture.whenStable();
      await (await loader.getHarness(MatButtonHarness.with({ text: '返回登录' }))).click();
      expect(http.expectOne('/api/auth/logout').request.headers.get('Authorization')).toBe('Bearer one-time');
      await fixture.whenStable();
      expect(submitButton().textContent?.trim()).toBe('登录');
      expect(input('login-password').value).toBe('');
    });
  });
});

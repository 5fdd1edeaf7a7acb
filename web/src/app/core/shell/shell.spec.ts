import { afterEach, describe, expect, it, vi } from 'vitest';
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Router, provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatNavListHarness } from '@angular/material/list/testing';
import { AuthStore } from '../auth/auth-store';
import { Role } from '../auth/auth-models';
import { Shell } from './shell';

async function render(role: Role) {
  sessionStorage.clear();
  TestBed.configureTestingModule({ imports: [Shell], providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
  TestBed.inject(AuthStore).setSession({
    accessToken: 't',
    mustChangePassword: false,
    user: { id: 'u', username: 'x', displayName: '王法官', role, organizationId: null, courtId: 'court1' },
  });
  const fixture = TestBed.createComponent(Shell);
  await fixture.whenStable();
  return { fixture, loader: TestbedHarnessEnvironment.loader(fixture) };
}

describe('Shell', () => {
  afterEach(() => localStorage.clear());

  it("shows the user, the role in Chinese and the judge's navigation", async () => {
    const { fixture, loader } = await render('judge');
    expect(fixture.nativeElement.textContent).toContain('王法官');
    expect(fixture.nativeElement.textContent).toContain('法官');
    const items = await (await loader.getHarness(MatNavListHarness)).getItems();
    expect(await Promise.all(items.map((i) => i.getFullText()))).toEqual(['司法确认审查', '统计分析', '期限计算器']);
  });

  it('gives a mediator the queue first', async () => {
    const { loader } = await render('mediator');
    const items = await (await loader.getHarness(MatNavListHarness)).getItems();
    expect(await items[0].getFullText()).toBe('待领取案件');
    expect(await items[0].getHref()).toBe('/mediator/queue');
  });

  it('logs out: ends the token on the server, forgets it and goes to the login page', async () => {
    const { loader } = await render('clerk');
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await (await loader.getHarness(MatButtonHarness.with({ text: '退出登录' }))).click();
    const logout = TestBed.inject(HttpTestingController).expectOne('/api/auth/logout');
    expect(logout.request.method).toBe('POST');
    expect(logout.request.headers.get('Authorization')).toBe('Bearer t');
    logout.flush(null, { status: 204, statusText: 'No Content' });
    expect(TestBed.inject(AuthStore).isLoggedIn()).toBe(false);
    expect(sessionStorage.getItem('sutiao.token')).toBeNull();
    expect(navigate).toHaveBeenCalledWith('/login');
  });
});

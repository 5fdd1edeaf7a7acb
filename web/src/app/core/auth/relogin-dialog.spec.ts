import { beforeEach, describe, expect, it, vi } from 'vitest';
import { TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { AuthStore } from './auth-store';
import { ReloginDialog } from './relogin-dialog';

describe('ReloginDialog', () => {
  const close = vi.fn();

  beforeEach(() => {
    close.mockReset();
    sessionStorage.clear();
    TestBed.configureTestingModule({
      imports: [ReloginDialog],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { username: 'clerk1' } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
  });

  it('signs the same user in again and closes with true so the request is repeated', async () => {
    const fixture = TestBed.createComponent(ReloginDialog);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    const username = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=username]' }));
    expect(await username.getValue()).toBe('clerk1');
    expect(await username.isReadonly()).toBe(true);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=password]' }))).setValue('sutiao-demo');
    await (await loader.getHarness(MatButtonHarness.with({ text: '继续' }))).click();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/auth/login')
      .flush({
        accessToken: 'fresh',
        user: { id: 'u1', username: 'clerk1', displayName: '书记员', role: 'clerk', organizationId: null, courtId: null },
      });
    expect(TestBed.inject(AuthStore).token()).toBe('fresh');
    expect(close).toHaveBeenCalledWith(true);
  });

  it('stays open with a message when the password is wrong', async () => {
    const fixture = TestBed.createComponent(ReloginDialog);
    const loader = TestbedHarnessEnvironment.loader(fixture);
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=password]' }))).setValue('nope');
    await (await loader.getHarness(MatButtonHarness.with({ text: '继续' }))).click();
    TestBed.inject(HttpTestingController).expectOne('/api/auth/login').flush(null, { status: 401, statusText: 'Unauthorized' });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('密码不正确');
    expect(close).not.toHaveBeenCalled();
  });
});

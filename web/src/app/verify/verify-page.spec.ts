import { beforeEach, describe, expect, it } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { VerifyPage } from './verify-page';

const HASH = 'a'.repeat(64);

describe('VerifyPage', () => {
  let fixture: ComponentFixture<VerifyPage>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [VerifyPage], providers: [provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(VerifyPage);
    fixture.componentRef.setInput('sha256', HASH);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  const text = () => (fixture.nativeElement as HTMLElement).textContent ?? '';

  it('shows what the document is when the system issued it', async () => {
    const req = http.expectOne(`/api/verify/${HASH}`);
    expect(req.request.headers.has('Authorization')).toBe(false);
    req.flush({ valid: true, kind: 'agreement', caseNumber: '（2026）黔0381民诉前调1号', issuedAt: '2026-11-20T06:30:00Z' });
    await fixture.whenStable();
    expect(text()).toContain('该文书由本系统出具');
    expect(text()).toContain('人民调解协议书');
    expect(text()).toContain('（2026）黔0381民诉前调1号');
    expect(text()).toContain('2026/11/20 14:30');
  });

  it('says "未找到该文书" for an unknown hash', async () => {
    http.expectOne(`/api/verify/${HASH}`).flush({ statusCode: 404, code: 'NOT_FOUND' }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(text()).toContain('未找到该文书');
  });
});

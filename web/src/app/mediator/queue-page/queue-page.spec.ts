import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Router, provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { AuthStore } from '../../core/auth/auth-store';
import { aCase, page } from '../../testing/fixtures';
import { EVENT_SOURCE_FACTORY } from '../queue-api';
import { QueuePage } from './queue-page';

/** Stands in for the browser's EventSource (jsdom has none). */
class FakeEventSource {
  static last: FakeEventSource | null = null;
  readonly url: string;
  readyState = 0;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private readonly listeners = new Map<string, ((e: MessageEvent) => void)[]>();
  closed = false;
  constructor(url: string) {
    this.url = url;
    FakeEventSource.last = this;
  }
  addEventListener(type: string, fn: (e: MessageEvent) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), fn]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    for (const fn of this.listeners.get(type) ?? []) fn(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
}

const first = aCase({ id: 'c1', caseNumber: '（2026）黔0381民诉前调1号' });
const second = aCase({
  id: 'c2',
  caseNumber: '（2026）黔0381民诉前调2号',
  deadlines: { acceptBy: '2026-11-26', mediationEndsOn: null, confirmationApplyBy: null, decisionDueOn: null },
});

describe('QueuePage', () => {
  let fixture: ComponentFixture<QueuePage>;
  let loader: HarnessLoader;
  let root: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      imports: [QueuePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: EVENT_SOURCE_FACTORY, useValue: (url: string) => new FakeEventSource(url) as unknown as EventSource },
      ],
    });
    TestBed.inject(AuthStore).setSession({
      accessToken: 'tok en',
      mustChangePassword: false,
      user: { id: 'm1', username: 'mediator001', displayName: '调解员一', role: 'mediator', organizationId: 'o1', courtId: 'court1' },
    });
    fixture = TestBed.createComponent(QueuePage);
    loader = TestbedHarnessEnvironment.loader(fixture);
    root = TestbedHarnessEnvironment.documentRootLoader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    http.expectOne('/api/dispute-types').flush([{ code: 'sale_contract', name: '买卖合同纠纷', feeCategory: 'property' }]);
    http.expectOne((r) => r.url === '/api/queue').flush(page([first, second]));
    await fixture.whenStable();
  });

  afterEach(() => fixture.destroy());

  const rowCount = async () => (await (await loader.getHarness(MatTableHarness)).getRows()).length;

  it('lists the queue and opens the live stream with the token in the URL', async () => {
    expect(await rowCount()).toBe(2);
    expect(FakeEventSource.last?.url).toBe('/api/queue/stream?access_token=tok%20en');
    const cells = await (await loader.getHarness(MatTableHarness)).getCellTextByColumnName();
    expect(cells['caseNumber'].text[0]).toContain('（2026）黔0381民诉前调1号');
    expect(cells['disputeType'].text[0]).toBe('买卖合同纠纷');
  });

  it('explains a lost race in words and refreshes the list', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="领取 （2026）黔0381民诉前调1号"]' }))).click();
    const claim = http.expectOne('/api/cases/c1/claim');
    expect(claim.request.body).toEqual({ version: 3 });
    claim.flush(
      { statusCode: 409, error: 'Conflict', code: 'ALREADY_CLAIMED', message: 'Case already claimed' },
      { status: 409, statusText: 'Conflict' },
    );
    const refresh = http.expectOne((r) => r.url === '/api/queue');
    refresh.flush(page([second]));
    await fixture.whenStable();
    const snack = await root.getHarness(MatSnackBarHarness);
    expect(await snack.getMessage()).toContain('该案件已被其他调解员领取');
    expect(await rowCount()).toBe(1);
    expect(fixture.nativeElement.textContent).not.toContain('Conflict');
  });

  it('reads a lost race answered with VERSION_CONFLICT as taken when the case is no longer queued', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="领取 （2026）黔0381民诉前调1号"]' }))).click();
    http
      .expectOne('/api/cases/c1/claim')
      .flush(
        { statusCode: 409, error: 'Conflict', code: 'VERSION_CONFLICT', message: 'The case changed since you read it' },
        { status: 409, statusText: 'Conflict' },
      );
    http.expectOne((r) => r.url === '/api/queue').flush(page([second]));
    http.expectOne('/api/cases/c1').flush(aCase({ id: 'c1', status: 'in_mediation', version: 4 }));
    await fixture.whenStable();
    const snack = await root.getHarness(MatSnackBarHarness);
    expect(await snack.getMessage()).toContain('该案件已被其他调解员领取');
    expect(await rowCount()).toBe(1);
  });

  it('asks to try again when the case merely changed and is still in the queue', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="领取 （2026）黔0381民诉前调1号"]' }))).click();
    http
      .expectOne('/api/cases/c1/claim')
      .flush(
        { statusCode: 409, error: 'Conflict', code: 'VERSION_CONFLICT', message: 'The case changed since you read it' },
        { status: 409, statusText: 'Conflict' },
      );
    http.expectOne((r) => r.url === '/api/queue').flush(page([aCase({ id: 'c1', caseNumber: first.caseNumber, version: 4 }), second]));
    http.expectOne('/api/cases/c1').flush(aCase({ id: 'c1', status: 'delegated', version: 4 }));
    await fixture.whenStable();
    const snack = await root.getHarness(MatSnackBarHarness);
    expect(await snack.getMessage()).toContain('请再试一次');
    expect(await rowCount()).toBe(2);
  });

  it('opens the workspace after a successful claim', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    await (await loader.getHarness(MatButtonHarness.with({ selector: '[aria-label="领取 （2026）黔0381民诉前调2号"]' }))).click();
    http.expectOne('/api/cases/c2/claim').flush(aCase({ id: 'c2', status: 'in_mediation' }));
    expect(navigate).toHaveBeenCalledWith(['/mediator/cases', 'c2']);
  });

  it('"下一件" says so when nothing is left (204)', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: '下一件' }))).click();
    http.expectOne('/api/queue/next').flush(null, { status: 204, statusText: 'No Content' });
    http.expectOne((r) => r.url === '/api/queue').flush(page([]));
    const snack = await root.getHarness(MatSnackBarHarness);
    expect(await snack.getMessage()).toBe('暂无可领取的案件');
  });

  it('drops a row as soon as another mediator claims it, then re-reads the queue', async () => {
    FakeEventSource.last!.emit('claimed', { caseId: 'c1' });
    await fixture.whenStable();
    expect(await rowCount()).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 450));
    http.expectOne((r) => r.url === '/api/queue').flush(page([second]));
  });

  it('closes the stream when the page is left', () => {
    const source = FakeEventSource.last!;
    fixture.destroy();
    expect(source.closed).toBe(true);
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, TestRequest, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatPaginatorHarness } from '@angular/material/paginator/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatTableHarness } from '@angular/material/table/testing';
import { AdminRoster } from './admin-roster';
import { AdminOrganization, RosterEntry } from './admin-api';

const org: AdminOrganization = {
  id: '3f2b8c1e-6d4a-4c1b-9f5e-2a7d8e9b0c11',
  name: '赤水市第1人民调解委员会',
  kind: 'township',
  region: '赤水市1区',
  contact: null,
  mediatorCount: 641,
  activeMediatorCount: 641,
  createdAt: '2026-11-20T09:00:00+08:00',
};

const mediator = (n: number): RosterEntry => ({
  id: `m${n}`,
  username: `imp${String(n).padStart(4, '0')}`,
  displayName: `导入调解员${n}`,
  organizationId: org.id,
  organizationName: org.name,
  active: true,
  admissionDate: '2025-01-15',
  specialities: [],
  languages: [],
  phone: null,
  status: 'active',
  statusReason: null,
  assessments: [],
  openCases: 0,
});

/** The page `page` (1-based) of a 641-mediator roster, 50 a page as the screen asks. */
const rosterPage = (page: number, total = 641) => {
  const from = (page - 1) * 50 + 1;
  const items = Array.from({ length: Math.max(0, Math.min(50, total - from + 1)) }, (_, i) => mediator(from + i));
  return { items, total, page, pageSize: 50 };
};

describe('AdminRoster', () => {
  let fixture: ComponentFixture<AdminRoster>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  const rosterRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/admin/mediators');
  const rows = async () =>
    (await (await loader.getHarness(MatTableHarness.with({ selector: '[aria-label="调解员名册"]' }))).getRows()).length;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [AdminRoster], providers: [provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(AdminRoster);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/admin/organizations').flush({ items: [org], total: 1, page: 1, pageSize: 200 });
    http.expectOne('/api/dispute-types').flush([]);
    const first = rosterRequest();
    expect(first.request.params.get('page')).toBe('1');
    expect(first.request.params.get('pageSize')).toBe('50');
    first.flush(rosterPage(1));
    await fixture.whenStable();
  });

  afterEach(() => {
    http.verify();
    fixture.destroy();
  });

  it('pages through 641 mediators with the paginator, in Chinese', async () => {
    expect(await rows()).toBe(50);
    const paginator = await loader.getHarness(MatPaginatorHarness);
    expect(await paginator.getRangeLabel()).toBe('第 1–50 条，共 641 条');
    await paginator.goToNextPage();
    const second = rosterRequest();
    expect(second.request.params.get('page')).toBe('2');
    second.flush(rosterPage(2));
    await fixture.whenStable();
    expect(await paginator.getRangeLabel()).toBe('第 51–100 条，共 641 条');
    expect(fixture.nativeElement.textContent).toContain('imp0051');

    await paginator.goToLastPage();
    const last = rosterRequest();
    expect(last.request.params.get('page')).toBe('13');
    last.flush(rosterPage(13));
    await fixture.whenStable();
    expect(await rows()).toBe(41);
    expect(await paginator.getRangeLabel()).toBe('第 601–641 条，共 641 条');
  });

  it('goes back to the first page when a filter changes, keeping the filters in the request', async () => {
    const paginator = await loader.getHarness(MatPaginatorHarness);
    await paginator.goToNextPage();
    rosterRequest().flush(rosterPage(2));
    await fixture.whenStable();

    const selects = await loader.getAllHarnesses(MatSelectHarness); // 调解组织, 名册状态
    expect(selects.length).toBe(2);
    await selects[1]!.open();
    await selects[1]!.clickOptions({ text: '暂停' });
    const filtered = rosterRequest();
    expect(filtered.request.params.get('page')).toBe('1');
    expect(filtered.request.params.get('status')).toBe('suspended');
    filtered.flush(rosterPage(1, 3));
    await fixture.whenStable();
    expect(await paginator.getRangeLabel()).toBe('第 1–3 条，共 3 条');

    await selects[0]!.open();
    await selects[0]!.clickOptions({ text: org.name });
    const byOrg = rosterRequest();
    expect(byOrg.request.params.get('page')).toBe('1');
    expect(byOrg.request.params.get('organizationId')).toBe(org.id);
    expect(byOrg.request.params.get('status')).toBe('suspended');
    byOrg.flush(rosterPage(1, 3));
    await fixture.whenStable();

    const search = await loader.getHarness(MatInputHarness);
    await search.setValue(' imp0007 ');
    await new Promise((resolve) => setTimeout(resolve, 350));
    const searched = rosterRequest();
    expect(searched.request.params.get('q')).toBe('imp0007');
    expect(searched.request.params.get('page')).toBe('1');
    searched.flush(rosterPage(1, 1));
    await fixture.whenStable();
    expect(await rows()).toBe(1);
  });
});

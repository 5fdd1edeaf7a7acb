import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import { ExportPanel } from './export-panel';

describe('ExportPanel', () => {
  let fixture: ComponentFixture<ExportPanel>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({ imports: [ExportPanel], providers: [provideHttpClient(), provideHttpClientTesting()] });
    fixture = TestBed.createComponent(ExportPanel);
    fixture.componentRef.setInput('range', { from: '2026-01-01', to: '2026-11-23' });
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  it("shows the download progress and saves the file under the server's name", async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);

    await (await loader.getHarness(MatButtonHarness.with({ text: '导出 Excel' }))).click();
    const req = http.expectOne((r) => r.url === '/api/stats/export');
    expect(req.request.params.get('format')).toBe('xlsx');
    expect(req.request.params.get('by')).toBe('organization');
    expect(req.request.params.get('from')).toBe('2026-01-01');
    expect(req.request.responseType).toBe('blob');

    const bar = await loader.getHarness(MatProgressBarHarness);
    expect(await bar.getMode()).toBe('indeterminate');
    req.event({ type: HttpEventType.DownloadProgress, loaded: 40, total: 100 });
    expect(await bar.getMode()).toBe('determinate');
    expect(await bar.getValue()).toBe(40);
    expect(fixture.nativeElement.textContent).toContain('正在下载 40%');

    req.flush(new Blob(['x']), {
      headers: { 'Content-Disposition': 'attachment; filename="s.xlsx"; filename*=UTF-8\'\'%E7%BB%9F%E8%AE%A1.xlsx' },
    });
    await fixture.whenStable();
    expect(click).toHaveBeenCalled();
    const anchor = click.mock.instances[0] as unknown as HTMLAnchorElement;
    expect(anchor.download).toBe('统计.xlsx');
    expect(await loader.getAllHarnesses(MatProgressBarHarness)).toHaveLength(0);
  });

  it('reports a failed export in words', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: '导出 CSV' }))).click();
    http.expectOne((r) => r.url === '/api/stats/export').flush(new Blob(['{}']), { status: 403, statusText: 'Forbidden' });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('您无权执行此操作');
  });
});

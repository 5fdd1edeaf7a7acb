import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatAutocompleteHarness } from '@angular/material/autocomplete/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { of } from 'rxjs';
import { aCase, page } from '../../testing/fixtures';
import { DelegateDialog } from './delegate-dialog';

const ORG = { id: 'o1', name: '丙安镇丙安村人民调解委员会', kind: 'village', region: '丙安镇', mediatorCount: 3 };

describe('DelegateDialog', () => {
  let fixture: ComponentFixture<DelegateDialog>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  const submit = vi.fn();
  const close = vi.fn();

  beforeEach(async () => {
    submit.mockReset().mockReturnValue(of(aCase()));
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [DelegateDialog],
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: { disputeType: 'sale_contract', submit } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    fixture = TestBed.createComponent(DelegateDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  async function flushOrganizations() {
    await new Promise((r) => setTimeout(r, 300));
    http.match((r) => r.url === '/api/organizations').forEach((r) => r.flush(page([ORG])));
  }

  it('sends neither id for the court-wide shared queue', async () => {
    await flushOrganizations();
    await (await loader.getHarness(MatButtonHarness.with({ text: '确认委派' }))).click();
    expect(submit).toHaveBeenCalledWith({});
    expect(close).toHaveBeenCalled();
  });

  it('delegates to a named mediator of a chosen committee', async () => {
    await flushOrganizations();
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '指定调解员' });
    await (await loader.getHarness(MatButtonHarness.with({ text: '确认委派' }))).click();
    expect(submit).not.toHaveBeenCalled();
    expect(fixture.nativeElement.textContent).toContain('请选择调解组织');

    const auto = await loader.getHarness(MatAutocompleteHarness);
    await auto.enterText('丙安');
    await new Promise((r) => setTimeout(r, 300));
    const search = http.expectOne((r) => r.url === '/api/organizations' && r.params.get('q') === '丙安');
    search.flush(page([ORG]));
    await auto.selectOption({ text: /丙安镇丙安村人民调解委员会/ });

    const mediators = http.expectOne((r) => r.url === '/api/mediators');
    expect(mediators.request.params.get('organizationId')).toBe('o1');
    expect(mediators.request.params.get('disputeType')).toBe('sale_contract');
    mediators.flush(page([{ id: 'm7', displayName: '马晨宸', organizationId: 'o1', activeCases: 2, matchesExpertise: true }]));

    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: /马晨宸/ });
    await (await loader.getHarness(MatButtonHarness.with({ text: '确认委派' }))).click();
    expect(submit).toHaveBeenCalledWith({ organizationId: 'o1', mediatorId: 'm7' });
  });
});

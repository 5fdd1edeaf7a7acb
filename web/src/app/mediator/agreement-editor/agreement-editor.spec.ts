import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideChineseDates } from '../../shared/date-providers';
import { aCase } from '../../testing/fixtures';
import { AgreementEditor } from './agreement-editor';

describe('AgreementEditor', () => {
  let fixture: ComponentFixture<AgreementEditor>;
  let loader: HarnessLoader;
  let http: HttpTestingController;
  const record = aCase({ id: 'c9', status: 'in_mediation', version: 7 });

  beforeEach(async () => {
    // jsdom has no object URLs; the preview only needs one to put in the iframe.
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:preview'), revokeObjectURL: vi.fn() });
    TestBed.configureTestingModule({
      imports: [AgreementEditor],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideChineseDates()],
    });
    fixture = TestBed.createComponent(AgreementEditor);
    fixture.componentRef.setInput('record', record);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const fillTerm = async () => {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=amount]' }))).setValue('40000');
    fixture.componentInstance.terms.at(0).controls.dueOn.setValue(new Date(2026, 11, 31));
  };

  it('starts with one term from the respondent to the applicant and totals it in capitals', async () => {
    const selects = await loader.getAllHarnesses(MatSelectHarness);
    expect(await selects[0].getValueText()).toBe('被申请人 赤水市某超市有限公司');
    expect(await selects[1].getValueText()).toBe('申请人 刘小富');
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=amount]' }))).setValue('40000.5');
    expect(fixture.nativeElement.textContent).toContain('合计 ¥40,000.50（肆万元伍角）');
  });

  it('will not let a party owe itself', async () => {
    const selects = await loader.getAllHarnesses(MatSelectHarness);
    await selects[1].open();
    await selects[1].clickOptions({ text: '被申请人 赤水市某超市有限公司' });
    expect(fixture.nativeElement.textContent).toContain('义务人与权利人不能是同一当事人');
  });

  it('previews the PDF the API would issue, then sends the same body with the case version', async () => {
    await fillTerm();
    await (await loader.getHarness(MatButtonHarness.with({ text: '预览协议' }))).click();
    const preview = http.expectOne('/api/cases/c9/agreement/preview');
    expect(preview.request.responseType).toBe('blob');
    expect(preview.request.body).toMatchObject({
      terms: [{ obligorPartyId: 'p2', obligeePartyId: 'p1', amount: '40000', dueOn: '2026-12-31', method: '银行转账' }],
      version: 7,
    });
    preview.flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    await fixture.whenStable();
    const frame = fixture.nativeElement.querySelector('iframe') as HTMLIFrameElement;
    expect(frame.title).toBe('人民调解协议书（预览）');
    expect(frame.getAttribute('src')).toMatch(/^blob:preview/);
    http.expectNone('/api/cases/c9/agreement');

    await (await loader.getHarness(MatButtonHarness.with({ text: '确认提交协议' }))).click();
    const req = http.expectOne('/api/cases/c9/agreement');
    expect(req.request.body).toEqual(preview.request.body);
    expect(req.request.body.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('puts the field errors of a rejected preview (a JSON body read from a Blob) on the term', async () => {
    await fillTerm();
    fixture.componentInstance.showPreview();
    http.expectOne('/api/cases/c9/agreement/preview').flush(
      new Blob([JSON.stringify({ statusCode: 400, code: 'VALIDATION_FAILED', errors: { 'terms.0.amount': 'range' } })], {
        type: 'application/json',
      }),
      { status: 400, statusText: 'Bad Request' },
    );
    await vi.waitFor(() => expect(fixture.componentInstance.error()).toBe('提交的信息有误，请检查标出的字段'));
    await fixture.whenStable();
    const amount = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: '金额（元）' }));
    expect(await amount.getTextErrors()).toEqual(['金额须大于等于 0 且小于一万亿元']);
    expect(fixture.nativeElement.querySelector('iframe')).toBeNull();
  });

  it('goes back to the form with a sentence when the case changed meanwhile', async () => {
    await fillTerm();
    fixture.componentInstance.showPreview();
    http.expectOne('/api/cases/c9/agreement/preview').flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    await fixture.whenStable();
    fixture.componentInstance.submit();
    http
      .expectOne('/api/cases/c9/agreement')
      .flush({ statusCode: 409, error: 'Conflict', code: 'VERSION_CONFLICT', message: 'stale' }, { status: 409, statusText: 'Conflict' });
    await fixture.whenStable();
    const text = fixture.nativeElement.textContent as string;
    expect(text).toContain('案件已被他人更新，请刷新后重试');
    expect(text).not.toContain('Conflict');
    expect(fixture.nativeElement.querySelector('form')).not.toBeNull();
  });
});

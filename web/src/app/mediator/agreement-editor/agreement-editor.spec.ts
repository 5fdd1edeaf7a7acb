import { beforeEach, describe, expect, it } from 'vitest';
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
    TestBed.configureTestingModule({
      imports: [AgreementEditor],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideChineseDates()],
    });
    fixture = TestBed.createComponent(AgreementEditor);
    fixture.componentRef.setInput('record', record);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    http.match('/api/dispute-types').forEach((r) => r.flush([{ code: 'sale_contract', name: '买卖合同纠纷', feeCategory: 'property' }]));
  });

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

  it('previews the agreement, then sends it with the case version', async () => {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=amount]' }))).setValue('40000');
    fixture.componentInstance.terms.at(0).controls.dueOn.setValue(new Date(2026, 11, 31));
    await (await loader.getHarness(MatButtonHarness.with({ text: '预览协议' }))).click();
    const text = fixture.nativeElement.textContent as string;
    expect(text).toContain('申请人刘小富与被申请人赤水市某超市有限公司因买卖合同纠纷');
    expect(text).toContain('一、赤水市某超市有限公司于2026-12-31前以银行转账向刘小富支付¥40,000.00（肆万元整）。');
    expect(text).toContain('二、双方确认本协议系自愿达成');
    http.expectNone('/api/cases/c9/agreement');

    await (await loader.getHarness(MatButtonHarness.with({ text: '确认提交协议' }))).click();
    const req = http.expectOne('/api/cases/c9/agreement');
    expect(req.request.body).toMatchObject({
      terms: [{ obligorPartyId: 'p2', obligeePartyId: 'p1', amount: '40000', dueOn: '2026-12-31', method: '银行转账' }],
      version: 7,
    });
    expect(req.request.body.signedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });

  it('shows a server field error on the term it belongs to', async () => {
    await (await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=amount]' }))).setValue('40000');
    fixture.componentInstance.terms.at(0).controls.dueOn.setValue(new Date(2026, 11, 31));
    fixture.componentInstance.showPreview();
    fixture.componentInstance.submit();
    http.expectOne('/api/cases/c9/agreement').flush(
      { statusCode: 400, code: 'VALIDATION_FAILED', errors: { 'terms.0.amount': 'range' } },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const amount = await loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: '金额（元）' }));
    expect(await amount.getTextErrors()).toEqual(['金额须大于等于 0 且小于一万亿元']);
  });
});

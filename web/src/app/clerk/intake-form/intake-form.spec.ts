import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Router, provideRouter } from '@angular/router';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatFormFieldHarness } from '@angular/material/form-field/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { provideChineseDates } from '../../shared/date-providers';
import { aCase } from '../../testing/fixtures';
import { IntakeForm } from './intake-form';

const VALID_ID = '11010519491231002X';
const VALID_CODE = '91350100M000100Y43';

describe('IntakeForm', () => {
  let fixture: ComponentFixture<IntakeForm>;
  let loader: HarnessLoader;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [IntakeForm],
      providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting(), provideChineseDates()],
    });
    fixture = TestBed.createComponent(IntakeForm);
    loader = TestbedHarnessEnvironment.loader(fixture);
    http = TestBed.inject(HttpTestingController);
    await fixture.whenStable();
    http.expectOne('/api/dispute-types').flush([{ code: 'sale_contract', name: '买卖合同纠纷', feeCategory: 'property' }]);
    await fixture.whenStable();
  });

  const field = (label: string) => loader.getHarness(MatFormFieldHarness.with({ floatingLabelText: label }));
  const input = async (label: string) => (await (await field(label)).getControl(MatInputHarness))!;

  it('shows the amount in Chinese capitals while typing', async () => {
    await (await input('标的额（元）')).setValue('120000');
    expect(await (await field('标的额（元）')).getTextHints()).toEqual(['大写：壹拾贰万元整']);
  });

  it('tells the clerk what litigating would cost once type and amount are known', async () => {
    fixture.componentInstance.form.patchValue({ disputeType: 'sale_contract', claimAmount: '120000' });
    await new Promise((r) => setTimeout(r, 450));
    const req = http.expectOne((r) => r.url === '/api/fees/litigation');
    expect(req.request.params.get('amount')).toBe('120000');
    expect(req.request.params.get('disputeType')).toBe('sale_contract');
    req.flush({ fullFee: '2700.00', halfFee: '1350.00', feeCategory: 'property', brackets: [], basis: '诉讼费用交纳办法 第十三条' });
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('需预交案件受理费 ¥2,700.00');
  });

  it('checks the resident ID check digit as it is typed, before the field is left', async () => {
    const idInput = (await loader.getAllHarnesses(MatInputHarness.with({ selector: '[formControlName=idNumber]' })))[0];
    await idInput.setValue('52038119900101123X');
    const idField = (await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: '公民身份号码' })))[0];
    expect(await idField.isControlTouched()).toBe(false);
    expect(await idField.getTextErrors()).toEqual(['校验位不正确，请核对号码']);
    await idInput.setValue(VALID_ID);
    expect(await idField.getTextErrors()).toEqual([]);
  });

  it('asks for a credit code once a party is an organization', async () => {
    const kindToggle = fixture.debugElement.nativeElement.querySelectorAll(
      'mat-button-toggle-group[formcontrolname=kind] button',
    )[3] as HTMLButtonElement;
    kindToggle.click(); // second party → 法人或其他组织
    await fixture.whenStable();
    const code = await loader.getHarness(MatInputHarness.with({ selector: '[formControlName=creditCode]' }));
    await code.setValue('91350100M000100Y44');
    const codeField = await field('统一社会信用代码');
    expect(await codeField.getTextErrors()).toEqual(['校验位不正确，请核对号码']);
  });

  it('refuses to send an incomplete form', async () => {
    await (await loader.getHarness(MatButtonHarness.with({ text: '登记立案' }))).click();
    http.expectNone('/api/cases');
    expect(await (await field('纠纷简要情况')).getTextErrors()).toEqual(['此项为必填']);
    expect(fixture.nativeElement.textContent).toContain('委派调解须经当事人同意');
  });

  it('puts the server field errors on the matching fields', async () => {
    const component = fixture.componentInstance;
    component.form.patchValue({
      disputeType: 'sale_contract',
      claimAmount: '120000',
      summary: '货款纠纷',
      claims: ['支付货款'],
      consentToMediation: true,
    });
    component.parties.at(0).patchValue({ name: '刘小富', idNumber: VALID_ID, phone: '13800000000' });
    component.parties.at(1).patchValue({ kind: 'organization', name: '某超市有限公司', creditCode: VALID_CODE, phone: '0851-22800000' });
    await (await loader.getHarness(MatButtonHarness.with({ text: '登记立案' }))).click();

    const req = http.expectOne('/api/cases');
    expect(req.request.body).toMatchObject({
      track: 'pre_litigation',
      claimAmount: '120000',
      consentToMediation: true,
      parties: [
        { role: 'applicant', kind: 'person', name: '刘小富', idNumber: VALID_ID, phone: '13800000000' },
        { role: 'respondent', kind: 'organization', name: '某超市有限公司', creditCode: VALID_CODE, phone: '0851-22800000' },
      ],
    });
    expect(req.request.body.parties[1].idNumber).toBeUndefined();
    req.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: 'x',
        errors: { 'parties.0.idNumber': 'birthdate', 'parties.1.phone': 'format' },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    const idField = (await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: '公民身份号码' })))[0];
    expect(await idField.getTextErrors()).toEqual(['出生日期无效，请核对号码']);
    const phones = await loader.getAllHarnesses(MatFormFieldHarness.with({ floatingLabelText: '联系电话' }));
    expect(await phones[1].getTextErrors()).toEqual(['格式不正确']);
    expect(fixture.nativeElement.textContent).toContain('提交的信息有误');
  });

  it('opens the new case after filing', async () => {
    const navigate = vi.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const component = fixture.componentInstance;
    component.form.patchValue({ disputeType: 'sale_contract', claimAmount: '1', summary: 's', claims: ['c'], consentToMediation: true });
    component.parties.at(0).patchValue({ name: 'A', idNumber: VALID_ID });
    component.parties.at(1).patchValue({ name: 'B', idNumber: VALID_ID });
    component.submit();
    http.expectOne('/api/cases').flush(aCase({ id: 'new-id', status: 'registered' }), { status: 201, statusText: 'Created' });
    expect(navigate).toHaveBeenCalledWith(['/clerk/cases', 'new-id']);
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { of } from 'rxjs';
import { aCase } from '../../testing/fixtures';
import { DecideDialog } from './decide-dialog';

describe('DecideDialog', () => {
  let fixture: ComponentFixture<DecideDialog>;
  let loader: HarnessLoader;
  const submit = vi.fn();
  const close = vi.fn();

  beforeEach(async () => {
    submit.mockReset().mockReturnValue(of(aCase({ status: 'confirmation_rejected' })));
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [DecideDialog],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { submit } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    fixture = TestBed.createComponent(DecideDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await fixture.whenStable();
  });

  it('requires at least one ground to reject, then sends the codes', async () => {
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '驳回司法确认申请' });
    await (await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('协议内容不明确');
    const decide = await loader.getHarness(MatButtonHarness.with({ text: '作出裁定' }));
    await decide.click();
    expect(submit).not.toHaveBeenCalled();
    expect(fixture.nativeElement.textContent).toContain('驳回申请须至少选择一项理由');

    await (await loader.getHarness(MatCheckboxHarness.with({ label: '内容不明确' }))).check();
    await decide.click();
    expect(submit).toHaveBeenCalledWith({ result: 'rejected', grounds: ['unclear_content'], reasoning: '协议内容不明确' });
    expect(close).toHaveBeenCalled();
  });

  it('confirms without grounds', async () => {
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '确认调解协议有效' });
    await (await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('协议合法有效');
    await (await loader.getHarness(MatButtonHarness.with({ text: '作出裁定' }))).click();
    expect(submit).toHaveBeenCalledWith({ result: 'confirmed', reasoning: '协议合法有效' });
  });
});

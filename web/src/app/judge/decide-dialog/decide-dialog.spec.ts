import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatRadioGroupHarness } from '@angular/material/radio/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { of, throwError } from 'rxjs';
import { aCase } from '../../testing/fixtures';
import { DecideDialog } from './decide-dialog';

describe('DecideDialog', () => {
  let fixture: ComponentFixture<DecideDialog>;
  let loader: HarnessLoader;
  const submit = vi.fn();
  const preview = vi.fn();
  const close = vi.fn();
  const updateSize = vi.fn();

  beforeEach(async () => {
    submit.mockReset().mockReturnValue(of(aCase({ status: 'confirmation_rejected' })));
    preview.mockReset().mockReturnValue(of(new Blob(['%PDF-1.7'], { type: 'application/pdf' })));
    close.mockReset();
    updateSize.mockReset();
    Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:ruling'), revokeObjectURL: vi.fn() });
    TestBed.configureTestingModule({
      imports: [DecideDialog],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { submit, preview } },
        { provide: MatDialogRef, useValue: { close, updateSize } },
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

  it('previews the ruling, then decides from the preview with the same body', async () => {
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '确认调解协议有效' });
    await (await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('协议合法有效');
    await (await loader.getHarness(MatButtonHarness.with({ text: '预览裁定书' }))).click();
    expect(preview).toHaveBeenCalledWith({ result: 'confirmed', reasoning: '协议合法有效' });
    expect(submit).not.toHaveBeenCalled();
    const frame = fixture.nativeElement.querySelector('iframe') as HTMLIFrameElement;
    expect(frame.title).toBe('民事裁定书（预览）');
    expect(updateSize).toHaveBeenCalled();

    await (await loader.getHarness(MatButtonHarness.with({ text: '确认并作出裁定' }))).click();
    expect(submit).toHaveBeenCalledWith({ result: 'confirmed', reasoning: '协议合法有效' });
    expect(close).toHaveBeenCalled();
  });

  it('explains a refused preview in words and keeps the form', async () => {
    preview.mockReturnValue(
      throwError(
        () =>
          new HttpErrorResponse({
            status: 409,
            statusText: 'Conflict',
            error: { statusCode: 409, code: 'ILLEGAL_TRANSITION', message: 'Cannot decide a case that is confirmed' },
          }),
      ),
    );
    await (await loader.getHarness(MatRadioGroupHarness)).checkRadioButton({ label: '确认调解协议有效' });
    await (await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('协议合法有效');
    await (await loader.getHarness(MatButtonHarness.with({ text: '预览裁定书' }))).click();
    const text = fixture.nativeElement.textContent as string;
    expect(text).toContain('案件当前状态不允许此操作');
    expect(text).not.toContain('Cannot decide');
    expect(fixture.nativeElement.querySelector('iframe')).toBeNull();
  });
});

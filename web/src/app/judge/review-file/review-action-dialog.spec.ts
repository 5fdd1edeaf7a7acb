import { describe, expect, it, vi } from 'vitest';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatInputHarness } from '@angular/material/input/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { of } from 'rxjs';
import { aCase } from '../../testing/fixtures';
import { ReviewActionDialog, ReviewDialogData, ReviewDialogMode } from './review-action-dialog';

async function open(mode: ReviewDialogMode, extra: Partial<ReviewDialogData> = {}) {
  const submit = vi.fn().mockReturnValue(of(aCase()));
  const close = vi.fn();
  TestBed.configureTestingModule({
    imports: [ReviewActionDialog],
    providers: [
      { provide: MAT_DIALOG_DATA, useValue: { mode, submit, today: '2026-12-04', ...extra } },
      { provide: MatDialogRef, useValue: { close } },
    ],
  });
  const fixture = TestBed.createComponent(ReviewActionDialog);
  const loader = TestbedHarnessEnvironment.loader(fixture);
  await fixture.whenStable();
  return { fixture, loader, submit, close };
}

describe('ReviewActionDialog', () => {
  it('asks for the missing materials with the default 7 days', async () => {
    const { loader, submit, close } = await open('supplement', { missing: ['evidence'] });
    await (await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('  请补交借条  ');
    await (await loader.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
    expect(submit).toHaveBeenCalledWith({ items: ['evidence'], days: 7, note: '请补交借条' });
    expect(close).toHaveBeenCalled();
  });

  it('refuses 不予受理 without the Art. 355 matter, then sends it with the reasoning', async () => {
    const { fixture, loader, submit } = await open('not_accepted');
    await (await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('申请确认的协议涉及物权确权。');
    const rule = await loader.getHarness(MatButtonHarness.with({ text: '作出裁定' }));
    await rule.click();
    expect(submit).not.toHaveBeenCalled();
    expect(fixture.nativeElement.textContent).toContain('请选择');
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: /物权、知识产权确权/ });
    await rule.click();
    expect(submit).toHaveBeenCalledWith({
      kind: 'not_accepted',
      code: 'property_or_ip_ownership',
      reasoning: '申请确认的协议涉及物权确权。',
    });
  });

  it('requires the plaintiff’s statement to record 撤诉', async () => {
    const { loader, submit } = await open('withdrawal');
    const record = await loader.getHarness(MatButtonHarness.with({ text: '记录撤诉' }));
    await record.click();
    expect(submit).not.toHaveBeenCalled();
    await (await loader.getHarness(MatInputHarness.with({ selector: 'textarea' }))).setValue('原告表示协议已履行，申请撤诉。');
    await record.click();
    expect(submit).toHaveBeenCalledWith({ outcome: 'withdrawal', note: '原告表示协议已履行，申请撤诉。' });
  });

  it('issues the 民事调解书 without a note', async () => {
    const { loader, submit } = await open('decree');
    await (await loader.getHarness(MatButtonHarness.with({ text: '出具调解书' }))).click();
    expect(submit).toHaveBeenCalledWith({ outcome: 'decree' });
  });
});

import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { HarnessLoader } from '@angular/cdk/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { of } from 'rxjs';
import { AdminUser } from './admin-api';
import { EditUserDialog } from './new-user-dialog';

const MEDIATOR: AdminUser = {
  id: 'u1',
  username: 'mediator001',
  displayName: '马晨宸',
  role: 'mediator',
  organizationId: 'o1',
  organizationName: '天台镇人民调解委员会',
  expertise: [],
  active: true,
  mustChangePassword: false,
  openCases: 3,
  createdAt: '2026-11-20T09:30:00.000Z',
};

const ORGS = [
  { id: 'o1', name: '天台镇人民调解委员会' },
  { id: 'o2', name: '丙安镇人民调解委员会' },
];

describe('EditUserDialog', () => {
  let fixture: ComponentFixture<EditUserDialog>;
  let loader: HarnessLoader;
  const submit = vi.fn();
  const close = vi.fn();

  function open(user: AdminUser) {
    submit.mockReset().mockReturnValue(of(user));
    close.mockReset();
    TestBed.configureTestingModule({
      imports: [EditUserDialog],
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { user, organizations: ORGS, submit } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    fixture = TestBed.createComponent(EditUserDialog);
    loader = TestbedHarnessEnvironment.loader(fixture);
  }

  beforeEach(() => TestBed.resetTestingModule());

  it('offers to return the open cases only when the mediator moves, and sends the choice', async () => {
    open(MEDIATOR);
    await fixture.whenStable();
    expect(await loader.getAllHarnesses(MatCheckboxHarness)).toHaveLength(0);

    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: '丙安镇人民调解委员会' });
    const release = await loader.getHarness(MatCheckboxHarness);
    expect(await release.getLabelText()).toContain('将其在办的 3 件案件退回队列');
    await release.check();
    await (await loader.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
    expect(submit).toHaveBeenCalledWith({ organizationId: 'o2', releaseOpenCases: true });
    expect(close).toHaveBeenCalled();
  });

  it('keeps the cases with the mediator unless asked, and sends only what changed', async () => {
    open(MEDIATOR);
    await fixture.whenStable();
    const select = await loader.getHarness(MatSelectHarness);
    await select.open();
    await select.clickOptions({ text: '丙安镇人民调解委员会' });
    await (await loader.getHarness(MatButtonHarness.with({ text: '保存' }))).click();
    expect(submit).toHaveBeenCalledWith({ organizationId: 'o2' });
  });

  it('has no organization for a clerk', async () => {
    open({ ...MEDIATOR, role: 'clerk', organizationId: null, organizationName: null, openCases: 0 });
    await fixture.whenStable();
    expect(await loader.getAllHarnesses(MatSelectHarness)).toHaveLength(0);
  });
});

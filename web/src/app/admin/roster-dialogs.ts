import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { ActionDialogData, ActionRunner } from '../cases/action-dialog';
import { notBlankValidator } from '../shared/form-validators';
import { AdminOrganization, NewOrganization, RosterChange, RosterEntry } from './admin-api';

export const ORGANIZATION_KIND_LABELS: Partial<Record<string, string>> = {
  township: '乡镇（街道）人民调解委员会',
  village: '村人民调解委员会',
  community: '社区人民调解委员会',
  industry: '行业性专业性调解组织',
  court_invited: '法院特邀调解组织',
};

export const ROSTER_STATUS_LABELS: Partial<Record<string, string>> = { active: '在册', suspended: '暂停', removed: '除名' };

export interface OrganizationDialogData extends ActionDialogData<NewOrganization, AdminOrganization> {
  organization: AdminOrganization | null;
}

/** 新增/修改调解组织: name (unique in the court), kind, region, contact. */
@Component({
  selector: 'app-organization-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title>{{ data.organization ? '修改调解组织' : '新增调解组织' }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <mat-form-field class="full-width">
          <mat-label>组织名称</mat-label>
          <input matInput formControlName="name" maxlength="200" cdkFocusInitial />
          <mat-error>组织名称必填，且本院不能重名</mat-error>
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>组织类别</mat-label>
          <mat-select formControlName="kind">
            @for (k of kinds; track k) {
              <mat-option [value]="k">{{ kindLabels[k] }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>地区</mat-label>
          <input matInput formControlName="region" maxlength="100" />
          <mat-error>地区必填</mat-error>
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>联系人及电话</mat-label>
          <input matInput formControlName="contact" maxlength="200" />
        </mat-form-field>
        @if (runner.error()) {
          <p class="error-text" role="alert">{{ runner.error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>取消</button>
        <button mat-flat-button type="submit" [disabled]="runner.busy()">保存</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganizationDialog {
  readonly data = inject<OrganizationDialogData>(MAT_DIALOG_DATA);
  readonly runner = new ActionRunner<AdminOrganization>();
  readonly kinds = Object.keys(ORGANIZATION_KIND_LABELS);
  readonly kindLabels = ORGANIZATION_KIND_LABELS;
  readonly form = inject(NonNullableFormBuilder).group({
    name: [this.data.organization?.name ?? '', [Validators.required, notBlankValidator, Validators.maxLength(200)]],
    kind: [this.data.organization?.kind ?? 'township', Validators.required],
    region: [this.data.organization?.region ?? '', [Validators.required, notBlankValidator]],
    contact: [this.data.organization?.contact ?? ''],
  });

  submit(): void {
    const v = this.form.getRawValue();
    const body = { name: v.name.trim(), kind: v.kind, region: v.region.trim(), contact: v.contact.trim() || null } as NewOrganization;
    this.runner.run(this.form, body, this.data.submit);
  }
}

export interface RosterDialogData extends ActionDialogData<RosterChange, RosterEntry> {
  entry: RosterEntry;
  disputeTypes: { code: string; name: string }[];
}

/** 名册信息: admission date, specialities, languages, phone, status with its reason, annual assessments. */
@Component({
  selector: 'app-roster-dialog',
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatCheckboxModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  template: `
    <h2 mat-dialog-title>名册信息：{{ data.entry.displayName }}（{{ data.entry.username }}）</h2>
    <form [formGroup]="form" (ngSubmit)="submit()">
      <mat-dialog-content>
        <mat-form-field class="full-width">
          <mat-label>入册日期</mat-label>
          <input matInput type="date" formControlName="admissionDate" />
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>擅长案由</mat-label>
          <mat-select formControlName="specialities" multiple>
            @for (d of data.disputeTypes; track d.code) {
              <mat-option [value]="d.code">{{ d.name }}</mat-option>
            }
          </mat-select>
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>语言/方言（用“;”分隔）</mat-label>
          <input matInput formControlName="languages" />
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>联系电话</mat-label>
          <input matInput formControlName="phone" />
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>名册状态</mat-label>
          <mat-select formControlName="status">
            @for (s of statuses; track s) {
              <mat-option [value]="s">{{ statusLabels[s] }}</mat-option>
            }
          </mat-select>
          <mat-hint>暂停或除名后不再接收新案件，已办案件和记录保留</mat-hint>
        </mat-form-field>
        @if (form.controls.status.value !== 'active') {
          <mat-form-field class="full-width">
            <mat-label>原因{{ form.controls.status.value === 'removed' ? '（必填）' : '' }}</mat-label>
            <input matInput formControlName="statusReason" maxlength="200" />
          </mat-form-field>
          @if (data.entry.openCases > 0) {
            <mat-checkbox formControlName="releaseOpenCases">
              将其在办的 {{ data.entry.openCases }} 件案件退回队列（不勾选则仍由其继续办理）
            </mat-checkbox>
          }
        }
        <mat-form-field class="full-width">
          <mat-label>年度考核（每行一条：年份 考核意见）</mat-label>
          <textarea matInput formControlName="assessments" rows="3"></textarea>
        </mat-form-field>
        @if (runner.error()) {
          <p class="error-text" role="alert">{{ runner.error() }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>取消</button>
        <button mat-flat-button type="submit" [disabled]="runner.busy()">保存</button>
      </mat-dialog-actions>
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RosterDialog {
  readonly data = inject<RosterDialogData>(MAT_DIALOG_DATA);
  readonly runner = new ActionRunner<RosterEntry>();
  readonly statuses = Object.keys(ROSTER_STATUS_LABELS);
  readonly statusLabels = ROSTER_STATUS_LABELS;
  readonly form = inject(NonNullableFormBuilder).group({
    admissionDate: [this.data.entry.admissionDate ?? ''],
    specialities: [this.data.entry.specialities],
    languages: [this.data.entry.languages.join(';')],
    phone: [this.data.entry.phone ?? ''],
    status: [this.data.entry.status],
    statusReason: [this.data.entry.statusReason ?? ''],
    releaseOpenCases: [false],
    assessments: [this.data.entry.assessments.map((a) => `${a.year} ${a.note}`).join('\n')],
  });

  submit(): void {
    const v = this.form.getRawValue();
    const assessments = v.assessments
      .split('\n')
      .map((line) => line.trim().match(/^(\d{4})\s*[:：\s]\s*(.+)$/))
      .filter((m): m is RegExpMatchArray => !!m)
      .map((m) => ({ year: Number(m[1]), note: m[2]!.trim() }));
    const body: RosterChange = {
      admissionDate: v.admissionDate || null,
      specialities: v.specialities as RosterChange['specialities'],
      languages: v.languages
        .split(/[;；]/)
        .map((l) => l.trim())
        .filter(Boolean),
      phone: v.phone.trim() || null,
      status: v.status as RosterChange['status'],
      ...(v.status !== 'active' && v.statusReason.trim() ? { statusReason: v.statusReason.trim() } : {}),
      ...(v.status !== 'active' && v.releaseOpenCases ? { releaseOpenCases: true } : {}),
      assessments,
    };
    this.runner.run(this.form, body, this.data.submit);
  }
}

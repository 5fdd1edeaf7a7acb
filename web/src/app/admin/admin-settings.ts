import { ChangeDetectionStrategy, Component, OnInit, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatCheckboxModule } from '@angular/material/checkbox';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { apiErrorOf, friendlyError } from '../core/api-error';
import { Notifier } from '../core/notifier';
import { applyServerErrors } from '../shared/server-errors';
import { AdminApi, CourtSettings, SettingsChange } from './admin-api';

/** 本院设置: validated on the server as a whole; each change is kept in the administration trail. */
@Component({
  selector: 'app-admin-settings',
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatCheckboxModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
  ],
  template: `
    <div class="page narrow">
      <h1>本院设置</h1>
      <div class="load-slot">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="正在加载设置" />
        }
      </div>
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
      <form [formGroup]="form" (ngSubmit)="save()" class="card">
        <h2>法院</h2>
        <mat-form-field class="full-width">
          <mat-label>法院名称</mat-label>
          <input matInput formControlName="name" maxlength="100" />
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>法院代字</mat-label>
          <input matInput formControlName="code" />
          <mat-hint>用于新收案件的案号，如 黔0381；修改不影响已有案号</mat-hint>
          @if (form.controls.code.invalid) {
            <mat-error>{{ serverError('code') || '一个汉字加2–4位数字，如 黔0381' }}</mat-error>
          }
        </mat-form-field>

        <h2>程序</h2>
        <mat-form-field class="full-width">
          <mat-label>未指定程序时的默认程序</mat-label>
          <mat-select formControlName="defaultTrack">
            <mat-option value="entrusted">立案后委托调解（民初，2025年起的常规程序）</mat-option>
            <mat-option value="pre_litigation">诉前委派调解（民诉前调）</mat-option>
          </mat-select>
          @if (form.controls.defaultTrack.invalid) {
            <mat-error>{{ serverError('defaultTrack') }}</mat-error>
          }
        </mat-form-field>
        <mat-checkbox formControlName="allowPreLitigation">保留诉前委派调解（所涉案件和文书均显示提示）</mat-checkbox>
        <mat-form-field class="full-width">
          <mat-label>领取期限（工作日）</mat-label>
          <input matInput type="number" formControlName="acceptanceWindowDays" min="1" max="30" />
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>每名调解员在办案件上限</mat-label>
          <input matInput type="number" formControlName="workloadCap" min="1" max="1000" />
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>履行提醒提前天数（工作日）</mat-label>
          <input matInput type="number" formControlName="reminderLeadDays" min="0" max="30" />
        </mat-form-field>

        <h2>统计与文书</h2>
        <mat-form-field class="full-width">
          <mat-label>节约诉讼费的计算口径</mat-label>
          <mat-select formControlName="savingsBasis">
            <mat-option value="half_fee">减半交纳的受理费（诉讼费用交纳办法第十五条）</mat-option>
            <mat-option value="full_fee">全额受理费</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>诉讼费取整</mat-label>
          <mat-select formControlName="feeRounding">
            <mat-option value="fen">精确到分</mat-option>
            <mat-option value="yuan">取整到元</mat-option>
          </mat-select>
        </mat-form-field>
        <mat-form-field class="full-width">
          <mat-label>文书页脚核验网址（可选）</mat-label>
          <input matInput formControlName="documentFooterUrl" placeholder="https://" />
          @if (form.controls.documentFooterUrl.invalid) {
            <mat-error>请填写以 http:// 或 https:// 开头的网址</mat-error>
          }
        </mat-form-field>
        @if (saveError()) {
          <p class="error-text" role="alert">{{ saveError() }}</p>
        }
        <div class="row">
          <button mat-flat-button type="submit" [disabled]="saving() || form.pristine">保存设置</button>
          <button mat-button type="button" [disabled]="form.pristine" (click)="reset()">撤销修改</button>
        </div>
      </form>
    </div>
  `,
  styles: `
    .narrow {
      max-width: 720px;
    }
    form h2 {
      font-size: 1.05rem;
      margin: 16px 0 8px;
    }
    form h2:first-child {
      margin-top: 0;
    }
    mat-checkbox {
      display: block;
      margin-bottom: 12px;
    }
    .row {
      display: flex;
      gap: 8px;
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminSettings implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly notifier = inject(Notifier);
  readonly loading = signal(false);
  readonly saving = signal(false);
  readonly error = signal<string | null>(null);
  readonly saveError = signal<string | null>(null);
  private current: CourtSettings | null = null;
  private serverErrors: Record<string, string> = {};

  readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [Validators.required, Validators.minLength(2), Validators.maxLength(100)]],
    code: ['', [Validators.required, Validators.pattern(/^[\u4e00-\u9fa5]\d{2,4}$/)]],
    defaultTrack: ['entrusted' as 'entrusted' | 'pre_litigation'],
    allowPreLitigation: [false],
    acceptanceWindowDays: [3, [Validators.required, Validators.min(1), Validators.max(30)]],
    workloadCap: [20, [Validators.required, Validators.min(1), Validators.max(1000)]],
    reminderLeadDays: [3, [Validators.required, Validators.min(0), Validators.max(30)]],
    savingsBasis: ['half_fee' as 'half_fee' | 'full_fee'],
    feeRounding: ['fen' as 'fen' | 'yuan'],
    documentFooterUrl: ['', [Validators.pattern(/^(https?:\/\/\S{3,190})?$/)]],
  });

  ngOnInit(): void {
    this.loading.set(true);
    this.api.settings().subscribe({
      next: (s) => {
        this.loading.set(false);
        this.show(s);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '设置加载失败'));
      },
    });
  }

  serverError(field: string): string {
    return this.serverErrors[field] ? '设置不一致：默认程序为诉前委派调解时须保留诉前委派调解' : '';
  }

  reset(): void {
    if (this.current) this.show(this.current);
  }

  save(): void {
    if (this.form.invalid || !this.current) {
      this.form.markAllAsTouched();
      return;
    }
    const v = this.form.getRawValue();
    const body: SettingsChange = {
      ...v,
      acceptanceWindowDays: Number(v.acceptanceWindowDays),
      workloadCap: Number(v.workloadCap),
      reminderLeadDays: Number(v.reminderLeadDays),
      documentFooterUrl: v.documentFooterUrl.trim() || null,
    };
    this.saving.set(true);
    this.saveError.set(null);
    this.serverErrors = {};
    this.api.updateSettings(body).subscribe({
      next: (s) => {
        this.saving.set(false);
        this.show(s);
        this.notifier.info('设置已保存');
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.serverErrors = apiErrorOf(err)?.errors ?? {};
        applyServerErrors(this.form, this.serverErrors);
        this.saveError.set(friendlyError(err, '保存失败'));
      },
    });
  }

  private show(s: CourtSettings): void {
    this.current = s;
    this.form.reset({
      name: s.name,
      code: s.code,
      defaultTrack: s.defaultTrack,
      allowPreLitigation: s.allowPreLitigation,
      acceptanceWindowDays: s.acceptanceWindowDays,
      workloadCap: s.workloadCap,
      reminderLeadDays: s.reminderLeadDays,
      savingsBasis: s.savingsBasis,
      feeRounding: s.feeRounding,
      documentFooterUrl: s.documentFooterUrl ?? '',
    });
  }
}

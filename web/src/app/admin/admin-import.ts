import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Subscription, switchMap, takeWhile, timer } from 'rxjs';
import { friendlyError } from '../core/api-error';
import { Notifier } from '../core/notifier';
import { AdminApi, ImportJob } from './admin-api';

const STATUS_LABELS: Record<string, string> = {
  validating: '正在校验',
  ready: '校验通过，可以导入',
  failed: '校验未通过，未写入任何数据',
  committed: '已导入',
};

/** The template's column names in the words of its header row (GET /api/admin/imports/template). */
const FIELD_LABELS: Record<string, string> = {
  file: '文件',
  type: '类型',
  name: '组织名称',
  kind: '组织类别',
  region: '地区',
  contact: '联系人及电话',
  username: '调解员用户名',
  displayName: '调解员姓名',
  organization: '所属组织名称',
  phone: '手机号',
  admissionDate: '入册日期',
  specialities: '擅长案由代码',
  languages: '语言/方言',
};

/**
 * 批量导入: a spreadsheet of organizations and mediators, validated whole on the server (progress
 * bar) and written only when every row is valid; the errors are listed by row and column.
 */
@Component({
  selector: 'app-admin-import',
  imports: [MatButtonModule, MatProgressBarModule, MatTableModule],
  template: `
    <div class="page">
      <h1>批量导入调解组织与调解员</h1>
      <p>
        按模板填写后上传（.xlsx 或 UTF-8 编码的 .csv，不超过 5 MB、20,000 行）。全部行校验通过后才可导入，导入一次写入全部数据；
        已存在的组织（按名称）和调解员（按用户名）保持不变，重复导入同一文件不会产生变化。
      </p>
      <p class="muted small">导入的调解员没有密码：请在“用户管理”中为其“重置密码”，生成一次性密码后告知本人。</p>
      <div class="actions">
        <button mat-stroked-button type="button" (click)="template('xlsx')">下载模板（xlsx）</button>
        <button mat-button type="button" (click)="template('csv')">下载模板（csv）</button>
        <input #picker type="file" accept=".xlsx,.csv" hidden (change)="upload(picker)" aria-label="选择导入文件" />
        <button mat-flat-button type="button" (click)="picker.click()" [disabled]="busy()">选择文件并上传</button>
      </div>
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
      @if (job(); as j) {
        <section class="job" aria-live="polite">
          <h2>{{ j.fileName }}</h2>
          <p>
            {{ statusLabel(j.status)
            }}{{ j.total ? '：已校验 ' + j.processed + ' / ' + j.total + ' 行' : j.status === 'validating' ? '…' : '' }}
          </p>
          <mat-progress-bar
            [mode]="j.total ? 'determinate' : 'indeterminate'"
            [value]="percent()"
            aria-label="校验进度"
            [class.done]="j.status !== 'validating'"
          />
          @if (j.status === 'ready') {
            <button mat-flat-button type="button" class="commit" (click)="commit(j)" [disabled]="busy()">确认导入 {{ j.total }} 行</button>
          }
          @if (j.result; as r) {
            <p role="status">
              新增调解组织 {{ r.organizationsCreated }} 个（已存在 {{ r.organizationsExisting }} 个），新增调解员
              {{ r.mediatorsCreated }} 名（已存在 {{ r.mediatorsExisting }} 名）。
            </p>
          }
          @if (j.errors.length) {
            <p class="error-text">
              共 {{ j.errorCount }} 处错误{{
                j.errorCount > j.errors.length ? '（显示前 ' + j.errors.length + ' 处）' : ''
              }}，请修改后重新上传：
            </p>
            <div class="table-wrap">
              <table mat-table class="dense" [dataSource]="j.errors" aria-label="逐行错误">
                <ng-container matColumnDef="row">
                  <th mat-header-cell *matHeaderCellDef scope="col">行号</th>
                  <td mat-cell *matCellDef="let e">{{ e.row || '整个文件' }}</td>
                </ng-container>
                <ng-container matColumnDef="field">
                  <th mat-header-cell *matHeaderCellDef scope="col">列</th>
                  <td mat-cell *matCellDef="let e">{{ fieldLabel(e.field) }}</td>
                </ng-container>
                <ng-container matColumnDef="message">
                  <th mat-header-cell *matHeaderCellDef scope="col">问题</th>
                  <td mat-cell *matCellDef="let e">{{ e.message }}</td>
                </ng-container>
                <tr mat-header-row *matHeaderRowDef="errorColumns"></tr>
                <tr mat-row *matRowDef="let row; columns: errorColumns"></tr>
              </table>
            </div>
          }
        </section>
      }
    </div>
  `,
  styles: `
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
      margin: 12px 0;
    }
    .job {
      margin-top: 16px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    .commit {
      margin-top: 12px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminImport {
  private readonly api = inject(AdminApi);
  private readonly notifier = inject(Notifier);
  private poll: Subscription | null = null;

  readonly errorColumns = ['row', 'field', 'message'];
  readonly job = signal<ImportJob | null>(null);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly percent = computed(() => {
    const j = this.job();
    return j && j.total ? Math.round((100 * j.processed) / j.total) : 0;
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.poll?.unsubscribe());
  }

  statusLabel(status: string): string {
    return STATUS_LABELS[status] ?? status;
  }

  fieldLabel(field: string): string {
    return FIELD_LABELS[field] ?? field;
  }

  /** Through HttpClient, which carries the token a plain link would not. */
  template(format: 'xlsx' | 'csv'): void {
    this.api.importTemplate(format).subscribe({
      next: (blob) => {
        const url = URL.createObjectURL(blob);
        const a = document.createElement('a');
        a.href = url;
        a.download = `调解员名册导入模板.${format}`;
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      error: (err: unknown) => this.notifier.error(err, '模板下载失败'),
    });
  }

  upload(picker: HTMLInputElement): void {
    const file = picker.files?.[0];
    picker.value = '';
    if (!file) return;
    this.busy.set(true);
    this.error.set(null);
    this.poll?.unsubscribe();
    this.job.set({
      id: '',
      status: 'validating',
      fileName: file.name,
      total: 0,
      processed: 0,
      errors: [],
      errorCount: 0,
      result: null,
      createdAt: '',
    });
    this.api.uploadImport(file).subscribe({
      next: ({ id }) => this.follow(id),
      error: (err: unknown) => {
        this.busy.set(false);
        this.job.set(null);
        this.error.set(friendlyError(err, '上传失败'));
      },
    });
  }

  commit(j: ImportJob): void {
    this.busy.set(true);
    this.api.commitImport(j.id).subscribe({
      next: (done) => {
        this.busy.set(false);
        this.job.set(done);
        this.notifier.info('导入完成');
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.error.set(friendlyError(err, '导入失败'));
      },
    });
  }

  private follow(id: string): void {
    this.poll = timer(0, 400)
      .pipe(
        switchMap(() => this.api.importJob(id)),
        takeWhile((j) => j.status === 'validating', true),
      )
      .subscribe({
        next: (j) => {
          this.job.set(j);
          if (j.status !== 'validating') this.busy.set(false);
        },
        error: (err: unknown) => {
          this.busy.set(false);
          this.error.set(friendlyError(err, '查询进度失败'));
        },
      });
  }
}

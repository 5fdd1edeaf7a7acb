import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { HttpEventType, HttpResponse } from '@angular/common/http';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Subscription } from 'rxjs';
import { friendlyError } from '../../core/api-error';
import { StatsApi } from '../stats-api';
import { BREAKDOWN_LABELS, BreakdownBy, StatsRange } from '../stats-models';

/** Downloads a breakdown as a spreadsheet, showing progress while the file is produced and sent. */
@Component({
  selector: 'app-export-panel',
  imports: [FormsModule, MatButtonModule, MatFormFieldModule, MatProgressBarModule, MatSelectModule],
  template: `
    <div class="row-inline">
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>导出维度</mat-label>
        <mat-select [(ngModel)]="by" name="by">
          @for (o of options; track o.value) {
            <mat-option [value]="o.value">{{ o.label }}</mat-option>
          }
        </mat-select>
      </mat-form-field>
      <button mat-flat-button type="button" (click)="download('xlsx')" [disabled]="running()">导出 Excel</button>
      <button mat-stroked-button type="button" (click)="download('csv')" [disabled]="running()">导出 CSV</button>
      @if (running()) {
        <button mat-button type="button" (click)="cancel()">取消</button>
      }
    </div>
    @if (running()) {
      <div class="progress" role="status">
        <mat-progress-bar [mode]="progress() === null ? 'indeterminate' : 'determinate'" [value]="progress() ?? 0" aria-label="导出进度" />
        <span>{{ progress() === null ? '正在生成文件…' : '正在下载 ' + progress() + '%' }}</span>
      </div>
    }
    @if (error()) {
      <p class="error-text" role="alert">{{ error() }}</p>
    }
  `,
  styles: `
    .row-inline {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
      align-items: center;
    }
    .progress {
      display: flex;
      align-items: center;
      gap: 12px;
      margin-top: 12px;
    }
    .progress mat-progress-bar {
      flex: 1;
      max-width: 360px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ExportPanel {
  private readonly api = inject(StatsApi);
  readonly range = input.required<StatsRange>();

  readonly options = (Object.keys(BREAKDOWN_LABELS) as BreakdownBy[]).map((value) => ({ value, label: BREAKDOWN_LABELS[value] }));
  by: BreakdownBy = 'organization';
  readonly running = signal(false);
  /** Percent downloaded, or null while the size is unknown. */
  readonly progress = signal<number | null>(null);
  readonly error = signal<string | null>(null);
  private request: Subscription | null = null;

  download(format: 'xlsx' | 'csv'): void {
    this.running.set(true);
    this.progress.set(null);
    this.error.set(null);
    const range = this.range();
    this.request = this.api.export(format, this.by, range).subscribe({
      next: (event) => {
        if (event.type === HttpEventType.DownloadProgress && event.total) {
          this.progress.set(Math.round((100 * event.loaded) / event.total));
        } else if (event instanceof HttpResponse && event.body) {
          saveBlob(event.body, fileName(event, format, this.by, range));
        }
      },
      error: (err: unknown) => {
        this.running.set(false);
        this.error.set(friendlyError(err, '导出失败，请稍后再试'));
      },
      complete: () => this.running.set(false),
    });
  }

  cancel(): void {
    this.request?.unsubscribe();
    this.running.set(false);
  }
}

function fileName(res: HttpResponse<Blob>, format: string, by: BreakdownBy, range: StatsRange): string {
  const disposition = res.headers.get('Content-Disposition') ?? '';
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (star) return decodeURIComponent(star[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  if (plain) return plain[1];
  return `诉调对接统计-${BREAKDOWN_LABELS[by]}-${range.from ?? ''}_${range.to ?? ''}.${format}`;
}

function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

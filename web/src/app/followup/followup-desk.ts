import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import type { ApiQuery, ApiSchema } from '../core/api/api';
import { AuthStore } from '../core/auth/auth-store';

type Window = ApiQuery<'listFollowups'>['due'] & string;

export type FollowupItem = ApiSchema<'FollowupItemDto'>;
type FollowupPage = ApiSchema<'FollowupPageDto'>;
type PerformanceResponse = ApiSchema<'PerformanceResponseDto'>;

export const OBLIGATION_STATUS_LABELS: Record<FollowupItem['status'], string> = {
  due: '待履行',
  performed: '已履行',
  partially_performed: '部分履行',
  defaulted: '逾期未履行',
  waived: '权利人放弃',
};

/** 回访工作台: obligations of agreements due soon or overdue, most urgent first, with the party to call. */
@Component({
  selector: 'app-followup-desk',
  imports: [FormsModule, MatButtonModule, RouterLink],
  template: `
    <div class="page">
      <h1>回访工作台</h1>
      <p class="hint">调解协议约定的履行义务：到期前提醒义务人，逾期后回访并告知权利人申请强制执行的途径。</p>
      <div class="windows" role="group" aria-label="到期范围">
        @for (w of windows; track w.value) {
          <button mat-stroked-button type="button" [class.selected]="window() === w.value" (click)="load(w.value)">{{ w.label }}</button>
        }
      </div>
      @if (message()) {
        <p class="message" role="status">{{ message() }}</p>
      }
      @if (items().length === 0) {
        <p>暂无需要跟进的履行义务。</p>
      } @else {
        <table class="desk" aria-label="履行义务">
          <thead>
            <tr>
              <th>案号</th>
              <th>义务人（联系电话）</th>
              <th>权利人</th>
              <th>履行期限</th>
              <th>应履行</th>
              <th>已履行</th>
              <th>未履行</th>
              <th>状态</th>
              <th>短信提醒</th>
              <th>登记履行</th>
            </tr>
          </thead>
          <tbody>
            @for (o of items(); track o.id) {
              <tr [class.overdue]="o.daysOverdue > 0">
                <td>
                  <a [routerLink]="[detailBase, o.caseId]">{{ o.caseNumber }}</a>
                </td>
                <td>
                  {{ o.obligor.name }} <span class="phone">{{ o.obligor.phone ?? '无电话' }}</span>
                </td>
                <td>{{ o.obligee.name }}</td>
                <td>
                  {{ o.dueOn }}
                  @if (o.daysOverdue > 0) {
                    <span class="late">（逾期 {{ o.daysOverdue }} 日）</span>
                  }
                </td>
                <td>{{ o.amount }}</td>
                <td>{{ o.paidAmount }}</td>
                <td [attr.data-testid]="'outstanding-' + o.id">{{ o.outstanding }}</td>
                <td>{{ labels[o.status] }}</td>
                <td>{{ o.remindedAt ? (o.reminderSent ? '已提醒' : '无法发送') : '未提醒' }}</td>
                <td class="record">
                  <label
                    >金额（元）<input
                      [attr.aria-label]="'本次履行金额 ' + o.caseNumber + ' 第' + o.position + '期'"
                      [(ngModel)]="amounts[o.id]"
                      inputmode="decimal"
                      size="10"
                  /></label>
                  <button
                    mat-flat-button
                    type="button"
                    (click)="record(o, 'partially_performed')"
                    [attr.aria-label]="'登记付款 ' + o.caseNumber + ' 第' + o.position + '期'"
                  >
                    登记付款
                  </button>
                  <button
                    mat-stroked-button
                    type="button"
                    (click)="record(o, 'performed')"
                    [attr.aria-label]="'全部履行 ' + o.caseNumber + ' 第' + o.position + '期'"
                  >
                    全部履行
                  </button>
                </td>
              </tr>
            }
          </tbody>
        </table>
        <p>共 {{ total() }} 项</p>
      }
    </div>
  `,
  styles: `
    .windows {
      display: flex;
      gap: 8px;
      margin: 12px 0;
    }
    .selected {
      background: var(--mat-sys-secondary-container, #dde);
    }
    table.desk {
      border-collapse: collapse;
      width: 100%;
      font-size: 14px;
    }
    table.desk th,
    table.desk td {
      border-bottom: 1px solid #ddd;
      padding: 6px 8px;
      text-align: left;
      vertical-align: middle;
    }
    tr.overdue td {
      background: #fff4f2;
    }
    .late {
      color: #b3261e;
    }
    .phone {
      color: #555;
      margin-left: 4px;
    }
    .record {
      display: flex;
      gap: 6px;
      align-items: center;
      flex-wrap: wrap;
    }
    .message {
      color: #0b6e4f;
    }
    .hint {
      color: #555;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class FollowupDesk {
  private readonly http = inject(HttpClient);
  private readonly auth = inject(AuthStore);
  readonly labels = OBLIGATION_STATUS_LABELS;
  readonly windows: { value: Window; label: string }[] = [
    { value: 'overdue', label: '已逾期' },
    { value: 'week', label: '7日内到期' },
    { value: 'month', label: '30日内到期' },
  ];
  readonly window = signal<Window>('week');
  readonly items = signal<FollowupItem[]>([]);
  readonly total = signal(0);
  readonly message = signal('');
  readonly amounts: Record<string, string> = {};
  readonly detailBase = this.auth.user()?.role === 'mediator' ? '/mediator/cases' : '/clerk/cases';

  constructor() {
    this.load('week');
  }

  load(w: Window): void {
    this.window.set(w);
    this.http.get<FollowupPage>('/api/followups', { params: { due: w, pageSize: 100 } }).subscribe((p) => {
      this.items.set(p.items);
      this.total.set(p.total);
    });
  }

  record(o: FollowupItem, status: 'partially_performed' | 'performed'): void {
    const paidAmount = (this.amounts[o.id] ?? '').trim();
    const body: Record<string, unknown> = { status, version: o.version };
    if (status === 'partially_performed') {
      if (!/^\d+(\.\d{1,2})?$/.test(paidAmount)) {
        this.message.set('请填写本次履行金额（元，最多两位小数）。');
        return;
      }
      body['paidAmount'] = paidAmount;
    }
    this.http.post<PerformanceResponse>(`/api/cases/${o.caseId}/obligations/${o.id}/performance`, body).subscribe({
      next: (r) => {
        this.message.set(`已登记 ${o.caseNumber} 第${o.position}期履行情况，本案尚未履行 ${r.totalOutstanding} 元。`);
        this.amounts[o.id] = '';
        this.load(this.window());
      },
      error: () => this.message.set('登记未成功：请核对金额后重试（金额不得超过未履行部分）。'),
    });
  }
}

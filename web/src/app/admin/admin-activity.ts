import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { paginatorIntl } from '../cases/case-table/paginator-intl';
import { friendlyError } from '../core/api-error';
import { formatInstant } from '../shared/dates';
import { ActivityPage, AdminApi } from './admin-api';

const TYPE_LABELS: Record<string, string> = {
  'user.created': '新增用户',
  'user.updated': '修改用户',
  'user.deactivated': '停用用户',
  'user.reactivated': '启用用户',
  'user.password_reset': '重置密码',
  'settings.changed': '修改本院设置',
  'calendar.override_set': '登记节假日调整',
  'calendar.override_removed': '删除节假日调整',
  'organization.created': '新增调解组织',
  'organization.updated': '修改调解组织',
  'roster.updated': '修改名册信息',
  'roster.suspended': '暂停调解员',
  'roster.removed': '调解员除名',
  'roster.reinstated': '恢复在册',
  'roster.cases_released': '退回在办案件',
  'roster.imported': '批量导入名册',
};

const FIELD_LABELS: Record<string, string> = {
  name: '法院名称',
  code: '法院代字',
  defaultTrack: '默认程序',
  allowPreLitigation: '保留诉前委派调解',
  workloadCap: '在办案件上限',
  acceptanceWindowDays: '领取期限',
  reminderLeadDays: '履行提醒提前天数',
  savingsBasis: '节约诉讼费口径',
  feeRounding: '诉讼费取整',
  documentFooterUrl: '文书页脚网址',
  displayName: '姓名',
  organizationId: '所属调解组织',
  expertise: '擅长案由',
  kind: '类别',
  region: '地区',
  contact: '联系人',
  admissionDate: '入册日期',
  specialities: '擅长案由',
  languages: '语言',
  phone: '电话',
  status: '名册状态',
  statusReason: '原因',
  assessments: '年度考核',
};

/** 管理操作记录: who changed what in the court's administration, newest first. */
@Component({
  selector: 'app-admin-activity',
  imports: [ReactiveFormsModule, MatFormFieldModule, MatPaginatorModule, MatProgressBarModule, MatSelectModule],
  template: `
    <div class="page">
      <h1>管理操作记录</h1>
      <mat-form-field subscriptSizing="dynamic">
        <mat-label>操作类型</mat-label>
        <mat-select [formControl]="type">
          <mat-option value="">全部</mat-option>
          <mat-option value="user.">用户</mat-option>
          <mat-option value="organization.">调解组织</mat-option>
          <mat-option value="roster.">调解员名册</mat-option>
          <mat-option value="settings.changed">本院设置</mat-option>
          <mat-option value="calendar.">工作日历</mat-option>
        </mat-select>
      </mat-form-field>
      <div class="load-slot">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="正在加载记录" />
        }
      </div>
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
      <ol class="events" aria-label="管理操作记录">
        @for (e of page()?.items ?? []; track e.seq) {
          <li>
            <div>
              <strong>{{ label(e.type) }}</strong>
              <span class="muted"> · {{ when(e.at) }} · {{ e.actor.username ?? '系统' }}</span>
            </div>
            <div class="small">{{ detail(e.data) }}</div>
          </li>
        } @empty {
          <li class="muted">{{ loading() ? '正在加载…' : '暂无记录' }}</li>
        }
      </ol>
      @if (page()) {
        <mat-paginator
          [length]="page()?.total ?? 0"
          [pageIndex]="(page()?.page ?? 1) - 1"
          [pageSize]="50"
          [hidePageSize]="true"
          (page)="turn($event)"
          aria-label="记录分页"
        />
      }
    </div>
  `,
  styles: `
    .events {
      list-style: none;
      padding: 0;
      margin: 12px 0 0;
    }
    .events li {
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant, #cac4d0);
    }
    .small {
      font-size: 0.9rem;
    }
  `,
  providers: [paginatorIntl()],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminActivity implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly destroyRef = inject(DestroyRef);
  readonly type = new FormControl('', { nonNullable: true });
  readonly page = signal<ActivityPage | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly when = formatInstant;

  ngOnInit(): void {
    this.load(1);
    this.type.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe(() => this.load(1));
  }

  label(type: string): string {
    return TYPE_LABELS[type] ?? type;
  }

  /** The event's facts in words: the user concerned, or each setting's old → new value. */
  detail(data: Record<string, unknown>): string {
    const parts: string[] = [];
    if (typeof data['username'] === 'string') parts.push(`用户 ${data['username']}`);
    if (typeof data['role'] === 'string') parts.push(`角色 ${data['role']}`);
    if (typeof data['name'] === 'string') parts.push(`组织 ${data['name']}`);
    if (typeof data['fileName'] === 'string') parts.push(`文件 ${data['fileName']}`);
    if (typeof data['date'] === 'string') {
      const kind = (k: unknown) => (k === 'rest' ? '休息日' : k === 'work' ? '工作日' : '无调整');
      const from = data['from'] as { kind: string } | null | undefined;
      parts.push(`${data['date']}：${kind(from?.kind)} → ${kind(data['kind'])}`);
      if (typeof data['note'] === 'string') parts.push(String(data['note']));
    }
    const changes = data['changes'] as Record<string, { from: unknown; to: unknown }> | undefined;
    if (changes)
      for (const [field, c] of Object.entries(changes)) parts.push(`${FIELD_LABELS[field] ?? field}：${show(c.from)} → ${show(c.to)}`);
    const released = data['releasedCaseIds'];
    if (Array.isArray(released) && released.length) parts.push(`退回在办案件 ${released.length} 件`);
    else if (typeof data['openCasesKept'] === 'number' && data['openCasesKept'] > 0) parts.push(`保留在办案件 ${data['openCasesKept']} 件`);
    return parts.join('；');
  }

  turn(e: PageEvent): void {
    this.load(e.pageIndex + 1);
  }

  load(page: number): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.activity({ page, pageSize: 50, type: this.type.value || undefined }).subscribe({
      next: (p) => {
        this.page.set(p);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '记录加载失败'));
      },
    });
  }
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (Array.isArray(v)) return v.join('、') || '（空）';
  return String(v);
}

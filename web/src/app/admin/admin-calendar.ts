import { ChangeDetectionStrategy, Component, OnInit, inject, signal, viewChild } from '@angular/core';
import { FormGroupDirective, NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { apiErrorOf, friendlyError } from '../core/api-error';
import { Notifier } from '../core/notifier';
import { todayInChina } from '../shared/dates';
import { applyServerErrors } from '../shared/server-errors';
import { AdminApi, CalendarChange, CalendarOverride } from './admin-api';

const CLOCK_LABELS: Record<string, string> = {
  acceptBy: '领取期限',
  mediationEndsOn: '调解期限',
  confirmationApplyBy: '申请司法确认期限',
  decisionDueOn: '司法确认审查期限',
  clocksProvisional: '期限（临时计算）',
};

/**
 * 工作日历: the court's own extra holidays and make-up working days (the State Council schedule
 * is built in). Each change recomputes the court's running deadlines; the cases whose deadlines
 * moved are listed after it.
 */
@Component({
  selector: 'app-admin-calendar',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    MatSelectModule,
    MatTableModule,
  ],
  template: `
    <div class="page narrow">
      <h1>工作日历</h1>
      <p class="muted">
        国务院办公厅公布的节假日和调休已内置。这里登记本院的调整（如地方节日、临时调休）：只影响本院案件的期限计算，保存后正在计算的期限立即重算。
      </p>

      <form [formGroup]="form" (ngSubmit)="add()" #formDir="ngForm" class="card add-form" aria-labelledby="add-title">
        <h2 id="add-title">新增调整</h2>
        <div class="row">
          <mat-form-field>
            <mat-label>日期</mat-label>
            <input matInput type="date" formControlName="date" required />
            @if (form.controls.date.invalid) {
              <mat-error>{{ serverError('date') || '请填写日期' }}</mat-error>
            }
          </mat-form-field>
          <mat-form-field>
            <mat-label>调整为</mat-label>
            <mat-select formControlName="kind">
              <mat-option value="rest">休息日（增加的节假日）</mat-option>
              <mat-option value="work">工作日（调休上班）</mat-option>
            </mat-select>
          </mat-form-field>
          <mat-form-field class="note">
            <mat-label>说明</mat-label>
            <input matInput formControlName="note" maxlength="200" />
            @if (form.controls.note.invalid) {
              <mat-error>{{ serverError('note') }}</mat-error>
            }
          </mat-form-field>
        </div>
        <button mat-flat-button type="submit" [disabled]="busy()">保存调整</button>
      </form>

      @if (changed(); as c) {
        <section class="card moved" aria-labelledby="moved-title">
          <h2 id="moved-title">期限变动的案件（{{ c.recomputedCases }} 件）</h2>
          @if (c.movedDeadlines.length === 0) {
            <p class="muted">没有正在计算的期限受到影响。</p>
          } @else {
            <ul>
              @for (d of c.movedDeadlines; track d.caseId + d.clock) {
                <li>
                  <a [routerLink]="['/clerk/cases', d.caseId]">{{ d.caseNumber }}</a>
                  {{ clockLabel(d.clock) }}：{{ d.from ?? '—' }} → {{ d.to ?? '—' }}
                </li>
              }
            </ul>
          }
        </section>
      }

      <div class="heading">
        <h2>已登记的调整</h2>
        <mat-form-field subscriptSizing="dynamic">
          <mat-label>年份</mat-label>
          <mat-select [value]="year()" (selectionChange)="showYear($event.value)">
            @for (y of years; track y) {
              <mat-option [value]="y">{{ y }} 年</mat-option>
            }
          </mat-select>
        </mat-form-field>
      </div>
      <div class="load-slot">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" aria-label="正在加载工作日历" />
        }
      </div>
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
      <table mat-table class="dense" [dataSource]="overrides()" aria-label="节假日调整">
        <ng-container matColumnDef="date">
          <th mat-header-cell *matHeaderCellDef scope="col">日期</th>
          <td mat-cell *matCellDef="let o">{{ o.date }}（{{ weekday(o.date) }}）</td>
        </ng-container>
        <ng-container matColumnDef="kind">
          <th mat-header-cell *matHeaderCellDef scope="col">调整为</th>
          <td mat-cell *matCellDef="let o">{{ o.kind === 'rest' ? '休息日' : '工作日' }}</td>
        </ng-container>
        <ng-container matColumnDef="note">
          <th mat-header-cell *matHeaderCellDef scope="col">说明</th>
          <td mat-cell *matCellDef="let o">{{ o.note ?? '' }}</td>
        </ng-container>
        <ng-container matColumnDef="scope">
          <th mat-header-cell *matHeaderCellDef scope="col">范围</th>
          <td mat-cell *matCellDef="let o">{{ o.scope === 'court' ? '本院' : '全国' }}</td>
        </ng-container>
        <ng-container matColumnDef="actions">
          <th mat-header-cell *matHeaderCellDef scope="col"><span class="visually-hidden">操作</span></th>
          <td mat-cell *matCellDef="let o">
            @if (o.scope === 'court') {
              <button mat-button type="button" [disabled]="busy()" (click)="remove(o)" [attr.aria-label]="'删除 ' + o.date + ' 的调整'">
                删除
              </button>
            }
          </td>
        </ng-container>
        <tr mat-header-row *matHeaderRowDef="columns"></tr>
        <tr mat-row *matRowDef="let row; columns: columns"></tr>
        <tr class="mat-mdc-row" *matNoDataRow>
          <td class="mat-mdc-cell empty" [attr.colspan]="columns.length">{{ loading() ? '正在加载…' : '该年度没有本院调整' }}</td>
        </tr>
      </table>
    </div>
  `,
  styles: `
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 12px;
    }
    .note {
      flex: 1 1 240px;
    }
    .add-form,
    .moved {
      margin-bottom: 24px;
    }
    .heading {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
    }
    .moved ul {
      margin: 0;
      padding-left: 20px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AdminCalendar implements OnInit {
  private readonly api = inject(AdminApi);
  private readonly notifier = inject(Notifier);
  readonly columns = ['date', 'kind', 'note', 'scope', 'actions'];
  private readonly thisYear = Number(todayInChina().slice(0, 4));
  readonly years = [this.thisYear - 1, this.thisYear, this.thisYear + 1, this.thisYear + 2];
  readonly year = signal(this.thisYear);
  readonly overrides = signal<CalendarOverride[]>([]);
  readonly changed = signal<CalendarChange | null>(null);
  readonly loading = signal(false);
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  private readonly serverErrors = signal<Record<string, string>>({});
  private readonly formDir = viewChild.required(FormGroupDirective);

  readonly form = inject(NonNullableFormBuilder).group({
    date: ['', Validators.required],
    kind: ['rest' as 'rest' | 'work'],
    note: [''],
  });

  ngOnInit(): void {
    this.load();
  }

  clockLabel(clock: string): string {
    return CLOCK_LABELS[clock] ?? clock;
  }

  weekday(date: string): string {
    return '周' + '日一二三四五六'[new Date(`${date}T00:00:00Z`).getUTCDay()];
  }

  serverError(field: string): string {
    return this.serverErrors()[field] ?? '';
  }

  showYear(year: number): void {
    this.year.set(year);
    this.load();
  }

  add(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { date, kind, note } = this.form.getRawValue();
    this.busy.set(true);
    this.serverErrors.set({});
    this.api.addCalendarOverride({ date, kind, note: note.trim() || undefined }).subscribe({
      next: (change) => {
        this.busy.set(false);
        this.changed.set(change);
        this.notifier.info(`已登记 ${date} 为${kind === 'rest' ? '休息日' : '工作日'}，${change.recomputedCases} 件案件的期限已重算`);
        // resetForm, not reset: the submitted state would show the emptied date as an error.
        this.formDir().resetForm({ date: '', kind, note: '' });
        this.showYear(Number(date.slice(0, 4)));
      },
      error: (err: unknown) => {
        this.busy.set(false);
        const errors = apiErrorOf(err)?.errors ?? {};
        const message = friendlyError(err, '保存失败');
        const unmatched = applyServerErrors(this.form, errors);
        this.serverErrors.set(Object.fromEntries(Object.keys(errors).map((f) => [f, message])));
        if (unmatched.length === Object.keys(errors).length) this.notifier.error(err, '保存失败');
      },
    });
  }

  remove(o: CalendarOverride): void {
    this.busy.set(true);
    this.api.removeCalendarOverride(o.date).subscribe({
      next: (change) => {
        this.busy.set(false);
        this.changed.set(change);
        this.notifier.info(`已删除 ${o.date} 的调整，${change.recomputedCases} 件案件的期限已重算`);
        this.load();
      },
      error: (err: unknown) => {
        this.busy.set(false);
        this.notifier.error(err, '删除失败');
      },
    });
  }

  private load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.calendarOverrides(this.year()).subscribe({
      next: (list) => {
        this.overrides.set(list);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '工作日历加载失败'));
      },
    });
  }
}

import { ChangeDetectionStrategy, Component, OnInit, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { AuthStore } from '../../core/auth/auth-store';
import { CaseApi } from '../../cases/case-api';
import { CaseTable } from '../../cases/case-table/case-table';

/** 案件列表 for the court's clerks, with an alert when cases have run past a clock. */
@Component({
  selector: 'app-clerk-case-list',
  imports: [CaseTable, RouterLink, MatButtonModule],
  template: `
    <div class="page">
      <!-- The overdue notice sits in the heading row: arriving after the list, it must not push the table down. -->
      <div class="heading">
        <h1>案件列表</h1>
        @if (overdueCount() > 0) {
          <div class="alert" role="status">
            <span
              ><strong>{{ overdueCount() }}</strong> 件案件已超过领取或调解期限，请及时督办。</span
            >
            <button mat-stroked-button type="button" (click)="table().showOverdue()">查看超期案件</button>
          </div>
        }
        @if (canFile) {
          <a mat-flat-button routerLink="/clerk/cases/new">新收案件登记</a>
        }
      </div>
      <app-case-table detailBase="/clerk/cases" caption="本院诉调对接案件" />
    </div>
  `,
  styles: `
    .heading {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 16px;
      flex-wrap: wrap;
      min-height: 56px;
    }
    .alert {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      flex-wrap: wrap;
      margin-left: auto;
      padding: 0 4px 0 16px;
      min-height: 40px;
      border-radius: 8px;
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClerkCaseList implements OnInit {
  private readonly api = inject(CaseApi);
  readonly canFile = inject(AuthStore).hasRole('clerk');
  readonly table = viewChild.required(CaseTable);
  readonly overdueCount = signal(0);

  ngOnInit(): void {
    this.api.list({ overdue: 'true', page: 1, pageSize: 1 }).subscribe({
      next: (page) => this.overdueCount.set(page.total),
      error: () => this.overdueCount.set(0),
    });
  }
}

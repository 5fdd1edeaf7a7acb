import { ChangeDetectionStrategy, Component, OnInit, inject, signal, viewChild } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { AuthStore } from '../../core/auth/auth-store';
import { CaseApi } from '../../cases/case-api';
import { CaseTable } from '../../cases/case-table/case-table';
import { TranslatePipe } from '../../core/i18n/i18n';

/** 案件列表 for the court's clerks, with an alert when cases have run past a clock. */
@Component({
  selector: 'app-clerk-case-list',
  imports: [CaseTable, RouterLink, MatButtonModule, TranslatePipe],
  template: `
    <div class="page">
      <div class="heading">
        <h1>{{ '案件列表' | t }}</h1>
        @if (canFile) {
          <a mat-flat-button routerLink="/clerk/cases/new">{{ '新收案件登记' | t }}</a>
        }
      </div>
      @if (overdueCount() > 0) {
        <div class="alert" role="status">
          <span
            ><strong>{{ overdueCount() }}</strong
            >{{ ' 件案件已超过领取或调解期限，请及时督办。' | t }}</span
          >
          <button mat-stroked-button type="button" (click)="table().showOverdue()">{{ '查看超期案件' | t }}</button>
        </div>
      }
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
    }
    .alert {
      display: flex;
      align-items: center;
      justify-content: space-between;
      gap: 12px;
      flex-wrap: wrap;
      margin: 0 0 16px;
      padding: 8px 16px;
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

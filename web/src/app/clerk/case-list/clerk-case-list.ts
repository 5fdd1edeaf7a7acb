import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { AuthStore } from '../../core/auth/auth-store';
import { CaseTable } from '../../cases/case-table/case-table';

@Component({
  selector: 'app-clerk-case-list',
  imports: [CaseTable, RouterLink, MatButtonModule],
  template: `
    <div class="page">
      <div class="heading">
        <h1>案件列表</h1>
        @if (canFile) { <a mat-flat-button routerLink="/clerk/cases/new">新收案件登记</a> }
      </div>
      <app-case-table detailBase="/clerk/cases" caption="本院诉调对接案件" />
    </div>
  `,
  styles: `.heading { display: flex; justify-content: space-between; align-items: center; gap: 16px; flex-wrap: wrap; }`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClerkCaseList {
  readonly canFile = inject(AuthStore).hasRole('clerk');
}

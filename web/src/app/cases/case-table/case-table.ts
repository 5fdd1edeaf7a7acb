import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, input } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import { MatTableModule } from '@angular/material/table';
import { debounceTime, distinctUntilChanged } from 'rxjs';
import { CASE_STATUSES, CASE_STATUS_LABELS, statusTone } from '../../shared/case-status';
import { formatMoney } from '../../shared/money';
import { CaseListStore } from '../case-list-store';
import { partyNames, runningDeadline } from '../case-deadline';
import { CaseRecord } from '../case-models';
import { DisputeTypeStore } from '../dispute-type-store';
import { paginatorIntl } from './paginator-intl';
import { injectNarrow } from '../../shared/viewport';

/** Paged, filterable case list shared by the clerk, mediator and admin screens. */
@Component({
  selector: 'app-case-table',
  imports: [
    ReactiveFormsModule,
    RouterLink,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    MatPaginatorModule,
    MatProgressBarModule,
    MatSlideToggleModule,
  ],
  providers: [paginatorIntl()],
  templateUrl: './case-table.html',
  styleUrl: './case-table.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseTable implements OnInit {
  readonly store = inject(CaseListStore);
  private readonly disputeTypes = inject(DisputeTypeStore);
  private readonly destroyRef = inject(DestroyRef);

  /** When set, the list shows only this status and hides the status filter. */
  readonly fixedStatus = input<string>('');
  /** Where a row links to: `${detailBase}/${id}`. */
  readonly detailBase = input.required<string>();
  readonly caption = input('案件列表');

  readonly statuses = CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }));
  private readonly narrow = injectNarrow();
  readonly columns = computed(() =>
    this.narrow()
      ? ['caseNumber', 'parties', 'claimAmount', 'status']
      : ['caseNumber', 'disputeType', 'parties', 'claimAmount', 'receivedOn', 'status', 'assignee'],
  );
  readonly search = new FormControl(this.store.q(), { nonNullable: true });
  readonly statusFilter = new FormControl(this.store.status(), { nonNullable: true });
  readonly overdueFilter = new FormControl(this.store.overdueOnly(), { nonNullable: true });

  readonly rows = computed(() =>
    this.store.items().map((c) => ({
      ...c,
      disputeTypeName: this.disputeTypes.nameOf(c.disputeType),
      applicants: partyNames(c, 'applicant'),
      respondents: partyNames(c, 'respondent'),
      amount: formatMoney(c.claimAmount),
      statusLabel: CASE_STATUS_LABELS[c.status] ?? c.status,
      tone: statusTone(c.status),
      deadline: runningDeadline(c),
    })),
  );

  ngOnInit(): void {
    this.disputeTypes.load();
    const fixed = this.fixedStatus();
    if (fixed) this.store.status.set(fixed);
    this.store.load();
    this.search.valueChanges
      .pipe(debounceTime(300), distinctUntilChanged(), takeUntilDestroyed(this.destroyRef))
      .subscribe((q) => this.store.setFilter({ q }));
    this.statusFilter.valueChanges.pipe(takeUntilDestroyed(this.destroyRef)).subscribe((status) => this.store.setFilter({ status }));
    this.overdueFilter.valueChanges
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((overdueOnly) => this.store.setFilter({ overdueOnly }));
  }

  /** Used by the page's overdue alert: show only the overdue cases. */
  showOverdue(): void {
    this.overdueFilter.setValue(true);
  }

  pageChanged(event: PageEvent): void {
    this.store.setPage(event.pageIndex + 1, event.pageSize);
  }

  trackRow(_index: number, row: CaseRecord): string {
    return row.id;
  }
}

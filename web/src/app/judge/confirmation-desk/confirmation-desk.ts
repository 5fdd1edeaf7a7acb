import { ChangeDetectionStrategy, Component, DestroyRef, OnInit, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, forkJoin, map, of } from 'rxjs';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { friendlyError } from '../../core/api-error';
import { partyNames } from '../../cases/case-deadline';
import { CaseRecord } from '../../cases/case-models';
import { DisputeTypeStore } from '../../cases/dispute-type-store';
import { endOfChinaDay } from '../../shared/dates';
import { formatMoney } from '../../shared/money';
import { JudgeApi } from '../judge-api';
import { injectNarrow } from '../../shared/viewport';

/** 司法确认审查台: pending applications, the most urgent first. */
@Component({
  selector: 'app-confirmation-desk',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MatTableModule],
  templateUrl: './confirmation-desk.html',
  styleUrl: './confirmation-desk.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmationDesk implements OnInit {
  private readonly api = inject(JudgeApi);
  private readonly disputeTypes = inject(DisputeTypeStore);

  private readonly destroyRef = inject(DestroyRef);
  readonly items = signal<CaseRecord[]>([]);
  /** 虚假调解 screening reasons per pending case (advice for the judge). */
  readonly flags = signal<Record<string, string[]>>({});
  /** Entrusted (民初) cases that reached an agreement: 民事调解书 or 撤诉. */
  readonly awaiting = signal<CaseRecord[]>([]);
  readonly awaitingRows = computed(() =>
    this.awaiting().map((c) => ({
      id: c.id,
      caseNumber: c.caseNumber,
      disputeType: this.disputeTypes.nameOf(c.disputeType),
      parties: `${partyNames(c, 'applicant')} 诉 ${partyNames(c, 'respondent')}`,
      amount: formatMoney(c.claimAmount),
    })),
  );
  readonly total = signal(0);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  private readonly narrow = injectNarrow();
  readonly columns = computed(() =>
    this.narrow()
      ? ['caseNumber', 'parties', 'appliedOn', 'decisionDueOn', 'actions']
      : ['caseNumber', 'disputeType', 'parties', 'claimAmount', 'appliedOn', 'decisionDueOn', 'actions'],
  );

  readonly rows = computed(() => {
    const now = Date.now();
    return this.items().map((c) => {
      const due = c.deadlines?.decisionDueOn ?? null;
      const daysLeft = due ? Math.ceil((endOfChinaDay(due) - now) / 86_400_000) - 1 : null;
      return {
        id: c.id,
        caseNumber: c.confirmation?.caseNumber || c.caseNumber,
        mediationNumber: c.caseNumber,
        disputeType: this.disputeTypes.nameOf(c.disputeType),
        applicants: partyNames(c, 'applicant'),
        respondents: partyNames(c, 'respondent'),
        amount: formatMoney(c.claimAmount),
        appliedOn: c.confirmation?.appliedOn ?? '—',
        due: due ?? '—',
        dueLabel: daysLeft === null ? '' : daysLeft < 0 ? '已超期' : daysLeft === 0 ? '今日到期' : `剩 ${daysLeft} 天`,
        urgent: daysLeft !== null && daysLeft <= 2,
        flags: this.flags()[c.id] ?? [],
        regimeWarning: c.regimeWarning,
      };
    });
  });

  ngOnInit(): void {
    this.disputeTypes.load();
    this.load();
  }

  /** The screening flags of each pending application (its review file); a failed one just shows none. */
  private loadFlags(cases: CaseRecord[]): void {
    if (!cases.length) return;
    forkJoin(
      cases.map((c) =>
        this.api.reviewFile(c.id).pipe(
          map((f) => [c.id, f.screeningFlags.map((x) => x.reason)] as const),
          catchError(() => of([c.id, [] as string[]] as const)),
        ),
      ),
    )
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe((pairs) => this.flags.set(Object.fromEntries(pairs)));
  }

  load(): void {
    this.api
      .awaitingConclusion()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({ next: (page) => this.awaiting.set(page.items), error: () => this.awaiting.set([]) });
    this.loading.set(true);
    this.error.set(null);
    this.api.pending().subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.total.set(page.total);
        this.loading.set(false);
        this.loadFlags(page.items);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '待审查案件加载失败'));
      },
    });
  }
}

import { ChangeDetectionStrategy, Component, OnInit, computed, inject, signal } from '@angular/core';
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
import { I18n, TranslatePipe } from '../../core/i18n/i18n';

/** 司法确认审查台: pending applications, the most urgent first. */
@Component({
  selector: 'app-confirmation-desk',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, MatTableModule, TranslatePipe],
  templateUrl: './confirmation-desk.html',
  styleUrl: './confirmation-desk.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmationDesk implements OnInit {
  private readonly api = inject(JudgeApi);
  private readonly disputeTypes = inject(DisputeTypeStore);
  private readonly i18n = inject(I18n);

  readonly items = signal<CaseRecord[]>([]);
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
    const t = (zh: string, params?: Record<string, number>) => this.i18n.t(zh, params);
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
        dueLabel: daysLeft === null ? '' : daysLeft < 0 ? t('已超期') : daysLeft === 0 ? t('今日到期') : t('剩 {n} 天', { n: daysLeft }),
        urgent: daysLeft !== null && daysLeft <= 2,
      };
    });
  });

  ngOnInit(): void {
    this.disputeTypes.load();
    this.load();
  }

  load(): void {
    this.loading.set(true);
    this.error.set(null);
    this.api.pending().subscribe({
      next: (page) => {
        this.items.set(page.items);
        this.total.set(page.total);
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '待审查案件加载失败'));
      },
    });
  }
}

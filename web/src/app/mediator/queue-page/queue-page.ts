import { ChangeDetectionStrategy, Component, OnDestroy, OnInit, computed, inject, signal } from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatPaginatorModule, PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { Notifier } from '../../core/notifier';
import { CaseRecord } from '../../cases/case-models';
import { DisputeTypeStore } from '../../cases/dispute-type-store';
import { partyNames } from '../../cases/case-deadline';
import { paginatorIntl } from '../../cases/case-table/paginator-intl';
import { formatMoney } from '../../shared/money';
import { QueueStore } from '../queue-store';
import { injectNarrow } from '../../shared/viewport';

/** 待领取案件: the live shared queue with countdowns to `acceptBy`. */
@Component({
  selector: 'app-queue-page',
  imports: [RouterLink, MatButtonModule, MatTableModule, MatPaginatorModule, MatProgressBarModule],
  providers: [QueueStore, paginatorIntl()],
  templateUrl: './queue-page.html',
  styleUrl: './queue-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class QueuePage implements OnInit, OnDestroy {
  readonly store = inject(QueueStore);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  readonly disputeTypes = inject(DisputeTypeStore);

  private readonly narrow = injectNarrow();
  readonly columns = computed(() =>
    this.narrow()
      ? ['caseNumber', 'parties', 'claimAmount', 'acceptBy', 'actions']
      : ['caseNumber', 'disputeType', 'parties', 'claimAmount', 'receivedOn', 'acceptBy', 'actions'],
  );
  readonly takingNext = signal(false);
  readonly formatMoney = formatMoney;
  readonly partyNames = partyNames;

  ngOnInit(): void {
    this.disputeTypes.load();
    this.store.start();
  }

  ngOnDestroy(): void {
    this.store.stop();
  }

  claim(record: CaseRecord): void {
    this.store.claim(record).subscribe((outcome) => {
      switch (outcome.kind) {
        case 'claimed':
          this.notifier.info(`已领取 ${outcome.record.caseNumber}`);
          void this.router.navigate(['/mediator/cases', outcome.record.id]);
          break;
        case 'taken':
          this.notifier.info('该案件已被其他调解员领取，列表已刷新');
          break;
        case 'stale':
          this.notifier.info('案件信息刚刚更新，列表已刷新，请再试一次');
          break;
        case 'failed':
          this.notifier.error(outcome.message);
          break;
      }
    });
  }

  takeNext(): void {
    if (this.takingNext()) return;
    this.takingNext.set(true);
    this.store.next().subscribe({
      next: (record) => {
        this.takingNext.set(false);
        if (!record) {
          this.notifier.info('暂无可领取的案件');
          return;
        }
        this.notifier.info(`已领取 ${record.caseNumber}`);
        void this.router.navigate(['/mediator/cases', record.id]);
      },
      error: (err: unknown) => {
        this.takingNext.set(false);
        this.notifier.error(err, '领取失败，请稍后再试');
        this.store.load();
      },
    });
  }

  pageChanged(event: PageEvent): void {
    this.store.setPage(event.pageIndex + 1, event.pageSize);
  }
}

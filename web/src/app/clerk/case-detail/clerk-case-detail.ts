import { ChangeDetectionStrategy, Component, Injector, computed, effect, inject, input, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { AuthStore } from '../../core/auth/auth-store';
import { Notifier } from '../../core/notifier';
import { CaseDetailStore } from '../../cases/case-detail-store';
import { CaseFacts } from '../../cases/case-facts/case-facts';
import { CaseRecord } from '../../cases/case-models';
import { CaseTimeline } from '../../cases/case-timeline/case-timeline';
import { DocumentList } from '../../cases/document-list/document-list';
import { FollowupRecords } from '../../followup/followup-records/followup-records';
import { TerminationBody, TerminationDialog } from '../../cases/termination-dialog/termination-dialog';
import { ClerkApi, DelegateBody } from '../clerk-api';
import { ConfirmationDialog, ConfirmationDialogData } from '../confirmation-dialog/confirmation-dialog';
import { DelegateDialog, DelegateDialogData } from '../delegate-dialog/delegate-dialog';

const TERMINABLE = new Set(['registered', 'delegated', 'in_mediation']);

/** A case as the clerk sees it, with the actions its status allows. */
@Component({
  selector: 'app-clerk-case-detail',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, CaseFacts, CaseTimeline, DocumentList, FollowupRecords],
  providers: [CaseDetailStore],
  templateUrl: './clerk-case-detail.html',
  styleUrl: '../../cases/case-page/case-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClerkCaseDetail {
  readonly store = inject(CaseDetailStore);
  private readonly api = inject(ClerkApi);
  private readonly dialog = inject(MatDialog);
  /** Dialogs resolve route-level providers (the date adapter) through the page's injector. */
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);
  readonly isClerk = inject(AuthStore).hasRole('clerk');

  /** Route parameter `:id`. */
  readonly id = input.required<string>();

  readonly canDelegate = computed(() => this.isClerk && this.store.status() === 'registered');
  /** Only a pre-litigation agreement goes to 司法确认; an entrusted one ends by 调解书 or 撤诉 before the judge. */
  readonly canApply = computed(() => this.isClerk && this.store.status() === 'agreed' && this.store.record()?.track === 'pre_litigation');
  readonly awaitsDecree = computed(() => this.store.status() === 'agreed' && this.store.record()?.track === 'entrusted');
  readonly canTerminate = computed(() => this.isClerk && TERMINABLE.has(this.store.status() ?? ''));

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  delegate(c: CaseRecord): void {
    this.dialog
      .open<DelegateDialog, DelegateDialogData, CaseRecord>(DelegateDialog, {
        width: '560px',
        maxWidth: '95vw',
        injector: this.injector,
        data: {
          disputeType: c.disputeType,
          submit: (body: DelegateBody) => this.api.delegate(c.id, { ...body, version: c.version }),
        },
      })
      .afterClosed()
      .subscribe((updated) => this.done(updated, '已委派调解'));
  }

  applyForConfirmation(c: CaseRecord): void {
    this.dialog
      .open<ConfirmationDialog, ConfirmationDialogData, CaseRecord>(ConfirmationDialog, {
        width: '480px',
        maxWidth: '95vw',
        injector: this.injector,
        data: {
          applyBy: c.deadlines?.confirmationApplyBy ?? null,
          submit: (body) => this.api.applyForConfirmation(c.id, { ...body, version: c.version }),
        },
      })
      .afterClosed()
      .subscribe((updated) => this.done(updated, '已提交司法确认申请'));
  }

  terminate(c: CaseRecord): void {
    this.dialog
      .open(TerminationDialog, {
        width: '560px',
        maxWidth: '95vw',
        injector: this.injector,
        data: { submit: (body: TerminationBody) => this.api.terminate(c.id, { ...body, version: c.version }) },
      })
      .afterClosed()
      .subscribe((updated: CaseRecord | undefined) => this.done(updated, '已终结调解'));
  }

  private done(updated: CaseRecord | undefined, message: string): void {
    if (!updated) return;
    this.store.applyUpdate(updated);
    this.notifier.info(message);
  }
}

import { ChangeDetectionStrategy, Component, Injector, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSelectModule } from '@angular/material/select';
import { Notifier } from '../../core/notifier';
import { CaseDetailStore } from '../../cases/case-detail-store';
import { CaseFacts } from '../../cases/case-facts/case-facts';
import { CaseRecord } from '../../cases/case-models';
import { CaseTimeline } from '../../cases/case-timeline/case-timeline';
import { PdfViewer } from '../../cases/pdf-viewer/pdf-viewer';
import type { DocumentKind } from '@rules/document-kinds';
import { DOCUMENT_KIND_LABELS } from '../../shared/case-status';
import { formatInstant } from '../../shared/dates';
import { DECIDE_DIALOG_WIDTH, DecideDialog, DecideDialogData } from '../decide-dialog/decide-dialog';
import { DecisionBody, JudgeApi } from '../judge-api';
import { ReviewFilePanel } from '../review-file/review-file-panel';

/** One confirmation application (or entrusted agreement): the document beside the review file, the facts and the audit trail. */
@Component({
  selector: 'app-confirmation-review',
  imports: [
    RouterLink,
    MatButtonModule,
    MatFormFieldModule,
    MatProgressBarModule,
    MatSelectModule,
    CaseFacts,
    CaseTimeline,
    PdfViewer,
    ReviewFilePanel,
  ],
  providers: [CaseDetailStore],
  templateUrl: './confirmation-review.html',
  styleUrl: './confirmation-review.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ConfirmationReview {
  readonly store = inject(CaseDetailStore);
  private readonly api = inject(JudgeApi);
  private readonly dialog = inject(MatDialog);
  /** Dialogs resolve route-level providers (the date adapter) through the page's injector. */
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);

  readonly id = input.required<string>();
  /** The document shown; by default the newest ruling, else the agreement. */
  readonly chosen = signal<string | null>(null);

  readonly documentOptions = computed(() =>
    this.store.documents().map((d) => ({
      id: d.id,
      kind: d.kind,
      label: `${d.title || DOCUMENT_KIND_LABELS[d.kind] || d.kind}（${formatInstant(d.createdAt)}）`,
    })),
  );
  readonly shownDocument = computed(() => {
    const docs = this.store.documents();
    const chosen = this.chosen();
    if (chosen && docs.some((d) => d.id === chosen)) return chosen;
    const newest = (kind: DocumentKind) => [...docs].reverse().find((d) => d.kind === kind)?.id;
    return (
      newest('mediation_decree') ??
      newest('ruling') ??
      newest('ruling_not_accepted') ??
      newest('ruling_withdrawal_permitted') ??
      newest('ruling_deemed_withdrawn') ??
      newest('agreement') ??
      docs[0]?.id ??
      null
    );
  });
  readonly shownTitle = computed(() => {
    const doc = this.store.documents().find((d) => d.id === this.shownDocument());
    return doc ? doc.title || DOCUMENT_KIND_LABELS[doc.kind] || '文书' : '文书';
  });
  readonly canDecide = computed(() => this.store.status() === 'confirmation_pending');

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  /** A review-file action answered the updated case: show it and its newest document. */
  onReviewed(updated: CaseRecord): void {
    this.chosen.set(null);
    this.store.applyUpdate(updated);
  }

  decide(c: CaseRecord): void {
    this.dialog
      .open<DecideDialog, DecideDialogData, CaseRecord>(DecideDialog, {
        width: DECIDE_DIALOG_WIDTH,
        maxWidth: '95vw',
        injector: this.injector,
        data: {
          submit: (body: DecisionBody) => this.api.decide(c.id, { ...body, version: c.version }),
          preview: (body: DecisionBody) => this.api.previewDecision(c.id, { ...body, version: c.version }),
        },
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.chosen.set(null);
        this.store.applyUpdate(updated);
        this.notifier.info(updated.status === 'confirmed' ? '已裁定确认调解协议有效' : '已裁定驳回申请');
      });
  }
}

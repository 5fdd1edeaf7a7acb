import { ChangeDetectionStrategy, Component, Injector, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { RouterLink } from '@angular/router';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTabsModule } from '@angular/material/tabs';
import { Observable } from 'rxjs';
import { Notifier } from '../../core/notifier';
import { CaseDetailStore } from '../../cases/case-detail-store';
import { CaseFacts } from '../../cases/case-facts/case-facts';
import { CaseRecord } from '../../cases/case-models';
import { CaseTimeline } from '../../cases/case-timeline/case-timeline';
import { DocumentList } from '../../cases/document-list/document-list';
import { ReasonDialog, ReasonDialogData } from '../../cases/reason-dialog/reason-dialog';
import { TerminationBody, TerminationDialog } from '../../cases/termination-dialog/termination-dialog';
import { SESSION_MODE_LABELS } from '../../shared/case-status';
import { formatInstant } from '../../shared/dates';
import { AgreementEditor } from '../agreement-editor/agreement-editor';
import { FollowupRecords } from '../../followup/followup-records/followup-records';
import { ExtensionDialog, ExtensionDialogData } from '../extension-dialog/extension-dialog';
import { QueueApi } from '../queue-api';
import { SessionForm } from '../session-form/session-form';
import { WorkspaceApi } from '../workspace-api';

/** 调解工作台: everything the mediator does with one case. */
@Component({
  selector: 'app-case-workspace',
  imports: [
    RouterLink,
    MatButtonModule,
    MatProgressBarModule,
    MatTabsModule,
    CaseFacts,
    CaseTimeline,
    DocumentList,
    AgreementEditor,
    SessionForm,
    FollowupRecords,
  ],
  providers: [CaseDetailStore],
  templateUrl: './case-workspace.html',
  styleUrl: './case-workspace.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseWorkspace {
  readonly store = inject(CaseDetailStore);
  private readonly api = inject(WorkspaceApi);
  private readonly queueApi = inject(QueueApi);
  private readonly dialog = inject(MatDialog);
  /** Dialogs resolve route-level providers (the date adapter) through the page's injector. */
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);

  readonly id = input.required<string>();
  readonly tab = signal(0);

  /** A mediator sees only cases they hold or may claim, so `in_mediation` means "mine"; the API has the last word. */
  readonly working = computed(() => this.store.status() === 'in_mediation');
  readonly claimable = computed(() => this.store.status() === 'delegated');
  readonly declinable = computed(() => this.store.status() === 'delegated' && !!this.store.record()?.delegation?.mediatorId);
  readonly sessions = computed(() =>
    (this.store.record()?.sessions ?? []).map((s) => ({
      ...s,
      when: formatInstant(s.heldAt),
      modeLabel: SESSION_MODE_LABELS[s.mode] ?? s.mode,
      attendeeList: (s.attendees ?? []).join('、'),
    })),
  );

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.store.load(id));
    });
  }

  claim(c: CaseRecord): void {
    this.queueApi.claim(c.id, c.version).subscribe({
      next: (updated) => this.done(updated, '已领取，调解期限开始计算'),
      error: (err: unknown) => {
        this.notifier.error(err, '领取失败');
        this.store.reload();
      },
    });
  }

  sessionSaved(): void {
    this.notifier.info('调解笔录已保存');
    this.store.reload();
  }

  followupSaved(): void {
    this.notifier.info('回访记录已保存');
    this.store.reload();
  }

  agreementSigned(updated: CaseRecord): void {
    this.done(updated, '调解协议已生成');
    this.tab.set(3);
  }

  extend(c: CaseRecord): void {
    this.openDialog<ExtensionDialogData>(
      ExtensionDialog,
      {
        track: c.track,
        endsOn: c.deadlines?.mediationEndsOn ?? null,
        submit: (body) => this.api.extend(c.id, { ...body, version: c.version }),
      },
      '调解期限已延长',
    );
  }

  release(c: CaseRecord): void {
    this.openDialog<ReasonDialogData>(
      ReasonDialog,
      {
        title: '退回案件',
        explanation: '案件将退回原队列，由其他调解员领取。',
        confirmLabel: '确认退回',
        submit: (body) => this.api.release(c.id, { ...body, version: c.version }),
      },
      '案件已退回队列',
    );
  }

  decline(c: CaseRecord): void {
    this.openDialog<ReasonDialogData>(
      ReasonDialog,
      {
        title: '拒绝接受委派',
        explanation: '案件将退回立案庭重新委派（《人民法院在线调解规则》第十二条）。',
        confirmLabel: '确认拒绝',
        submit: (body) => this.api.decline(c.id, { ...body, version: c.version }),
      },
      '已拒绝委派，案件退回法院',
    );
  }

  terminate(c: CaseRecord): void {
    this.openDialog<{ submit: (body: TerminationBody) => Observable<CaseRecord> }>(
      TerminationDialog,
      {
        submit: (body) => this.api.terminate(c.id, { ...body, version: c.version }),
      },
      '已终结调解',
    );
  }

  private openDialog<D>(component: unknown, data: D, message: string): void {
    this.dialog
      .open(component as never, { width: '560px', maxWidth: '95vw', injector: this.injector, data })
      .afterClosed()
      .subscribe((updated: unknown) => this.done(updated as CaseRecord | undefined, message));
  }

  private done(updated: CaseRecord | undefined, message: string): void {
    if (!updated) return;
    this.store.applyUpdate(updated);
    this.notifier.info(message);
  }
}

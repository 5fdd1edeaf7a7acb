import { ChangeDetectionStrategy, Component, Injector, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { CLOSURE_LABELS, DEEMED_WITHDRAWN_REASONS, EXCLUDED_MATTERS, MATERIAL_LABELS, type MaterialCode } from '@rules/review-file';
import { friendlyError } from '../../core/api-error';
import { Notifier } from '../../core/notifier';
import { CaseRecord } from '../../cases/case-models';
import { todayInChina } from '../../shared/dates';
import { ReviewAction, ReviewFile, JudgeApi } from '../judge-api';
import { ReviewActionDialog, ReviewDialogData, ReviewDialogMode } from './review-action-dialog';

type MaterialState = 'provided' | 'missing' | 'not_applicable';

const MODE_ACTIONS: Record<ReviewDialogMode, ReviewAction> = {
  acceptance: 'review/acceptance',
  supplement: 'review/supplements',
  received: 'review/supplements/received',
  extension: 'review/extension',
  not_accepted: 'review/closure',
  withdrawal_permitted: 'review/closure',
  deemed_withdrawn: 'review/closure',
  decree: 'conclusion',
  withdrawal: 'conclusion',
};

const DONE_MESSAGES: Record<ReviewDialogMode, string> = {
  acceptance: '已记录受理日期',
  supplement: '已通知补交材料，审查期限暂停计算',
  received: '已记录材料收到，审查期限恢复计算',
  extension: '已记录延长审查期限十日',
  not_accepted: '已裁定不予受理',
  withdrawal_permitted: '已裁定准许撤回申请',
  deemed_withdrawn: '已裁定按撤回申请处理',
  decree: '已出具民事调解书，本案结案',
  withdrawal: '已记录撤诉，本案结案',
};

/**
 * 审查卷 (民诉解释 Art. 351–358): the decision clock from 受理, the Art. 354 materials checklist,
 * 补交材料, the president's extension, the closing rulings, the 虚假调解 screening flags — and, for an
 * entrusted case that reached an agreement, the 民事调解书 or the recorded 撤诉.
 */
@Component({
  selector: 'app-review-file-panel',
  imports: [MatButtonModule, MatButtonToggleModule, MatProgressBarModule],
  templateUrl: './review-file-panel.html',
  styleUrl: './review-file-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReviewFilePanel {
  private readonly api = inject(JudgeApi);
  private readonly dialog = inject(MatDialog);
  private readonly injector = inject(Injector);
  private readonly notifier = inject(Notifier);

  readonly record = input.required<CaseRecord>();
  readonly updated = output<CaseRecord>();

  readonly file = signal<ReviewFile | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  readonly saving = signal(false);
  /** The checklist as the judge is editing it (saved with 保存材料清单). */
  readonly draft = signal<Record<string, MaterialState>>({});

  readonly isPending = computed(() => this.file()?.status === 'confirmation_pending' && !this.file()?.closure);
  readonly canConclude = computed(() => this.file()?.settlementPath === 'decree_or_withdrawal' && this.file()?.status === 'agreed');
  readonly openSupplement = computed(() => this.file()?.supplements.find((s) => !s.receivedOn) ?? null);
  readonly missing = computed(() =>
    Object.entries(this.draft())
      .filter(([, state]) => state === 'missing')
      .map(([code]) => code as MaterialCode),
  );
  readonly draftChanged = computed(() => {
    const f = this.file();
    return !!f && f.materials.some((m) => this.draft()[m.code] !== m.state);
  });
  readonly closureText = computed(() => {
    const c = this.file()?.closure;
    if (!c) return null;
    const kind = c.kind as keyof typeof CLOSURE_LABELS;
    const code = c.code ?? '';
    const detail =
      (EXCLUDED_MATTERS as Record<string, { label: string }>)[code]?.label ??
      (DEEMED_WITHDRAWN_REASONS as Record<string, { label: string }>)[code]?.label ??
      null;
    return { label: CLOSURE_LABELS[kind] ?? c.kind, detail, decidedOn: c.decidedOn, reasoning: c.reasoning };
  });

  constructor() {
    effect(() => {
      const c = this.record();
      // Reload when the case changes (another action bumps its version).
      const key = `${c.id}:${c.version}`;
      untracked(() => this.load(c.id, key));
    });
  }

  private loadedKey = '';

  load(id: string, key = ''): void {
    if (key && key === this.loadedKey) return;
    this.loadedKey = key;
    this.loading.set(true);
    this.error.set(null);
    this.api.reviewFile(id).subscribe({
      next: (f) => {
        this.file.set(f);
        this.draft.set(Object.fromEntries(f.materials.map((m) => [m.code, m.state as MaterialState])));
        this.loading.set(false);
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '审查卷加载失败'));
      },
    });
  }

  labelOf(code: string): string {
    return MATERIAL_LABELS[code as MaterialCode] ?? code;
  }

  itemsText(items: readonly string[]): string {
    return items.map((c) => this.labelOf(c)).join('、');
  }

  setMaterial(code: string, state: MaterialState): void {
    this.draft.update((d) => ({ ...d, [code]: state }));
  }

  saveMaterials(): void {
    const c = this.record();
    this.saving.set(true);
    this.api.review(c.id, 'review/materials', { version: c.version, materials: this.draft() }).subscribe({
      next: (updated) => {
        this.saving.set(false);
        this.notifier.info('材料清单已保存');
        this.updated.emit(updated);
      },
      error: (err: unknown) => {
        this.saving.set(false);
        this.notifier.error(err, '材料清单保存失败');
      },
    });
  }

  open(mode: ReviewDialogMode): void {
    const c = this.record();
    const f = this.file();
    this.dialog
      .open<ReviewActionDialog, ReviewDialogData, CaseRecord>(ReviewActionDialog, {
        width: '560px',
        maxWidth: '95vw',
        injector: this.injector,
        data: {
          mode,
          today: todayInChina(),
          appliedOn: f?.decisionClock?.acceptedOn ?? f?.appliedOn ?? null,
          agentApplies: f?.agentApplies ?? false,
          missing: this.missing(),
          submit: (body) => this.api.review(c.id, MODE_ACTIONS[mode], { ...body, version: c.version }),
        },
      })
      .afterClosed()
      .subscribe((updated) => {
        if (!updated) return;
        this.notifier.info(DONE_MESSAGES[mode]);
        this.updated.emit(updated);
      });
  }
}

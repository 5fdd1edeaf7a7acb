import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import type { DocumentKind } from '@rules/document-kinds';
import { DOCUMENT_KIND_LABELS } from '../shared/case-status';
import { formatInstant } from '../shared/dates';
import { VerifyAnswer, VerifyApi } from './verify-api';

type State = { kind: 'loading' } | { kind: 'found'; answer: VerifyAnswer } | { kind: 'missing' } | { kind: 'failed'; message: string };

/** 文书核验: what the QR code printed on every document opens. */
@Component({
  selector: 'app-verify-page',
  template: `
    <main class="verify">
      <section class="panel" aria-labelledby="verify-title">
        <p class="court">赤水市人民法院 · 诉调对接平台</p>
        <h1 id="verify-title">文书核验</h1>
        <div aria-live="polite">
          @switch (state().kind) {
            @case ('loading') {
              <p>正在核验…</p>
            }
            @case ('found') {
              @if (found(); as a) {
                <p class="result" [class.ok]="a.valid" [class.bad]="!a.valid">
                  {{ a.valid ? '✓ 该文书由本系统出具，内容未被篡改' : '✗ 该文书已失效' }}
                </p>
                <dl>
                  <div>
                    <dt>文书类型</dt>
                    <dd>{{ kindLabel(a.kind) }}</dd>
                  </div>
                  <div>
                    <dt>案号</dt>
                    <dd>{{ a.caseNumber }}</dd>
                  </div>
                  <div>
                    <dt>出具时间</dt>
                    <dd>{{ when(a.issuedAt) }}</dd>
                  </div>
                </dl>
              }
            }
            @case ('missing') {
              <p class="result bad">未找到该文书</p>
              <p class="muted">请核对二维码或校验码是否完整，或向出具文书的法院咨询。</p>
            }
            @case ('failed') {
              <p class="result bad" role="alert">{{ failure() }}</p>
            }
          }
        </div>
        <p class="hash muted">
          校验码（SHA-256）：<code>{{ sha256() }}</code>
        </p>
      </section>
    </main>
  `,
  styles: `
    .verify {
      min-height: 100vh;
      display: grid;
      place-items: center;
      padding: 16px;
      box-sizing: border-box;
      background: var(--mat-sys-surface-container);
    }
    .panel {
      width: min(560px, 100%);
      background: var(--mat-sys-surface);
      border-radius: 16px;
      padding: 32px;
      box-sizing: border-box;
      box-shadow: var(--mat-sys-level2);
    }
    .court {
      margin: 0;
      color: var(--mat-sys-primary);
      font: var(--mat-sys-title-small);
    }
    .result {
      font: var(--mat-sys-title-large);
    }
    .ok {
      color: #146c2e;
    }
    .bad {
      color: var(--mat-sys-error);
    }
    dl div {
      display: flex;
      gap: 16px;
      padding: 6px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    dt {
      width: 96px;
      flex: none;
      color: var(--mat-sys-on-surface-variant);
    }
    dd {
      margin: 0;
    }
    .hash {
      word-break: break-all;
      font: var(--mat-sys-body-small);
      margin-top: 24px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class VerifyPage {
  private readonly api = inject(VerifyApi);
  /** Route parameter `:sha256`. */
  readonly sha256 = input.required<string>();
  readonly state = signal<State>({ kind: 'loading' });
  readonly found = computed(() => {
    const s = this.state();
    return s.kind === 'found' ? s.answer : null;
  });
  readonly failure = computed(() => {
    const s = this.state();
    return s.kind === 'failed' ? s.message : '';
  });

  constructor() {
    effect(() => {
      const hash = this.sha256();
      untracked(() => this.check(hash));
    });
  }

  kindLabel(kind: DocumentKind): string {
    return DOCUMENT_KIND_LABELS[kind] ?? kind;
  }

  when(iso: string): string {
    return formatInstant(iso);
  }

  private check(hash: string): void {
    this.state.set({ kind: 'loading' });
    this.api.verify(hash.trim().toLowerCase()).subscribe({
      next: (answer) => this.state.set({ kind: 'found', answer }),
      error: (err: unknown) => {
        const status = err instanceof HttpErrorResponse ? err.status : 0;
        if (status === 404 || status === 400) this.state.set({ kind: 'missing' });
        else if (status === 429) this.state.set({ kind: 'failed', message: '查询过于频繁，请稍后再试' });
        else this.state.set({ kind: 'failed', message: '暂时无法核验，请稍后再试' });
      },
    });
  }
}

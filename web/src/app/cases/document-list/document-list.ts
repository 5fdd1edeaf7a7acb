import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { CaseApi } from '../case-api';
import { CaseDocument } from '../case-models';
import { SERVED_KINDS, type DocumentKind } from '@rules/document-kinds';
import { DOCUMENT_KIND_LABELS } from '../../shared/case-status';
import { formatInstant } from '../../shared/dates';
import { friendlyError } from '../../core/api-error';

/** The case's documents; "打开" fetches the PDF with the token and shows it in a new tab. */
@Component({
  selector: 'app-document-list',
  imports: [MatButtonModule],
  template: `
    @if (documents().length === 0) {
      <p class="muted">暂无文书</p>
    } @else {
      <ul class="docs">
        @for (d of documents(); track d.id) {
          <li>
            <div>
              <div class="title">{{ d.title || kindLabel(d.kind) }}</div>
              <div class="muted small">
                {{ when(d.createdAt) }}
                @if (d.sha256) {
                  · 校验码 {{ d.sha256.slice(0, 12) }}…
                }
              </div>
              @if (parties().length && served.has(d.kind)) {
                <div class="muted small service">{{ serviceText(d) }}</div>
              }
            </div>
            <button
              mat-stroked-button
              type="button"
              (click)="open(d)"
              [disabled]="opening() === d.id"
              [attr.aria-label]="'打开 ' + (d.title || kindLabel(d.kind)) + ' PDF'"
            >
              打开
            </button>
          </li>
        }
      </ul>
      @if (error()) {
        <p class="error-text" role="alert">{{ error() }}</p>
      }
    }
  `,
  styles: `
    .docs {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      justify-content: space-between;
      align-items: center;
      gap: 12px;
      padding: 8px 0;
      border-bottom: 1px solid var(--mat-sys-outline-variant);
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .small {
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DocumentList {
  private readonly api = inject(CaseApi);
  readonly documents = input.required<CaseDocument[]>();
  /** The case's parties: given, each served document shows who was served electronically and who must be served on paper. */
  readonly parties = input<{ id: string; name: string }[]>([]);
  readonly served = new Set<string>(SERVED_KINDS);
  readonly opening = signal<string | null>(null);
  readonly error = signal<string | null>(null);

  kindLabel(kind: DocumentKind): string {
    return DOCUMENT_KIND_LABELS[kind] ?? kind;
  }

  serviceText(d: CaseDocument): string {
    const byParty = new Map((d.services ?? []).map((v) => [v.partyId, v]));
    const electronic = this.parties()
      .filter((p) => byParty.has(p.id))
      .map((p) => `${p.name}（${byParty.get(p.id)!.readAt ? `${formatInstant(byParty.get(p.id)!.readAt)} 已读` : '未读'}）`);
    const paper = this.parties()
      .filter((p) => !byParty.has(p.id))
      .map((p) => p.name);
    return [electronic.length ? `已电子送达：${electronic.join('、')}` : '', paper.length ? `待纸质送达：${paper.join('、')}` : '']
      .filter(Boolean)
      .join('；');
  }

  when(iso: string): string {
    return formatInstant(iso);
  }

  open(doc: CaseDocument): void {
    // Open the tab now, inside the click, so pop-up blockers allow it; fill it when the PDF arrives.
    const tab = window.open('', '_blank');
    this.opening.set(doc.id);
    this.error.set(null);
    this.api.documentPdf(doc.id).subscribe({
      next: (blob) => {
        this.opening.set(null);
        const url = URL.createObjectURL(blob);
        if (tab) tab.location.href = url;
        else {
          const a = document.createElement('a');
          a.href = url;
          a.download = `${this.kindLabel(doc.kind)}.pdf`;
          a.click();
        }
        setTimeout(() => URL.revokeObjectURL(url), 60_000);
      },
      error: (err: unknown) => {
        tab?.close();
        this.opening.set(null);
        this.error.set(friendlyError(err, '文书打开失败'));
      },
    });
  }
}

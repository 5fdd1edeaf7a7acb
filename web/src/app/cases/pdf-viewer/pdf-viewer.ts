import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Subscription } from 'rxjs';
import { CaseApi } from '../case-api';
import { friendlyError } from '../../core/api-error';

/** Shows a PDF from `/api/documents/:id` inline: fetched as a blob with the token, shown via an object URL. */
@Component({
  selector: 'app-pdf-viewer',
  imports: [MatProgressBarModule],
  template: `
    @if (loading()) { <mat-progress-bar mode="indeterminate" aria-label="正在加载文书" /> }
    @if (error()) { <p class="error-text" role="alert">{{ error() }}</p> }
    @if (url(); as src) {
      <iframe [src]="src" [title]="title()"></iframe>
    }
  `,
  styles: `
    :host { display: block; }
    iframe { width: 100%; height: var(--pdf-height, 75vh); border: 1px solid var(--mat-sys-outline-variant); border-radius: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PdfViewer {
  private readonly api = inject(CaseApi);
  private readonly sanitizer = inject(DomSanitizer);

  readonly documentId = input.required<string>();
  readonly title = input('文书预览');

  readonly url = signal<SafeResourceUrl | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  private rawUrl: string | null = null;
  private request: Subscription | null = null;

  constructor() {
    effect(() => {
      const id = this.documentId();
      untracked(() => this.load(id));
    });
    inject(DestroyRef).onDestroy(() => {
      this.request?.unsubscribe();
      this.revoke();
    });
  }

  private load(id: string): void {
    this.request?.unsubscribe();
    this.revoke();
    this.url.set(null);
    this.loading.set(true);
    this.error.set(null);
    this.request = this.api.documentPdf(id).subscribe({
      next: (blob) => {
        this.loading.set(false);
        const pdf = blob.type ? blob : new Blob([blob], { type: 'application/pdf' });
        this.rawUrl = URL.createObjectURL(pdf);
        // Open fitted to the width, without the thumbnail pane, to leave room beside the case facts.
        this.url.set(this.sanitizer.bypassSecurityTrustResourceUrl(`${this.rawUrl}#view=FitH&navpanes=0`));
      },
      error: (err: unknown) => {
        this.loading.set(false);
        this.error.set(friendlyError(err, '文书加载失败'));
      },
    });
  }

  private revoke(): void {
    if (this.rawUrl) URL.revokeObjectURL(this.rawUrl);
    this.rawUrl = null;
  }
}

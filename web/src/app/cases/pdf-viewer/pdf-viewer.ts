import { ChangeDetectionStrategy, Component, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Subscription } from 'rxjs';
import { CaseApi } from '../case-api';
import { friendlyError, readBlobErrors } from '../../core/api-error';
import { PdfFrame } from '../pdf-frame/pdf-frame';

/** Shows a PDF from `/api/documents/:id` inline: fetched as a blob with the token (a plain link could not send it). */
@Component({
  selector: 'app-pdf-viewer',
  imports: [MatProgressBarModule, PdfFrame],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="正在加载文书" />
    }
    @if (error()) {
      <p class="error-text" role="alert">{{ error() }}</p>
    }
    @if (pdf(); as blob) {
      <app-pdf-frame [pdf]="blob" [title]="title()" />
    }
  `,
  styles: `
    :host {
      display: block;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PdfViewer {
  private readonly api = inject(CaseApi);

  readonly documentId = input.required<string>();
  readonly title = input('文书预览');

  readonly pdf = signal<Blob | null>(null);
  readonly loading = signal(false);
  readonly error = signal<string | null>(null);
  private request: Subscription | null = null;

  constructor() {
    effect(() => {
      const id = this.documentId();
      untracked(() => this.load(id));
    });
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  private load(id: string): void {
    this.request?.unsubscribe();
    this.pdf.set(null);
    this.loading.set(true);
    this.error.set(null);
    this.request = this.api
      .documentPdf(id)
      .pipe(readBlobErrors())
      .subscribe({
        next: (blob) => {
          this.loading.set(false);
          this.pdf.set(blob);
        },
        error: (err: unknown) => {
          this.loading.set(false);
          this.error.set(friendlyError(err, '文书加载失败'));
        },
      });
  }
}

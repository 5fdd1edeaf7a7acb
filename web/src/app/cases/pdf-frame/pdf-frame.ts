import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { DomSanitizer, SafeResourceUrl } from '@angular/platform-browser';

/** Shows a PDF held in memory (a document or a preview) in an iframe, through an object URL it revokes when done. */
@Component({
  selector: 'app-pdf-frame',
  template: `
    @if (url(); as src) {
      <iframe [src]="src" [title]="title()"></iframe>
    }
    <a class="open" [href]="rawHref()" target="_blank" rel="noopener">在新窗口中打开 PDF</a>
  `,
  styles: `
    :host {
      display: block;
    }
    iframe {
      display: block;
      width: 100%;
      height: var(--pdf-height, 75vh);
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 8px;
      background: var(--mat-sys-surface-container-highest);
      box-sizing: border-box;
    }
    .open {
      display: inline-block;
      margin-top: 4px;
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PdfFrame {
  private readonly sanitizer = inject(DomSanitizer);

  readonly pdf = input.required<Blob>();
  readonly title = input('文书预览');

  readonly url = signal<SafeResourceUrl | null>(null);
  readonly rawHref = signal<string>('');

  constructor() {
    effect((onCleanup) => {
      const blob = this.pdf();
      const raw = URL.createObjectURL(blob.type === 'application/pdf' ? blob : new Blob([blob], { type: 'application/pdf' }));
      this.rawHref.set(raw);
      // Fitted to the width, without the thumbnail pane, so it reads well beside other content.
      this.url.set(this.sanitizer.bypassSecurityTrustResourceUrl(`${raw}#view=FitH&navpanes=0`));
      onCleanup(() => URL.revokeObjectURL(raw));
    });
  }
}

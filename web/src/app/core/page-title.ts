import { Injectable, effect, inject, untracked } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n } from './i18n/i18n';

/** Every page title names the screen first and the product second: "案件列表 · 诉调对接平台". */
@Injectable({ providedIn: 'root' })
export class PageTitle extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private last: RouterStateSnapshot | null = null;

  constructor() {
    super();
    // A language switch retitles the current page.
    effect(() => {
      this.i18n.lang();
      untracked(() => this.last && this.updateTitle(this.last));
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.last = snapshot;
    const screen = this.buildTitle(snapshot);
    const product = this.i18n.t('诉调对接平台');
    this.title.setTitle(screen ? `${this.i18n.t(screen)} · ${product}` : product);
  }
}

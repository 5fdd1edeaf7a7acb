import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { I18n } from './i18n';

/** Switches between Chinese and English; each label is written in the language it switches to. */
@Component({
  selector: 'app-language-switch',
  imports: [MatButtonModule],
  template: `
    @if (i18n.english()) {
      <button mat-button type="button" lang="zh-CN" (click)="i18n.use('zh-CN')" aria-label="切换到中文">中文</button>
    } @else {
      <button mat-button type="button" lang="en" (click)="i18n.use('en')" aria-label="Switch to English">English</button>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageSwitch {
  readonly i18n = inject(I18n);
}

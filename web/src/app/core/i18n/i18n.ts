import { Injectable, Pipe, PipeTransform, computed, inject, signal } from '@angular/core';
import { EN } from './en';

/** The UI speaks Simplified Chinese first; English is the second locale. */
export type Lang = 'zh-CN' | 'en';

const STORAGE_KEY = 'sutiao.lang';

/**
 * A runtime dictionary rather than Angular's build-time i18n: one build serves both languages and the
 * switch needs no reload. The Chinese text is the key, so an untranslated string simply stays Chinese;
 * legal documents, case numbers and names are never translated.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly state = signal<Lang>(stored());
  readonly lang = this.state.asReadonly();
  readonly english = computed(() => this.state() === 'en');

  constructor() {
    applyToDocument(this.state());
  }

  use(lang: Lang): void {
    this.state.set(lang);
    applyToDocument(lang);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, lang);
    } catch {
      // Storage disabled: the choice lasts until the page is reloaded.
    }
  }

  toggle(): void {
    this.use(this.english() ? 'zh-CN' : 'en');
  }

  /** `t('共 {n} 件', { n: 3 })`: the text in the current language with its placeholders filled. */
  t(zh: string, params?: Record<string, string | number>): string {
    const text = this.state() === 'en' ? (EN[zh] ?? zh) : zh;
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
  }
}

/** `{{ '案件列表' | t }}`; impure so that a language switch re-renders (a dictionary lookup is cheap). */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(zh: string | null | undefined, params?: Record<string, string | number>): string {
    return zh ? this.i18n.t(zh, params) : '';
  }
}

function stored(): Lang {
  try {
    return globalThis.localStorage?.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function applyToDocument(lang: Lang): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

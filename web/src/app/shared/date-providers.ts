import { Provider } from '@angular/core';
import { MAT_DATE_LOCALE, provideNativeDateAdapter } from '@angular/material/core';

/** Date pickers in Chinese (the native adapter formats with Intl, so no locale data is bundled). */
export function provideChineseDates(): Provider[] {
  return [provideNativeDateAdapter(), { provide: MAT_DATE_LOCALE, useValue: 'zh-CN' }];
}

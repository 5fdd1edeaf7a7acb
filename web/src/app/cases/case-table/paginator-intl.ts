import { Injectable, Provider, effect, inject } from '@angular/core';
import { MatPaginatorIntl } from '@angular/material/paginator';
import { I18n } from '../../core/i18n/i18n';

/** The paginator's words, in the UI language (Chinese first), refreshed when the language changes. */
@Injectable()
class LocalizedPaginatorIntl extends MatPaginatorIntl {
  private readonly i18n = inject(I18n);

  constructor() {
    super();
    effect(() => {
      const t = (zh: string) => this.i18n.t(zh);
      this.itemsPerPageLabel = t('每页条数');
      this.nextPageLabel = t('下一页');
      this.previousPageLabel = t('上一页');
      this.firstPageLabel = t('第一页');
      this.lastPageLabel = t('最后一页');
      this.changes.next();
    });
  }

  override getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) return this.i18n.t('共 0 条');
    const start = page * pageSize + 1;
    const end = Math.min(length, (page + 1) * pageSize);
    return this.i18n.t('第 {start}–{end} 条，共 {total} 条', { start, end, total: length });
  };
}

export function paginatorIntl(): Provider {
  return { provide: MatPaginatorIntl, useClass: LocalizedPaginatorIntl };
}

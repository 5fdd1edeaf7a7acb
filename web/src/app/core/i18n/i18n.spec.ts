import { afterEach, describe, expect, it } from 'vitest';
import { TestBed } from '@angular/core/testing';
import { EN } from './en';
import { I18n } from './i18n';

describe('I18n', () => {
  afterEach(() => localStorage.clear());

  it('speaks Chinese first', () => {
    const i18n = TestBed.inject(I18n);
    expect(i18n.lang()).toBe('zh-CN');
    expect(i18n.t('案件列表')).toBe('案件列表');
    expect(i18n.t('按审查期限排序，共 {n} 件待审查。', { n: 3 })).toBe('按审查期限排序，共 3 件待审查。');
  });

  it('switches to English, fills placeholders, keeps untranslated text, and remembers the choice', () => {
    const i18n = TestBed.inject(I18n);
    i18n.use('en');
    expect(i18n.t('案件列表')).toBe('Cases');
    expect(i18n.t('领取 {caseNumber}', { caseNumber: '（2026）黔0381民诉前调1号' })).toBe('Claim （2026）黔0381民诉前调1号');
    expect(i18n.t('人民调解协议书')).toBe('人民调解协议书');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('sutiao.lang')).toBe('en');

    TestBed.resetTestingModule();
    expect(TestBed.inject(I18n).lang()).toBe('en');
    TestBed.inject(I18n).use('zh-CN');
    expect(document.documentElement.lang).toBe('zh-CN');
  });

  it('has an English text for every key, with the same placeholders', () => {
    for (const [zh, en] of Object.entries(EN)) {
      expect(en.trim(), zh).not.toBe('');
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(en), zh).toEqual(names(zh));
    }
  });
});

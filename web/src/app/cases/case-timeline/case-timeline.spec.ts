import { describe, expect, it } from 'vitest';
import { TestBed } from '@angular/core/testing';
import { CaseTimeline } from './case-timeline';

describe('CaseTimeline', () => {
  it("names the API's event types in Chinese, in order, with who and when (China time)", async () => {
    const fixture = TestBed.createComponent(CaseTimeline);
    fixture.componentRef.setInput('events', [
      {
        seq: 1,
        type: 'case.registered',
        at: '2026-10-29T02:32:00.000Z',
        actor: { id: 'a', username: 'clerk2', role: 'clerk' },
        data: null,
        hash: 'h1',
        prevHash: null,
      },
      {
        seq: 2,
        type: 'case.released',
        at: '2026-10-30T02:32:00.000Z',
        actor: { id: 'b', username: 'mediator314', role: 'mediator' },
        data: { reason: '回避' },
        hash: 'h2',
        prevHash: 'h1',
      },
      {
        seq: 3,
        type: 'party.unmasked_read',
        at: '2026-10-31T02:32:00.000Z',
        actor: { id: 'c', username: 'judge1', role: 'judge' },
        data: null,
        hash: 'h3',
        prevHash: 'h2',
      },
      { seq: 4, type: 'case.something_new', at: '2026-11-01T02:32:00.000Z', actor: null, data: null, hash: 'h4', prevHash: 'h3' },
    ]);
    await fixture.whenStable();
    const items = [...(fixture.nativeElement as HTMLElement).querySelectorAll('li')].map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(items[0]).toBe('立案登记2026/10/29 10:32 · clerk2（立案庭书记员）');
    expect(items[1]).toContain('退回案件队列');
    expect(items[1]).toContain('回避');
    expect(items[2]).toContain('查阅当事人完整身份信息');
    expect(items[3]).toContain('case.something_new');
  });
});

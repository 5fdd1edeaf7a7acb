import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ROLE_LABELS, Role } from '../../core/auth/auth-models';
import { formatInstant } from '../../shared/dates';
import { CaseEvent } from '../case-models';
import { eventLabel } from './event-labels';

/** The case's audit trail (`GET /api/cases/:id/events`), oldest first, as an ordered list. */
@Component({
  selector: 'app-case-timeline',
  template: `
    @if (entries().length === 0) {
      <p class="muted">暂无记录</p>
    } @else {
      <ol class="timeline" aria-label="案件流程记录">
        @for (e of entries(); track e.seq) {
          <li>
            <span class="dot" aria-hidden="true"></span>
            <div class="body">
              <div class="title">{{ e.label }}</div>
              <div class="meta muted">
                <time [attr.datetime]="e.at">{{ e.when }}</time>
                @if (e.who) {
                  · {{ e.who }}
                }
              </div>
              @if (e.note) {
                <div class="note">{{ e.note }}</div>
              }
            </div>
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .timeline {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      display: flex;
      gap: 12px;
      padding: 0 0 16px;
      position: relative;
    }
    li:not(:last-child)::before {
      content: '';
      position: absolute;
      left: 5px;
      top: 14px;
      bottom: 0;
      width: 2px;
      background: var(--mat-sys-outline-variant);
    }
    .dot {
      flex: none;
      width: 12px;
      height: 12px;
      margin-top: 4px;
      border-radius: 50%;
      background: var(--mat-sys-primary);
    }
    .title {
      font: var(--mat-sys-title-small);
    }
    .meta {
      font: var(--mat-sys-body-small);
    }
    .note {
      margin-top: 4px;
      white-space: pre-wrap;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CaseTimeline {
  readonly events = input.required<CaseEvent[]>();

  readonly entries = computed(() =>
    this.events().map((e) => ({
      seq: e.seq,
      at: e.at,
      label: eventLabel(e.type),
      when: formatInstant(e.at),
      who: e.actor ? `${e.actor.username}（${ROLE_LABELS[e.actor.role as Role] ?? e.actor.role}）` : '',
      note: noteOf(e.data),
    })),
  );
}

function noteOf(data: Record<string, unknown> | null): string {
  if (!data) return '';
  const parts: string[] = [];
  for (const key of ['reason', 'details', 'note', 'reasoning']) {
    const value = data[key];
    if (typeof value === 'string' && value) parts.push(value);
  }
  return parts.join('；');
}

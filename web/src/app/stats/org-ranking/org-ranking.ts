import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { BreakdownRow, groupLabel, percent } from '../stats-models';

/** Committees need this many ended mediations before a rate says anything about them. */
export const MIN_ENDED = 3;
const LIST_SIZE = 10;

export interface RankedOrganization {
  name: string;
  successRate: number;
  onTimeRate: number | null;
  ended: number;
}

/** Ranks committees by success rate, then on-time rate; those with too few ended cases are left out. */
export function rankOrganizations(rows: BreakdownRow[]): { red: RankedOrganization[]; black: RankedOrganization[] } {
  const ranked = rows
    .map((r) => ({
      name: groupLabel(r, 'organization'),
      successRate: r.successRate ?? null,
      onTimeRate: r.onTimeRate ?? null,
      ended: (r.agreed ?? 0) + (r.confirmed ?? 0) + (r.confirmationRejected ?? 0) + (r.failed ?? 0) + (r.withdrawn ?? 0),
    }))
    .filter((r): r is RankedOrganization => r.successRate !== null && r.ended >= MIN_ENDED)
    .sort((a, b) => b.successRate - a.successRate || (b.onTimeRate ?? 0) - (a.onTimeRate ?? 0) || b.ended - a.ended);
  const red = ranked.slice(0, LIST_SIZE);
  const black = ranked.slice(Math.max(red.length, ranked.length - LIST_SIZE)).reverse();
  return { red, black };
}

/** 红黑榜: the committees with the best and the weakest results in the period. */
@Component({
  selector: 'app-org-ranking',
  template: `
    @let r = ranking();
    <div class="lists">
      <section aria-labelledby="red-heading" class="list red">
        <h3 id="red-heading">红榜 · 调解成功率最高</h3>
        <ol>
          @for (o of r.red; track o.name) {
            <li>
              <span class="name">{{ o.name }}</span><span class="rate">{{ pct(o.successRate) }}</span
              ><span class="muted small">按期 {{ pct(o.onTimeRate) }} · {{ o.ended }} 件</span>
            </li>
          } @empty {
            <li class="muted">暂无符合条件的组织</li>
          }
        </ol>
      </section>
      <section aria-labelledby="black-heading" class="list black">
        <h3 id="black-heading">黑榜 · 调解成功率最低</h3>
        <ol>
          @for (o of r.black; track o.name) {
            <li>
              <span class="name">{{ o.name }}</span><span class="rate">{{ pct(o.successRate) }}</span
              ><span class="muted small">按期 {{ pct(o.onTimeRate) }} · {{ o.ended }} 件</span>
            </li>
          } @empty {
            <li class="muted">暂无符合条件的组织</li>
          }
        </ol>
      </section>
    </div>
    <p class="muted small">仅统计期间内办结 {{ minEnded }} 件以上的调解组织。</p>
  `,
  styles: `
    .lists {
      display: grid;
      grid-template-columns: 1fr 1fr;
      gap: 16px;
    }
    @media (max-width: 800px) {
      .lists {
        grid-template-columns: 1fr;
      }
    }
    .list {
      border-radius: 12px;
      padding: 12px 16px;
      border: 1px solid var(--mat-sys-outline-variant);
    }
    .red {
      border-top: 4px solid #b3261e;
    }
    .black {
      border-top: 4px solid var(--mat-sys-on-surface);
    }
    h3 {
      margin: 0 0 8px;
    }
    ol {
      margin: 0;
      padding-left: 24px;
    }
    li {
      padding: 4px 0;
    }
    li > span {
      margin-right: 8px;
    }
    .name {
      font-weight: 600;
    }
    .rate {
      font-variant-numeric: tabular-nums;
    }
    .small {
      font: var(--mat-sys-body-small);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrgRanking {
  readonly rows = input.required<BreakdownRow[]>();
  readonly ranking = computed(() => rankOrganizations(this.rows()));
  readonly minEnded = MIN_ENDED;
  readonly pct = percent;
}

import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { BreakdownBy, BreakdownRow, groupLabel, percent } from '../stats-models';

const CHART_TOP = 15;

/** One breakdown (by organization, mediator or dispute type): a bar chart of the largest groups and the full table. */
@Component({
  selector: 'app-breakdown-panel',
  imports: [NgxEchartsDirective],
  templateUrl: './breakdown-panel.html',
  styleUrl: './breakdown-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BreakdownPanel {
  readonly by = input.required<BreakdownBy>();
  readonly rows = input.required<BreakdownRow[]>();
  readonly caption = input('');

  readonly table = computed(() =>
    [...this.rows()]
      .sort((a, b) => (b.received ?? 0) - (a.received ?? 0))
      .map((r) => ({
        label: groupLabel(r, this.by()),
        received: r.received ?? 0,
        agreed: r.agreed ?? 0,
        confirmed: r.confirmed ?? 0,
        failed: r.failed ?? 0,
        successRate: percent(r.successRate),
        onTimeRate: percent(r.onTimeRate),
        performanceRate: percent(r.performanceRate),
        defaultRate: percent(r.defaultRate),
        days: r.averageMediationDays === null || r.averageMediationDays === undefined ? '—' : r.averageMediationDays.toFixed(1),
      })),
  );

  readonly options = computed<EChartsCoreOption>(() => {
    const top = this.table().slice(0, CHART_TOP).reverse();
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: top.map((r) => r.label), axisLabel: { width: 180, overflow: 'truncate' } },
      series: [
        { name: '收案', type: 'bar', data: top.map((r) => r.received) },
        { name: '达成协议', type: 'bar', data: top.map((r) => r.agreed) },
      ],
    };
  });
}

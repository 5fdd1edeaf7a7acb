import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { NgxEchartsDirective } from 'ngx-echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { BreakdownRow, groupLabel } from '../stats-models';

/** Sorts on the machine key ("2026-01"), not the label: "2026年10月" would sort before "2026年1月". */
export function inMonthOrder(rows: BreakdownRow[]): BreakdownRow[] {
  const sortKey = (r: BreakdownRow) => String(r.key ?? r.month ?? groupLabel(r, 'month'));
  return [...rows].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : sortKey(a) > sortKey(b) ? 1 : 0));
}

/** 月度趋势: cases received, agreed and confirmed per month, with the success rate. */
@Component({
  selector: 'app-trend-chart',
  imports: [NgxEchartsDirective],
  template: `<div echarts [options]="options()" class="chart" role="img" [attr.aria-label]="description()"></div>`,
  styles: `
    .chart {
      height: 320px;
      width: 100%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TrendChart {
  readonly rows = input.required<BreakdownRow[]>();

  readonly description = computed(() => {
    const rows = this.rows();
    return `月度趋势图，共 ${rows.length} 个月：` + rows.map((r) => `${groupLabel(r, 'month')} 收案 ${r.received ?? 0} 件`).join('，');
  });

  readonly options = computed<EChartsCoreOption>(() => {
    const rows = inMonthOrder(this.rows());
    return {
      aria: { enabled: true },
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: rows.map((r) => groupLabel(r, 'month')) },
      yAxis: [
        { type: 'value', name: '件数', minInterval: 1 },
        { type: 'value', name: '成功率', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      ],
      series: [
        { name: '收案', type: 'bar', data: rows.map((r) => r.received ?? 0) },
        { name: '达成协议', type: 'bar', data: rows.map((r) => r.agreed ?? 0) },
        { name: '司法确认', type: 'bar', data: rows.map((r) => r.confirmed ?? 0) },
        {
          name: '调解成功率',
          type: 'line',
          yAxisIndex: 1,
          smooth: true,
          data: rows.map((r) => (r.successRate === null || r.successRate === undefined ? null : Math.round(r.successRate * 1000) / 10)),
        },
      ],
    };
  });
}

/**
 * The bulletin's charts as SVG, drawn by ECharts' server-side SVG renderer (no DOM, no canvas)
 * and then placed into the PDF as vectors by documents/pdf/svg.ts. ECharts is loaded on the first
 * bulletin only, so it costs nothing at start-up.
 */
import type { EChartsOption } from 'echarts';

export interface TrendPoint {
  label: string;
  received: number;
  ended: number;
  agreed: number;
  /** Savings of the month in yuan (a number for the axis only; tables print the exact string). */
  savingsYuan: number;
}

export interface RankedBar {
  name: string;
  onTimeRate: number;
  successRate: number;
  list: 'red' | 'black';
}

const WIDTH = 640;
const TEXT = { fontSize: 12, color: '#333333' };
const COLORS = { received: '#3b6fb6', ended: '#8c8c8c', agreed: '#c0392b', savings: '#b8860b', onTime: '#c0392b', success: '#3b6fb6' };

let echartsModule: Promise<typeof import('echarts')> | undefined;

async function svgOf(option: EChartsOption, height: number): Promise<string> {
  echartsModule ??= import('echarts');
  const echarts = await echartsModule;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: WIDTH, height });
  try {
    chart.setOption({ animation: false, textStyle: TEXT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function trendChart(points: readonly TrendPoint[]): Promise<string> {
  return svgOf(
    {
      legend: { top: 0, textStyle: TEXT },
      grid: { left: 48, right: 16, top: 36, bottom: 36 },
      xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { ...TEXT, fontSize: 10, interval: 0 } },
      yAxis: { type: 'value', name: '件', minInterval: 1, axisLabel: TEXT },
      series: [
        { name: '收案', type: 'bar', data: points.map((p) => p.received), itemStyle: { color: COLORS.received } },
        { name: '调解结束', type: 'bar', data: points.map((p) => p.ended), itemStyle: { color: COLORS.ended } },
        { name: '调解成功', type: 'line', data: points.map((p) => p.agreed), itemStyle: { color: COLORS.agreed }, lineStyle: { width: 2 } },
      ],
    },
    300,
  );
}

export function savingsChart(points: readonly TrendPoint[]): Promise<string> {
  return svgOf(
    {
      legend: { top: 0, textStyle: TEXT },
      grid: { left: 72, right: 16, top: 36, bottom: 36 },
      xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { ...TEXT, fontSize: 10, interval: 0 } },
      yAxis: { type: 'value', name: '元', axisLabel: TEXT },
      series: [
        {
          name: '节约诉讼费（估算）',
          type: 'bar',
          data: points.map((p) => p.savingsYuan),
          itemStyle: { color: COLORS.savings },
        },
      ],
    },
    260,
  );
}

/** Red-list and black-list organizations: on-time and success rates in %. */
export function rankingChart(bars: readonly RankedBar[]): Promise<string> {
  const names = bars.map((b) => `${b.list === 'red' ? '红' : '黑'}·${b.name.length > 14 ? `${b.name.slice(0, 13)}…` : b.name}`).reverse();
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return svgOf(
    {
      legend: { top: 0, textStyle: TEXT },
      grid: { left: 190, right: 24, top: 32, bottom: 24 },
      xAxis: { type: 'value', max: 100, axisLabel: { ...TEXT, formatter: '{value}%' } },
      yAxis: { type: 'category', data: names, axisLabel: { ...TEXT, fontSize: 10 } },
      series: [
        { name: '按期办结率', type: 'bar', data: [...bars].reverse().map((b) => pct(b.onTimeRate)), itemStyle: { color: COLORS.onTime } },
        { name: '调解成功率', type: 'bar', data: [...bars].reverse().map((b) => pct(b.successRate)), itemStyle: { color: COLORS.success } },
      ],
    },
    Math.max(160, 60 + bars.length * 26),
  );
}

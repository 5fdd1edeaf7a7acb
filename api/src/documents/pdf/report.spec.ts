import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import PDFDocument from 'pdfkit';
import { FontSet } from './fonts.js';
import { parseMarkup } from './markup.js';
import { ReportRenderer } from './report.js';
import { drawSvg, parseColor, parseTransform, svgSize } from './svg.js';

let reports: ReportRenderer;
let work: string;

beforeAll(() => {
  reports = ReportRenderer.create(FontSet.load({ fallback: false }));
  work = mkdtempSync(join(tmpdir(), 'sutiao-report-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const figures = {
  received: 23,
  delegated: 0,
  inMediation: 1,
  ended: 20,
  agreed: 11,
  failed: 7,
  withdrawn: 2,
  confirmed: 11,
  confirmationRejected: 0,
  successRate: '55.00%',
  onTimeRate: '100.00%',
  averageDays: '5.55',
  savings: '15,208.00元',
  obligationsDue: 8,
  performanceRate: '75.00%',
  defaultRate: '12.50%',
  amountDue: '40,000.00元',
  amountPaid: '31,000.00元',
  ratingsCount: 66,
  satisfactionRate: '98.48%',
};
const VIEW = {
  courtName: '赤水市人民法院',
  monthLabel: '2026年10月',
  period: { from: '2026-10-01', to: '2026-10-31' },
  issuedOn: '2026-11-23',
  ytdLabel: '2026年1月至10月',
  month: figures,
  ytd: figures,
  trend: [{ label: '2026年10月', received: 23, ended: 20, agreed: 11, savings: '15208.00' }],
  ranking: {
    criteria: '按期办结率从高到低',
    minCases: 5,
    eligible: 2,
    red: [
      {
        rank: 1,
        name: '天台镇人民调解委员会',
        ended: 9,
        onTimeRate: '100.00%',
        successRate: '66.67%',
        averageDays: '4.00',
        satisfactionRate: '100.00%',
        ratingsCount: 3,
      },
    ],
    black: [
      {
        rank: 1,
        name: '旺隆镇人民调解委员会|@危险',
        ended: 6,
        onTimeRate: '50.00%',
        successRate: '16.67%',
        averageDays: '21.00',
        satisfactionRate: '—',
        ratingsCount: 0,
      },
    ],
  },
  basisLabel: '按全额案件受理费计算',
  feeBasis: '诉讼费用交纳办法 第十三条',
  feeRuleVersion: '2007-04-01',
  province: '贵州',
  definitions: ['收案：收案日期在期间内的案件数。'],
};
const CHART = `<svg width="400" height="200" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 200">
<rect width="400" height="200" x="0" y="0" fill="none"></rect>
<defs><clipPath id="c0"><path d="M0 0L400 0L400 200Z" fill="#000"/></clipPath></defs>
<g clip-path="url(#c0)"><path d="M10 190l40 0l0 -90l-40 0Z" fill="#3b6fb6"></path></g>
<path d="M1 0A1 1 0 1 1 1 -0.1" transform="matrix(3,0,0,3,132,152.875)" fill="#fff" stroke="rgb(182,214,52)" stroke-width="0.66"></path>
<text dominant-baseline="central" text-anchor="middle" style="font-size:12px;font-family:sans-serif;" transform="translate(200 20)" fill="#333">收结案趋势 &amp; 月份</text>
</svg>`;

describe('svg subset', () => {
  it('parses transforms and colours', () => {
    expect(parseTransform('translate(10 20)')).toEqual([1, 0, 0, 1, 10, 20]);
    expect(parseTransform('matrix(3,0,0,3,132,152.875)')).toEqual([3, 0, 0, 3, 132, 152.875]);
    expect(parseTransform('translate(10,0) scale(2)')).toEqual([2, 0, 0, 2, 10, 0]);
    expect(parseColor('#fff', null)).toEqual({ color: '#ffffff', opacity: 1 });
    expect(parseColor('rgba(0,0,0,0.5)', null)).toEqual({ color: '#000000', opacity: 0.5 });
    expect(parseColor('none', '#123456')).toBeNull();
    expect(parseColor(undefined, '#123456')).toEqual({ color: '#123456', opacity: 1 });
    expect(svgSize(CHART)).toEqual({ minX: 0, minY: 0, width: 400, height: 200 });
  });

  it('draws paths as vectors and hands text to the document faces, scaled', () => {
    const doc = new PDFDocument({ size: 'A4', margin: 0 } as PDFKit.PDFDocumentOptions);
    const texts: { text: string; x: number; y: number; size: number }[] = [];
    const height = drawSvg(
      doc,
      CHART,
      { x: 100, y: 50, width: 200 },
      {
        text: (text, x, y, style) => texts.push({ text, x, y, size: style.size }),
        widthOf: (text, size) => [...text].length * size,
      },
    );
    expect(height).toBe(100);
    expect(texts).toHaveLength(1);
    const [t] = texts;
    expect(t!.text).toBe('收结案趋势 & 月份');
    expect(t!.size).toBe(6);
    // Centred on x = 100 + 200 × 0.5; the central baseline sits 0.38 em below the middle.
    expect(t!.x).toBeCloseTo(200 - (10 * 6) / 2, 6);
    expect(t!.y).toBeCloseTo(50 + 10 + 0.38 * 6, 6);
    doc.end();
  });
});

describe('monthly bulletin', () => {
  it('is layout markup plus chart lines; user text cannot add directives', () => {
    const markup = reports.markup('monthly_bulletin', VIEW);
    const chartLines = markup
      .split('\n')
      .filter((l) => /^\s*@chart\s/.test(l))
      .map((l) => l.trim());
    expect(chartLines).toEqual(['@chart trend', '@chart savings', '@chart ranking']);
    const blocks = parseMarkup(
      markup
        .split('\n')
        .filter((l) => !/^\s*@chart\s/.test(l))
        .join('\n'),
    );
    expect(blocks[0]).toEqual({ type: 'subtitle', text: '赤水市人民法院' });
    const rows = blocks.filter((b) => b.type === 'table').flatMap((b) => (b.type === 'table' ? b.rows.map((r) => r.cells) : []));
    expect(rows).toContainEqual(['1', '旺隆镇人民调解委员会|@危险', '6', '50.00%', '—', '16.67%', '21.00']);
    expect(rows).toContainEqual(['当事人满意率', '98.48%', '98.48%']);
    expect(rows).toContainEqual(['当事人评价（件）', '66', '66']);
    expect(rows).toContainEqual(['按期履行率', '75.00%', '75.00%']);
    expect(rows).toContainEqual(['应履行金额', '40,000.00元', '40,000.00元']);
  });

  it('renders a PDF with the charts as vectors and the text extractable', () => {
    const pdf = reports.render(
      'monthly_bulletin',
      VIEW,
      { trend: CHART, savings: CHART, ranking: CHART },
      {
        title: '月度通报',
        subject: '诉调对接工作月度通报',
        issuedAt: new Date('2026-11-23T00:00:00Z'),
        documentId: 'test',
        footerNote: '数据来源：测试',
      },
    );
    return pdf.then((buffer) => {
      expect(buffer.subarray(0, 5).toString()).toBe('%PDF-');
      const file = join(work, 'bulletin.pdf');
      writeFileSync(file, buffer);
      const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
      for (const s of ['诉调对接工作月度通报', '收结案趋势&月份', '天台镇人民调解委员会', '数据来源：测试', '第1页'])
        expect(text).toContain(s);
    });
  });

  it('refuses a chart the view does not supply', async () => {
    await expect(
      reports.render(
        'monthly_bulletin',
        VIEW,
        { trend: CHART },
        {
          title: 'x',
          subject: 'x',
          issuedAt: new Date(),
          documentId: 'x',
          footerNote: 'x',
        },
      ),
    ).rejects.toThrow(/no chart "savings"/);
  });
});

import { PassThrough } from 'node:stream';
import { describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { columnName, escapeXml, XlsxStreamWriter } from './xlsx-stream.js';

async function workbook(write: (x: XlsxStreamWriter) => Promise<void>): Promise<ExcelJS.Workbook> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const x = new XlsxStreamWriter(out, { creator: 'test', created: new Date('2026-11-23T00:00:00Z') });
  await write(x);
  out.end();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.concat(chunks) as never);
  return wb;
}

describe('XlsxStreamWriter (read back with exceljs)', () => {
  it('writes sheets, shared and inline strings, numbers, dates and styles', async () => {
    const wb = await workbook(async (x) => {
      const a = await x.addSheet('统计数字', [
        { width: 30, unique: true },
        { width: 12, style: 'money' },
        { width: 12, style: 'date' },
        { width: 10, style: 'percent' },
      ]);
      await a.row(['案号', '金额', '日期', '比率'], 'bold');
      await a.row(['（2026）黔0381民诉前调1号', 1234.5, '2026-03-01', 0.6872]);
      await a.row(['<&"> 人民调解\u0001', null, undefined, '']);
      await a.close();
      const b = await x.addSheet('口径说明', [{ width: 10 }]);
      await b.row(['收案']);
      await b.row(['收案']);
      await b.close();
      await x.finish();
    });
    expect(wb.worksheets.map((s) => s.name)).toEqual(['统计数字', '口径说明']);
    const a = wb.getWorksheet('统计数字')!;
    expect(a.getRow(1).getCell(1).value).toBe('案号');
    expect(a.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(a.getRow(2).getCell(1).value).toBe('（2026）黔0381民诉前调1号');
    expect(a.getRow(2).getCell(2).value).toBe(1234.5);
    expect(a.getRow(2).getCell(2).numFmt).toBe('#,##0.00');
    expect(a.getRow(2).getCell(3).value).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(a.getRow(2).getCell(4).numFmt).toBe('0.00%');
    expect(a.getRow(3).getCell(1).value).toBe('<&"> 人民调解');
    expect(a.getRow(3).cellCount).toBe(1);
    expect(a.getColumn(1).width).toBe(30);
    const b = wb.getWorksheet('口径说明')!;
    expect([b.getRow(1).getCell(1).value, b.getRow(2).getCell(1).value]).toEqual(['收案', '收案']);
  });

  it('streams many rows in constant memory and keeps them in order', async () => {
    const wb = await workbook(async (x) => {
      const s = await x.addSheet('案件明细', [{ width: 10, unique: true }, { width: 10 }]);
      for (let i = 0; i < 20_000; i++) await s.row([`c${i}`, i % 7 === 0 ? '七' : '其他']);
      await s.close();
      await x.finish();
    });
    const s = wb.getWorksheet('案件明细')!;
    expect(s.rowCount).toBe(20_000);
    expect(s.getRow(20_000).getCell(1).value).toBe('c19999');
    expect(s.getRow(15).getCell(2).value).toBe('七');
  });
});

describe('helpers', () => {
  it('names columns like a spreadsheet', () => {
    expect([0, 25, 26, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('escapes XML and drops characters XML cannot carry', () => {
    expect(escapeXml('a<b>&"c"\u0000\u0008\u000b')).toBe('a&lt;b&gt;&amp;&quot;c&quot;');
    expect(escapeXml('第一行\n第二行\t')).toBe('第一行\n第二行\t');
  });
});

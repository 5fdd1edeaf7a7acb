import ExcelJS from 'exceljs';
import {
  IMPORT_COLUMNS,
  IMPORT_EXAMPLE_ROWS,
  IMPORT_HEADER_LABELS,
  MAX_IMPORT_ROWS,
  columnsOf,
  parseCsv,
  toCsv,
  type RawRow,
} from './import-rows.js';

export type ImportFormat = 'xlsx' | 'csv';

/** Why a file cannot be read as a roster at all (the job then fails with one error on `file`). */
export class UnreadableFile extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The format by name and by content: an xlsx is a zip (PK\x03\x04); a CSV is text. */
export function formatOf(fileName: string, content: Buffer): ImportFormat | null {
  const name = fileName.toLowerCase();
  const zip = content.length >= 4 && content.readUInt32BE(0) === 0x504b0304;
  if (name.endsWith('.xlsx')) return zip ? 'xlsx' : null;
  if (name.endsWith('.csv')) return zip ? null : 'csv';
  return null;
}

/** The file's data rows with their spreadsheet row numbers (the header is row 1). */
export async function readRoster(format: ImportFormat, content: Buffer): Promise<RawRow[]> {
  const table = format === 'csv' ? csvTable(content) : await xlsxTable(content);
  const [header, ...body] = table;
  if (!header) throw new UnreadableFile('empty', '文件为空');
  const columns = columnsOf(header.map((h) => (typeof h === 'string' ? h : '')));
  const missing = IMPORT_COLUMNS.filter((c) => !columns.includes(c));
  if (missing.length) throw new UnreadableFile('missing_columns', `缺少列：${missing.map((c) => IMPORT_HEADER_LABELS[c]).join('、')}`);
  const rows: RawRow[] = [];
  body.forEach((cells, i) => {
    const raw: RawRow = { row: i + 2, cells: {} };
    let any = false;
    columns.forEach((col, j) => {
      if (!col) return;
      const v = cells[j];
      if (v === undefined || v === '') return;
      any = true;
      if (typeof v === 'string') raw.cells[col] = v.slice(0, 1000);
      else (raw.bad ??= {})[col] = v.bad;
    });
    if (any) rows.push(raw);
  });
  if (rows.length > MAX_IMPORT_ROWS) throw new UnreadableFile('too_many_rows', `最多 ${MAX_IMPORT_ROWS} 行，文件有 ${rows.length} 行`);
  return rows;
}

type Cell = string | { bad: string };

function csvTable(content: Buffer): Cell[][] {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(content);
  if (text.includes('\uFFFD')) throw new UnreadableFile('encoding', 'CSV 文件须为 UTF-8 编码');
  return parseCsv(text);
}

async function xlsxTable(content: Buffer): Promise<Cell[][]> {
  const book = new ExcelJS.Workbook();
  try {
    await book.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFile('unreadable', '无法读取该 xlsx 文件');
  }
  const sheet = book.worksheets[0];
  if (!sheet) throw new UnreadableFile('empty', '文件没有工作表');
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) throw new UnreadableFile('too_many_rows', `最多 ${MAX_IMPORT_ROWS} 行`);
  const table: Cell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: Cell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    table[n - 1] = cells;
  });
  for (let i = 0; i < table.length; i++) table[i] ??= [];
  return table;
}

/** A cell as text; a formula, an error value or an embedded object is a per-row error, not a value. */
function cellText(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : { bad: 'invalid_type' };
  if (typeof v === 'boolean') return { bad: 'invalid_type' };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? { bad: 'invalid_type' } : v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('formula' in v || 'sharedFormula' in v) return { bad: 'formula' };
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
  }
  return { bad: 'invalid_type' };
}

/** The template: the header labels and two example rows. */
export async function templateFile(format: ImportFormat): Promise<Buffer> {
  const header = IMPORT_COLUMNS.map((c) => IMPORT_HEADER_LABELS[c]);
  const examples = IMPORT_EXAMPLE_ROWS.map((r) => IMPORT_COLUMNS.map((c) => r[c] ?? ''));
  if (format === 'csv') return Buffer.from(toCsv([header, ...examples]), 'utf8');
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(header).font = { bold: true };
  for (const r of examples) sheet.addRow(r);
  // Text cells, so that Excel keeps leading zeros of phones and does not turn dates into serials.
  IMPORT_COLUMNS.forEach((_, i) => {
    const col = sheet.getColumn(i + 1);
    col.numFmt = '@';
    col.width = 18;
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

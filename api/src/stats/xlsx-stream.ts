/**
 * A lean streaming XLSX (SpreadsheetML) writer for large exports: rows become XML text that is
 * deflated straight into a ZIP on the output stream, with backpressure, in constant memory.
 *
 * Why not exceljs' streaming writer: it builds a Row, a Cell and a style model per value; at a
 * year of a busy court (≈ 176,000 cases × 17 columns) that measured 10–16 s on our 2-core machine
 * against a 5 s target, where this writer needs a fraction of that. exceljs stays the reader in
 * the tests (every export is read back with it), so the files are checked against an independent
 * implementation.
 *
 * Scope: shared strings (inline for columns of unique values, such as case numbers), numbers,
 * dates (ISO text in, Excel date out), five cell styles (plain, bold, amount #,##0.00, percentage,
 * yyyy-mm-dd), column widths, a frozen header row; ZIP without ZIP64 (entries < 4 GiB).
 */
import type { Writable } from 'node:stream';
import { createDeflateRaw, crc32, type DeflateRaw } from 'node:zlib';

export type CellValue = string | number | null | undefined;
export type CellStyle = 'plain' | 'bold' | 'money' | 'percent' | 'date';

const STYLE_INDEX: Record<CellStyle, number> = { plain: 0, bold: 1, money: 2, percent: 3, date: 4 };

export interface SheetColumn {
  width: number;
  /** `date` columns take 'YYYY-MM-DD' text and store an Excel date. */
  style?: CellStyle;
  /** Values are (nearly) all different: write them inline instead of into the shared-string table. */
  unique?: boolean;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Days since 1899-12-30, Excel's day 0 (the 1900 leap-year bug only matters before March 1900). */
function excelDate(iso: string): number | null {
  const m = ISO_DATE.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000 + 25_569 : null;
}

function waitFor(stream: NodeJS.EventEmitter, event: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => {
      stream.off(event, onEvent);
      reject(e);
    };
    const onEvent = () => {
      stream.off('error', onError);
      resolve();
    };
    stream.once(event, onEvent);
    stream.once('error', onError);
  });
}

// ---------------------------------------------------------------------------------------------
// ZIP (APPNOTE 6.3: deflate, data descriptors, UTF-8 names)
// ---------------------------------------------------------------------------------------------

interface ZipRecord {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

const MAX_ZIP32 = 0xffffffff;

/** DOS date/time of an instant (local fields of UTC, as most writers do). */
function dosDateTime(d: Date): { time: number; date: number } {
  const time = (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | Math.floor(d.getUTCSeconds() / 2);
  const date = ((Math.max(1980, d.getUTCFullYear()) - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate();
  return { time, date };
}

export class ZipWriter {
  private offset = 0;
  private readonly records: ZipRecord[] = [];
  private readonly stamp: { time: number; date: number };

  constructor(
    private readonly out: Writable,
    modified: Date = new Date(),
  ) {
    this.stamp = dosDateTime(modified);
  }

  private async raw(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf)) await waitFor(this.out, 'drain');
  }

  /** Opens an entry; write its content with `write`, then `close` it before the next entry. */
  async open(name: string): Promise<ZipEntry> {
    const nameBuf = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0808, 6); // bit 3: sizes in the data descriptor; bit 11: UTF-8 name
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(this.stamp.time, 10);
    header.writeUInt16LE(this.stamp.date, 12);
    header.writeUInt16LE(nameBuf.length, 26);
    const offset = this.offset;
    await this.raw(Buffer.concat([header, nameBuf]));
    return new ZipEntry(this.out, level1(), (crc, compressed, size) => {
      if (compressed > MAX_ZIP32 || size > MAX_ZIP32) throw new RangeError(`${name}: entries over 4 GiB need ZIP64`);
      this.offset += compressed;
      this.records.push({ name: nameBuf, offset, crc, compressed, size });
      const descriptor = Buffer.alloc(16);
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(crc, 4);
      descriptor.writeUInt32LE(compressed, 8);
      descriptor.writeUInt32LE(size, 12);
      return this.raw(descriptor);
    });
  }

  /** Writes the central directory; the output stream is left open for the caller to end. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const r of this.records) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4); // version made by
      h.writeUInt16LE(20, 6); // version needed
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(this.stamp.time, 12);
      h.writeUInt16LE(this.stamp.date, 14);
      h.writeUInt32LE(r.crc, 16);
      h.writeUInt32LE(r.compressed, 20);
      h.writeUInt32LE(r.size, 24);
      h.writeUInt16LE(r.name.length, 28);
      h.writeUInt32LE(r.offset, 42);
      await this.raw(Buffer.concat([h, r.name]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.raw(end);
  }
}

const level1 = (): DeflateRaw => createDeflateRaw({ level: 1 });

export class ZipEntry {
  private crc = 0;
  private size = 0;
  private compressed = 0;
  private readonly ended: Promise<void>;

  constructor(
    out: Writable,
    private readonly deflate: DeflateRaw,
    private readonly onClose: (crc: number, compressed: number, size: number) => Promise<void>,
  ) {
    deflate.on('data', (chunk: Buffer) => {
      this.compressed += chunk.length;
      if (!out.write(chunk)) {
        deflate.pause();
        out.once('drain', () => deflate.resume());
      }
    });
    this.ended = waitFor(deflate, 'end');
  }

  async write(text: string): Promise<void> {
    const buf = Buffer.from(text, 'utf8');
    this.crc = crc32(buf, this.crc);
    this.size += buf.length;
    if (!this.deflate.write(buf)) await waitFor(this.deflate, 'drain');
  }

  async close(): Promise<void> {
    this.deflate.end();
    await this.ended;
    await this.onClose(this.crc >>> 0, this.compressed, this.size);
  }
}

// ---------------------------------------------------------------------------------------------
// SpreadsheetML
// ---------------------------------------------------------------------------------------------

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(s: string): string {
  return s.replace(INVALID_XML, '').replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let n = index + 1;
  let name = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    name = String.fromCharCode(65 + r) + name;
    n = Math.floor((n - 1) / 26);
  }
  return name;
}

const STYLES_XML =
  `${XML_HEAD}<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';

/** The workbook's shared-string table: each distinct text once, cells refer to it by index. */
class SharedStrings {
  readonly index = new Map<string, number>();
  count = 0;

  ref(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) this.index.set(text, (i = this.index.size));
    return i;
  }
}

export class SheetWriter {
  private rowNumber = 0;
  private buffer = '';
  private readonly refs: string[];
  private readonly styles: number[];
  private readonly dates: boolean[];
  private readonly inline: boolean[];

  constructor(
    private readonly entry: ZipEntry,
    columns: readonly SheetColumn[],
    private readonly strings: SharedStrings,
  ) {
    this.refs = columns.map((_, i) => columnName(i));
    this.styles = columns.map((c) => STYLE_INDEX[c.style ?? 'plain']);
    this.dates = columns.map((c) => c.style === 'date');
    this.inline = columns.map((c) => c.unique === true);
  }

  /** Adds a row; `style` overrides the columns' styles (a bold header or totals row, written as is). */
  async row(values: readonly CellValue[], style?: CellStyle): Promise<void> {
    const r = ++this.rowNumber;
    let xml = `<row r="${r}">`;
    for (let i = 0; i < values.length; i++) {
      let v = values[i];
      if (v === null || v === undefined || v === '') continue;
      const ref = `${this.refs[i] ?? columnName(i)}${r}`;
      if (!style && this.dates[i] && typeof v === 'string') v = excelDate(v) ?? v;
      const s = style ? STYLE_INDEX[style] : (this.styles[i] ?? 0);
      if (typeof v === 'number') {
        if (Number.isFinite(v)) xml += s ? `<c r="${ref}" s="${s}"><v>${v}</v></c>` : `<c r="${ref}"><v>${v}</v></c>`;
      } else {
        const sAttr = style ? ` s="${s}"` : '';
        xml += this.inline[i]
          ? `<c r="${ref}"${sAttr} t="inlineStr"><is><t xml:space="preserve">${escapeXml(v)}</t></is></c>`
          : `<c r="${ref}"${sAttr} t="s"><v>${this.strings.ref(v)}</v></c>`;
      }
    }
    this.buffer += `${xml}</row>`;
    if (this.buffer.length > 1 << 16) await this.flush();
  }

  private async flush(): Promise<void> {
    const text = this.buffer;
    this.buffer = '';
    if (text) await this.entry.write(text);
  }

  async close(): Promise<void> {
    this.buffer += '</sheetData></worksheet>';
    await this.flush();
    await this.entry.close();
  }
}

/**
 * A workbook written sheet by sheet: `addSheet` opens one (the previous must be closed), rows go
 * out as they are added, `finish` writes the workbook parts and the ZIP directory.
 */
export class XlsxStreamWriter {
  private readonly zip: ZipWriter;
  private readonly sheets: string[] = [];
  private readonly strings = new SharedStrings();

  constructor(
    out: Writable,
    private readonly meta: { creator: string; created: Date },
  ) {
    this.zip = new ZipWriter(out, meta.created);
  }

  async addSheet(name: string, columns: readonly SheetColumn[], opts: { freezeHeader?: boolean } = {}): Promise<SheetWriter> {
    this.sheets.push(name);
    const entry = await this.zip.open(`xl/worksheets/sheet${this.sheets.length}.xml`);
    const pane = opts.freezeHeader
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      : '';
    const cols = columns.map((c, i) => `<col min="${i + 1}" max="${i + 1}" width="${c.width}" customWidth="1"/>`).join('');
    await entry.write(
      `${XML_HEAD}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">${pane}` +
        `${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`,
    );
    return new SheetWriter(entry, columns, this.strings);
  }

  async finish(): Promise<void> {
    const part = async (name: string, xml: string) => {
      const e = await this.zip.open(name);
      await e.write(xml);
      await e.close();
    };
    const sheetsXml = this.sheets.map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
    await part(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
        `xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${sheetsXml}</sheets></workbook>`,
    );
    const rels = this.sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join('');
    await part(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}` +
        `<Relationship Id="rId${this.sheets.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId${this.sheets.length + 2}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    );
    await part('xl/styles.xml', STYLES_XML);
    const sst = await this.zip.open('xl/sharedStrings.xml');
    let chunk = `${XML_HEAD}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.strings.count}" uniqueCount="${this.strings.index.size}">`;
    for (const text of this.strings.index.keys()) {
      chunk += `<si><t xml:space="preserve">${escapeXml(text)}</t></si>`;
      if (chunk.length > 1 << 16) {
        await sst.write(chunk);
        chunk = '';
      }
    }
    await sst.write(`${chunk}</sst>`);
    await sst.close();
    await part(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `<dc:creator>${escapeXml(this.meta.creator)}</dc:creator>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${this.meta.created.toISOString().replace(/\.\d{3}Z$/, 'Z')}</dcterms:created></cp:coreProperties>`,
    );
    await part(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>' +
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    );
    const overrides = this.sheets
      .map(
        (_, i) =>
          `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('');
    await part(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
        `${overrides}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>',
    );
    await this.zip.finish();
  }
}

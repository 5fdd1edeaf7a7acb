import type { Line } from './linebreak.js';
import type { SignatureEntry, TableColumn, TableRow } from './markup.js';
import { COLORS, CONTENT_BOTTOM, CONTENT_WIDTH, PAGE, TYPE, baseline } from './page-style.js';
import type { Painter, TextStyle } from './painter.js';

/** What the boxes use of the layout engine (LayoutEngine in layout.ts, which passes itself). */
export interface BoxLayout {
  /** Top of the free space on the current page. */
  y: number;
  readonly painter: Painter | null;
  readonly atPageTop: boolean;
  newPage(): void;
  ensure(height: number): void;
  lines(text: string, size: number, bold: boolean, firstWidth: number, width: number): Line[];
  widthOf(text: string, size: number, bold?: boolean): number;
  drawLine(line: Line, x: number, top: number, leading: number, style: TextStyle, maxWidth: number, justify: boolean): void;
  flow(
    lines: Line[],
    x: number,
    firstX: number,
    leading: number,
    style: TextStyle,
    width: number,
    firstWidth: number,
    align: 'justify' | 'left' | 'center' | 'right',
  ): void;
}

const PAD_X = 6;
const PAD_Y = 4.5;
const BORDER = 0.7;
const BODY_HEIGHT = CONTENT_BOTTOM - PAGE.top;

interface Cell {
  x: number;
  width: number;
  lines: Line[];
  bold: boolean;
  fill: string | null;
  center: boolean;
}

function rowCells(engine: BoxLayout, columns: TableColumn[], widths: number[], row: TableRow): Cell[] {
  let x = PAGE.left;
  return row.cells.map((text, i) => {
    const span = i === row.cells.length - 1 ? columns.length - i : 1;
    const width = widths.slice(i, i + span).reduce((a, b) => a + b, 0);
    const label = row.header || columns[i].style === 'label';
    const inner = width - 2 * PAD_X;
    const cell = {
      x,
      width,
      lines: engine.lines(text, TYPE.cell, label, inner, inner),
      bold: label,
      fill: label ? COLORS.labelFill : null,
      center: label || columns[i].style === 'center',
    };
    x += width;
    return cell;
  });
}

/** A bordered grid; a row with fewer cells than columns lets its last cell span the rest. */
export function layoutTable(engine: BoxLayout, columns: TableColumn[], rows: TableRow[]): void {
  const total = columns.reduce((a, c) => a + c.weight, 0);
  const widths = columns.map((c) => (c.weight / total) * CONTENT_WIDTH);
  const leading = TYPE.cellLeading;
  for (const row of rows) {
    if (row.cells.length === 0) continue;
    const cells = rowCells(engine, columns, widths, row);
    const count = Math.max(...cells.map((c) => c.lines.length));
    let start = 0;
    while (start < count) {
      const fit = Math.floor((CONTENT_BOTTOM - engine.y - 2 * PAD_Y) / leading);
      const wholeFitsOnNewPage = start === 0 && count * leading + 2 * PAD_Y <= BODY_HEIGHT;
      if ((fit < count - start && wholeFitsOnNewPage && !engine.atPageTop) || fit < 1) {
        engine.newPage();
        continue;
      }
      const n = Math.min(fit, count - start);
      const height = n * leading + 2 * PAD_Y;
      drawSlice(engine, cells, start, n, count, height);
      engine.y += height;
      start += n;
    }
  }
}

function drawSlice(engine: BoxLayout, cells: Cell[], start: number, n: number, count: number, height: number): void {
  const painter = engine.painter;
  if (!painter) return;
  const whole = start === 0 && n === count;
  for (const cell of cells) {
    painter.rect(cell.x, engine.y, cell.width, height, cell.fill, BORDER);
    const shown = cell.lines.slice(start, start + n);
    // A short cell in a whole row is centred vertically, like a ruled form.
    const offset = whole ? ((count - cell.lines.length) * TYPE.cellLeading) / 2 : 0;
    shown.forEach((line, i) => {
      const inner = cell.width - 2 * PAD_X;
      const x = cell.center && cell.lines.length === 1 ? cell.x + PAD_X + (inner - line.width) / 2 : cell.x + PAD_X;
      const top = engine.y + PAD_Y + offset + i * TYPE.cellLeading;
      engine.drawLine(line, x, top, TYPE.cellLeading, { size: TYPE.cell, bold: cell.bold }, inner, !cell.center);
    });
  }
}

const SIG_GAP = 28;
const SIG_CAPTION = 12;
const SIG_CAPTION_LEADING = 19;
const SIG_MIN_LINE = 80;

interface Signature {
  caption: Line[];
  label: Line;
  inline: boolean;
  height: number;
}

function signature(engine: BoxLayout, entry: SignatureEntry, width: number): Signature {
  const caption = entry.caption === '' ? [] : engine.lines(entry.caption, SIG_CAPTION, false, width, width);
  const label = engine.lines(`${entry.label}：`, TYPE.signature, false, width, width)[0];
  const inline = width - label.width >= SIG_MIN_LINE;
  const height = caption.length * SIG_CAPTION_LEADING + TYPE.signatureLeading * (inline ? 1 : 2);
  return { caption, label, inline, height };
}

function drawSignature(engine: BoxLayout, sig: Signature, x: number, width: number): void {
  let top = engine.y;
  for (const line of sig.caption) {
    engine.drawLine(line, x, top, SIG_CAPTION_LEADING, { size: SIG_CAPTION }, width, false);
    top += SIG_CAPTION_LEADING;
  }
  engine.drawLine(sig.label, x, top, TYPE.signatureLeading, { size: TYPE.signature }, width, false);
  const lineY = (y: number) => baseline(y, TYPE.signatureLeading, TYPE.signature) + 4;
  if (sig.inline) engine.painter?.line(x + sig.label.width + 2, lineY(top), x + width, lineY(top), 0.6);
  else engine.painter?.line(x + TYPE.signature * 2, lineY(top + TYPE.signatureLeading), x + width, lineY(top + TYPE.signatureLeading), 0.6);
}

/** Signature places, two per row: the signer's caption over "签名：________". */
export function layoutSignatures(engine: BoxLayout, entries: SignatureEntry[]): void {
  const width = (CONTENT_WIDTH - SIG_GAP) / 2;
  engine.y += 6;
  for (let i = 0; i < entries.length; i += 2) {
    const pair = entries.slice(i, i + 2).map((e) => signature(engine, e, width));
    const height = Math.max(...pair.map((s) => s.height)) + 8;
    if (height <= BODY_HEIGHT) {
      engine.ensure(height);
      pair.forEach((sig, j) => drawSignature(engine, sig, PAGE.left + j * (width + SIG_GAP), width));
      engine.y += height;
      continue;
    }
    // A caption too long for one page (an absurd name) flows in full width instead.
    for (const entry of entries.slice(i, i + 2)) {
      const lines = engine.lines(entry.caption, SIG_CAPTION, false, CONTENT_WIDTH, CONTENT_WIDTH);
      engine.flow(lines, PAGE.left, PAGE.left, SIG_CAPTION_LEADING, { size: SIG_CAPTION }, CONTENT_WIDTH, CONTENT_WIDTH, 'left');
      engine.ensure(TYPE.signatureLeading);
      drawSignature(engine, { ...signature(engine, { caption: '', label: entry.label }, width) }, PAGE.left, width);
      engine.y += TYPE.signatureLeading;
    }
  }
}

/** The seal place: organisation name over the date, right-aligned, inside a dashed circle. */
export function layoutSeal(engine: BoxLayout, organization: string, date: string, hintText: string): void {
  const size = TYPE.body;
  const leading = TYPE.bodyLeading;
  const boxWidth = CONTENT_WIDTH * 0.55;
  const org = organization === '' ? [] : engine.lines(organization, size, false, boxWidth, boxWidth);
  const dateLines = engine.lines(date, size, false, boxWidth, boxWidth);
  const widest = Math.max(...org.map((l) => l.width), ...dateLines.map((l) => l.width));
  const right = PAGE.left + CONTENT_WIDTH - size * 2;
  const centre = right - widest / 2;
  const radius = 42;
  const textHeight = (org.length + dateLines.length) * leading;
  // Room above and below so the circle never runs into neighbouring lines.
  const pad = Math.max(0, radius - textHeight / 2) + 6;
  const height = textHeight + 2 * pad + 12;
  if (height > BODY_HEIGHT) {
    engine.flow([...org, ...dateLines], PAGE.left, PAGE.left, leading, { size }, CONTENT_WIDTH, CONTENT_WIDTH, 'right');
    return;
  }
  engine.ensure(height);
  engine.y += 12 + pad;
  const middle = engine.y + textHeight / 2;
  engine.painter?.circle(centre, middle, radius, 0.8, 2.5);
  const hint = `（${hintText}）`;
  const hintSize = 6.5;
  engine.painter?.text(hint, centre - engine.widthOf(hint, hintSize) / 2, middle - radius + 13, { size: hintSize, color: COLORS.muted });
  for (const line of [...org, ...dateLines]) {
    engine.drawLine(line, centre - line.width / 2, engine.y, leading, { size }, boxWidth, false);
    engine.y += leading;
  }
  engine.y += pad;
}

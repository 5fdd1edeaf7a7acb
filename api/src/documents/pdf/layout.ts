import type { FontSet } from './fonts.js';
import { breakLines, type Line } from './linebreak.js';
import type { Block } from './markup.js';
import { CONTENT_BOTTOM, CONTENT_WIDTH, PAGE, TYPE, baseline } from './page-style.js';
import type { Painter, TextStyle } from './painter.js';
import { layoutSeal, layoutSignatures, layoutTable } from './layout-boxes.js';

/** Justification never stretches a line by more than this many em per glyph. */
const MAX_SPACING_EM = 0.5;

/**
 * Flows blocks onto A4 pages. With a painter it draws; without one (dry run) it only paginates,
 * which the dossier uses to number its contents before drawing anything.
 */
export class LayoutEngine {
  /** Top of the free space on the current page. */
  y: number = PAGE.top;
  /** 0-based index of the current page. */
  page = 0;
  /** The line at the foot of every page of the current document (@pagesign), if any. */
  pageSign: string | null = null;

  constructor(
    readonly fonts: FontSet,
    readonly painter: Painter | null,
  ) {}

  get atPageTop(): boolean {
    return this.y <= PAGE.top;
  }

  newPage(): void {
    this.painter?.addPage();
    this.page += 1;
    this.y = PAGE.top;
    this.drawPageSign();
  }

  /** The document's page-signature line, under the body and above the page number. */
  private drawPageSign(): void {
    if (this.pageSign) this.painter?.text(this.pageSign, PAGE.left, CONTENT_BOTTOM + 10, { size: TYPE.pageSign });
  }

  /** Starts a new page unless `height` fits below the cursor (or the page is still empty). */
  ensure(height: number): void {
    if (this.y + height > CONTENT_BOTTOM + 0.01 && !this.atPageTop) this.newPage();
  }

  /** Breaks text for a given size and weight into lines. */
  lines(text: string, size: number, bold: boolean, firstWidth: number, width: number): Line[] {
    return breakLines(text, firstWidth, width, (cp) => this.fonts.advance(cp, bold) * size);
  }

  widthOf(text: string, size: number, bold = false): number {
    let width = 0;
    for (const ch of text) width += this.fonts.advance(ch.codePointAt(0) ?? 0, bold) * size;
    return width;
  }

  /** Draws one already-broken line; justified lines get extra spacing per glyph. */
  drawLine(line: Line, x: number, top: number, leading: number, style: TextStyle, maxWidth: number, justify: boolean): void {
    if (!this.painter || line.text === '') return;
    let spacing = 0;
    if (justify && !line.last && line.glyphs > 1) {
      const extra = (maxWidth - line.width) / (line.glyphs - 1);
      if (extra > 0 && extra <= MAX_SPACING_EM * style.size) spacing = extra;
    }
    this.painter.text(line.text, x, baseline(top, leading, style.size), { ...style, spacing });
  }

  /** Flowing text: each line goes to the next page when it does not fit. */
  flow(
    lines: Line[],
    x: number,
    firstX: number,
    leading: number,
    style: TextStyle,
    width: number,
    firstWidth: number,
    align: 'justify' | 'left' | 'center' | 'right',
  ): void {
    lines.forEach((line, i) => {
      this.ensure(leading);
      const lineWidth = i === 0 ? firstWidth : width;
      const left = i === 0 ? firstX : x;
      let lx = left;
      if (align === 'center') lx = left + (lineWidth - line.width) / 2;
      if (align === 'right') lx = left + lineWidth - line.width;
      this.drawLine(line, lx, this.y, leading, style, lineWidth, align === 'justify');
      this.y += leading;
    });
  }

  paragraph(
    text: string,
    indentEm: number,
    style: TextStyle,
    leading: number,
    align: 'justify' | 'left' | 'center' | 'right' = 'justify',
  ): void {
    const indent = indentEm * style.size;
    const lines = this.lines(text, style.size, style.bold === true, CONTENT_WIDTH - indent, CONTENT_WIDTH);
    this.flow(lines, PAGE.left, PAGE.left + indent, leading, style, CONTENT_WIDTH, CONTENT_WIDTH - indent, align);
  }

  block(block: Block): void {
    const body: TextStyle = { size: TYPE.body };
    switch (block.type) {
      case 'title':
        if (!this.atPageTop) this.y += 8;
        this.ensure(TYPE.title * 2.2);
        this.paragraph(block.text, 0, { size: TYPE.title, bold: true }, TYPE.title * 1.6, 'center');
        this.y += 10;
        return;
      case 'subtitle':
        this.ensure(TYPE.subtitle * 1.8);
        this.paragraph(block.text, 0, { size: TYPE.subtitle, bold: true }, TYPE.subtitle * 1.7, 'center');
        return;
      case 'number':
        this.paragraph(block.text, 0, { size: TYPE.number }, TYPE.number * 1.9, 'right');
        this.y += 4;
        return;
      case 'heading':
        this.y += 4;
        this.ensure(TYPE.bodyLeading * 2 + 4);
        this.paragraph(block.text, 0, { size: TYPE.heading, bold: true }, TYPE.bodyLeading, 'left');
        return;
      case 'paragraph':
        if (block.indent) {
          for (const part of block.text.split('\n')) this.paragraph(part, 2, body, TYPE.bodyLeading);
        } else {
          this.paragraph(block.text, 0, body, TYPE.bodyLeading);
        }
        return;
      case 'item':
        for (const [i, part] of block.text.split('\n').entries()) {
          this.paragraph(i === 0 ? `${block.marker}${part}` : part, 2, body, TYPE.bodyLeading);
        }
        return;
      case 'small':
        this.paragraph(block.text, 0, { size: TYPE.small, color: '#333333' }, TYPE.smallLeading, 'justify');
        return;
      case 'field':
        this.field(block.label, block.text);
        return;
      case 'right':
        this.rightAligned(block.text);
        return;
      case 'officer':
        this.officer(block.label, block.name);
        return;
      case 'table':
        layoutTable(this, block.columns, block.rows);
        return;
      case 'signatures':
        layoutSignatures(this, block.entries);
        return;
      case 'keep':
        this.keep(block.blocks);
        return;
      case 'seal':
        layoutSeal(this, block.organization, block.date, block.hint);
        return;
      case 'space':
        this.y = Math.min(this.y + block.lines * TYPE.bodyLeading * 0.5, CONTENT_BOTTOM);
        return;
      case 'rule':
        this.ensure(10);
        this.painter?.line(PAGE.left, this.y + 5, PAGE.left + CONTENT_WIDTH, this.y + 5, 0.6);
        this.y += 10;
        return;
      case 'page':
        if (!this.atPageTop) this.newPage();
        return;
      case 'pagesign':
        this.pageSign = block.text;
        this.drawPageSign();
        return;
    }
  }

  /** "标签：值" with the value's continuation lines aligned under the value (label ≤ 7 em). */
  private field(label: string, text: string): void {
    const size = TYPE.body;
    const head = `${label}：`;
    const labelWidth = this.widthOf(head, size, true);
    const hang = labelWidth <= size * 7 ? labelWidth : 0;
    const lines = this.lines(text, size, false, CONTENT_WIDTH - labelWidth, CONTENT_WIDTH - hang);
    this.ensure(TYPE.bodyLeading);
    this.painter?.text(head, PAGE.left, baseline(this.y, TYPE.bodyLeading, size), { size, bold: true });
    this.flow(
      lines,
      PAGE.left + hang,
      PAGE.left + labelWidth,
      TYPE.bodyLeading,
      { size },
      CONTENT_WIDTH - hang,
      CONTENT_WIDTH - labelWidth,
      'justify',
    );
  }

  /** Right-aligned with a 2 em gap to the margin, as dates and signatures stand on court paper. */
  private rightAligned(text: string): void {
    const size = TYPE.body;
    const width = CONTENT_WIDTH - size * 2;
    this.flow(this.lines(text, size, false, width, width), PAGE.left, PAGE.left, TYPE.bodyLeading, { size }, width, width, 'right');
  }

  /** 审判员 / 书记员 lines: the label spread over 4 em, a gap, the name; right-aligned like dates. */
  private officer(label: string, name: string): void {
    const size = TYPE.body;
    const leading = TYPE.bodyLeading * 1.3;
    const right = PAGE.left + CONTENT_WIDTH - size * 2;
    const labelWidth = this.widthOf(label, size);
    const glyphs = [...label].length;
    const spacing = glyphs > 1 && labelWidth < size * 4 ? (size * 4 - labelWidth) / (glyphs - 1) : 0;
    const labelSpan = Math.max(size * 4, labelWidth) + size * 1.5;
    const nameWidth = this.widthOf(name, size);
    const maxName = CONTENT_WIDTH * 0.4;
    if (nameWidth > maxName) {
      // An overlong name wraps under its label instead of pushing it off the page.
      this.ensure(leading);
      this.painter?.text(label, right - labelSpan - maxName, baseline(this.y, leading, size), { size, spacing });
      const lines = this.lines(name, size, false, maxName, maxName);
      this.flow(lines, right - maxName, right - maxName, leading, { size }, maxName, maxName, 'left');
      return;
    }
    const x = right - labelSpan - Math.max(nameWidth, size * 4);
    this.ensure(leading);
    this.painter?.text(label, x, baseline(this.y, leading, size), { size, spacing });
    this.painter?.text(name, x + labelSpan, baseline(this.y, leading, size), { size });
    this.y += leading;
  }

  /** Lays out a group on one page when it fits on a page at all. */
  private keep(blocks: Block[]): void {
    const probe = new LayoutEngine(this.fonts, null);
    probe.run(blocks);
    if (probe.page === 0) this.ensure(probe.y - PAGE.top);
    this.run(blocks);
  }

  run(blocks: Block[]): void {
    for (const block of blocks) this.block(block);
  }
}

import type PDFDocument from 'pdfkit';
import type { FontSet } from './fonts.js';

/**
 * What the layout engine draws with. `PdfPainter` draws into a pdfkit document; `null` in the
 * engine means a dry run (pagination only), which needs nothing but font metrics.
 */
export interface Painter {
  /** Draws one line of text with its baseline at `y`; `spacing` is extra space after each glyph. */
  text(text: string, x: number, y: number, opts: TextStyle): void;
  line(x1: number, y1: number, x2: number, y2: number, width: number, dash?: number): void;
  rect(x: number, y: number, w: number, h: number, fill: string | null, stroke: number | null): void;
  circle(cx: number, cy: number, r: number, width: number, dash: number): void;
  /** Fills the unit squares of a QR matrix. */
  modules(x: number, y: number, moduleSize: number, rows: ReadonlyArray<ReadonlyArray<[number, number]>>): void;
  addPage(): void;
}

export interface TextStyle {
  size: number;
  bold?: boolean;
  spacing?: number;
  color?: string;
}

type Doc = InstanceType<typeof PDFDocument>;

export class PdfPainter implements Painter {
  private face = '';
  private size = 0;
  private color = '';
  /** Faces are registered with the document on first use, so unused fallbacks stay unread. */
  private readonly registered = new Set<string>();

  constructor(
    private readonly doc: Doc,
    private readonly fonts: FontSet,
  ) {}

  text(text: string, x: number, y: number, opts: TextStyle): void {
    const spacing = opts.spacing ?? 0;
    this.fill(opts.color ?? '#000000');
    let cx = x;
    for (const run of this.fonts.runs(text, opts.bold === true)) {
      if (this.face !== run.face.name || this.size !== opts.size) {
        if (!this.registered.has(run.face.name)) {
          this.doc.registerFont(run.face.name, run.face.font as unknown as PDFKit.Mixins.PDFFontSource);
          this.registered.add(run.face.name);
        }
        this.doc.font(run.face.name).fontSize(opts.size);
        this.face = run.face.name;
        this.size = opts.size;
      }
      const width = run.width * opts.size;
      this.doc.text(run.text, cx, y, {
        lineBreak: false,
        baseline: 'alphabetic',
        characterSpacing: spacing,
        textWidth: width,
        wordCount: 1,
      } as PDFKit.Mixins.TextOptions);
      cx += width + spacing * run.glyphs;
    }
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, dash?: number): void {
    const doc = this.doc;
    doc.save().lineWidth(width).strokeColor('#000000');
    if (dash) doc.dash(dash, { space: dash });
    doc.moveTo(x1, y1).lineTo(x2, y2).stroke();
    doc.restore();
  }

  rect(x: number, y: number, w: number, h: number, fill: string | null, stroke: number | null): void {
    const doc = this.doc;
    doc.save();
    doc.rect(x, y, w, h);
    if (fill && stroke) doc.lineWidth(stroke).fillAndStroke(fill, '#000000');
    else if (fill) doc.fill(fill);
    else if (stroke) doc.lineWidth(stroke).stroke('#000000');
    doc.restore();
  }

  circle(cx: number, cy: number, r: number, width: number, dash: number): void {
    this.doc.save().lineWidth(width).dash(dash, { space: dash }).circle(cx, cy, r).stroke('#9a9a9a').restore();
  }

  modules(x: number, y: number, size: number, rows: ReadonlyArray<ReadonlyArray<[number, number]>>): void {
    const doc = this.doc;
    doc.save();
    rows.forEach((runs, r) => {
      for (const [start, length] of runs) doc.rect(x + start * size, y + r * size, length * size, size);
    });
    doc.fill('#000000').restore();
  }

  addPage(): void {
    this.doc.addPage();
    this.resetState();
  }

  /** Call after switching pages: a page's content starts with the default (black) fill. */
  resetState(): void {
    this.face = '';
    this.size = 0;
    this.color = '';
  }

  private fill(color: string): void {
    if (color !== this.color) {
      this.doc.fillColor(color);
      this.color = color;
    }
  }
}

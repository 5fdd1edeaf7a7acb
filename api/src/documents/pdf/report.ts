/**
 * Reports (statistics documents such as the 月度通报): a Handlebars template → layout markup →
 * pdfkit, like the case documents, plus charts. A line `@chart name` in the template's output
 * places the SVG drawing `name` at the cursor, full content width (see svg.ts); charts do not
 * nest inside @keep. Reports are not verifiable court documents: their footer carries the page
 * number and a note instead of the verification QR code.
 *
 * Templates are compiled when the renderer is created (a missing one fails the boot) and share
 * the case documents' helpers and escaping (templates.ts, helpers.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { FontSet } from './fonts.js';
import { registerHelpers } from './helpers.js';
import { parseMarkup } from './markup.js';
import { COLORS, CONTENT_BOTTOM, CONTENT_WIDTH, PAGE } from './page-style.js';
import { openDocument, type OpenDocument } from './pdf-document.js';
import { drawSvg, svgSize } from './svg.js';
import { defaultTemplatesDir, escapeView } from './templates.js';

export const REPORT_TEMPLATES = ['monthly_bulletin'] as const;
export type ReportName = (typeof REPORT_TEMPLATES)[number];

export interface ReportMeta {
  title: string;
  subject: string;
  issuedAt: Date;
  documentId: string;
  /** Printed at the foot of every page, e.g. where the figures come from. */
  footerNote: string;
}

/** SVG drawings by the names the template's `@chart` lines use. */
export type ReportCharts = Readonly<Record<string, string>>;

const CHART_LINE = /^\s*@chart\s+(\S+)\s*$/;
const CHART_GAP = 8;

export class ReportRenderer {
  private constructor(
    private readonly fonts: FontSet,
    private readonly templates: Map<ReportName, Handlebars.TemplateDelegate>,
  ) {}

  static create(fonts: FontSet, templatesDir: string = defaultTemplatesDir()): ReportRenderer {
    const hb = Handlebars.create();
    registerHelpers(hb);
    const templates = new Map<ReportName, Handlebars.TemplateDelegate>();
    for (const name of REPORT_TEMPLATES) {
      const path = join(templatesDir, `${name}.hbs`);
      if (!existsSync(path)) throw new Error(`report template missing: ${path}`);
      const source = readFileSync(path, 'utf8');
      try {
        hb.parse(source);
      } catch (error) {
        throw new Error(`${path}: ${(error as Error).message}`);
      }
      templates.set(name, hb.compile(source, { noEscape: true, strict: true }));
    }
    return new ReportRenderer(fonts, templates);
  }

  /** The layout markup of a report (for tests and debugging). */
  markup(name: ReportName, view: object): string {
    return this.templates.get(name)!(escapeView(view));
  }

  async render(name: ReportName, view: object, charts: ReportCharts, meta: ReportMeta): Promise<Buffer> {
    const open = openDocument(this.fonts, { ...meta, verifyUrl: '', shortHash: '' }, meta.subject);
    let segment: string[] = [];
    const flush = () => {
      if (segment.length) open.engine.run(parseMarkup(segment.join('\n')));
      segment = [];
    };
    for (const line of this.markup(name, view).split('\n')) {
      const chart = CHART_LINE.exec(line);
      if (!chart) {
        segment.push(line);
        continue;
      }
      flush();
      const svg = charts[chart[1]!];
      if (svg === undefined) throw new Error(`report ${name}: no chart "${chart[1]}"`);
      this.chart(open, svg);
    }
    flush();
    return this.finish(open, meta);
  }

  private chart(open: OpenDocument, svg: string): void {
    const { engine, doc, painter } = open;
    const size = svgSize(svg);
    const height = size.width > 0 ? (size.height * CONTENT_WIDTH) / size.width : 0;
    engine.ensure(height + CHART_GAP);
    const fonts = this.fonts;
    drawSvg(
      doc,
      svg,
      { x: PAGE.left, y: engine.y + CHART_GAP / 2, width: CONTENT_WIDTH },
      {
        text: (text, x, y, style) => painter.text(text, x, y, style),
        widthOf: (text, size, bold) => {
          let width = 0;
          for (const ch of text) width += fonts.advance(ch.codePointAt(0) ?? 0, bold) * size;
          return width;
        },
      },
    );
    // Paths set colours inside save/restore; make the painter set its own again.
    painter.resetState();
    engine.y = Math.min(engine.y + height + CHART_GAP, CONTENT_BOTTOM);
  }

  private finish(open: OpenDocument, meta: ReportMeta): Promise<Buffer> {
    const { doc, painter, engine } = open;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      painter.resetState();
      const label = `第 ${i + 1} 页  共 ${range.count} 页`;
      painter.text(label, (PAGE.width - engine.widthOf(label, 10.5)) / 2, PAGE.height - 60, { size: 10.5 });
      const lines = engine.lines(meta.footerNote, 8, false, CONTENT_WIDTH, CONTENT_WIDTH).slice(0, 2);
      lines.forEach((line, j) => {
        painter.text(line.text, (PAGE.width - line.width) / 2, PAGE.height - 40 + j * 11, { size: 8, color: COLORS.muted });
      });
    }
    doc.end();
    return open.done;
  }
}

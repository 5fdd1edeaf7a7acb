import { renderDossier } from './dossier.js';
import { FontSet } from './fonts.js';
import { DOCUMENT_TITLES } from './labels.js';
import { parseMarkup, type Block } from './markup.js';
import { finishDocument, openDocument } from './pdf-document.js';
import type { DocumentKind } from '../../rules/document-kinds.js';
import { TemplateSet, escapeView, type TemplateName } from './templates.js';
import type { DossierView, RenderMeta, ViewModels } from './view-models.js';

export interface PdfRendererOptions {
  /** Defaults to `templates/` at the repository root. */
  templatesDir?: string;
  /** `false` ignores the system fallback font (fonts-noto-cjk); for tests. */
  fallbackFont?: boolean;
  /** `false` gives pdfkit the plain fontkit fonts (see fast-font.ts); for tests. */
  fastFonts?: boolean;
}

/**
 * Renders the case documents to PDF: view model → Handlebars template → layout markup → pdfkit.
 * Create once per process (fonts and templates are loaded in `create`); `render` is reentrant.
 * Output is a pure function of (kind, view, meta): byte-identical for identical input.
 */
export class PdfRenderer {
  private constructor(
    readonly fonts: FontSet,
    private readonly templates: TemplateSet,
  ) {}

  static async create(opts: PdfRendererOptions = {}): Promise<PdfRenderer> {
    const templates = TemplateSet.load(opts.templatesDir);
    const fonts = FontSet.load({ fallback: opts.fallbackFont, fast: opts.fastFonts });
    return new PdfRenderer(fonts, templates);
  }

  /** The layout markup a template produces for a view model (for tests and debugging). */
  markup<K extends DocumentKind>(kind: K, view: ViewModels[K]): string {
    return this.markupOf(kind, view);
  }

  /** Parsed blocks of a document; the dossier lays several of these into one PDF. */
  blocks<K extends DocumentKind>(kind: K, view: ViewModels[K]): Block[] {
    return parseMarkup(this.markupOf(kind, view));
  }

  /** Blocks of the dossier's cover and contents templates. */
  templateBlocks(name: Extract<TemplateName, `dossier_${string}`>, context: object): Block[] {
    return parseMarkup(this.templates.render(name, escapeView(context)));
  }

  async render<K extends DocumentKind>(kind: K, view: ViewModels[K], meta: RenderMeta): Promise<Buffer> {
    const blocks = this.blocks(kind, view);
    const open = openDocument(this.fonts, meta, DOCUMENT_TITLES[kind]);
    open.engine.run(blocks);
    return finishDocument(open, meta);
  }

  /** The case file: cover, contents, then every document in the MoJ order, in one PDF. */
  async renderDossier(view: DossierView, meta: RenderMeta): Promise<Buffer> {
    return renderDossier(this, view, meta);
  }

  private markupOf(kind: DocumentKind, view: object): string {
    return this.templates.render(kind, escapeView(view));
  }
}

import type { DocumentKind } from '../../rules/document-kinds.js';
import type { FontSet } from './fonts.js';
import { LayoutEngine } from './layout.js';
import { DOCUMENT_TITLES, DOSSIER_SECTIONS } from './labels.js';
import type { Block } from './markup.js';
import { finishDocument, openDocument } from './pdf-document.js';
import type { TemplateName } from './templates.js';
import type { DossierEntry, DossierView, RenderMeta, ViewModels } from './view-models.js';

/** What the dossier takes from the renderer (PdfRenderer, which passes itself). */
export interface DossierParts {
  readonly fonts: FontSet;
  blocks<K extends DocumentKind>(kind: K, view: ViewModels[K]): Block[];
  templateBlocks(name: Extract<TemplateName, `dossier_${string}`>, context: object): Block[];
}

interface ContentsRow {
  no: string;
  title: string;
  pages: string;
  note: string;
}

interface Filed {
  entry: DossierEntry;
  title: string;
  blocks: Block[];
}

function sectionOf(entry: DossierEntry): number {
  const index = DOSSIER_SECTIONS.findIndex((s) => s.kinds.includes(entry.kind));
  return index < 0 ? DOSSIER_SECTIONS.length : index;
}

function titleOf(entry: DossierEntry): string {
  if (entry.kind === 'session_record') return `人民调解记录（第${entry.view.sessionNo}次）`;
  return DOCUMENT_TITLES[entry.kind];
}

/** MoJ order: by section, within a section by kind as listed there, then as given. */
function ordered(entries: DossierEntry[]): DossierEntry[] {
  const rank = (e: DossierEntry) => {
    const section = sectionOf(e);
    const kinds = DOSSIER_SECTIONS[section]?.kinds ?? [];
    return section * 100 + kinds.indexOf(e.kind);
  };
  return entries
    .map((entry, i) => ({ entry, i }))
    .sort((a, b) => rank(a.entry) - rank(b.entry) || a.i - b.i)
    .map(({ entry }) => entry);
}

function pageRange(start: number, end: number): string {
  return start === end ? String(start) : `${start}–${end}`;
}

function contentsRows(filed: Filed[], ranges: Array<[number, number]> | null): ContentsRow[] {
  const rows: ContentsRow[] = [];
  DOSSIER_SECTIONS.forEach((section, s) => {
    const docs = filed.map((f, i) => ({ f, i })).filter(({ f }) => sectionOf(f.entry) === s);
    const note = docs.length > 0 ? `本卷${docs.length}份` : section.mandatory ? '必备' : '按需';
    rows.push({ no: String(s + 1), title: section.title, pages: '', note });
    docs.forEach(({ f, i }, n) => {
      const range = ranges?.[i];
      rows.push({ no: '', title: `（${n + 1}）${f.title}`, pages: range ? pageRange(range[0], range[1]) : '000–000', note: '' });
    });
  });
  return rows;
}

/** Lays out cover, contents and documents; returns each document's 1-based page range. */
function layout(
  engine: LayoutEngine,
  cover: Block[],
  contents: Block[],
  filed: Filed[],
): { ranges: Array<[number, number]>; contentsEnd: number } {
  engine.run(cover);
  engine.newPage();
  engine.run(contents);
  const contentsEnd = engine.page;
  const ranges: Array<[number, number]> = filed.map((f) => {
    engine.pageSign = null; // each document brings its own
    engine.newPage();
    const start = engine.page + 1;
    engine.run(f.blocks);
    return [start, engine.page + 1];
  });
  return { ranges, contentsEnd };
}

export async function renderDossier(renderer: DossierParts, view: DossierView, meta: RenderMeta): Promise<Buffer> {
  const filed: Filed[] = ordered(view.documents).map((entry) => ({
    entry,
    title: titleOf(entry),
    blocks: renderer.blocks<DocumentKind>(entry.kind, entry.view),
  }));
  const { documents: _documents, ...coverFields } = view;
  const cover = renderer.templateBlocks('dossier_cover', { ...coverFields, documentCount: filed.length });
  const contentsFor = (ranges: Array<[number, number]> | null) =>
    renderer.templateBlocks('dossier_contents', {
      caseNumber: view.caseNumber,
      volumeNumber: view.volumeNumber,
      rows: contentsRows(filed, ranges),
    });

  // Dry run to learn the page ranges, then draw with the real numbers. The page column never
  // wraps, so the contents take as many pages in both runs; a mismatch would be a layout bug.
  const dry = layout(new LayoutEngine(renderer.fonts, null), cover, contentsFor(null), filed);
  const open = openDocument(renderer.fonts, meta, '调解卷宗');
  const real = layout(open.engine, cover, contentsFor(dry.ranges), filed);
  if (real.contentsEnd !== dry.contentsEnd) throw new Error('dossier contents changed length between layout passes');
  return finishDocument(open, meta);
}

import PDFDocument from 'pdfkit';
import type { FontSet } from './fonts.js';
import { drawFooter, qrMatrix } from './footer.js';
import { LayoutEngine } from './layout.js';
import { PdfPainter } from './painter.js';
import type { RenderMeta } from './view-models.js';

type Doc = InstanceType<typeof PDFDocument>;

export interface OpenDocument {
  doc: Doc;
  painter: PdfPainter;
  engine: LayoutEngine;
  done: Promise<Buffer>;
}

/**
 * A pdfkit document set up for reproducible output: fixed metadata dates (pdfkit's trailer ID is
 * an MD5 of the info dictionary, so it is fixed too), pages buffered for the footers, and the
 * document faces registered (by the painter) as fontkit objects so only used glyphs are embedded.
 */
export function openDocument(fonts: FontSet, meta: RenderMeta, subject: string): OpenDocument {
  if (Number.isNaN(meta.issuedAt.getTime())) throw new RangeError('RenderMeta.issuedAt is not a valid date');
  const info = {
    Title: meta.title,
    Subject: subject,
    Author: 'sutiao',
    Creator: 'sutiao',
    Producer: 'sutiao (pdfkit)',
    CreationDate: meta.issuedAt,
    ModDate: meta.issuedAt,
    DocumentId: meta.documentId,
  };
  const options = {
    size: 'A4',
    margin: 0,
    bufferPages: true,
    compress: true,
    lang: 'zh-CN',
    displayTitle: true,
    info: info as PDFKit.DocumentInfo,
    // No default Helvetica: pdfkit would parse its AFM file for every document.
    font: null,
  };
  const doc = new PDFDocument(options as unknown as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const painter = new PdfPainter(doc, fonts);
  return { doc, painter, engine: new LayoutEngine(fonts, painter), done };
}

/** Draws the footer on every page and ends the document. */
export function finishDocument(open: OpenDocument, meta: RenderMeta): Promise<Buffer> {
  const { doc, painter, engine } = open;
  const qr = qrMatrix(meta.verifyUrl);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    painter.resetState();
    drawFooter(engine, painter, qr, meta, i + 1, range.count);
  }
  doc.end();
  return open.done;
}

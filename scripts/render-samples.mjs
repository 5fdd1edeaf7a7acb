#!/usr/bin/env node
// Renders every document kind from the fixed samples and writes a PNG of its first page to
// docs/documents/ for review (needs poppler-utils' pdftoppm). Run after building the API:
//   npx tsc -p tsconfig.json && node scripts/render-samples.mjs [--pdf] [--dist dist/api]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const root = resolve(import.meta.dirname, '..');
const distIndex = args.indexOf('--dist');
const dist = resolve(root, distIndex >= 0 ? args[distIndex + 1] : 'dist/api');
const keepPdf = args.includes('--pdf');

const { PdfRenderer } = await import(pathToFileURL(join(dist, 'documents/pdf/renderer.js')).href);
const samples = await import(pathToFileURL(join(dist, 'documents/pdf/samples.js')).href);

const out = join(root, 'docs/documents');
mkdirSync(out, { recursive: true });
const work = mkdtempSync(join(tmpdir(), 'sutiao-samples-'));
const renderer = await PdfRenderer.create({ templatesDir: join(root, 'templates') });

const jobs = [
  ...Object.entries(samples.SAMPLE_VIEWS).map(([kind, view]) => ({
    name: kind,
    render: () => renderer.render(kind, view, samples.sampleMeta(kind)),
  })),
  ...samples.SAMPLE_VARIANTS.map(({ name, kind, view, pages }) => ({
    name,
    pages,
    render: () => renderer.render(kind, view, samples.sampleMeta(kind)),
  })),
  { name: 'dossier', pages: [1, 2], render: () => renderer.renderDossier(samples.SAMPLE_DOSSIER, samples.sampleMeta('dossier')) },
];

for (const job of jobs) {
  const pdf = await job.render();
  const file = join(keepPdf ? out : work, `${job.name}.pdf`);
  writeFileSync(file, pdf);
  for (const page of job.pages ?? [1]) {
    const prefix = join(out, job.pages ? `${job.name}-${page}` : job.name);
    execFileSync('pdftoppm', ['-r', '60', '-png', '-f', String(page), '-l', String(page), '-singlefile', file, prefix]);
  }
  console.log(`${job.name}: ${pdf.length} bytes`);
}
rmSync(work, { recursive: true, force: true });

/**
 * Draws an SVG drawing as vectors into a pdfkit document: the subset chart libraries emit in
 * server-side rendering (ECharts' SSR SVG renderer): <path>, <rect>, <circle>, <line>,
 * <polyline>/<polygon>, <text>, nested <g> with transforms; <defs> (clip paths, gradients) are
 * skipped. Colours: #rgb, #rrggbb, rgb(), rgba(), named; fill/stroke opacity.
 *
 * Text is not drawn by pdfkit's own fonts but handed to `text` (the document's CJK faces), at the
 * transformed position and size; rotated text is drawn unrotated. Only for drawings we generate
 * ourselves: no external references, no scripts, no CSS beyond inline font-size/weight.
 */
import type PDFDocument from 'pdfkit';

type Doc = InstanceType<typeof PDFDocument>;
type Matrix = [number, number, number, number, number, number];

export interface SvgText {
  /** Draws one line of text with its baseline at y. */
  text(text: string, x: number, y: number, style: { size: number; bold: boolean; color: string }): void;
  widthOf(text: string, size: number, bold: boolean): number;
}

export interface SvgBox {
  x: number;
  y: number;
  width: number;
}

const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(a: Matrix, b: Matrix): Matrix {
  return [
    a[0] * b[0] + a[2] * b[1],
    a[1] * b[0] + a[3] * b[1],
    a[0] * b[2] + a[2] * b[3],
    a[1] * b[2] + a[3] * b[3],
    a[0] * b[4] + a[2] * b[5] + a[4],
    a[1] * b[4] + a[3] * b[5] + a[5],
  ];
}

const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

const numbers = (s: string): number[] => (s.match(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? []).map(Number);

export function parseTransform(value: string | undefined): Matrix {
  let m: Matrix = IDENTITY;
  if (!value) return m;
  for (const [, fn, args] of value.matchAll(/(matrix|translate|scale|rotate)\s*\(([^)]*)\)/g)) {
    const n = numbers(args ?? '');
    let t: Matrix = IDENTITY;
    if (fn === 'matrix' && n.length === 6) t = n as Matrix;
    else if (fn === 'translate') t = [1, 0, 0, 1, n[0] ?? 0, n[1] ?? 0];
    else if (fn === 'scale') t = [n[0] ?? 1, 0, 0, n[1] ?? n[0] ?? 1, 0, 0];
    else if (fn === 'rotate') {
      const r = ((n[0] ?? 0) * Math.PI) / 180;
      t = [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0];
    }
    m = multiply(m, t);
  }
  return m;
}

const NAMED: Record<string, string> = { black: '#000000', white: '#ffffff', red: '#ff0000', gray: '#808080', grey: '#808080' };

/** A paint: hex colour and opacity, or null for none. */
export function parseColor(value: string | undefined, inherited: string | null): { color: string; opacity: number } | null {
  const v = (value ?? inherited ?? '').trim().toLowerCase();
  if (v === '' || v === 'none' || v === 'transparent' || v.startsWith('url(')) return null;
  const hex2 = (n: number) =>
    Math.max(0, Math.min(255, Math.round(n)))
      .toString(16)
      .padStart(2, '0');
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(v);
  if (m) return { color: `#${m[1]}${m[1]}${m[2]}${m[2]}${m[3]}${m[3]}`, opacity: 1 };
  if (/^#[0-9a-f]{6}$/.test(v)) return { color: v, opacity: 1 };
  m = /^rgba?\(([^)]*)\)$/.exec(v);
  if (m) {
    const [r = 0, g = 0, b = 0, a = 1] = numbers(m[1]!);
    return a <= 0 ? null : { color: `#${hex2(r)}${hex2(g)}${hex2(b)}`, opacity: Math.min(1, a) };
  }
  return NAMED[v] ? { color: NAMED[v]!, opacity: 1 } : { color: '#000000', opacity: 1 };
}

function attributes(src: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of src.matchAll(/([\w:-]+)\s*=\s*"([^"]*)"/g)) out[name!] = value!;
  const style = out.style;
  if (style) {
    for (const decl of style.split(';')) {
      const [k, v] = decl.split(':').map((s) => s.trim());
      if (k && v && out[k] === undefined) out[k] = v;
    }
  }
  return out;
}

const decodeEntities = (s: string): string =>
  s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k.startsWith('#x')) return String.fromCodePoint(parseInt(k.slice(2), 16));
    if (k.startsWith('#')) return String.fromCodePoint(Number(k.slice(1)));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[k] ?? '';
  });

/** The drawing's size in its own units (viewBox, else width/height). */
export function svgSize(svg: string): { width: number; height: number; minX: number; minY: number } {
  const root = attributes(/<svg\b([^>]*)>/.exec(svg)?.[1] ?? '');
  const vb = numbers(root.viewBox ?? '');
  if (vb.length === 4) return { minX: vb[0]!, minY: vb[1]!, width: vb[2]!, height: vb[3]! };
  return { minX: 0, minY: 0, width: Number.parseFloat(root.width ?? '0') || 0, height: Number.parseFloat(root.height ?? '0') || 0 };
}

interface Group {
  matrix: Matrix;
  fill: string | null;
  stroke: string | null;
}

/** Draws `svg` scaled to `box.width` with its top-left at (box.x, box.y); returns the height used. */
export function drawSvg(doc: Doc, svg: string, box: SvgBox, text: SvgText): number {
  const size = svgSize(svg);
  if (!(size.width > 0)) return 0;
  const scale = box.width / size.width;
  const base: Matrix = [scale, 0, 0, scale, box.x - size.minX * scale, box.y - size.minY * scale];
  const stack: Group[] = [{ matrix: base, fill: null, stroke: null }];
  let skipDepth = 0;
  const tags = /<(\/?)([a-zA-Z][\w:-]*)((?:\s+[\w:-]+\s*=\s*"[^"]*")*)\s*(\/?)>/g;
  let match: RegExpExecArray | null;
  while ((match = tags.exec(svg))) {
    const [, closing, name, attrSrc, selfClosing] = match;
    const tag = name!.toLowerCase();
    if (tag === 'defs' || tag === 'clippath' || tag === 'lineargradient' || tag === 'radialgradient' || tag === 'style') {
      if (closing) skipDepth = Math.max(0, skipDepth - 1);
      else if (!selfClosing) skipDepth += 1;
      continue;
    }
    if (skipDepth > 0) continue;
    const top = stack[stack.length - 1]!;
    if (tag === 'g') {
      if (closing) {
        if (stack.length > 1) stack.pop();
        continue;
      }
      const a = attributes(attrSrc ?? '');
      const group = { matrix: multiply(top.matrix, parseTransform(a.transform)), fill: a.fill ?? top.fill, stroke: a.stroke ?? top.stroke };
      if (!selfClosing) stack.push(group);
      continue;
    }
    if (closing) continue;
    const a = attributes(attrSrc ?? '');
    const matrix = multiply(top.matrix, parseTransform(a.transform));
    if (tag === 'text') {
      const end = svg.indexOf('</text>', tags.lastIndex);
      const content = decodeEntities((end >= 0 ? svg.slice(tags.lastIndex, end) : '').replace(/<[^>]*>/g, '')).trim();
      if (end >= 0) tags.lastIndex = end + '</text>'.length;
      if (content) drawText(content, a, matrix, top, text);
      continue;
    }
    const d = shapePath(tag, a);
    if (d) paintPath(doc, d, a, matrix, top);
  }
  return size.height * scale;
}

function shapePath(tag: string, a: Record<string, string>): string | null {
  const n = (k: string) => Number.parseFloat(a[k] ?? '0') || 0;
  switch (tag) {
    case 'path':
      return a.d ?? null;
    case 'rect': {
      const [x, y, w, h] = [n('x'), n('y'), n('width'), n('height')];
      return w > 0 && h > 0 ? `M${x} ${y}h${w}v${h}h${-w}Z` : null;
    }
    case 'circle': {
      const [cx, cy, r] = [n('cx'), n('cy'), n('r')];
      return r > 0 ? `M${cx - r} ${cy}A${r} ${r} 0 1 0 ${cx + r} ${cy}A${r} ${r} 0 1 0 ${cx - r} ${cy}Z` : null;
    }
    case 'line':
      return `M${n('x1')} ${n('y1')}L${n('x2')} ${n('y2')}`;
    case 'polyline':
    case 'polygon': {
      const p = numbers(a.points ?? '');
      if (p.length < 4) return null;
      let d = `M${p[0]} ${p[1]}`;
      for (let i = 2; i + 1 < p.length; i += 2) d += `L${p[i]} ${p[i + 1]}`;
      return tag === 'polygon' ? `${d}Z` : d;
    }
    default:
      return null;
  }
}

function paintPath(doc: Doc, d: string, a: Record<string, string>, m: Matrix, group: Group): void {
  const opacity = a.opacity === undefined ? 1 : Number(a.opacity);
  // SVG's default fill is black; an element without fill inherits its group's.
  const fill = parseColor(a.fill, group.fill ?? '#000000');
  const stroke = parseColor(a.stroke, group.stroke);
  const strokeWidth = a['stroke-width'] === undefined ? 1 : Number(a['stroke-width']);
  const paintStroke = stroke !== null && strokeWidth > 0;
  if (!fill && !paintStroke) return;
  doc.save();
  doc.transform(...m);
  doc.path(d);
  if (fill) doc.fillColor(fill.color, fill.opacity * opacity * Number(a['fill-opacity'] ?? 1));
  if (paintStroke) {
    doc.strokeColor(stroke.color, stroke.opacity * opacity * Number(a['stroke-opacity'] ?? 1));
    doc.lineWidth(strokeWidth);
    if (a['stroke-linecap']) doc.lineCap(a['stroke-linecap']);
    if (a['stroke-linejoin']) doc.lineJoin(a['stroke-linejoin']);
    const dash = numbers(a['stroke-dasharray'] ?? '');
    if (dash.length && dash.some((x) => x > 0)) doc.dash(dash[0]!, { space: dash[1] ?? dash[0] });
  }
  if (fill && paintStroke) doc.fillAndStroke();
  else if (fill) doc.fill();
  else doc.stroke();
  doc.restore();
}

function drawText(content: string, a: Record<string, string>, m: Matrix, group: Group, out: SvgText): void {
  const color = parseColor(a.fill, group.fill ?? '#000000');
  if (!color) return;
  const scale = Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
  const size = (Number.parseFloat(a['font-size'] ?? '12') || 12) * scale;
  const bold = /bold|[6-9]00/.test(a['font-weight'] ?? '');
  const [x, y] = apply(m, Number.parseFloat(a.x ?? '0') || 0, Number.parseFloat(a.y ?? '0') || 0);
  const width = out.widthOf(content, size, bold);
  const anchor = a['text-anchor'] ?? 'start';
  const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x;
  // The ideographic em box runs from 0.12 em below to 0.88 em above the baseline (page-style.ts).
  const baseline = a['dominant-baseline'] ?? 'alphabetic';
  const shift =
    baseline === 'central' || baseline === 'middle'
      ? 0.38
      : baseline === 'hanging' || baseline === 'text-before-edge'
        ? 0.88
        : baseline === 'text-after-edge' || baseline === 'ideographic'
          ? -0.12
          : 0;
  out.text(content, left, y + shift * size, { size, bold, color: color.color });
}

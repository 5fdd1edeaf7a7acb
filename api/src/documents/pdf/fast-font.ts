import type * as fontkit from 'fontkit';

/**
 * The view of a fontkit font that pdfkit gets, for speed and reproducibility.
 *
 * 1. `layout` maps code points straight to glyphs (no OpenType shaping). Chinese legal text needs
 *    none: Noto Serif SC is an SC-specific face, so its default glyphs are the right ones, and
 *    the line breaker measures with the same nominal advances, so justification is exact.
 *    Shaping was ~15 % of a render. Each glyph also carries exactly the code point it came from,
 *    so the PDF's ToUnicode map depends only on the document (fontkit's own glyph objects keep
 *    the code points of whichever document first used a glyph).
 * 2. A TrueType subset decodes every used glyph's outline to find composite glyphs; fontkit
 *    does not cache that, and it was the largest cost of a render. The decoded outline of each
 *    glyph is kept for the life of the process (only glyphs ever printed, a few thousand).
 *
 * Everything else is the real font. The renderer's tests check that the text round-trips
 * through pdftotext and that renders are reproducible; `PdfRenderer.create({ fastFonts: false })`
 * switches this off for comparison (about twice as slow, same text).
 */

interface LightGlyph {
  id: number;
  advanceWidth: number;
  codePoints: number[];
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
}

interface DecodableGlyph {
  _decode(): unknown;
}

/** Variation selectors select a glyph variant; they have no glyph of their own. */
export function isVariationSelector(cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);
}

export function fastFont(font: fontkit.Font): fontkit.Font {
  const glyphIds = new Map<number, number>();
  const advances = new Map<number, number>();
  const decoded = new WeakSet<object>();

  const glyphId = (cp: number): number => {
    let id = glyphIds.get(cp);
    if (id === undefined) {
      id = font.glyphForCodePoint(cp)?.id ?? 0;
      glyphIds.set(cp, id);
    }
    return id;
  };
  const advance = (id: number): number => {
    let width = advances.get(id);
    if (width === undefined) {
      width = font.getGlyph(id).advanceWidth;
      advances.set(id, width);
    }
    return width;
  };

  const layout = (text: string) => {
    const glyphs: LightGlyph[] = [];
    const positions: Position[] = [];
    let advanceWidth = 0;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      const previous = glyphs[glyphs.length - 1];
      if (isVariationSelector(cp) && previous) {
        previous.codePoints = [...previous.codePoints, cp];
        continue;
      }
      const id = glyphId(cp);
      const width = advance(id);
      glyphs.push({ id, advanceWidth: width, codePoints: [cp] });
      positions.push({ xAdvance: width, yAdvance: 0, xOffset: 0, yOffset: 0 });
      advanceWidth += width;
    }
    return { glyphs, positions, advanceWidth };
  };

  // Only TrueType outlines are decoded by the subsetter this way; CFF glyphs are left alone.
  const trueType = (font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables.glyf !== undefined;
  const getGlyph = (id: number, codePoints?: number[]) => {
    const glyph = font.getGlyph(id, codePoints) as unknown as DecodableGlyph;
    if (trueType && !decoded.has(glyph)) {
      const decode = glyph._decode.bind(glyph);
      let outline: unknown;
      let done = false;
      glyph._decode = () => {
        if (!done) {
          outline = decode();
          done = true;
        }
        return outline;
      };
      decoded.add(glyph);
    }
    return glyph;
  };

  const proxy: fontkit.Font = new Proxy(font, {
    get(target, prop) {
      if (prop === 'layout') return layout;
      if (prop === 'getGlyph') return getGlyph;
      // The subset keeps a reference to the font it was made from: make that the proxy.
      if (prop === 'createSubset') return () => target.createSubset.call(proxy);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return proxy;
}

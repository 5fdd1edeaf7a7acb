import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import { fastFont, isVariationSelector } from './fast-font.js';

/**
 * The document faces, parsed once per process. Noto Serif SC (npm) is the document face; it lacks
 * some CJK Extension B characters (𠮷 U+20BB7), so when Debian's fonts-noto-cjk is installed its
 * Noto Serif CJK SC is a per-character fallback. A character neither face has prints as the
 * primary face's .notdef box but is still extractable text.
 */

export type FaceName = 'serif' | 'serif-bold' | 'fallback' | 'fallback-bold';

export interface Face {
  name: FaceName;
  /** The font as pdfkit gets it (see fast-font.ts). */
  font: fontkit.Font;
}

export interface Run {
  face: Face;
  text: string;
  /** Number of code points (each is one glyph for the CJK and Latin text we print). */
  glyphs: number;
  /** Width in em. */
  width: number;
}

const PRIMARY = {
  regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
};
const FALLBACK_DIR = '/usr/share/fonts/opentype/noto';
const FALLBACK = {
  regular: { file: `${FALLBACK_DIR}/NotoSerifCJK-Regular.ttc`, postscriptName: 'NotoSerifCJKsc-Regular' },
  bold: { file: `${FALLBACK_DIR}/NotoSerifCJK-Bold.ttc`, postscriptName: 'NotoSerifCJKsc-Bold' },
};

function loadSingle(path: string, postscriptName?: string): fontkit.Font {
  const loaded = fontkit.create(readFileSync(path), postscriptName);
  if (!('unitsPerEm' in loaded)) throw new Error(`${path}: not a single font`);
  return loaded;
}

/**
 * A face plus a process-wide cache of advance widths (em) by code point. The file is parsed on
 * first use: the fallback faces (50 MB of TTC) are only read once a document needs them.
 */
class MeasuredFace implements Face {
  private readonly widths = new Map<number, number>();
  private loaded: { raw: fontkit.Font; font: fontkit.Font } | null = null;

  constructor(
    readonly name: FaceName,
    private readonly load: () => fontkit.Font,
    private readonly fast: boolean,
  ) {}

  private get faces(): { raw: fontkit.Font; font: fontkit.Font } {
    if (!this.loaded) {
      const raw = this.load();
      this.loaded = { raw, font: this.fast ? fastFont(raw) : raw };
    }
    return this.loaded;
  }

  get font(): fontkit.Font {
    return this.faces.font;
  }

  has(codePoint: number): boolean {
    return this.faces.raw.hasGlyphForCodePoint(codePoint);
  }

  advance(codePoint: number): number {
    let width = this.widths.get(codePoint);
    if (width === undefined) {
      const raw = this.faces.raw;
      width = isVariationSelector(codePoint) ? 0 : raw.glyphForCodePoint(codePoint).advanceWidth / raw.unitsPerEm;
      this.widths.set(codePoint, width);
    }
    return width;
  }
}

interface Family {
  primary: MeasuredFace;
  fallback: MeasuredFace | null;
}

export class FontSet {
  private readonly coverage = new Map<number, boolean>();

  private constructor(
    private readonly regular: Family,
    private readonly bold: Family,
  ) {}

  /**
   * Loads the faces. `fallback: false` simulates a machine without fonts-noto-cjk; `fast: false`
   * hands pdfkit the plain fontkit fonts (for the test that both give the same bytes).
   */
  static load(opts: { fallback?: boolean; fast?: boolean } = {}): FontSet {
    const require = createRequire(import.meta.url);
    const fast = opts.fast !== false;
    const primary = (name: FaceName, file: string) => {
      const face = new MeasuredFace(name, () => loadSingle(require.resolve(file)), fast);
      void face.font; // the document face is required: a missing file fails the boot
      return face;
    };
    const serif = primary('serif', PRIMARY.regular);
    const serifBold = primary('serif-bold', PRIMARY.bold);
    const useFallback = opts.fallback !== false;
    const fallback = (spec: { file: string; postscriptName: string }, name: FaceName) =>
      useFallback && existsSync(spec.file) ? new MeasuredFace(name, () => loadSingle(spec.file, spec.postscriptName), fast) : null;
    const fallbackRegular = fallback(FALLBACK.regular, 'fallback');
    return new FontSet(
      { primary: serif, fallback: fallbackRegular },
      { primary: serifBold, fallback: fallback(FALLBACK.bold, 'fallback-bold') ?? fallbackRegular },
    );
  }

  get hasFallback(): boolean {
    return this.regular.fallback !== null;
  }

  private primaryCovers(face: MeasuredFace, codePoint: number): boolean {
    // Regular and bold Noto Serif SC share one character set, so one coverage map serves both.
    let covered = this.coverage.get(codePoint);
    if (covered === undefined) {
      covered = face.has(codePoint);
      this.coverage.set(codePoint, covered);
    }
    return covered;
  }

  /** Splits text into runs of one face each; widths in em. */
  runs(text: string, bold: boolean): Run[] {
    const family = bold ? this.bold : this.regular;
    const runs: Run[] = [];
    let current: (Run & { face: MeasuredFace }) | null = null;
    for (const ch of text) {
      const cp = ch.codePointAt(0) ?? 0;
      // A variation selector stays with its base character.
      const face: MeasuredFace =
        current && isVariationSelector(cp)
          ? current.face
          : family.fallback && !this.primaryCovers(family.primary, cp) && family.fallback.has(cp)
            ? family.fallback
            : family.primary;
      if (current === null || current.face !== face) {
        current = { face, text: '', glyphs: 0, width: 0 };
        runs.push(current);
      }
      current.text += ch;
      current.glyphs += isVariationSelector(cp) ? 0 : 1;
      current.width += face.advance(cp);
    }
    return runs;
  }

  /** Width of one code point in em. */
  advance(codePoint: number, bold: boolean): number {
    const family = bold ? this.bold : this.regular;
    if (family.fallback && !this.primaryCovers(family.primary, codePoint) && family.fallback.has(codePoint)) {
      return family.fallback.advance(codePoint);
    }
    return family.primary.advance(codePoint);
  }
}

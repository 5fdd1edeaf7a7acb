/**
 * Line breaking for Chinese documents: a break is allowed between any two CJK characters and at
 * spaces; Latin/digit runs stay whole unless longer than a line. Kinsoku (避头尾): closing
 * punctuation never starts a line and opening punctuation never ends one.
 */

export interface Line {
  text: string;
  /** Natural width in points (without justification). */
  width: number;
  glyphs: number;
  /** Last line of a paragraph or before a hard break: not justified. */
  last: boolean;
}

export type Advance = (codePoint: number) => number;

const NO_START = new Set('，。、；：？！）】》」』〕〉”’…—·％‰,.;:?!)]}%'.split('').concat(['\u2014', '\u2026', '\u30fc', '\u3009']));
const NO_END = new Set('（【《「『〔〈“‘([{'.split(''));

interface Unit {
  text: string;
  width: number;
  glyphs: number;
  space: boolean;
  hard: boolean;
}

function isBreakableChar(cp: number): boolean {
  // CJK, fullwidth forms, punctuation blocks and everything astral: break anywhere.
  return cp >= 0x2e80 || (cp >= 0x2000 && cp <= 0x206f);
}

function units(text: string, advance: Advance, maxWidth: number): Unit[] {
  const out: Unit[] = [];
  let word: Unit | null = null;
  const flushWord = () => {
    if (!word) return;
    if (word.width > maxWidth) {
      for (const ch of word.text) out.push({ text: ch, width: advance(ch.codePointAt(0) ?? 0), glyphs: 1, space: false, hard: false });
    } else {
      out.push(word);
    }
    word = null;
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (ch === '\n') {
      flushWord();
      out.push({ text: '', width: 0, glyphs: 0, space: false, hard: true });
    } else if (ch === ' ' || ch === '\u3000') {
      flushWord();
      out.push({ text: ch, width: advance(cp), glyphs: 1, space: true, hard: false });
    } else if (isBreakableChar(cp)) {
      flushWord();
      out.push({ text: ch, width: advance(cp), glyphs: 1, space: false, hard: false });
    } else {
      word ??= { text: '', width: 0, glyphs: 0, space: false, hard: false };
      word.text += ch;
      word.width += advance(cp);
      word.glyphs += 1;
    }
  }
  flushWord();
  return out;
}

function toLine(parts: Unit[], last: boolean): Line {
  while (parts.length > 0 && parts[parts.length - 1].space) parts.pop();
  let text = '';
  let width = 0;
  let glyphs = 0;
  for (const u of parts) {
    text += u.text;
    width += u.width;
    glyphs += u.glyphs;
  }
  return { text, width, glyphs, last };
}

/**
 * Breaks `text` into lines no wider than `firstWidth` (first line) and `width` (the others).
 * `advance` gives a code point's width in points. Never returns an empty list.
 */
export function breakLines(text: string, firstWidth: number, width: number, advance: Advance): Line[] {
  const lines: Line[] = [];
  let current: Unit[] = [];
  let currentWidth = 0;
  const limit = () => (lines.length === 0 ? firstWidth : width);
  const flush = (last: boolean) => {
    lines.push(toLine(current, last));
    current = [];
    currentWidth = 0;
  };
  for (const unit of units(text, advance, Math.min(firstWidth, width))) {
    if (unit.hard) {
      flush(true);
      continue;
    }
    if (unit.space && current.length === 0 && lines.length > 0) continue;
    if (currentWidth + unit.width <= limit() + 0.01 || current.length === 0) {
      current.push(unit);
      currentWidth += unit.width;
      continue;
    }
    if (unit.space) {
      flush(false);
      continue;
    }
    // Kinsoku: take the previous unit along rather than start a line with closing punctuation,
    // and never leave opening punctuation at the end of a line.
    const carried: Unit[] = [];
    if (NO_START.has(unit.text[0]) && current.length > 1) carried.unshift(current.pop() as Unit);
    while (current.length > 1 && NO_END.has(current[current.length - 1].text)) carried.unshift(current.pop() as Unit);
    flush(false);
    for (const u of [...carried, unit]) {
      current.push(u);
      currentWidth += u.width;
    }
  }
  if (current.length > 0 || lines.length === 0) flush(true);
  else lines[lines.length - 1].last = true;
  return lines;
}

import { describe, expect, it } from '@jest/globals';
import { breakLines } from './linebreak.js';

// Every character 10 pt wide, spaces and ASCII 5 pt: widths are easy to reason about.
const advance = (cp: number) => (cp < 0x80 ? 5 : 10);

describe('breakLines', () => {
  it('breaks CJK text anywhere and marks only the last line', () => {
    const lines = breakLines('一二三四五六七', 30, 30, advance);
    expect(lines.map((l) => l.text)).toEqual(['一二三', '四五六', '七']);
    expect(lines.map((l) => l.last)).toEqual([false, false, true]);
    expect(lines[0]).toMatchObject({ width: 30, glyphs: 3 });
  });

  it('uses a narrower first line for the paragraph indent', () => {
    expect(breakLines('一二三四五', 20, 30, advance).map((l) => l.text)).toEqual(['一二', '三四五']);
  });

  it('never starts a line with closing punctuation', () => {
    expect(breakLines('一二三，四', 30, 30, advance).map((l) => l.text)).toEqual(['一二', '三，四']);
  });

  it('never ends a line with opening punctuation', () => {
    expect(breakLines('一二（三四', 30, 30, advance).map((l) => l.text)).toEqual(['一二', '（三四']);
  });

  it('keeps Latin words whole and drops the space at the break', () => {
    expect(breakLines('ab cd ef', 25, 25, advance).map((l) => l.text)).toEqual(['ab cd', 'ef']);
  });

  it('splits a word longer than a line', () => {
    const lines = breakLines('x'.repeat(12), 25, 25, advance);
    expect(lines.map((l) => l.text)).toEqual(['xxxxx', 'xxxxx', 'xx']);
  });

  it('honours hard breaks', () => {
    const lines = breakLines('一\n二', 100, 100, advance);
    expect(lines.map((l) => [l.text, l.last])).toEqual([
      ['一', true],
      ['二', true],
    ]);
  });

  it('counts astral characters as one glyph', () => {
    expect(breakLines('𠮷彧', 100, 100, advance)[0]).toMatchObject({ text: '𠮷彧', glyphs: 2, width: 20 });
  });

  it('returns one empty line for empty text', () => {
    expect(breakLines('', 100, 100, advance)).toEqual([{ text: '', width: 0, glyphs: 0, last: true }]);
  });
});

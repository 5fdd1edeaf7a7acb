/**
 * The layout markup the templates produce: one block per line.
 *
 *   @directive arg|arg|…     a directive (see `Block` for the list)
 *   any other text           an indented paragraph
 *   (blank lines are ignored; leading whitespace is trimmed so templates can be indented)
 *
 * Inside a line, `\` escapes: `\\` `\|` `\@` stand for themselves and `\n` is a line break within
 * the block. User text goes through `escapeMarkup`, which escapes every control character of the
 * markup and turns real line breaks into `\n`, so no value can start a directive, add an argument
 * or end a line.
 */

export type CellStyle = 'label' | 'value';

export interface TableColumn {
  weight: number;
  style: CellStyle;
}

export type Block =
  | { type: 'title'; text: string }
  | { type: 'subtitle'; text: string }
  | { type: 'number'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; text: string; indent: boolean }
  | { type: 'small'; text: string }
  | { type: 'field'; label: string; text: string }
  | { type: 'item'; marker: string; text: string }
  | { type: 'table'; columns: TableColumn[]; rows: TableRow[] }
  | { type: 'signatures'; labels: string[] }
  | { type: 'officer'; label: string; name: string }
  | { type: 'right'; text: string }
  | { type: 'seal'; organization: string; date: string }
  | { type: 'space'; lines: number }
  | { type: 'rule' }
  | { type: 'page' };

export interface TableRow {
  header: boolean;
  cells: string[];
}

export class MarkupError extends Error {}

const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** Escapes user text so that it is always literal text inside one markup argument. */
export function escapeMarkup(value: string): string {
  return value
    .toWellFormed()
    .replace(/[\\|@]/g, (c) => `\\${c}`)
    .replace(LINE_BREAK, '\\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '');
}

/** Splits a line on unescaped `|` and resolves escapes in each argument. */
function splitArgs(src: string): string[] {
  const args: string[] = [];
  let current = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (c === '\\' && i + 1 < src.length) {
      const next = src[++i];
      current += next === 'n' ? '\n' : next;
    } else if (c === '|') {
      args.push(current.trim());
      current = '';
    } else {
      current += c;
    }
  }
  args.push(current.trim());
  return args;
}

function parseColumns(specs: string[], line: number): TableColumn[] {
  return specs.map((spec) => {
    const label = spec.endsWith('*');
    const weight = Number(label ? spec.slice(0, -1) : spec);
    if (!(weight > 0)) throw new MarkupError(`line ${line}: bad column width "${spec}"`);
    return { weight, style: label ? 'label' : 'value' };
  });
}

function need(args: string[], count: number, name: string, line: number): void {
  if (args.length < count) throw new MarkupError(`line ${line}: @${name} needs ${count} argument(s)`);
}

function directive(name: string, args: string[], line: number, blocks: Block[]): void {
  const text = args.join('|');
  switch (name) {
    case 'title':
    case 'subtitle':
    case 'number':
    case 'heading':
    case 'small':
    case 'right':
      blocks.push({ type: name, text });
      return;
    case 'p':
      blocks.push({ type: 'paragraph', text, indent: true });
      return;
    case 'pn':
      blocks.push({ type: 'paragraph', text, indent: false });
      return;
    case 'field':
      need(args, 2, name, line);
      blocks.push({ type: 'field', label: args[0], text: args.slice(1).join('|') });
      return;
    case 'item':
      need(args, 2, name, line);
      blocks.push({ type: 'item', marker: args[0], text: args.slice(1).join('|') });
      return;
    case 'table':
      blocks.push({ type: 'table', columns: parseColumns(args, line), rows: [] });
      return;
    case 'row':
    case 'hrow': {
      const table = blocks[blocks.length - 1];
      if (table?.type !== 'table') throw new MarkupError(`line ${line}: @${name} outside a table`);
      table.rows.push({ header: name === 'hrow', cells: args.slice(0, table.columns.length) });
      return;
    }
    case 'sig':
      blocks.push({ type: 'signatures', labels: args.filter((a) => a !== '') });
      return;
    case 'officer':
      need(args, 2, name, line);
      blocks.push({ type: 'officer', label: args[0], name: args[1] });
      return;
    case 'seal':
      need(args, 2, name, line);
      blocks.push({ type: 'seal', organization: args[0], date: args[1] });
      return;
    case 'space': {
      const lines = Number(args[0] || '1');
      blocks.push({ type: 'space', lines: Number.isFinite(lines) ? Math.min(Math.max(lines, 0), 20) : 1 });
      return;
    }
    case 'rule':
      blocks.push({ type: 'rule' });
      return;
    case 'page':
      blocks.push({ type: 'page' });
      return;
    default:
      throw new MarkupError(`line ${line}: unknown directive @${name}`);
  }
}

/** Parses template output into blocks. Unknown directives are template bugs and throw. */
export function parseMarkup(src: string): Block[] {
  const blocks: Block[] = [];
  const lines = src.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const m = /^@([a-z]+)(?:\s+|$)/.exec(line);
    if (m) {
      directive(m[1], splitArgs(line.slice(m[0].length)), i + 1, blocks);
    } else {
      blocks.push({ type: 'paragraph', text: splitArgs(line).join('|'), indent: true });
    }
  }
  return blocks;
}

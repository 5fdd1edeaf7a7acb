/**
 * The layout markup the templates produce: one block per line.
 *
 *   @directive arg|arg|…     a directive (below)
 *   any other text           an indented, justified paragraph
 *   (blank lines are ignored; leading whitespace is trimmed so templates can be indented)
 *
 * Directives:
 *   @title t  @subtitle t    centred bold title (22 pt) / heading line such as the court's name
 *   @number t                right-aligned line: 编号, 案号
 *   @heading t               bold section heading
 *   @p t  @pn t  @small t    paragraph with / without first-line indent; small print
 *   @field label|t           "label：t", continuation lines under t
 *   @item marker|t           numbered clause: indented paragraph starting with the marker
 *   @table w|w*|w^ …         ruled table; widths are relative; * = shaded bold label column,
 *     @row c|c …  @hrow …    ^ = centred column; a row with fewer cells spans the last one
 *   @sig caption|label       signature place ("label：____" under the signer's caption);
 *                            consecutive @sig lines are laid out two per row
 *   @officer label|name      审判员/书记员 line, right-aligned
 *   @seal org|date|hint      seal place: org over date in a dashed circle (hint: 盖章处, 院印)
 *   @right t                 right-aligned line (dates)
 *   @space n  @rule  @page   n half-lines of space; a horizontal rule; a page break
 *   @pagesign t              a line printed at the foot of this and every following page of the
 *                            document (笔录: the parties sign every page)
 *   @keep … @endkeep         keep the enclosed blocks on one page when they fit on one
 *
 * Inside a line, `\` escapes: `\\` `\|` `\@` stand for themselves and `\n` is a line break within
 * the block. User text goes through `escapeMarkup`, which escapes every control character of the
 * markup and turns real line breaks into `\n`, so no value can start a directive, add an argument
 * or end a line.
 */

/** `label` (suffix `*`): bold on a shaded ground, centred; `center` (suffix `^`): centred; `value`: justified. */
export type CellStyle = 'label' | 'center' | 'value';

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
  | { type: 'signatures'; entries: SignatureEntry[] }
  | { type: 'keep'; blocks: Block[] }
  | { type: 'officer'; label: string; name: string }
  | { type: 'right'; text: string }
  | { type: 'seal'; organization: string; date: string; hint: string }
  | { type: 'space'; lines: number }
  | { type: 'rule' }
  | { type: 'page' }
  | { type: 'pagesign'; text: string };

/** One signature place: who signs (caption) and how (label, followed by the line to sign on). */
export interface SignatureEntry {
  caption: string;
  label: string;
}

export interface TableRow {
  header: boolean;
  cells: string[];
}

export class MarkupError extends Error {}

const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f]/g;
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Escapes user text so that it is always literal text inside one markup argument. */
export function escapeMarkup(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\ufffd')
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
    const suffix = spec.slice(-1);
    const style: CellStyle = suffix === '*' ? 'label' : suffix === '^' ? 'center' : 'value';
    const weight = Number(style === 'value' ? spec : spec.slice(0, -1));
    if (!(weight > 0)) throw new MarkupError(`line ${line}: bad column width "${spec}"`);
    return { weight, style };
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
    case 'sig': {
      // Consecutive @sig lines form one block, laid out two per row.
      const entry = { caption: args[0], label: args[1] ?? '签名' };
      const last = blocks[blocks.length - 1];
      if (last?.type === 'signatures') last.entries.push(entry);
      else blocks.push({ type: 'signatures', entries: [entry] });
      return;
    }
    case 'officer':
      need(args, 2, name, line);
      blocks.push({ type: 'officer', label: args[0], name: args[1] });
      return;
    case 'seal':
      need(args, 2, name, line);
      blocks.push({ type: 'seal', organization: args[0], date: args[1], hint: args[2] || '盖章处' });
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
    case 'pagesign':
      blocks.push({ type: 'pagesign', text });
      return;
    default:
      throw new MarkupError(`line ${line}: unknown directive @${name}`);
  }
}

/**
 * Parses template output into blocks. Unknown directives and unbalanced @keep/@endkeep are
 * template bugs and throw; user text cannot cause either because it is escaped.
 */
export function parseMarkup(src: string): Block[] {
  const root: Block[] = [];
  const stack: Block[][] = [];
  let target = root;
  const lines = src.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const m = /^@([a-z]+)(?:\s+|$)/.exec(line);
    if (!m) {
      target.push({ type: 'paragraph', text: splitArgs(line).join('|'), indent: true });
    } else if (m[1] === 'keep') {
      // @keep … @endkeep: the enclosed blocks start a new page rather than split across two.
      const group: Block = { type: 'keep', blocks: [] };
      target.push(group);
      stack.push(target);
      target = group.blocks;
    } else if (m[1] === 'endkeep') {
      const outer = stack.pop();
      if (!outer) throw new MarkupError(`line ${i + 1}: @endkeep without @keep`);
      target = outer;
    } else {
      directive(m[1], splitArgs(line.slice(m[0].length)), i + 1, target);
    }
  }
  if (stack.length > 0) throw new MarkupError('@keep without @endkeep');
  return root;
}

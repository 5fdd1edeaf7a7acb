import { describe, expect, it } from '@jest/globals';
import { MarkupError, escapeMarkup, parseMarkup } from './markup.js';

describe('escapeMarkup + parseMarkup', () => {
  const hostile = [
    '@title 伪造标题',
    'a|b|c',
    '\\n is not a newline, \\| not a pipe',
    'line one\nline two\r\nline three\u2028four',
    '{{#each parties}}{{name}}{{/each}}',
    'tab\there, nul\u0000, bell\u0007, del\u007f',
    '@page',
    '𠮷彧',
  ];

  it.each(hostile)('keeps %j literal inside one argument', (value) => {
    const blocks = parseMarkup(`@field 标签|${escapeMarkup(value)}\n@p 后文`);
    expect(blocks).toHaveLength(2);
    const expected = value
      .replace(/\r\n|[\r\u2028]/g, '\n')
      .replace(/\t/g, ' ')
      .replace(/[\u0000\u0007\u007f]/g, '');
    expect(blocks[0]).toEqual({ type: 'field', label: '标签', text: expected });
  });

  it('cannot start a directive or add table cells', () => {
    const [table] = parseMarkup(`@table 1*|2\n@row ${escapeMarkup('姓名')}|${escapeMarkup('x|y\n@row z')}`);
    expect(table).toEqual({
      type: 'table',
      columns: [
        { weight: 1, style: 'label' },
        { weight: 2, style: 'value' },
      ],
      rows: [{ header: false, cells: ['姓名', 'x|y\n@row z'] }],
    });
  });

  it('replaces lone surrogates', () => {
    expect(escapeMarkup('a\ud800b\udc00c𠮷')).toBe('a\ufffdb\ufffdc𠮷');
  });

  it('groups consecutive signatures and nests keep groups', () => {
    const blocks = parseMarkup('@keep\n@sig 申请人：甲|签名\n@sig 被申请人：乙|盖章\n@endkeep\n@right 日期');
    expect(blocks).toEqual([
      {
        type: 'keep',
        blocks: [
          {
            type: 'signatures',
            entries: [
              { caption: '申请人：甲', label: '签名' },
              { caption: '被申请人：乙', label: '盖章' },
            ],
          },
        ],
      },
      { type: 'right', text: '日期' },
    ]);
  });

  it('treats plain lines as indented paragraphs and ignores blank lines', () => {
    expect(parseMarkup('  \n   正文一段\n\n')).toEqual([{ type: 'paragraph', text: '正文一段', indent: true }]);
  });

  it.each([
    ['@bogus x', /unknown directive @bogus/],
    ['@row a|b', /outside a table/],
    ['@table x|1', /bad column width/],
    ['@keep\n@p x', /@keep without @endkeep/],
    ['@endkeep', /@endkeep without @keep/],
  ])('rejects template bug %j', (src, message) => {
    expect(() => parseMarkup(src)).toThrow(MarkupError);
    expect(() => parseMarkup(src)).toThrow(message);
  });
});

import { describe, expect, it } from '@jest/globals';
import { findHostileInput, MAX_INPUT_DEPTH } from './hostile-input.js';

describe('findHostileInput', () => {
  it('passes ordinary values', () => {
    expect(findHostileInput({ name: '刘小富', parties: [{ role: 'applicant', tags: ['a', 1, null, true] }] })).toBeNull();
    expect(findHostileInput('plain', 'id')).toBeNull();
    expect(findHostileInput(undefined)).toBeNull();
  });

  it('names NUL characters in values and keys, under the root given', () => {
    expect(findHostileInput({ a: ['ok', 'x\u0000'], 'b\u0000': 1 })).toEqual({ 'a.1': 'nul_character', 'b\\u0000': 'nul_character' });
    expect(findHostileInput('\u0000', 'id')).toEqual({ id: 'nul_character' });
    expect(findHostileInput('\u0000')).toEqual({ body: 'nul_character' });
  });

  it('names prototype keys kept by JSON.parse as own properties', () => {
    const errors = findHostileInput(JSON.parse('{"__proto__":{"x":1},"p":[{"constructor":1,"prototype":2}]}'));
    expect(Object.entries(errors ?? {}).sort()).toEqual([
      ['__proto__', 'unknown_field'],
      ['p.0.constructor', 'unknown_field'],
      ['p.0.prototype', 'unknown_field'],
    ]);
  });

  it('allows MAX_INPUT_DEPTH levels and refuses one more, without recursion', () => {
    const nest = (levels: number) => JSON.parse(`${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`);
    expect(findHostileInput(nest(MAX_INPUT_DEPTH))).toBeNull();
    expect(findHostileInput(nest(MAX_INPUT_DEPTH + 1))).toEqual({ 'a.a.a': 'too_deep' });
    expect(findHostileInput(nest(100_000))).toEqual({ 'a.a.a': 'too_deep' });
  });

  it('stops after `limit` problems', () => {
    const many = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, '\u0000']));
    expect(Object.keys(findHostileInput(many) ?? {})).toHaveLength(20);
  });
});

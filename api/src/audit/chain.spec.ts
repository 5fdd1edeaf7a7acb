import { describe, expect, it } from '@jest/globals';
import { AUDIT_HASH_VECTORS } from '../database/sql-twins.js';
import { canonicalJson, eventHash } from './chain.js';

describe('eventHash (twin of audit_event_hash in SQL)', () => {
  it.each(AUDIT_HASH_VECTORS.map((v, i) => ({ ...v, i })))('vector $i gives its fixed hash', ({ prevHash, event, hash }) => {
    expect(eventHash(prevHash, { ...event, at: new Date(event.at) })).toBe(hash);
  });

  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [{ z: 1, y: 2 }] } })).toBe('{"a":{"c":[{"y":2,"z":1}]},"b":1}');
  });
});

/**
 * Input no field may carry, checked on the raw request values (parsed JSON body, query, route
 * params) before class-transformer sees them:
 * - a NUL character anywhere in a string or a key — PostgreSQL cannot store it in text;
 * - `__proto__`, `constructor` or `prototype` as a key — `JSON.parse` keeps them as own properties
 *   but class-transformer silently drops them, so they would pass as "no unknown field";
 * - nesting deeper than MAX_INPUT_DEPTH — validation and transformation recurse and would overflow.
 * The walk is iterative, so a hostile depth cannot overflow it either.
 */
export const MAX_INPUT_DEPTH = 32;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A path segment as clients see it in `errors`; a NUL inside a key is shown escaped. */
const segment = (key: string) => key.replace(/\u0000/g, '\\u0000');

/** Field → code for the first problems found in `value` (at most `limit`), or null when it is clean. */
export function findHostileInput(value: unknown, root = '', limit = 20): Record<string, string> | null {
  // No prototype: a field named `__proto__` is recorded as a key like any other.
  const errors: Record<string, string> = Object.create(null) as Record<string, string>;
  let found = 0;
  const report = (path: string, code: string) => {
    const field = path || 'body';
    if (!(field in errors)) {
      errors[field] = code;
      found++;
    }
  };
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0 && found < limit) {
    const item = stack.pop()!;
    if (typeof item.value === 'string') {
      if (item.value.includes('\u0000')) report(item.path, 'nul_character');
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= MAX_INPUT_DEPTH) {
      // Named by its first segments: the full path of a hostile depth would be as long as the attack.
      report(item.path.split('.').slice(0, 3).join('.'), 'too_deep');
      continue;
    }
    const isArray = Array.isArray(item.value);
    for (const key of Object.keys(item.value)) {
      const path = item.path ? `${item.path}.${segment(key)}` : segment(key);
      if (!isArray && FORBIDDEN_KEYS.has(key)) {
        report(path, 'unknown_field');
        continue;
      }
      if (key.includes('\u0000')) {
        report(path, 'nul_character');
        continue;
      }
      stack.push({ value: (item.value as Record<string, unknown>)[key], path, depth: item.depth + 1 });
    }
  }
  return found > 0 ? errors : null;
}

import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainedEvent {
  stream: string;
  seq: number;
  type: string;
  at: Date;
  actorId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  data: unknown;
}

/** JSON with sorted keys at every level: the same event always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function eventHash(prevHash: string, e: ChainedEvent): string {
  const canonical = canonicalJson({
    stream: e.stream,
    seq: e.seq,
    type: e.type,
    at: e.at.toISOString(),
    actor: { id: e.actorId, username: e.actorUsername, role: e.actorRole },
    data: e.data,
  });
  return createHash('sha256').update(prevHash).update('\n').update(canonical).digest('hex');
}

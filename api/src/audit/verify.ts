import type { DataSource } from 'typeorm';
import { eventHash, GENESIS_HASH } from './chain.js';

export interface BrokenLink { stream: string; seq: number; id: string; problem: string }
export interface VerifyResult { streams: number; events: number; broken: BrokenLink | null }

interface Row {
  id: string; stream: string; seq: number; type: string; at: Date; actor_id: string | null;
  actor_username: string | null; actor_role: string | null; data: unknown; prev_hash: string; hash: string;
}

/** Recomputes every chain in (stream, seq) order and names the first broken link. */
export async function verifyAuditChains(ds: DataSource, batchSize = 5000): Promise<VerifyResult> {
  let lastKey: [string, number] = ['', 0];
  let prev: { stream: string; seq: number; hash: string } | null = null;
  let streams = 0;
  let events = 0;
  for (;;) {
    const rows: Row[] = await ds.query(
      `SELECT id, stream, seq, type, at, actor_id, actor_username, actor_role, data, prev_hash, hash
         FROM audit_events WHERE (stream, seq) > ($1, $2) ORDER BY stream, seq LIMIT $3`,
      [lastKey[0], lastKey[1], batchSize],
    );
    if (rows.length === 0) return { streams, events, broken: null };
    for (const r of rows) {
      const sameStream: boolean = prev !== null && prev.stream === r.stream;
      if (!sameStream) streams++;
      events++;
      const expectedSeq: number = sameStream ? prev!.seq + 1 : 1;
      const expectedPrev: string = sameStream ? prev!.hash : GENESIS_HASH;
      const fail = (problem: string) => ({ streams, events, broken: { stream: r.stream, seq: r.seq, id: String(r.id), problem } });
      if (r.seq !== expectedSeq) return fail(`sequence gap: expected seq ${expectedSeq}`);
      if (r.prev_hash !== expectedPrev) return fail('prevHash does not match the previous event');
      const recomputed = eventHash(r.prev_hash, {
        stream: r.stream, seq: r.seq, type: r.type, at: new Date(r.at), actorId: r.actor_id,
        actorUsername: r.actor_username, actorRole: r.actor_role, data: r.data,
      });
      if (recomputed !== r.hash) return fail('hash does not match the event content (edited?)');
      prev = { stream: r.stream, seq: r.seq, hash: r.hash };
    }
    const last = rows[rows.length - 1]!;
    lastKey = [last.stream, last.seq];
  }
}

import type { KeyObject } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { eventHash, GENESIS_HASH } from './chain.js';
import {
  checkpointDigest,
  checkpointSignatureValid,
  type CheckpointEntry,
  type CheckpointScope,
  type CheckpointStatement,
  entriesDigest,
  NO_PREVIOUS_CHECKPOINT,
} from './checkpoint-signature.js';

/**
 * `npm run audit:verify`: every chain recomputed, and compared with what the signed checkpoints
 * say it held. An event appended after the last checkpoint that covers its chain is only "not yet
 * checkpointed"; anything else that differs is a finding, named by chain (case) and seq.
 */
export type FindingKind =
  | 'checkpoint' // a checkpoint row missing, altered, unsigned or signed by an unknown key
  | 'truncated' // the event table is empty although checkpoints cover events
  | 'stream_missing' // every event of a checkpointed chain is gone
  | 'missing' // checkpointed events are gone
  | 'changed' // an event differs from what was checkpointed, or from its own hash
  | 'rehashed' // an event's content is as checkpointed but its hashes were recomputed (after an earlier change)
  | 'moved' // an event now sits at another seq than the one it was checkpointed at
  | 'chain' // a break in the part of a chain no checkpoint covers yet
  | 'backdated'; // not covered by a full checkpoint although dated well before it

export interface Finding {
  kind: FindingKind;
  stream: string | null;
  caseId: string | null;
  caseNumber: string | null;
  seqFrom: number | null;
  seqTo: number | null;
  eventId: string | null;
  problem: string;
}

export interface Uncheckpointed {
  stream: string;
  caseId: string | null;
  caseNumber: string | null;
  fromSeq: number;
  toSeq: number;
}

export interface CheckpointSummary {
  number: number;
  scope: CheckpointScope;
  signedAt: Date;
  keyId: string;
  totalStreams: number;
  totalEvents: number;
}

export interface TrailReport {
  streams: number;
  events: number;
  checkpoints: {
    count: number;
    latest: CheckpointSummary | null;
    latestFull: CheckpointSummary | null;
    /** `unchecked` when no trusted public key was given: digests and links are still checked. */
    signatures: 'verified' | 'unchecked';
    keyIds: string[];
  };
  findings: Finding[];
  uncheckpointed: Uncheckpointed[];
  warnings: string[];
}

export interface VerifyTrailOptions {
  /** Trusted public keys by key id; null skips signature checks (not what the CLI does). */
  publicKeys?: Map<string, KeyObject> | null;
  batchSize?: number;
  /** The newest checkpoint number an operator recorded off the server: fewer means the table was rolled back. */
  expectCheckpoint?: number | null;
  /** How often the app makes full checkpoints (minutes), for the staleness warning. */
  checkpointMinutes?: number;
  now?: Date;
}

/**
 * A full checkpoint covers every event committed before it was signed. An event it does not cover
 * yet dated more than this before it was inserted afterwards — beyond what clock skew between
 * instances or a transaction in flight across the checkpoint explains.
 */
export const BACKDATING_TOLERANCE_MS = 5 * 60_000;

interface EventRow {
  id: string;
  stream: string;
  seq: number;
  type: string;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  data: unknown;
  prev_hash: string;
  hash: string;
}

interface CheckpointRow {
  number: number;
  scope: CheckpointScope;
  signed_at: Date;
  prev_digest: string;
  key_id: string;
  total_streams: number;
  total_events: string;
  entry_count: number;
  entries_digest: string;
  digest: string;
  signature: string;
}

/** What the trusted checkpoints say one chain held: hashes of seq 1 … covered. */
interface Coverage {
  covered: number;
  hashes: Buffer;
  /** Which checkpoint first covered each seq range. */
  segments: { checkpoint: number; firstSeq: number; lastSeq: number }[];
}

const CASE_STREAM = /^case:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const range = (from: number, to: number) => (from === to ? `seq ${from}` : `seq ${from}–${to}`);

export async function verifyAuditTrail(ds: DataSource, opts: VerifyTrailOptions = {}): Promise<TrailReport> {
  const batchSize = opts.batchSize ?? 5000;
  const keys = opts.publicKeys ?? null;
  const findings: Finding[] = [];
  const uncheckpointed: Uncheckpointed[] = [];
  const warnings: string[] = [];
  const finding = (f: Partial<Finding> & Pick<Finding, 'kind' | 'problem'>) =>
    findings.push({ stream: null, caseId: null, caseNumber: null, seqFrom: null, seqTo: null, eventId: null, ...f });

  // ---- 1. The checkpoints: numbered without gaps, linked by digest, signed by a trusted key. ----
  const checkpoints = (await ds.query('SELECT * FROM audit_checkpoints ORDER BY number')) as CheckpointRow[];
  const untrusted: number[] = [];
  const keyIds = new Set<string>();
  let latest: CheckpointSummary | null = null;
  let latestFull: CheckpointSummary | null = null;
  let prevDigest = NO_PREVIOUS_CHECKPOINT;
  let expectedNumber = 1;
  for (let i = 0; i < checkpoints.length; i += 200) {
    const window = checkpoints.slice(i, i + 200);
    const entryRows = (await ds.query(
      `SELECT checkpoint_number, stream, first_seq, last_seq, hashes FROM audit_checkpoint_streams
        WHERE checkpoint_number BETWEEN $1 AND $2`,
      [window[0]!.number, window[window.length - 1]!.number],
    )) as { checkpoint_number: number; stream: string; first_seq: number; last_seq: number; hashes: Buffer }[];
    const entriesOf = new Map<number, CheckpointEntry[]>();
    for (const r of entryRows) {
      const list = entriesOf.get(r.checkpoint_number) ?? [];
      list.push({ stream: r.stream, firstSeq: r.first_seq, lastSeq: r.last_seq, hashes: r.hashes });
      entriesOf.set(r.checkpoint_number, list);
    }
    for (const c of window) {
      const problems: string[] = [];
      if (c.number !== expectedNumber) {
        finding({
          kind: 'checkpoint',
          problem: `checkpoint${c.number - expectedNumber > 1 ? `s #${expectedNumber}–${c.number - 1} are` : ` #${expectedNumber} is`} missing (deleted from audit_checkpoints)`,
        });
      }
      expectedNumber = c.number + 1;
      if (c.prev_digest !== prevDigest) problems.push(`does not name the digest of checkpoint #${c.number - 1}`);
      const entries = entriesOf.get(c.number) ?? [];
      const statement: CheckpointStatement = {
        number: c.number,
        scope: c.scope,
        signedAt: new Date(c.signed_at),
        prevDigest: c.prev_digest,
        keyId: c.key_id,
        totalStreams: c.total_streams,
        totalEvents: Number(c.total_events),
        // The row as stored is checked against its signature; its entries against the row.
        entryCount: c.entry_count,
        entriesDigest: c.entries_digest,
      };
      if (entries.length !== c.entry_count || entriesDigest(entries) !== c.entries_digest) {
        problems.push(`its chain entries were altered (${entries.length} rows, ${c.entry_count} signed)`);
      }
      if (checkpointDigest(statement) !== c.digest) problems.push('its row was altered (digest does not match)');
      keyIds.add(c.key_id);
      if (keys) {
        const key = keys.get(c.key_id);
        if (!key) problems.push(`it is signed by key ${c.key_id}, which is not a trusted key`);
        else if (!checkpointSignatureValid(key, statement, c.signature)) problems.push('its signature is not valid');
      }
      // The next checkpoint must name this row's digest as stored: a forged row breaks the link either way.
      prevDigest = c.digest;
      if (problems.length) {
        untrusted.push(c.number);
        finding({ kind: 'checkpoint', problem: `checkpoint #${c.number} cannot be trusted: ${problems.join('; ')}` });
        continue;
      }
      const summary: CheckpointSummary = {
        number: c.number,
        scope: c.scope,
        signedAt: statement.signedAt,
        keyId: c.key_id,
        totalStreams: c.total_streams,
        totalEvents: statement.totalEvents,
      };
      latest = summary;
      if (c.scope === 'all') latestFull = summary;
    }
  }
  const lastNumber = checkpoints.length ? checkpoints[checkpoints.length - 1]!.number : 0;
  if (opts.expectCheckpoint && lastNumber < opts.expectCheckpoint) {
    finding({
      kind: 'checkpoint',
      problem: `the newest checkpoint is #${lastNumber}, but #${opts.expectCheckpoint} was recorded: checkpoints #${lastNumber + 1}–${opts.expectCheckpoint} were deleted`,
    });
  }

  const coverageOf = async (streams: string[]): Promise<Map<string, Coverage>> => {
    const rows = (await ds.query(
      `SELECT checkpoint_number, stream, first_seq, last_seq, hashes FROM audit_checkpoint_streams
        WHERE stream = ANY($1::text[]) AND NOT (checkpoint_number = ANY($2::int[]))
        ORDER BY stream, first_seq, checkpoint_number`,
      [streams, untrusted],
    )) as { checkpoint_number: number; stream: string; first_seq: number; last_seq: number; hashes: Buffer }[];
    const out = new Map<string, Coverage>();
    const parts = new Map<string, Buffer[]>();
    for (const r of rows) {
      const cov = out.get(r.stream) ?? { covered: 0, hashes: Buffer.alloc(0), segments: [] };
      if (r.first_seq !== cov.covered + 1) {
        // Only a signing key in the wrong hands (or a bug) produces this; trust the contiguous part.
        finding({
          kind: 'checkpoint',
          stream: r.stream,
          seqFrom: r.first_seq,
          seqTo: r.last_seq,
          problem: `checkpoint #${r.checkpoint_number} covers ${range(r.first_seq, r.last_seq)} but earlier checkpoints end at seq ${cov.covered}`,
        });
        continue;
      }
      cov.covered = r.last_seq;
      cov.segments.push({ checkpoint: r.checkpoint_number, firstSeq: r.first_seq, lastSeq: r.last_seq });
      parts.set(r.stream, [...(parts.get(r.stream) ?? []), r.hashes]);
      out.set(r.stream, cov);
    }
    for (const [stream, list] of parts) out.get(stream)!.hashes = Buffer.concat(list);
    return out;
  };

  // ---- 2. Every chain, event by event, against its own hashes and its checkpointed ones. ----
  const fullAt = latestFull ? latestFull.signedAt.getTime() : null;
  let streams = 0;
  let events = 0;
  let current: EventRow[] = [];
  const coverage = new Map<string, Coverage>();
  const finish = () => {
    if (current.length === 0) return;
    const stream = current[0]!.stream;
    analyseChain(stream, current, coverage.get(stream) ?? null, fullAt, latestFull?.number ?? null, finding, uncheckpointed);
    coverage.delete(stream);
    current = [];
  };
  let lastKey: [string, number] = ['', 0];
  for (;;) {
    const rows = (await ds.query(
      `SELECT id, stream, seq, type, at, actor_id, actor_username, actor_role, data, prev_hash, hash
         FROM audit_events WHERE (stream, seq) > ($1, $2) ORDER BY stream, seq LIMIT $3`,
      [lastKey[0], lastKey[1], batchSize],
    )) as EventRow[];
    if (rows.length === 0) break;
    const unseen = [...new Set(rows.map((r) => r.stream))].filter((s) => !coverage.has(s) && s !== current[0]?.stream);
    if (unseen.length) for (const [s, c] of await coverageOf(unseen)) coverage.set(s, c);
    for (const r of rows) {
      if (current.length && current[0]!.stream !== r.stream) finish();
      if (current.length === 0) streams++;
      events++;
      current.push(r);
    }
    const last = rows[rows.length - 1]!;
    lastKey = [last.stream, last.seq];
  }
  finish();

  // ---- 3. Checkpointed chains with no event left at all. ----
  const gone = (await ds.query(
    `SELECT s.stream, max(s.last_seq) AS covered, max(s.checkpoint_number) AS checkpoint FROM audit_checkpoint_streams AS s
      WHERE NOT (s.checkpoint_number = ANY($1::int[])) AND NOT EXISTS (SELECT 1 FROM audit_events AS e WHERE e.stream = s.stream)
      GROUP BY s.stream ORDER BY s.stream`,
    [untrusted],
  )) as { stream: string; covered: number; checkpoint: number }[];
  if (events === 0 && latest && latest.totalEvents > 0) {
    finding({
      kind: 'truncated',
      problem: `audit_events is empty, but checkpoint #${latest.number} covers ${latest.totalEvents} events in ${latest.totalStreams} chains: the table was emptied (TRUNCATE or DELETE)`,
    });
  }
  for (const g of gone) {
    finding({
      kind: 'stream_missing',
      stream: g.stream,
      seqFrom: 1,
      seqTo: g.covered,
      problem: `the whole chain is gone (${g.covered} event${g.covered === 1 ? '' : 's'}; checkpointed up to #${g.checkpoint}): deleted`,
    });
  }

  // ---- 4. Names of the cases concerned, and warnings. ----
  const caseIds = [
    ...new Set([...findings, ...uncheckpointed].map((f) => (f.stream ? CASE_STREAM.exec(f.stream)?.[1] : undefined)).filter(Boolean)),
  ];
  const numbers = new Map<string, string>();
  if (caseIds.length) {
    const rows = (await ds.query('SELECT id, case_number FROM cases WHERE id = ANY($1::uuid[])', [caseIds])) as {
      id: string;
      case_number: string;
    }[];
    for (const r of rows) numbers.set(r.id, r.case_number);
  }
  for (const f of [...findings, ...uncheckpointed]) {
    const id = f.stream ? CASE_STREAM.exec(f.stream)?.[1] : undefined;
    if (id) {
      f.caseId = id;
      f.caseNumber = numbers.get(id) ?? null;
    }
  }
  const now = (opts.now ?? new Date()).getTime();
  if (!keys && checkpoints.length) warnings.push('no trusted public key given: checkpoint signatures were not checked');
  if (events > 0 && !latestFull) warnings.push('no full checkpoint yet: deletions of whole chains are caught only once one is made');
  if (
    latestFull &&
    opts.checkpointMinutes &&
    uncheckpointed.length &&
    now - latestFull.signedAt.getTime() > 3 * opts.checkpointMinutes * 60_000
  ) {
    warnings.push(
      `the newest full checkpoint (#${latestFull.number}) is from ${latestFull.signedAt.toISOString()}, although the app makes one every ${opts.checkpointMinutes} min: ` +
        'if it has been running since, newer checkpoints were deleted — compare with the newest checkpoint number in the logs',
    );
  }
  return {
    streams,
    events,
    checkpoints: { count: checkpoints.length, latest, latestFull, signatures: keys ? 'verified' : 'unchecked', keyIds: [...keyIds] },
    findings,
    uncheckpointed,
    warnings,
  };
}

/**
 * One chain. Covered seqs are judged against the checkpointed hashes H: the event at seq s is
 * intact when its hash is H[s] and matches its content; with another hash it is `moved` (it is
 * H[t] for another t), `rehashed` (its content hashed onto H[s-1] gives H[s]: only the hashes were
 * recomputed) or `changed`. The uncovered tail is checked link by link as "not yet checkpointed".
 */
function analyseChain(
  stream: string,
  events: EventRow[],
  cov: Coverage | null,
  fullAt: number | null,
  fullNumber: number | null,
  finding: (f: Partial<Finding> & Pick<Finding, 'kind' | 'problem'>) => void,
  uncheckpointed: Uncheckpointed[],
): void {
  const covered = cov?.covered ?? 0;
  const checkpointed = (s: number) => cov!.hashes.subarray((s - 1) * 32, s * 32).toString('hex');
  const checkpointOf = (s: number) => cov!.segments.find((g) => s >= g.firstSeq && s <= g.lastSeq)!.checkpoint;
  let positions: Map<string, number> | null = null;
  const positionOf = (hash: string) => {
    positions ??= new Map(Array.from({ length: covered }, (_, i) => [checkpointed(i + 1), i + 1]));
    return positions.get(hash);
  };
  const contentHash = (e: EventRow, prev: string) =>
    eventHash(prev, {
      stream: e.stream,
      seq: e.seq,
      type: e.type,
      at: new Date(e.at),
      actorId: e.actor_id,
      actorUsername: e.actor_username,
      actorRole: e.actor_role,
      data: e.data,
    });

  // Consecutive seqs with the same verdict are reported as one range.
  let run: { kind: FindingKind; from: number; to: number; problem: string; eventId: string | null } | null = null;
  const flush = () => {
    if (run) finding({ kind: run.kind, stream, seqFrom: run.from, seqTo: run.to, eventId: run.eventId, problem: run.problem });
    run = null;
  };
  const report = (kind: FindingKind, seq: number, problem: string, eventId: string | null, joinable = true) => {
    if (joinable && run && run.kind === kind && run.problem === problem && run.to === seq - 1) {
      run.to = seq;
      return;
    }
    flush();
    run = { kind, from: seq, to: seq, problem, eventId };
    if (!joinable) flush();
  };

  const bySeq = new Map(events.map((e) => [e.seq, e]));
  for (let s = 1; s <= covered; s++) {
    const e = bySeq.get(s);
    const cp = checkpointOf(s);
    if (!e) {
      report('missing', s, `missing — checkpoint #${cp} covered it: deleted`, null);
      continue;
    }
    const signed = checkpointed(s);
    if (e.hash === signed) {
      if (contentHash(e, e.prev_hash) !== e.hash || e.prev_hash !== (s === 1 ? GENESIS_HASH : checkpointed(s - 1))) {
        report('changed', s, `changed — no longer matches the hash checkpoint #${cp} signed: edited`, e.id);
      }
      continue;
    }
    const elsewhere = positionOf(e.hash);
    if (elsewhere !== undefined) {
      report(
        'moved',
        s,
        `holds the event checkpoint #${checkpointOf(elsewhere)} signed as seq ${elsewhere}: reordered or renumbered`,
        e.id,
        false,
      );
    } else if (contentHash(e, s === 1 ? GENESIS_HASH : checkpointed(s - 1)) === signed) {
      report('rehashed', s, 'content as checkpointed, but its hashes were recomputed to chain onto the changed event before it', e.id);
    } else {
      report('changed', s, `changed — not the event checkpoint #${cp} signed: rewritten`, e.id);
    }
  }
  flush();

  // The tail no checkpoint covers yet: links as the table holds them.
  const tail = events.filter((e) => e.seq > covered);
  let prevHash = covered === 0 ? GENESIS_HASH : checkpointed(covered);
  let expected = covered + 1;
  for (const e of tail) {
    if (e.seq !== expected) {
      report('chain', e.seq, `sequence gap: expected seq ${expected}`, e.id, false);
    } else if (e.prev_hash !== prevHash) {
      const selfConsistent = contentHash(e, e.prev_hash) === e.hash;
      if (e.seq === covered + 1 && selfConsistent) {
        report('rehashed', e.seq, `re-linked onto a rewritten seq ${covered} (not yet checkpointed itself)`, e.id, false);
      } else {
        report('chain', e.seq, 'prevHash does not match the previous event', e.id, false);
      }
    } else if (contentHash(e, e.prev_hash) !== e.hash) {
      report('chain', e.seq, 'hash does not match the event content (edited?)', e.id, false);
    }
    if (fullAt !== null && new Date(e.at).getTime() < fullAt - BACKDATING_TOLERANCE_MS) {
      report(
        'backdated',
        e.seq,
        `dated ${new Date(e.at).toISOString()}, before full checkpoint #${fullNumber} (${new Date(fullAt).toISOString()}), yet not in it: inserted afterwards (forged or back-dated)`,
        e.id,
        false,
      );
    }
    prevHash = e.hash;
    expected = e.seq + 1;
  }
  flush();
  if (tail.length)
    uncheckpointed.push({ stream, caseId: null, caseNumber: null, fromSeq: tail[0]!.seq, toSeq: tail[tail.length - 1]!.seq });
}

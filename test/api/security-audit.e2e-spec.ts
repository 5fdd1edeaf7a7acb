import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { AuditCheckpointService } from '../../api/src/audit/audit-checkpoint.service.js';
import { eventHash } from '../../api/src/audit/chain.js';
import { publicKeyPem, publicKeysFromPem, signingKeyFromPem } from '../../api/src/audit/checkpoint-signature.js';
import { type Finding, verifyAuditTrail } from '../../api/src/audit/verify-trail.js';
import { loadConfig } from '../../api/src/config/app-config.js';
import { auth, caseBody, createWorld, type World } from './support/factories.js';
import { databaseUrlAs, startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 12 item 6: the audit trail cannot be shortened or rewritten unnoticed. Each tamper case is
 * done the way an attacker with the database's superuser would (triggers bypassed), and
 * `npm run audit:verify` must name the case and the seqs concerned and exit non-zero.
 */
let t: TestApp;
let w: World;
let su: pg.Client;
let keyFile: string;
let checkpoints: AuditCheckpointService;

interface TestCase {
  id: string;
  caseNumber: string;
}
const cases: Record<string, TestCase> = {};
const stream = (c: TestCase) => `case:${c.id}`;

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);

/** registered (1), delegated (2, delegation letter), claimed (3), session recorded (4, session record). */
async function caseWithHistory(): Promise<TestCase> {
  const c = await post('/api/cases', w.tokens.clerk1!, caseBody());
  expect(c.status).toBe(201);
  expect((await post(`/api/cases/${c.body.id}/delegate`, w.tokens.clerk1!, {})).status).toBe(200);
  expect((await post(`/api/cases/${c.body.id}/claim`, w.tokens.m1!)).status).toBe(200);
  const session = await post(`/api/cases/${c.body.id}/sessions`, w.tokens.m1!, {
    heldAt: new Date(Date.now() - 3600_000).toISOString(),
    mode: 'phone',
    attendees: ['刘小富', '张某'],
    minutes: '双方陈述意见。',
  });
  expect(session.status).toBe(201);
  return { id: c.body.id, caseNumber: c.body.caseNumber };
}

/** As the superuser, with the append-only triggers bypassed, in one transaction. */
async function tamper(fn: (q: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>) => Promise<void>): Promise<void> {
  await su.query('BEGIN');
  try {
    await su.query('SET LOCAL session_replication_role = replica');
    await fn((sql, params) => su.query(sql, params));
    await su.query('COMMIT');
  } catch (e) {
    await su.query('ROLLBACK');
    throw e;
  }
}

interface Row {
  seq: number;
  stream: string;
  type: string;
  at: Date;
  actor_id: string | null;
  actor_username: string | null;
  actor_role: string | null;
  data: unknown;
}
const hashOf = (prev: string, r: Row) =>
  eventHash(prev, {
    stream: r.stream,
    seq: r.seq,
    type: r.type,
    at: new Date(r.at),
    actorId: r.actor_id,
    actorUsername: r.actor_username,
    actorRole: r.actor_role,
    data: r.data,
  });

/** Rewrites prev_hash/hash of `stream` from `fromSeq` on, as a careful forger would. */
async function recomputeFrom(q: (sql: string, params?: unknown[]) => Promise<pg.QueryResult>, s: string, fromSeq: number) {
  const rows = (await q('SELECT * FROM audit_events WHERE stream = $1 ORDER BY seq', [s])).rows as (Row & { hash: string; id: string })[];
  let prev = rows.find((r) => r.seq === fromSeq - 1)?.hash ?? '0'.repeat(64);
  for (const r of rows.filter((x) => x.seq >= fromSeq)) {
    const hash = hashOf(prev, r);
    await q('UPDATE audit_events SET prev_hash = $2, hash = $3 WHERE id = $1', [r.id, prev, hash]);
    prev = hash;
  }
}

const report = () => verifyAuditTrail(t.db, { publicKeys: publicKeysFromPem(publicKeyPem(signingKeyFromPem(signingPem()).publicKey)) });
const signingPem = () => loadConfig({ DATA_DIR: '/tmp/sutiao-test-data' }).audit.signingKeyPem!;
const of = (findings: Finding[], c: TestCase) =>
  findings
    .filter((f) => f.stream === stream(c))
    .map((f) => ({ kind: f.kind, seqFrom: f.seqFrom, seqTo: f.seqTo, caseNumber: f.caseNumber }));

function cli(...args: string[]) {
  return spawnSync(process.execPath, ['dist/api/audit/verify-cli.js', '--public-key', keyFile, ...args], {
    env: { ...process.env, DATABASE_URL: t.databaseUrl },
    encoding: 'utf8',
  });
}

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
  checkpoints = t.app.get(AuditCheckpointService);
  su = new pg.Client({ connectionString: databaseUrlAs('superuser', t.databaseUrl) });
  await su.connect();
  const dir = mkdtempSync(join(tmpdir(), 'sutiao-audit-key-'));
  keyFile = join(dir, 'audit-public-key.pem');
  writeFileSync(keyFile, publicKeyPem(signingKeyFromPem(signingPem()).publicKey));
  for (const name of ['deleteLast', 'deleteStream', 'rewriteRecompute', 'rewriteOnly', 'forgeAtEnd', 'reorder', 'renumber', 'later']) {
    cases[name] = await caseWithHistory();
  }
});
afterAll(async () => {
  await su?.end();
  await t?.close();
});

describe('checkpoints', () => {
  it('signs the case chain right after a document is issued, off the request', async () => {
    await checkpoints.settled();
    const [row] = (
      await su.query(`SELECT max(last_seq) AS covered FROM audit_checkpoint_streams WHERE stream = $1`, [stream(cases.later!)])
    ).rows;
    expect(row.covered).toBe(4); // the session record was issued with event 4
    const scopes = (await su.query(`SELECT DISTINCT scope FROM audit_checkpoints`)).rows.map((r) => r.scope);
    expect(scopes).toEqual(['streams']);
  });

  it('makes full checkpoints from two instances at once without a gap or a fork', async () => {
    const second = await startTestApp({ databaseUrl: t.databaseUrl });
    try {
      const made = await Promise.all([checkpoints.checkpointNow(), second.app.get(AuditCheckpointService).checkpointNow()]);
      expect(made.flat().map((c) => c.scope)).toEqual(['all', 'all']);
    } finally {
      await second.close();
    }
    const rows = (await su.query('SELECT number FROM audit_checkpoints ORDER BY number')).rows.map((r) => r.number);
    expect(rows).toEqual(rows.map((_, i) => i + 1));
    const r = await report();
    expect(r.findings).toEqual([]);
    expect(r.checkpoints.latestFull?.totalEvents).toBe(r.events);
  });

  it('verifies intact, with the public key from off the server; later events are only "not yet checkpointed"', async () => {
    expect((await post(`/api/cases/${cases.later!.id}/release`, w.tokens.m1!, { reason: '需要更换调解员' })).status).toBe(200);
    const res = cli();
    expect(res.stderr).toBe('');
    expect(res.status).toBe(0);
    expect(res.stdout).toContain(`signatures checked against ${keyFile}`);
    expect(res.stdout).toContain(
      `Not yet checkpointed (appended after the newest checkpoint of their chain; not an error): 1 event(s) in 1 chain(s) — ${stream(cases.later!)} seq 5 (case ${cases.later!.caseNumber})`,
    );
    expect(res.stdout).toMatch(/Audit trail intact: \d+ events in \d+ chains/);
  });

  it('refuses TRUNCATE, UPDATE and DELETE on the audit tables, for the owner too', async () => {
    const app = new pg.Client({ connectionString: databaseUrlAs('app', t.databaseUrl) });
    const owner = new pg.Client({ connectionString: databaseUrlAs('owner', t.databaseUrl) });
    await app.connect();
    await owner.connect();
    try {
      for (const table of ['audit_events', 'audit_checkpoints', 'audit_checkpoint_streams']) {
        await expect(app.query(`TRUNCATE ${table}`)).rejects.toThrow(/permission denied|append-only/);
        await expect(owner.query(`TRUNCATE ${table}`)).rejects.toThrow(`${table} is append-only (TRUNCATE refused)`);
        await expect(su.query(`TRUNCATE ${table}`)).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
        await expect(app.query(`DELETE FROM ${table}`)).rejects.toThrow(/permission denied|append-only/);
      }
      await expect(app.query(`UPDATE audit_checkpoints SET scope = 'all'`)).rejects.toThrow(/permission denied|append-only/);
      await expect(owner.query(`UPDATE audit_checkpoint_streams SET last_seq = last_seq`)).rejects.toThrow(
        /append-only \(UPDATE refused\)/,
      );
    } finally {
      await app.end();
      await owner.end();
    }
  });
});

describe('tampering, as the superuser with the triggers bypassed', () => {
  it('(1) the last event of a case deleted', async () => {
    const c = cases.deleteLast!;
    await tamper((q) => q('DELETE FROM audit_events WHERE stream = $1 AND seq = 4', [stream(c)]).then(() => {}));
    expect(of((await report()).findings, c)).toEqual([{ kind: 'missing', seqFrom: 4, seqTo: 4, caseNumber: c.caseNumber }]);
  });

  it('(2) a whole case stream deleted', async () => {
    const c = cases.deleteStream!;
    await tamper((q) => q('DELETE FROM audit_events WHERE stream = $1', [stream(c)]).then(() => {}));
    expect(of((await report()).findings, c)).toEqual([{ kind: 'stream_missing', seqFrom: 1, seqTo: 4, caseNumber: c.caseNumber }]);
  });

  it('(3) one event rewritten and the rest of its chain recomputed', async () => {
    const c = cases.rewriteRecompute!;
    await tamper(async (q) => {
      await q(`UPDATE audit_events SET data = jsonb_set(data, '{to}', '"withdrawn"') WHERE stream = $1 AND seq = 2`, [stream(c)]);
      await recomputeFrom(q, stream(c), 2);
    });
    const r = await report();
    expect(of(r.findings, c)).toEqual([
      { kind: 'changed', seqFrom: 2, seqTo: 2, caseNumber: c.caseNumber },
      { kind: 'rehashed', seqFrom: 3, seqTo: 4, caseNumber: c.caseNumber },
    ]);
  });

  it('(4) one event rewritten without recomputing', async () => {
    const c = cases.rewriteOnly!;
    await tamper((q) => q(`UPDATE audit_events SET actor_username = 'judge1' WHERE stream = $1 AND seq = 3`, [stream(c)]).then(() => {}));
    expect(of((await report()).findings, c)).toEqual([{ kind: 'changed', seqFrom: 3, seqTo: 3, caseNumber: c.caseNumber }]);
  });

  it('(5) a forged event appended with a valid hash, dated back into the checkpointed past', async () => {
    const c = cases.forgeAtEnd!;
    await tamper(async (q) => {
      const [last] = (await q('SELECT * FROM audit_events WHERE stream = $1 ORDER BY seq DESC LIMIT 1', [stream(c)])).rows as (Row & {
        hash: string;
        case_id: string;
      })[];
      const forged: Row = {
        ...last!,
        seq: 5,
        type: 'case.withdrawn',
        at: new Date(new Date(last!.at).getTime() - 3600_000),
        data: { from: 'in_mediation', to: 'withdrawn' },
      };
      await q(
        `INSERT INTO audit_events (stream, case_id, seq, type, at, actor_id, actor_username, actor_role, data, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          forged.stream,
          last!.case_id,
          5,
          forged.type,
          forged.at,
          forged.actor_id,
          forged.actor_username,
          forged.actor_role,
          JSON.stringify(forged.data),
          last!.hash,
          hashOf(last!.hash, forged),
        ],
      );
    });
    const r = await report();
    expect(of(r.findings, c)).toEqual([{ kind: 'backdated', seqFrom: 5, seqTo: 5, caseNumber: c.caseNumber }]);
  });

  it('(7) events reordered, and renumbered after a deletion', async () => {
    const a = cases.reorder!;
    const b = cases.renumber!;
    await tamper(async (q) => {
      await q('UPDATE audit_events SET seq = -2 WHERE stream = $1 AND seq = 2', [stream(a)]);
      await q('UPDATE audit_events SET seq = 2 WHERE stream = $1 AND seq = 3', [stream(a)]);
      await q('UPDATE audit_events SET seq = 3 WHERE stream = $1 AND seq = -2', [stream(a)]);
      await q('DELETE FROM audit_events WHERE stream = $1 AND seq = 2', [stream(b)]);
      await q('UPDATE audit_events SET seq = seq - 1 WHERE stream = $1 AND seq > 2', [stream(b)]);
    });
    const r = await report();
    expect(of(r.findings, a)).toEqual([
      { kind: 'moved', seqFrom: 2, seqTo: 2, caseNumber: a.caseNumber },
      { kind: 'moved', seqFrom: 3, seqTo: 3, caseNumber: a.caseNumber },
    ]);
    expect(of(r.findings, b)).toEqual([
      { kind: 'moved', seqFrom: 2, seqTo: 2, caseNumber: b.caseNumber },
      { kind: 'moved', seqFrom: 3, seqTo: 3, caseNumber: b.caseNumber },
      { kind: 'missing', seqFrom: 4, seqTo: 4, caseNumber: b.caseNumber },
    ]);
  });

  it('a checkpoint row deleted is caught by the signature of its checkpoint', async () => {
    // A case of its own, so the checkpoint made at its delegation covers nothing else.
    const c = await post('/api/cases', w.tokens.clerk1!, caseBody());
    expect((await post(`/api/cases/${c.body.id}/delegate`, w.tokens.clerk1!, {})).status).toBe(200);
    await checkpoints.settled();
    await tamper((q) => q('DELETE FROM audit_checkpoint_streams WHERE stream = $1', [`case:${c.body.id}`]).then(() => {}));
    const r = await report();
    expect(r.findings.filter((f) => f.kind === 'checkpoint').map((f) => f.problem)).toEqual([
      expect.stringMatching(/^checkpoint #\d+ cannot be trusted: its chain entries were altered \(0 rows, 1 signed\)/),
    ]);
  });

  it('a checkpoint signed by a key that is not trusted is a finding', async () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const r = await verifyAuditTrail(t.db, { publicKeys: publicKeysFromPem(publicKeyPem(publicKey)) });
    expect(r.findings.filter((f) => f.kind === 'checkpoint').length).toBeGreaterThan(1);
    expect(r.findings.some((f) => /signed by key [0-9a-f]{16}, which is not a trusted key/.test(f.problem))).toBe(true);
  });

  it('audit:verify names every tampered case and seq and exits 1', () => {
    const res = cli();
    expect(res.status).toBe(1);
    const n = (c: TestCase) => `stream ${stream(c)}, `;
    for (const line of [
      `${n(cases.deleteLast!)}seq 4 (case ${cases.deleteLast!.caseNumber}): missing — checkpoint #`,
      `${n(cases.deleteStream!)}seq 1–4 (case ${cases.deleteStream!.caseNumber}): the whole chain is gone (4 events;`,
      `${n(cases.rewriteRecompute!)}seq 2 (case ${cases.rewriteRecompute!.caseNumber}): changed — not the event checkpoint #`,
      `${n(cases.rewriteRecompute!)}seq 3–4 (case ${cases.rewriteRecompute!.caseNumber}): content as checkpointed, but its hashes were recomputed`,
      `${n(cases.rewriteOnly!)}seq 3 (case ${cases.rewriteOnly!.caseNumber}): changed — no longer matches the hash checkpoint #`,
      `${n(cases.forgeAtEnd!)}seq 5 (case ${cases.forgeAtEnd!.caseNumber}): dated `,
      `${n(cases.reorder!)}seq 2 (case ${cases.reorder!.caseNumber}): holds the event checkpoint #`,
      `${n(cases.renumber!)}seq 4 (case ${cases.renumber!.caseNumber}): missing`,
    ]) {
      expect(res.stderr).toContain(`AUDIT TRAIL BROKEN at ${line}`);
    }
    expect(res.stderr).toMatch(/AUDIT TRAIL BROKEN: \d+ finding\(s\) in 7 chain\(s\)/);
  });

  it('(6) TRUNCATE (with the trigger bypassed): every checkpointed chain is reported gone', async () => {
    await tamper((q) => q('TRUNCATE audit_events').then(() => {}));
    const res = cli();
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(
      /AUDIT TRAIL BROKEN: audit_events is empty, but checkpoint #\d+ covers \d+ events in \d+ chains: the table was emptied/,
    );
    for (const c of Object.values(cases)) expect(res.stderr).toContain(`AUDIT TRAIL BROKEN at stream ${stream(c)}, seq 1–`);
  });
});

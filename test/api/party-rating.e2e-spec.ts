// Joint application online (issue 16 item 5) and the parties' ratings (item 6): each applicant joins the
// 司法确认 application from their phone (pre-litigation, agreement in effect, within 30 days, idempotent);
// after the mediation ended each party rates once; statistics gain satisfactionRate and ratingsCount
// overall, per organization and mediator, in the export and the bulletin — never with comments or names.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auth, createWorld, type World } from './support/factories.js';
import { appToday } from './support/followup.js';
import { agreementBody, caseInMediation, type PartyCase } from './support/party-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;
let work: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
  work = mkdtempSync(join(tmpdir(), 'sutiao-rating-'));
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await t?.close();
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token));
const binary = (r: { on: (e: string, f: (c?: Buffer) => void) => void }, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  r.on('data', (c?: Buffer) => chunks.push(c!));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Agreed on paper (the quickest way to an effective agreement). */
async function agreed(c: PartyCase, mediator = 'm1') {
  const res = await post(`/api/cases/${c.id}/agreement`, w.tokens[mediator]!, {
    ...agreementBody(c),
    signatures: undefined,
    signedAt: new Date(Date.now() - 60_000).toISOString(),
  });
  expect(res.status).toBe(200);
  return res.body;
}

describe('joint application for judicial confirmation', () => {
  it('is joined by each party once the agreement is in effect, and the clerk files it', async () => {
    const c = await caseInMediation(t, w);
    const early = await post('/api/party/confirmation/join', c.applicant.token);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ILLEGAL_TRANSITION');

    const kase = await agreed(c);
    const view = await get('/api/party/confirmation', c.applicant.token);
    expect(view.body).toMatchObject({
      eligible: true,
      applyBy: kase.deadlines.confirmationApplyBy,
      withinWindow: true,
      joinedAt: null,
      joinedCount: 0,
      partyCount: 2,
      filed: false,
    });
    const first = await post('/api/party/confirmation/join', c.applicant.token);
    expect(first.status).toBe(200);
    expect(first.body.joinedAt).not.toBeNull();
    const twice = await Promise.all([
      post('/api/party/confirmation/join', c.applicant.token),
      post('/api/party/confirmation/join', c.applicant.token),
    ]);
    for (const r of twice) expect(r.body).toMatchObject({ joinedAt: first.body.joinedAt, joinedCount: 1 });
    expect((await post('/api/party/confirmation/join', c.respondent.token)).body.joinedCount).toBe(2);

    const staff = await get(`/api/cases/${c.id}`, w.tokens.clerk1!);
    expect(staff.body.confirmationJoins.map((j: { partyId: string }) => j.partyId).sort()).toEqual(
      [c.applicant.partyId, c.respondent.partyId].sort(),
    );
    const filed = await post(`/api/cases/${c.id}/confirmation`, w.tokens.clerk1!, { jointApplication: true });
    expect(filed.status).toBe(200);
    expect((await get('/api/party/confirmation', c.respondent.token)).body).toMatchObject({
      filed: true,
      confirmationCaseNumber: expect.any(String),
    });
    const events = (await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!)).body as { type: string; data: Record<string, unknown> }[];
    expect(events.filter((e) => e.type === 'party.confirmation_joined')).toHaveLength(2);
    expect(events.find((e) => e.type === 'case.confirmation_applied')!.data).toMatchObject({ allJoinedOnline: true });
  });

  it('refuses after the 30-day window and on the entrusted track', async () => {
    const c = await caseInMediation(t, w);
    await agreed(c);
    await t.db.query(`UPDATE cases SET confirmation_apply_by = '2020-01-31' WHERE id = $1`, [c.id]);
    const late = await post('/api/party/confirmation/join', c.applicant.token);
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('DEADLINE_PASSED');
    expect((await get('/api/party/confirmation', c.applicant.token)).body).toMatchObject({ withinWindow: false, applyBy: '2020-01-31' });

    const e = await caseInMediation(t, w, { track: 'entrusted' });
    await agreed(e);
    const entrusted = await post('/api/party/confirmation/join', e.applicant.token);
    expect(entrusted.status).toBe(409);
    expect((await get('/api/party/confirmation', e.applicant.token)).body.eligible).toBe(false);
  });
});

describe('ratings', () => {
  it('rates once after the mediation ended; the statistics count them without comments or names', async () => {
    const c = await caseInMediation(t, w);
    const early = await post('/api/party/rating', c.applicant.token, { score: 5 });
    expect(early.status).toBe(409);
    expect((await get('/api/party/rating', c.applicant.token)).body).toMatchObject({ canRate: false, score: null });
    await agreed(c);

    for (const bad of [
      { score: 0 },
      { score: 6 },
      { score: 4.5 },
      { score: '5' },
      {},
      { score: 5, comment: 'x'.repeat(501) },
      { score: 5, extra: 1 },
    ])
      expect((await post('/api/party/rating', c.applicant.token, bad)).status).toBe(400);
    const secret = '调解员耐心细致，甲某非常感谢';
    const rated = await post('/api/party/rating', c.applicant.token, { score: 5, comment: secret });
    expect(rated.status).toBe(200);
    expect(rated.body).toMatchObject({ canRate: false, score: 5, comment: secret });
    const again = await post('/api/party/rating', c.applicant.token, { score: 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE');
    expect((await post('/api/party/rating', c.respondent.token, { score: 3 })).status).toBe(200);

    // A failed mediation (m2, the other organization) can be rated too.
    const f = await caseInMediation(t, w, { mediator: 'm2' });
    expect(
      (await post(`/api/cases/${f.id}/termination`, w.tokens.m2!, { reason: 'irreconcilable', details: '双方分歧较大。' })).status,
    ).toBe(200);
    expect((await post('/api/party/rating', f.applicant.token, { score: 4 })).status).toBe(200);

    const events = (await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!)).body as { type: string; data: Record<string, unknown> }[];
    const ratedEvents = events.filter((e) => e.type === 'party.rated');
    expect(ratedEvents).toHaveLength(2);
    expect(JSON.stringify(ratedEvents)).not.toContain(secret);

    const summary = await get('/api/stats/summary', w.tokens.stats1!);
    expect(summary.status).toBe(200);
    expect(summary.body).toMatchObject({ ratingsCount: 3, satisfactionRate: 0.6667 });
    const byOrg = await get('/api/stats/breakdown?by=organization', w.tokens.stats1!);
    expect(byOrg.body.rows.find((r: { key: string }) => r.key === w.orgA)).toMatchObject({ ratingsCount: 2, satisfactionRate: 0.5 });
    expect(byOrg.body.rows.find((r: { key: string }) => r.key === w.orgB)).toMatchObject({ ratingsCount: 1, satisfactionRate: 1 });
    expect(byOrg.body.totals).toMatchObject({ ratingsCount: 3, satisfactionRate: 0.6667 });
    const byMediator = await get('/api/stats/breakdown?by=mediator', w.tokens.stats1!);
    expect(byMediator.body.rows.find((r: { key: string }) => r.key === w.users.m1!.id)).toMatchObject({ ratingsCount: 2 });
    const byMonth = await get('/api/stats/breakdown?by=month', w.tokens.stats1!);
    const month = appToday(t).slice(0, 7);
    expect(byMonth.body.rows.find((r: { key: string }) => r.key === month)).toMatchObject({ ratingsCount: 3 });
    // A period without ratings: null, not 0.
    expect((await get('/api/stats/summary?from=2025-01-01&to=2025-01-31', w.tokens.stats1!)).body).toMatchObject({
      ratingsCount: 0,
      satisfactionRate: null,
    });

    const csv = await get('/api/stats/export?format=csv&by=organization', w.tokens.stats1!);
    expect(csv.status).toBe(200);
    const text = csv.text;
    const header = text
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]!
      .split(',');
    expect(header).toEqual(expect.arrayContaining(['当事人评价（件）', '满意率']));
    expect(text).not.toContain(secret);
    expect(text).not.toContain('甲某');

    const bulletin = await get(`/api/stats/bulletin?month=${month}&minCases=1`, w.tokens.stats1!).buffer(true).parse(binary);
    expect(bulletin.status).toBe(200);
    const file = join(work, 'b.pdf');
    writeFileSync(file, bulletin.body as Buffer);
    const pdf = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(pdf).toContain('当事人满意率66.67%');
    expect(pdf).toContain('满意率');
    expect(pdf).toContain('不少于1件');
    expect(pdf).not.toContain(secret);

    const ranking = await get(`/api/stats/ranking?month=${month}&minCases=1`, w.tokens.stats1!);
    expect(ranking.status).toBe(200);
    expect([...ranking.body.red, ...ranking.body.black].find((e: { organizationId: string }) => e.organizationId === w.orgB)).toMatchObject(
      {
        ratingsCount: 1,
        satisfactionRate: 1,
      },
    );
    // Parties cannot read statistics; statisticians cannot call party paths.
    expect((await get('/api/stats/summary', c.applicant.token)).status).toBe(403);
    expect((await get('/api/party/rating', w.tokens.stats1!)).status).toBe(403);
  });
});

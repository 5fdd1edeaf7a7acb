import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addCalendarDays } from '../../api/src/rules/calendar.js';
import { auth, caseBody, createWorld, type World } from './support/factories.js';
import { agreedCase, appToday } from './support/followup.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
});
afterAll(async () => {
  await t?.close();
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token));
const record = (caseId: string, token: string, body: object) => post(`/api/cases/${caseId}/followup-records`, token, body);
const visit = (overrides: object = {}) => ({
  contactedOn: appToday(t),
  method: 'phone',
  contactedPerson: '申请人刘小富',
  outcome: 'partially_performed',
  notes: '电话回访申请人，其表示已收到第一期款项，第二期尚未到期。',
  ...overrides,
});

function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sutiao-followup-')), 'record.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('回访记录 (followup_record)', () => {
  it('records a follow-up, audits it and issues the 回访记录 with the payment evidence list', async () => {
    const c = await agreedCase(t, w, [
      { amount: '600.00', dueInDays: 5 },
      { amount: '400.00', dueInDays: 40 },
    ]);
    const [o1] = c.obligations;
    const paid = await post(`/api/cases/${c.id}/obligations/${o1.id}/performance`, w.tokens.m1!, {
      status: 'performed',
      evidenceNote: '农业银行转账凭证 流水号0001',
    });
    expect(paid.status).toBe(200);

    const res = await record(c.id, w.tokens.m1!, visit({ version: c.version }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      caseId: c.id,
      seq: 1,
      method: 'phone',
      outcome: 'partially_performed',
      contactedPerson: '申请人刘小富',
      recordedBy: { id: w.users.m1!.id },
    });
    expect(res.body.documentId).toEqual(expect.any(String));

    const second = await record(c.id, w.tokens.clerk1!, visit({ method: 'visit', outcome: 'other', contactedPerson: '被申请人' }));
    expect(second.status).toBe(201);
    expect(second.body.seq).toBe(2);

    const list = await get(`/api/cases/${c.id}/followup-records`, w.tokens.judge1!);
    expect(list.status).toBe(200);
    expect(list.body.map((r: { seq: number }) => r.seq)).toEqual([1, 2]);

    const view = await get(`/api/cases/${c.id}`, w.tokens.m1!);
    expect(view.body.version).toBe(c.version + 2);
    const docs = view.body.documents.filter((d: { kind: string }) => d.kind === 'followup_record');
    expect(docs.map((d: { id: string }) => d.id)).toEqual([res.body.documentId, second.body.documentId]);

    const events = (await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!)).body as { type: string; data: Record<string, unknown> }[];
    const recorded = events.filter((e) => e.type === 'followup.recorded');
    expect(recorded).toHaveLength(2);
    expect(recorded[0]!.data).toMatchObject({ seq: 1, method: 'phone', documentId: res.body.documentId });

    const pdf = await t.http.get(`/api/documents/${res.body.documentId}`).set(auth(w.tokens.clerk1!)).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = pdfText(pdf.body as Buffer);
    for (const s of ['人民调解回访记录', '第一次回访', '电话回访', '申请人刘小富', '部分履行', '流水号0001', '尚未履行人民币400.00元'])
      expect(text).toContain(s);
  });

  it('rejects bad input naming the field, and saves nothing', async () => {
    const c = await agreedCase(t, w, [{ amount: '100.00', dueInDays: 5 }]);
    const cases: [object, string][] = [
      [visit({ method: 'letter' }), 'method'],
      [visit({ outcome: 'paid' }), 'outcome'],
      [visit({ contactedOn: '2026-02-30' }), 'contactedOn'],
      [visit({ contactedOn: addCalendarDays(appToday(t), 1) }), 'contactedOn'],
      [visit({ contactedPerson: '   ' }), 'contactedPerson'],
      [visit({ notes: '' }), 'notes'],
      [visit({ notes: 'x'.repeat(10001) }), 'notes'],
      [visit({ extra: 1 }), 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await record(c.id, w.tokens.m1!, body);
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
    const stale = await record(c.id, w.tokens.m1!, visit({ version: c.version - 1 }));
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await get(`/api/cases/${c.id}/followup-records`, w.tokens.m1!)).body).toEqual([]);
    const view = await get(`/api/cases/${c.id}`, w.tokens.m1!);
    expect(view.body.version).toBe(c.version);
    expect(view.body.documents.some((d: { kind: string }) => d.kind === 'followup_record')).toBe(false);
  });

  it('only the handling mediator or a clerk records; others 403/404; a case without agreement 409', async () => {
    const c = await agreedCase(t, w, [{ amount: '100.00', dueInDays: 5 }]);
    expect((await record(c.id, w.tokens.m2!, visit())).status).toBe(404);
    expect((await record(c.id, w.tokens.judge1!, visit())).status).toBe(403);
    expect((await record(c.id, w.tokens.stats1!, visit())).status).toBe(403);
    expect((await get(`/api/cases/${c.id}/followup-records`, w.tokens.stats1!)).status).toBe(403);
    expect((await get(`/api/cases/${c.id}/followup-records`, w.tokens.m2!)).status).toBe(404);
    expect((await record('00000000-0000-4000-8000-000000000000', w.tokens.clerk1!, visit())).status).toBe(404);

    const fresh = (await post('/api/cases', w.tokens.clerk1!, caseBody())).body;
    const early = await record(fresh.id, w.tokens.clerk1!, visit());
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('ILLEGAL_TRANSITION');
    expect((await get(`/api/cases/${c.id}/followup-records`, w.tokens.m1!)).body).toEqual([]);
  });

  it('after the case ends with an agreement its mediator still follows it up: records and downloads the 回访记录 (masked)', async () => {
    const c = await agreedCase(t, w, [{ amount: '300.00', dueInDays: 5 }]);
    expect((await post(`/api/cases/${c.id}/confirmation`, w.tokens.clerk1!, { jointApplication: true })).status).toBe(200);
    const confirmed = await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.judge1!, {
      result: 'confirmed',
      reasoning: '协议合法有效。',
    });
    expect(confirmed.body.status).toBe('confirmed');
    const res = await record(c.id, w.tokens.m1!, visit({ outcome: 'not_performed' }));
    expect(res.status).toBe(201);
    const pdf = await t.http.get(`/api/documents/${res.body.documentId}`).set(auth(w.tokens.m1!)).buffer(true).parse(binary);
    expect(pdf.status).toBe(200);
    expect(pdfText(pdf.body as Buffer)).toContain('人民调解回访记录');
    const ruling = confirmed.body.documents.find((d: { kind: string }) => d.kind === 'ruling');
    expect((await t.http.get(`/api/documents/${ruling.id}`).set(auth(w.tokens.m1!))).status).toBe(200);
    expect((await t.http.get(`/api/cases/${c.id}/dossier`).set(auth(w.tokens.m1!))).status).toBe(200);
    // Another mediator never sees the case, closed or not.
    expect((await t.http.get(`/api/documents/${res.body.documentId}`).set(auth(w.tokens.m2!))).status).toBe(404);
  });
});

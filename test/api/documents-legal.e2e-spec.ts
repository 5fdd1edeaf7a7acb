// Issue 14 items 8–11: what a 立案庭 judge checks on the documents, read back from the served PDFs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../api/src/common/clock.js';
import { CONTENT_BOTTOM } from '../../api/src/documents/pdf/page-style.js';
import { auth, caseBody, createWorld, type World } from './support/factories.js';
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
const binary = (res: { on: (e: string, f: (c?: Buffer) => void) => void }, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c?: Buffer) => chunks.push(c!));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
/** The text of every page's body (the footer area cropped away), whitespace removed. */
function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sutiao-legal-')), 'doc.pdf');
  writeFileSync(file, pdf);
  const body = ['-raw', '-x', '0', '-y', '0', '-W', '596', '-H', String(Math.floor(CONTENT_BOTTOM))];
  return execFileSync('pdftotext', [...body, file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
function fullText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sutiao-legal-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
const pages = (pdf: Buffer) => {
  const file = join(mkdtempSync(join(tmpdir(), 'sutiao-legal-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
};
async function documentText(c: { documents: { id: string; kind: string }[] }, kind: string, token = w.tokens.clerk1!) {
  const doc = [...c.documents].reverse().find((d) => d.kind === kind)!;
  const pdf = (await t.http.get(`/api/documents/${doc.id}`).set(auth(token)).buffer(true).parse(binary)).body as Buffer;
  return { text: pdfText(pdf), pdf };
}

async function claimedCase(overrides: Record<string, unknown> = {}, mediator = 'm1') {
  const c = (await post('/api/cases', w.tokens.clerk1!, caseBody(overrides))).body;
  expect((await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, { mediatorId: w.users[mediator]!.id })).status).toBe(200);
  const claimed = await post(`/api/cases/${c.id}/claim`, w.tokens[mediator]!);
  expect(claimed.status).toBe(200);
  return claimed.body;
}
const partyOf = (c: { parties: { id: string; role: string }[] }, role: string) => c.parties.find((p) => p.role === role)!.id;
const session = (overrides: object = {}) => ({
  heldAt: t.app.get(Clock).now().toISOString(),
  mode: 'in_person',
  attendees: ['申请人刘小富', '被申请人委托代理人赵某'],
  minutes: '调解员：请申请人陈述请求和理由。\n申请人：请求对方支付货款。',
  ...overrides,
});

describe('人民调解记录 (item 8)', () => {
  it('records the disclosure, the answer on recusal, each agent’s authority and the result, and prints them', async () => {
    const c = await claimedCase();
    const res = await post(`/api/cases/${c.id}/sessions`, w.tokens.m1!, {
      ...session(),
      disclosure: '本人与被申请人的法定代表人系同村村民，无亲属关系。',
      result: 'agreed',
      agents: [{ partyId: partyOf(c, 'respondent'), name: '赵某', authority: 'special' }],
    });
    expect(res.status).toBe(201);
    expect(res.body.sessions[0]).toMatchObject({
      disclosure: '本人与被申请人的法定代表人系同村村民，无亲属关系。',
      recusalRequested: false,
      result: 'agreed',
      agents: [{ partyId: partyOf(c, 'respondent'), name: '赵某', authority: 'special' }],
    });
    const { text } = await documentText(res.body, 'session_record');
    expect(text).toContain('本人向各方当事人披露以下情况：本人与被申请人的法定代表人系同村村民，无亲属关系。');
    expect(text).toContain('各方当事人是否申请调解员回避？');
    expect(text).toContain('各方当事人：不申请回避。');
    expect(text).toMatch(/委托代理人：赵某（被申请人.+的委托代理人，特别授权）/);
    expect(text).toContain('调解结果：达成调解协议');
    expect(text).toContain('地点：天台镇人民调解委员会');
  });

  it('without a disclosure says there is nothing to disclose; a recusal request is recorded; the default result is 另行安排调解', async () => {
    const c = await claimedCase();
    const res = await post(`/api/cases/${c.id}/sessions`, w.tokens.m1!, { ...session(), recusalRequested: true });
    expect(res.status).toBe(201);
    expect(res.body.sessions[0]).toMatchObject({ disclosure: null, recusalRequested: true, result: 'adjourned', agents: [] });
    const { text } = await documentText(res.body, 'session_record');
    expect(text).toContain('本人不是纠纷当事人或者当事人、诉讼代理人的近亲属，与纠纷没有利害关系');
    expect(text).toContain('各方当事人：申请调解员回避。');
    expect(text).toContain('由调解组织另行指派调解员');
    expect(text).toContain('调解结果：未达成协议，另行安排调解');
  });

  it('prints the signature line on every page of a long record', async () => {
    const c = await claimedCase();
    const minutes = Array.from({ length: 90 }, (_, i) => `第${i + 1}轮：调解员：请双方陈述意见。当事人：坚持原有意见。`).join('\n');
    const res = await post(`/api/cases/${c.id}/sessions`, w.tokens.m1!, session({ minutes }));
    expect(res.status).toBe(201);
    const { pdf } = await documentText(res.body, 'session_record');
    expect(pages(pdf)).toBeGreaterThan(1);
    expect(fullText(pdf).match(/当事人（签名或按指印）：/g)).toHaveLength(pages(pdf));
  });

  it.each([
    [{ agents: [{ partyId: '00000000-0000-4000-8000-000000000000', name: '赵某', authority: 'special' }] }, 'agents.0.partyId'],
    [{ agents: [{ name: '赵某', authority: 'special' }] }, 'agents.0.partyId'],
    [{ agents: [{ partyId: '00000000-0000-4000-8000-000000000000', name: ' ', authority: 'special' }] }, 'agents.0.name'],
    [{ agents: [{ partyId: '00000000-0000-4000-8000-000000000000', name: '赵某', authority: 'full' }] }, 'agents.0.authority'],
    [{ result: 'settled' }, 'result'],
    [{ recusalRequested: 'yes' }, 'recusalRequested'],
    [{ disclosure: '披'.repeat(1001) }, 'disclosure'],
  ])('refuses %j with 400 naming %s, and records nothing', async (extra, field) => {
    const c = await claimedCase();
    const res = await post(`/api/cases/${c.id}/sessions`, w.tokens.m1!, { ...session(), ...extra });
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.errors ?? {})).toContain(field);
    const view = await t.http.get(`/api/cases/${c.id}`).set(auth(w.tokens.m1!));
    expect(view.body.sessions).toHaveLength(0);
  });
});

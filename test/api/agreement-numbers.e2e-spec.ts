// Issue 14 item 6: agreements numbered in the mediating committee's own gapless yearly series
// (赤市调字〔2026〕第12号), the same number on the 人民调解协议书 and the dossier's cover.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../api/src/common/clock.js';
import { addCalendarDays } from '../../api/src/rules/calendar.js';
import { auth, caseBody, createWorld, type World } from './support/factories.js';
import { agreedCase, appToday, moveTo, relogin } from './support/followup.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;
let year: number;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 }); // m1 in 天台镇人民调解委员会 (orgA), m2 in the 医疗纠纷 committee (orgB)
  year = Number(appToday(t).slice(0, 4));
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
function pdfText(pdf: Buffer): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sutiao-numbers-')), 'doc.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}
const download = async (path: string, token: string) => (await t.http.get(path).set(auth(token)).buffer(true).parse(binary)).body as Buffer;

/** A case delegated to `mediator` and claimed by them, ready for an agreement. */
async function claimedCase(mediator: string, overrides: Record<string, unknown> = {}) {
  const c = (await post('/api/cases', w.tokens.clerk1!, caseBody(overrides))).body;
  expect((await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, { mediatorId: w.users[mediator]!.id })).status).toBe(200);
  const claimed = await post(`/api/cases/${c.id}/claim`, w.tokens[mediator]!);
  expect(claimed.status).toBe(200);
  return claimed.body;
}

function agreementBody(c: { parties: { id: string; role: string }[] }, dueOn = addCalendarDays(appToday(t), 20)) {
  const of = (role: string) => c.parties.find((p) => p.role === role)!.id;
  return {
    content: '双方就本案纠纷再无其他争议。',
    terms: [{ obligorPartyId: of('respondent'), obligeePartyId: of('applicant'), amount: '8000', dueOn, method: '银行转账' }],
    signedAt: t.app.get(Clock).now().toISOString(),
  };
}

describe('agreement numbers (人民调解协议书编号)', () => {
  it("numbers each committee's agreements in its own series, from 1, with the 代字 derived from its name", async () => {
    const a1 = await agreedCase(t, w, [{ amount: '100.00', dueInDays: 10 }], 'm1');
    const a2 = await agreedCase(t, w, [{ amount: '200.00', dueInDays: 10 }], 'm1');
    const b1 = await agreedCase(t, w, [{ amount: '300.00', dueInDays: 10 }], 'm2');
    expect(a1.agreement.number).toBe(`天台镇调字〔${year}〕第1号`);
    expect(a2.agreement.number).toBe(`天台镇调字〔${year}〕第2号`);
    expect(b1.agreement.number).toBe(`医疗调字〔${year}〕第1号`);
  });

  it('prints the number, the waiver, one money format and the parties’ statement on the agreement, and the same number on the dossier', async () => {
    const c = await claimedCase('m1', { summary: '被申请人尚欠申请人货款120000元未付。' });
    const agreed = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, agreementBody(c));
    expect(agreed.status).toBe(200);
    const number = agreed.body.agreement.number as string;
    expect(number).toBe(`天台镇调字〔${year}〕第3号`);
    const doc = agreed.body.documents.find((d: { kind: string }) => d.kind === 'agreement');
    const text = pdfText(await download(`/api/documents/${doc.id}`, w.tokens.m1!));
    expect(text).toContain(`编号：${number}`);
    expect(text).toContain('尚欠申请人货款120,000.00元未付');
    expect(text).toContain('人民币8,000.00元');
    expect(text).toContain('放弃其余请求');
    expect(text).toContain('各方当事人已阅读并确认上述内容。');
    const dossier = pdfText(await download(`/api/cases/${c.id}/dossier`, w.tokens.clerk1!));
    expect(dossier).toContain(number);
  });

  it('gives parallel agreements of one committee distinct consecutive numbers (no gaps, no duplicates)', async () => {
    const cases = [];
    for (let i = 0; i < 6; i++) cases.push(await claimedCase('m1'));
    const results = await Promise.all(cases.map((c) => post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, agreementBody(c))));
    expect(results.map((r) => r.status)).toEqual(Array(6).fill(200));
    const seqs = results.map((r) => Number(/第(\d+)号/.exec(r.body.agreement.number)![1])).sort((x, y) => x - y);
    expect(seqs).toEqual([4, 5, 6, 7, 8, 9]);
  });

  it('a refused agreement gives its number back', async () => {
    const c = await claimedCase('m1');
    const bad = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, agreementBody(c, addCalendarDays(appToday(t), -5)));
    expect(bad.status).toBe(400);
    const good = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, agreementBody(c));
    expect(good.status).toBe(200);
    expect(good.body.agreement.number).toBe(`天台镇调字〔${year}〕第10号`);
  });

  it("uses the committee's own 代字 once the administrator has set it; numbers already given stay as printed", async () => {
    await t.db.query(`UPDATE organizations SET doc_prefix = '天镇' WHERE id = $1`, [w.orgA]);
    const c = await agreedCase(t, w, [{ amount: '50.00', dueInDays: 3 }], 'm1');
    expect(c.agreement.number).toBe(`天镇调字〔${year}〕第11号`);
    const [first] = await t.db.query(`SELECT number FROM agreements WHERE number_scope_id = $1 AND number_seq = 1`, [w.orgA]);
    expect(first.number).toBe(`天台镇调字〔${year}〕第1号`);
  });

  it('starts each series again at 1 in a new year', async () => {
    moveTo(t, `${year + 1}-01-05`);
    await relogin(t, w);
    const a = await agreedCase(t, w, [{ amount: '10.00', dueInDays: 3 }], 'm1');
    const b = await agreedCase(t, w, [{ amount: '10.00', dueInDays: 3 }], 'm2');
    expect(a.agreement.number).toBe(`天镇调字〔${year + 1}〕第1号`);
    expect(b.agreement.number).toBe(`医疗调字〔${year + 1}〕第1号`);
  });
});

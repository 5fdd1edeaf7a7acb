// Issue 14 items 8–11: what a 立案庭 judge checks on the documents, read back from the served PDFs.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Clock } from '../../api/src/common/clock.js';
import { Case } from '../../api/src/case-records/case.entity.js';
import { PDF_RENDERER } from '../../api/src/documents/documents.service.js';
import { CONTENT_BOTTOM } from '../../api/src/documents/pdf/page-style.js';
import type { PdfRenderer } from '../../api/src/documents/pdf/renderer.js';
import type { ConfirmationApplicationView } from '../../api/src/documents/pdf/view-models.js';
import { buildViewModel } from '../../api/src/documents/view-model-builder.js';
import { chinaDateOf, toNumericChineseDate } from '../../api/src/rules/chinese-date.js';
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

// ---- items 9–11 ----------------------------------------------------------------------------------

const today = () => chinaDateOf(t.app.get(Clock).now());
const judgeName = '用户judge1';

/** RenderMeta of a document rendered outside the app's issuing path. */
const meta = {
  title: 'x',
  verifyUrl: 'https://sutiao.example.cn/api/verify/0',
  shortHash: '000000000000',
  issuedAt: new Date('2026-11-20T10:00:00+08:00'),
  documentId: '00000000-0000-4000-8000-000000000000',
};

async function agreedCase(overrides: Record<string, unknown> = {}) {
  const c = await claimedCase(overrides);
  const res = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, {
    content: '双方自愿达成协议。\n刘小富放弃其余请求。',
    terms: [
      { obligorPartyId: partyOf(c, 'respondent'), obligeePartyId: partyOf(c, 'applicant'), amount: '100000.00', dueOn: '2099-12-31' },
    ],
    performancePlace: '赤水市',
    signedAt: t.app.get(Clock).now().toISOString(),
  });
  expect(res.status).toBe(200);
  return res.body;
}

/** An agreed case with its joint application filed today (document confirmation_application). */
async function appliedCase() {
  const c = await agreedCase();
  const res = await post(`/api/cases/${c.id}/confirmation`, w.tokens.clerk1!, { jointApplication: true });
  expect(res.status).toBe(200);
  return res.body;
}

describe('司法确认申请书 (item 9)', () => {
  it('prints the mediation case as 关联案号, the Art. 354 materials and the court’s receipt box', async () => {
    const c = await appliedCase();
    const { text } = await documentText(c, 'confirmation_application');
    expect(text).toContain(`关联案号：${c.caseNumber}`);
    expect(text).not.toContain(c.confirmation.caseNumber);
    for (const s of [
      `1.人民调解协议书（编号：${c.agreement.number}）；`,
      '2.天台镇人民调解委员会主持调解的证明；',
      '3.与调解协议相关的财产权利证明等证据材料；',
      '4.各方当事人的身份证明',
      '5.各方当事人的住所、联系方式等基本信息及送达地址确认书。',
      '人民法院收件登记（由人民法院填写）收件日期年月日收件人案号',
      '收件章',
    ])
      expect(text).toContain(s);
    // Filed before the judge opens the review file: nobody has said an agent applies.
    expect(text).not.toContain('授权委托书');
  });

  it('asks for the 授权委托书 once the review file records that an agent applies', async () => {
    const c = await appliedCase();
    expect((await post(`/api/cases/${c.id}/review/acceptance`, w.tokens.judge1!, { agentApplies: true })).status).toBe(200);
    const row = await t.db.manager.findOneByOrFail(Case, { id: c.id });
    const view = (await buildViewModel(t.db.manager, 'confirmation_application', row, new Date())) as ConfirmationApplicationView;
    expect(view.agentApplies).toBe(true);
    const renderer = t.app.get<PdfRenderer>(PDF_RENDERER);
    const text = pdfText(await renderer.render('confirmation_application', view, { ...meta, title: '司法确认申请书' }));
    expect(text).toContain('送达地址确认书；6.授权委托书及委托代理人的身份证明。');
  });
});

describe('民事裁定书 (item 10)', () => {
  it('names the 立案 date and the judge, the delegation under its case number, and 本件与原本核对无异', async () => {
    const c = await appliedCase();
    await t.db.query(`UPDATE confirmations SET applied_on = applied_on - 1 WHERE case_id = $1`, [c.id]);
    const appliedOn = (await t.db.query(`SELECT applied_on::text AS d FROM confirmations WHERE case_id = $1`, [c.id]))[0].d as string;
    expect((await post(`/api/cases/${c.id}/review/acceptance`, w.tokens.judge1!, { acceptedOn: today() })).status).toBe(200);
    const decided = await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.judge1!, {
      result: 'confirmed',
      reasoning: '协议合法有效。',
    });
    expect(decided.status).toBe(200);
    const { text } = await documentText(decided.body, 'ruling');
    expect(text).toContain(
      `于${toNumericChineseDate(appliedOn)}向本院申请司法确认调解协议。本院于${toNumericChineseDate(today())}立案后，依法由审判员${judgeName}进行了审查。`,
    );
    expect(text).toContain(`因买卖合同纠纷，经本院以${c.caseNumber}案委派天台镇人民调解委员会调解，于`);
    expect(text).toMatch(/审判员用户judge1.*院印.*本件与原本核对无异书记员/);
    expect(text).not.toContain('合议庭');
  });

  it('without an opened review file counts 立案 from the application; a rejection speaks only of 申请人', async () => {
    const c = await appliedCase();
    const decided = await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.judge1!, {
      result: 'rejected',
      grounds: ['not_voluntary'],
      reasoning: '经询问，申请人表示其在调解时并非出于真实意愿。',
    });
    expect(decided.status).toBe(200);
    const { text } = await documentText(decided.body, 'ruling');
    expect(text).toContain(`本院于${toNumericChineseDate(c.confirmation.appliedOn)}立案后，依法由审判员${judgeName}进行了审查。`);
    expect(text).toContain('驳回申请人');
    expect(text).not.toContain('被申请人');
    expect(text).toContain('本件与原本核对无异');
  });
});

describe('调解终结记录 (item 11)', () => {
  const terminate = async (c: { id: string }, body: object, token = w.tokens.m1!) => {
    const res = await post(`/api/cases/${c.id}/termination`, token, body);
    expect(res.status).toBe(200);
    return (await documentText(res.body, 'termination_record')).text;
  };
  afterAll(() => t.db.query(`UPDATE courts SET fee_rounding = 'fen' WHERE id = $1`, [w.courtId]));

  it('has the parties sign the undisputed facts; a pre-litigation case gets no fee notice', async () => {
    const c = await claimedCase();
    const text = await terminate(c, { reason: 'irreconcilable', details: '双方分歧过大。', undisputedFacts: '货物已交付。' });
    expect(text).toContain('1.货物已交付。');
    expect(text).toMatch(
      /各方当事人对上述无争议事实签名确认：申请人：刘小富签名或按指印：被申请人（盖章）：赤水市某超市有限公司法定代表人签名：/,
    );
    expect(text).not.toContain('案件受理费');
    expect(text).toContain('当事人坚持起诉的，人民法院应当依法登记立案');
  });

  it('without undisputed facts has no signature lines for the parties', async () => {
    const c = await claimedCase();
    const text = await terminate(c, { reason: 'irreconcilable', details: '双方分歧过大。' });
    expect(text).toContain('各方当事人未书面确认无争议事实');
    expect(text).not.toContain('签名或按指印');
  });

  it('on the entrusted track: 转入审理, the Art. 13 fee rounded by the court’s setting, 7 days, else 按自动撤诉处理', async () => {
    // ¥100,025: 50 + 2.5% × 90,000 + 2% × 25 = ¥2,300.50 to the fen, ¥2,301 to the yuan.
    const c = await claimedCase({ track: 'entrusted', claimAmount: '100025.00' });
    const text = await terminate(c, { reason: 'irreconcilable', details: '双方分歧过大。', undisputedFacts: '货物已交付。' });
    expect(text).toContain('原告：刘小富');
    expect(text).toMatch(/签名确认：原告：刘小富签名或按指印：被告（盖章）：赤水市某超市有限公司/);
    expect(text).not.toContain('申请人：');
    for (const s of [
      '委托日期',
      '由人民法院依法转入审理',
      '将通知原告刘小富交纳案件受理费人民币2,300.50元（依照《诉讼费用交纳办法》第十三条计算）',
      '原告应当自接到人民法院交纳诉讼费用通知次日起七日内交纳（《诉讼费用交纳办法》第二十二条）；未按期交纳的，按自动撤诉处理',
    ])
      expect(text).toContain(s);

    await t.db.query(`UPDATE courts SET fee_rounding = 'yuan' WHERE id = $1`, [w.courtId]);
    const yuan = await terminate(await claimedCase({ track: 'entrusted', claimAmount: '100025.00' }), {
      reason: 'irreconcilable',
      details: '双方分歧过大。',
    });
    expect(yuan).toContain('交纳案件受理费人民币2,301.00元');
  });

  it('on the entrusted track, a withdrawal carries no fee notice', async () => {
    const c = await claimedCase({ track: 'entrusted' });
    const text = await terminate(c, { reason: 'applicant_withdrew', details: '原告撤回。' }, w.tokens.clerk1!);
    expect(text).not.toContain('案件受理费');
    expect(text).not.toContain('转入审理');
  });
});

describe('委派调解函 / 委托调解函 (item 7)', () => {
  async function letterText(overrides: Record<string, unknown>) {
    const c = (await post('/api/cases', w.tokens.clerk1!, caseBody(overrides))).body;
    const delegated = await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, {});
    expect(delegated.status).toBe(200);
    return (await documentText(delegated.body, 'delegation_letter')).text;
  }

  it('on the entrusted track is titled 委托调解函, decides to entrust and cites CPL 98, 民诉解释 142 and the 2024 opinion', async () => {
    const text = await letterText({ track: 'entrusted' });
    for (const s of [
      '委托调解函',
      '本院决定委托你单位进行调解',
      '《中华人民共和国民事诉讼法》第九十八条',
      '第一百四十二条',
      '《最高人民法院关于严格依法规范民事案件立案与调解工作的意见》',
    ])
      expect(text).toContain(s);
    for (const s of ['委派调解函', '申请司法确认']) expect(text).not.toContain(s);
  });

  it('before filing is a 委派调解函 citing CPL 125, 特邀调解规定 Art. 27 and 在线调解规则 Art. 12 and 24', async () => {
    const text = await letterText({ track: 'pre_litigation' });
    expect(text).toContain('委派调解函');
    expect(text).toContain(
      '《中华人民共和国民事诉讼法》第一百二十五条、《最高人民法院关于人民法院特邀调解的规定》第二十七条、《人民法院在线调解规则》第十二条和第二十四条',
    );
    expect(text).not.toContain('委托调解函');
  });

  it('prints the court’s name as the administrator last set it (no stale copy per process)', async () => {
    const rename = (name: string) => t.http.patch('/api/admin/settings').set(auth(w.tokens.admin!)).send({ name });
    expect((await rename('赤水市人民法院（测试更名）')).status).toBe(200);
    try {
      expect(await letterText({ track: 'pre_litigation' })).toContain('赤水市人民法院（测试更名）');
    } finally {
      expect((await rename('赤水市人民法院')).status).toBe(200);
    }
  });
});

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { REGIME_WARNING } from '../../api/src/rules/regime.js';
import { auth, caseBody, createWorld, creditCode, residentId, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 14 items 1–5: the 2025 regime, the entrusted outcome (民事调解书 / 撤诉), the judge's review
 * file (补交材料 pausing the clock, the president's extension, 不予受理, 准许撤回, 按撤回处理) and the
 * 虚假调解 screening flags. Every new document is read back with pdftotext.
 */
let t: TestApp;
let w: World;
let work: string;
let serial = 500;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
  work = mkdtempSync(join(tmpdir(), 'sutiao-review-'));
});
afterAll(async () => {
  await t?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token));
let fileNo = 0;
async function textOfDocument(id: string): Promise<string> {
  const res = await t.http.get(`/api/documents/${id}`).set(auth(w.tokens.judge1!)).buffer(true);
  expect(res.status).toBe(200);
  const file = join(work, `${++fileNo}.pdf`);
  writeFileSync(file, res.body as Buffer);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

/** Parties of their own (no recurring-party flag between tests). */
function uniqueBody(overrides: Record<string, unknown> = {}) {
  serial += 1;
  const body = caseBody(overrides) as { parties: Record<string, unknown>[] } & Record<string, unknown>;
  body.parties[0] = {
    ...body.parties[0]!,
    name: `申请人${serial}`,
    idNumber: residentId('19900101', serial),
    phone: `138000${String(serial).padStart(5, '0')}`,
    address: `赤水市人民北路${serial}号`,
  };
  body.parties[1] = {
    ...body.parties[1]!,
    name: `赤水市某商贸${serial}有限公司`,
    creditCode: creditCode(serial),
    representative: `代表${serial}`,
    phone: `0851-228${String(serial).padStart(5, '0')}`,
    address: `赤水市红军大道${serial}号`,
  };
  return body;
}

async function agreedCase(overrides: Record<string, unknown> = {}, body = uniqueBody(overrides)) {
  const created = await post('/api/cases', w.tokens.clerk1!, body);
  expect(created.status).toBe(201);
  const c = created.body;
  expect((await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, {})).status).toBe(200);
  const claimed = await post(`/api/cases/${c.id}/claim`, w.tokens.m1!);
  expect(claimed.status).toBe(200);
  const agreed = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, {
    content: '双方自愿达成协议。\n原告放弃其余诉讼请求。',
    terms: [
      {
        obligorPartyId: c.parties.find((p: { role: string }) => p.role === 'respondent').id,
        obligeePartyId: c.parties.find((p: { role: string }) => p.role === 'applicant').id,
        amount: '100000.00',
        dueOn: '2099-12-31',
        method: '银行转账',
      },
    ],
    performancePlace: '赤水市',
    signedAt: new Date().toISOString(),
  });
  expect(agreed.status).toBe(200);
  return agreed.body;
}

async function pendingConfirmation() {
  const c = await agreedCase({ track: 'pre_litigation' });
  const applied = await post(`/api/cases/${c.id}/confirmation`, w.tokens.clerk1!, { jointApplication: true });
  expect(applied.status).toBe(200);
  return applied.body;
}

async function setCourt(defaultTrack: string, allowPreLitigation: boolean) {
  await t.db.query('UPDATE courts SET default_track = $1, allow_pre_litigation = $2 WHERE id = $3', [
    defaultTrack,
    allowPreLitigation,
    w.courtId,
  ]);
}

describe('regime (2025)', () => {
  afterAll(() => setCourt('pre_litigation', true));

  it('a 2026 case without a track takes the court default entrusted (民初), without warning', async () => {
    await setCourt('entrusted', true);
    const res = await post('/api/cases', w.tokens.clerk1!, uniqueBody({ receivedOn: '2026-01-05' }));
    expect(res.status).toBe(201);
    expect(res.body.track).toBe('entrusted');
    expect(res.body.caseNumber).toMatch(/民初\d+号$/);
    expect(res.body.regimeWarning).toBeNull();
  });

  it('a 2024 case without a track stays pre_litigation', async () => {
    const res = await post('/api/cases', w.tokens.clerk1!, uniqueBody({ receivedOn: '2024-12-31' }));
    expect(res.status).toBe(201);
    expect(res.body.track).toBe('pre_litigation');
    expect(res.body.regimeWarning).toBeNull();
  });

  it('pre_litigation after 2024 carries the warning where the court keeps it, and is refused where not', async () => {
    const kept = await post('/api/cases', w.tokens.clerk1!, uniqueBody({ track: 'pre_litigation', receivedOn: '2026-01-05' }));
    expect(kept.status).toBe(201);
    expect(kept.body.regimeWarning).toBe(REGIME_WARNING);
    expect((await get(`/api/cases/${kept.body.id}`, w.tokens.judge1!)).body.regimeWarning).toBe(REGIME_WARNING);
    const list = await get(`/api/cases?q=${encodeURIComponent(kept.body.caseNumber)}`, w.tokens.clerk1!);
    expect(list.body.items[0].regimeWarning).toBe(REGIME_WARNING);

    await setCourt('entrusted', false);
    const before = await t.db.query('SELECT count(*)::int AS n FROM cases');
    const refused = await post('/api/cases', w.tokens.clerk1!, uniqueBody({ track: 'pre_litigation', receivedOn: '2026-01-05' }));
    expect(refused.status).toBe(409);
    expect(refused.body.message).toContain('未保留诉前委派调解');
    expect(await t.db.query('SELECT count(*)::int AS n FROM cases')).toEqual(before);
  });
});

describe('entrusted outcome', () => {
  it('refuses the 司法确认 path for an entrusted case (409 ILLEGAL_TRANSITION)', async () => {
    const c = await agreedCase({ track: 'entrusted' });
    const res = await post(`/api/cases/${c.id}/confirmation`, w.tokens.clerk1!, { jointApplication: true });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('ends by 民事调解书 in the same 民初 case (status concluded), audited, with the CPL 100/101 wording', async () => {
    const c = await agreedCase({ track: 'entrusted' });
    const stale = await post(`/api/cases/${c.id}/conclusion`, w.tokens.judge1!, { outcome: 'decree', version: c.version - 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');
    expect((await post(`/api/cases/${c.id}/conclusion`, w.tokens.clerk1!, { outcome: 'decree' })).status).toBe(403);
    expect((await post(`/api/cases/${c.id}/conclusion`, w.tokens.judge1!, { outcome: 'judgment' })).status).toBe(400);
    const res = await post(`/api/cases/${c.id}/conclusion`, w.tokens.judge1!, { outcome: 'decree', version: c.version });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('concluded');
    const decree = res.body.documents.find((d: { kind: string }) => d.kind === 'mediation_decree');
    expect(decree.title).toBe('民事调解书');
    const text = await textOfDocument(decree.id);
    for (const s of [
      '民事调解书',
      c.caseNumber,
      '原告：',
      '被告：',
      '立案后，依法委托',
      '当事人自愿达成如下协议',
      '人民币壹拾万元整',
      '第一百条',
      '第一百零一条',
      '经各方当事人签收后，即具有法律效力',
      '本件与原本核对无异',
      '审判员',
    ]) {
      expect(text).toContain(s.replace(/\s+/g, ''));
    }
    const events = (await get(`/api/cases/${c.id}/events`, w.tokens.judge1!)).body as { type: string }[];
    expect(events.map((e) => e.type)).toContain('case.mediation_decree_issued');
    // A second conclusion is illegal.
    expect((await post(`/api/cases/${c.id}/conclusion`, w.tokens.judge1!, { outcome: 'decree' })).status).toBe(409);
  });

  it('ends by recorded 撤诉 (reason required)', async () => {
    const c = await agreedCase({ track: 'entrusted' });
    expect((await post(`/api/cases/${c.id}/conclusion`, w.tokens.judge1!, { outcome: 'withdrawal' })).status).toBe(400);
    const res = await post(`/api/cases/${c.id}/conclusion`, w.tokens.judge1!, {
      outcome: 'withdrawal',
      note: '原告以双方已和解、被告已履行为由申请撤诉',
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('concluded');
    const file = await get(`/api/cases/${c.id}/review`, w.tokens.judge1!);
    expect(file.body.conclusion).toMatchObject({ outcome: 'withdrawal' });
    expect(file.body.settlementPath).toBe('decree_or_withdrawal');
  });

  it('a pre_litigation case cannot take the decree path', async () => {
    const c = await agreedCase({ track: 'pre_litigation' });
    const res = await post(`/api/cases/${c.id}/conclusion`, w.tokens.judge1!, { outcome: 'decree' });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('lists the judge’s entrusted agreements awaiting conclusion (track filter)', async () => {
    const entrusted = await agreedCase({ track: 'entrusted' });
    await agreedCase({ track: 'pre_litigation' });
    const res = await get('/api/cases?status=agreed&track=entrusted&pageSize=200', w.tokens.judge1!);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(1);
    expect(res.body.items.every((c: { track: string; status: string }) => c.track === 'entrusted' && c.status === 'agreed')).toBe(true);
    expect(res.body.items.some((c: { id: string }) => c.id === entrusted.id)).toBe(true);
    const bad = await get('/api/cases?track=civil', w.tokens.judge1!);
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toHaveProperty('track');
  });

  it('counts decrees and withdrawals after agreement in the statistics', async () => {
    const res = await get('/api/stats/summary', w.tokens.judge1!);
    expect(res.status).toBe(200);
    expect(res.body.concludedByDecree).toBeGreaterThanOrEqual(1);
    expect(res.body.withdrawnAfterAgreement).toBeGreaterThanOrEqual(1);
  });
});

describe('review file', () => {
  it('opens with the checklist, the clock from 受理 and the 30-day maximum', async () => {
    const c = await pendingConfirmation();
    const file = await get(`/api/cases/${c.id}/review`, w.tokens.judge1!);
    expect(file.status).toBe(200);
    expect(file.body.materials.map((m: { code: string }) => m.code)).toEqual([
      'agreement',
      'identity',
      'authorization',
      'service_address',
      'evidence',
    ]);
    expect(file.body.materials[2].state).toBe('not_applicable');
    expect(file.body.decisionClock).toMatchObject({
      acceptedOn: c.confirmation.appliedOn,
      pausedDays: 0,
      paused: false,
      extendedDueOn: null,
    });
    expect(file.body.decisionClock.legalMaxOn > file.body.decisionClock.targetDueOn).toBe(true);
    expect(file.body.screeningFlags).toEqual([]);

    const agent = await post(`/api/cases/${c.id}/review/acceptance`, w.tokens.judge1!, { agentApplies: true, version: c.version });
    expect(agent.status).toBe(200);
    const after = await get(`/api/cases/${c.id}/review`, w.tokens.judge1!);
    expect(after.body.materials[2]).toMatchObject({ code: 'authorization', state: 'missing' });
    expect((await post(`/api/cases/${c.id}/review/acceptance`, w.tokens.judge1!, { acceptedOn: '2099-01-01' })).status).toBe(400);
    expect((await post(`/api/cases/${c.id}/review/materials`, w.tokens.judge1!, { materials: { passport: 'provided' } })).status).toBe(400);
    expect((await post(`/api/cases/${c.id}/review/materials`, w.tokens.judge1!, { materials: { identity: 'maybe' } })).status).toBe(400);
    expect((await post(`/api/cases/${c.id}/review/materials`, w.tokens.judge1!, { materials: { identity: 'provided' } })).status).toBe(200);
  });

  it('补交材料 pauses the decision clock and resumes it when the materials arrive', async () => {
    const c = await pendingConfirmation();
    const acceptedOn = '2026-01-05';
    await t.db.query(`UPDATE confirmations SET applied_on = $1 WHERE case_id = $2`, [acceptedOn, c.id]);
    expect((await post(`/api/cases/${c.id}/review/acceptance`, w.tokens.judge1!, { acceptedOn })).status).toBe(200);
    const start = (await get(`/api/cases/${c.id}/review`, w.tokens.judge1!)).body.decisionClock;
    const req = await post(`/api/cases/${c.id}/review/supplements`, w.tokens.judge1!, {
      items: ['service_address'],
      days: 7,
      note: '请补交送达地址确认书',
    });
    expect(req.status).toBe(200);
    // Backdate the request to make the pause measurable, as if made on 2026-01-08.
    await t.db.query(
      `UPDATE confirmation_reviews SET supplements = jsonb_set(supplements, '{0,requestedOn}', '"2026-01-08"') WHERE case_id = $1`,
      [c.id],
    );
    const paused = (await get(`/api/cases/${c.id}/review`, w.tokens.judge1!)).body;
    expect(paused.decisionClock.paused).toBe(true);
    expect(paused.decisionClock.pausedDays).toBeGreaterThan(0);
    expect(paused.materials.find((m: { code: string }) => m.code === 'service_address').state).toBe('missing');
    expect((await post(`/api/cases/${c.id}/review/supplements`, w.tokens.judge1!, { items: ['evidence'] })).status).toBe(409);
    expect((await post(`/api/cases/${c.id}/review/supplements/received`, w.tokens.judge1!, { receivedOn: '2026-01-01' })).status).toBe(400);
    const got = await post(`/api/cases/${c.id}/review/supplements/received`, w.tokens.judge1!, { receivedOn: '2026-01-12' });
    expect(got.status).toBe(200);
    const resumed = (await get(`/api/cases/${c.id}/review`, w.tokens.judge1!)).body;
    expect(resumed.decisionClock).toMatchObject({ paused: false, pausedDays: 4, acceptedOn });
    expect(resumed.decisionClock.targetDueOn > start.targetDueOn).toBe(true);
    expect(resumed.materials.find((m: { code: string }) => m.code === 'service_address').state).toBe('provided');
    const types = ((await get(`/api/cases/${c.id}/events`, w.tokens.judge1!)).body as { type: string }[]).map((e) => e.type);
    expect(types).toEqual(expect.arrayContaining(['case.confirmation_accepted', 'case.supplement_requested', 'case.supplement_received']));
  });

  it('records the president-approved +10 days once, counted from the rolled expiry', async () => {
    const c = await pendingConfirmation();
    const body = { approvedBy: '院长 李某', approvedOn: c.confirmation.appliedOn, reason: '案情复杂，需进一步核实' };
    const res = await post(`/api/cases/${c.id}/review/extension`, w.tokens.judge1!, body);
    expect(res.status).toBe(200);
    const file = (await get(`/api/cases/${c.id}/review`, w.tokens.judge1!)).body;
    expect(file.extension).toMatchObject({ approvedBy: '院长 李某', reason: '案情复杂，需进一步核实' });
    expect(file.decisionClock.extendedDueOn > file.decisionClock.targetDueOn).toBe(true);
    expect(file.decisionClock.decisionDueOn).toBe(file.decisionClock.extendedDueOn);
    expect((await post(`/api/cases/${c.id}/review/extension`, w.tokens.judge1!, body)).status).toBe(409);
    expect((await post(`/api/cases/${c.id}/review/extension`, w.tokens.judge1!, { approvedBy: '' })).status).toBe(400);
  });

  it('不予受理 (Art. 355) issues its own ruling', async () => {
    const c = await pendingConfirmation();
    expect((await post(`/api/cases/${c.id}/review/closure`, w.tokens.judge1!, { kind: 'not_accepted', reasoning: '经审查' })).status).toBe(
      400,
    );
    const res = await post(`/api/cases/${c.id}/review/closure`, w.tokens.judge1!, {
      kind: 'not_accepted',
      code: 'property_or_ip_ownership',
      reasoning: '调解协议第二项约定确认房屋归申请人所有。',
      version: c.version,
    });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('confirmation_closed');
    const doc = res.body.documents.find((d: { kind: string }) => d.kind === 'ruling_not_accepted');
    const text = await textOfDocument(doc.id);
    for (const s of [
      '民事裁定书',
      c.confirmation.caseNumber,
      `关联案号：${c.caseNumber}`,
      '调解协议内容涉及物权、知识产权确权',
      '第三百五十五条第一款第（五）项',
      '本院不予受理',
      '本件与原本核对无异',
    ])
      expect(text).toContain(s);
    expect((await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.judge1!, { result: 'confirmed', reasoning: 'x' })).status).toBe(
      409,
    );
  });

  it('准许撤回 (Art. 357) issues its own ruling', async () => {
    const c = await pendingConfirmation();
    const res = await post(`/api/cases/${c.id}/review/closure`, w.tokens.judge1!, {
      kind: 'withdrawal_permitted',
      reasoning: '双方已自行履行完毕',
    });
    expect(res.status).toBe(200);
    const doc = res.body.documents.find((d: { kind: string }) => d.kind === 'ruling_withdrawal_permitted');
    const text = await textOfDocument(doc.id);
    for (const s of ['民事裁定书', '双方已自行履行完毕', '第三百五十七条第一款', '撤回司法确认申请', '准许申请人'])
      expect(text).toContain(s);
  });

  it('按撤回处理 when materials are not supplied issues its own ruling', async () => {
    const c = await pendingConfirmation();
    const res = await post(`/api/cases/${c.id}/review/closure`, w.tokens.judge1!, {
      kind: 'deemed_withdrawn',
      code: 'materials_not_supplied',
      reasoning: '申请人逾期未补交送达地址确认书。',
    });
    expect(res.status).toBe(200);
    const doc = res.body.documents.find((d: { kind: string }) => d.kind === 'ruling_deemed_withdrawn');
    const text = await textOfDocument(doc.id);
    for (const s of ['未在人民法院指定期限内补充陈述或者补充证明材料', '第三百五十四条第二款', '本案按申请人', '撤回司法确认申请处理'])
      expect(text).toContain(s);
  });

  it('is court-scoped: an unknown case is 404', async () => {
    expect((await get('/api/cases/00000000-0000-4000-8000-000000000000/review', w.tokens.judge1!)).status).toBe(404);
    expect(
      (
        await post('/api/cases/00000000-0000-4000-8000-000000000000/review/closure', w.tokens.judge1!, {
          kind: 'withdrawal_permitted',
          reasoning: 'x',
        })
      ).status,
    ).toBe(404);
  });
});

describe('虚假调解 screening flags', () => {
  it('flags recurring, related parties and a large sum without evidence, with reasons', async () => {
    const body = uniqueBody({ track: 'pre_litigation', claimAmount: '800000.00' });
    body.parties[1] = { ...body.parties[1]!, address: body.parties[0]!.address, phone: body.parties[0]!.phone };
    await agreedCase({}, body);
    const c = await agreedCase({}, body);
    const file = (await get(`/api/cases/${c.id}/review`, w.tokens.judge1!)).body;
    const codes = file.screeningFlags.map((f: { code: string }) => f.code);
    expect(codes).toEqual(['RECURRING_PARTIES', 'RELATED_PARTIES', 'LARGE_SUM_THIN_EVIDENCE']);
    for (const f of file.screeningFlags) expect(f.reason).toMatch(/[\u4e00-\u9fff]/);
    expect(file.screeningFlags[1].reason).toContain('地址相同');
  });
});

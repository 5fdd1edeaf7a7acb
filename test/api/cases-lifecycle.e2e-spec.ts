import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auth, caseBody, createWorld, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 3 });
});
afterAll(async () => {
  await t?.close();
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token));

async function newCase(overrides: Record<string, unknown> = {}) {
  const res = await post('/api/cases', w.tokens.clerk1!, caseBody(overrides));
  expect(res.status).toBe(201);
  return res.body;
}

async function inMediation(delegation: object = {}, mediator = 'm1') {
  const c = await newCase();
  expect((await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, delegation)).status).toBe(200);
  const claimed = await post(`/api/cases/${c.id}/claim`, w.tokens[mediator]!);
  expect(claimed.status).toBe(200);
  return claimed.body;
}

const agreementBody = (c: { parties: { id: string; role: string }[] }, signedAt = new Date().toISOString()) => ({
  content: '双方自愿达成协议。',
  terms: [
    {
      obligorPartyId: c.parties.find((p) => p.role === 'respondent')!.id,
      obligeePartyId: c.parties.find((p) => p.role === 'applicant')!.id,
      amount: '100000.00',
      dueOn: '2099-12-31',
      method: '银行转账',
    },
  ],
  performancePlace: '赤水市',
  signedAt,
});

describe('registration', () => {
  it('numbers a case per court, type and year and masks IDs', async () => {
    const c = await newCase();
    expect(c.caseNumber).toMatch(/^（\d{4}）黔0381民诉前调\d+号$/);
    expect(c.status).toBe('registered');
    expect(c.version).toBe(1);
    expect(c.claimAmount).toBe('120000.00');
    expect(c.parties[0].idNumberMasked).toMatch(/^520381\*{8}\d{3}[\dX]$/);
    expect(c.parties[0].idNumber).toBeUndefined();
    expect(c.deadlines).toEqual({ acceptBy: null, mediationEndsOn: null, confirmationApplyBy: null, decisionDueOn: null });
  });

  it('uses 民初 for the entrusted track', async () => {
    const c = await newCase({ track: 'entrusted', receivedOn: '2025-03-10' });
    expect(c.caseNumber).toMatch(/^（2025）黔0381民初\d+号$/);
  });

  it('refuses the entrusted track before 2025', async () => {
    const res = await post('/api/cases', w.tokens.clerk1!, caseBody({ track: 'entrusted', receivedOn: '2024-12-31' }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual({ track: 'not_in_force' });
  });

  it('answers field errors for bad input and saves nothing', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM cases');
    const bad = caseBody({ claimAmount: '12.345', consentToMediation: false, surprise: 1 });
    (bad.parties[0] as Record<string, unknown>).idNumber = '52038119900101123X';
    (bad.parties[1] as Record<string, unknown>).creditCode = '91520381000000000A';
    (bad.parties[0] as Record<string, unknown>).phone = '12345';
    const res = await post('/api/cases', w.tokens.clerk1!, bad);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'VALIDATION_FAILED' });
    expect(res.body.errors).toMatchObject({
      'parties.0.idNumber': 'checksum',
      'parties.1.creditCode': 'checksum',
      'parties.0.phone': 'format',
      claimAmount: 'precision',
      consentToMediation: 'must_be_true',
      surprise: 'unknown_field',
    });
    expect(await t.db.query('SELECT count(*)::int AS n FROM cases')).toEqual(before);
  });

  it.each([
    [{ receivedOn: '2999-01-01' }, 'receivedOn', 'in_future'],
    [{ disputeType: 'nonsense' }, 'disputeType', 'unknown'],
    [{ claimAmount: '1000000000000.00' }, 'claimAmount', 'range'],
    [{ claimAmount: -1 }, 'claimAmount', 'range'],
    [{ summary: '   ' }, 'summary', 'blank'],
    [{ summary: 'x'.repeat(10001) }, 'summary', 'too_long'],
  ])('rejects %j', async (overrides, field, code) => {
    const res = await post('/api/cases', w.tokens.clerk1!, caseBody(overrides));
    expect(res.status).toBe(400);
    expect(res.body.errors[field]).toBe(code);
  });

  it('needs an applicant and a respondent', async () => {
    const body = caseBody();
    body.parties[1]!.role = 'applicant';
    const res = await post('/api/cases', w.tokens.clerk1!, body);
    expect(res.status).toBe(400);
    expect(res.body.errors.parties).toBe('no_respondent');
  });

  it('refuses a body over 1 MB with 413 and malformed JSON with 400', async () => {
    const big = await post('/api/cases', w.tokens.clerk1!, caseBody({ summary: 'x'.repeat(1_100_000) }));
    expect(big.status).toBe(413);
    expect(big.body.code).toBe('PAYLOAD_TOO_LARGE');
    const malformed = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).set('content-type', 'application/json').send('{"a":');
    expect(malformed.status).toBe(400);
  });

  it('lets only clerks register (403) and needs a token (401)', async () => {
    expect((await post('/api/cases', w.tokens.m1!, caseBody())).body.code).toBe('FORBIDDEN');
    const anon = await t.http.post('/api/cases').send(caseBody());
    expect(anon.status).toBe(401);
    expect(anon.body.code).toBe('UNAUTHENTICATED');
  });

  it('keeps numbers gapless and unique under concurrent filing', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, () => post('/api/cases', w.tokens.clerk2!, caseBody({ receivedOn: '2026-01-05' }))),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const seqs = results.map((r) => Number(/民诉前调(\d+)号/.exec(r.body.caseNumber)![1])).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => seqs[0]! + i));
  });

  it('gives 404 for unknown ids and 400 for malformed ones', async () => {
    expect((await get('/api/cases/00000000-0000-4000-8000-000000000000', w.tokens.clerk1!)).status).toBe(404);
    expect((await get('/api/cases/not-a-uuid', w.tokens.clerk1!)).status).toBe(400);
  });
});

describe('the whole lifecycle to a confirmed case', () => {
  it('delegates, claims, records, agrees, applies and confirms, issuing every document', async () => {
    const c = await newCase();
    const delegated = await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, {
      organizationId: w.orgA,
      note: '请尽快调解',
      version: 1,
    });
    expect(delegated.status).toBe(200);
    expect(delegated.body).toMatchObject({ status: 'delegated', version: 2, delegation: { organizationId: w.orgA, mediatorId: null } });
    expect(delegated.body.deadlines.acceptBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const claimed = await post(`/api/cases/${c.id}/claim`, w.tokens.m1!, { version: 2 });
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'in_mediation', assignee: { id: w.users.m1!.id } });
    expect(claimed.body.deadlines.mediationEndsOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const session = await post(`/api/cases/${c.id}/sessions`, w.tokens.m1!, {
      heldAt: new Date(Date.now() - 3600_000).toISOString(),
      mode: 'in_person',
      location: '天台镇调解室',
      attendees: ['刘小富', '张某'],
      minutes: '双方陈述意见，调解员释明法律规定。',
      undisputedFacts: '货物已交付。',
    });
    expect(session.status).toBe(201);
    expect(session.body.sessions).toHaveLength(1);

    const ext = await post(`/api/cases/${c.id}/extensions`, w.tokens.m1!, { days: 10, reason: '双方同意延长', partiesConsent: true });
    expect(ext.status).toBe(200);
    expect(ext.body.deadlines.mediationEndsOn > claimed.body.deadlines.mediationEndsOn).toBe(true);

    const preview = await post(`/api/cases/${c.id}/agreement/preview`, w.tokens.m1!, agreementBody(c)).buffer(true);
    expect(preview.status).toBe(200);
    expect(preview.body.subarray(0, 5).toString()).toBe('%PDF-');
    const untouched = await get(`/api/cases/${c.id}`, w.tokens.m1!);
    expect(untouched.body).toMatchObject({ status: 'in_mediation', agreement: null, version: ext.body.version });
    expect((await post(`/api/cases/${c.id}/agreement/preview`, w.tokens.m1!, { ...agreementBody(c), terms: [] })).status).toBe(400);

    const agreed = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, agreementBody(c));
    expect(agreed.status).toBe(200);
    expect(agreed.body.status).toBe('agreed');
    expect(agreed.body.agreement.terms[0].amount).toBe('100000.00');
    expect(agreed.body.deadlines.confirmationApplyBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const applied = await post(`/api/cases/${c.id}/confirmation`, w.tokens.clerk1!, { jointApplication: true });
    expect(applied.status).toBe(200);
    expect(applied.body.status).toBe('confirmation_pending');
    expect(applied.body.confirmation.caseNumber).toMatch(/^（\d{4}）黔0381诉前调确\d+号$/);
    expect(applied.body.deadlines.decisionDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const rulingPreview = await post(`/api/cases/${c.id}/confirmation/decision/preview`, w.tokens.judge1!, {
      result: 'confirmed',
      reasoning: '协议合法有效。',
    }).buffer(true);
    expect(rulingPreview.status).toBe(200);
    expect(rulingPreview.headers['content-type']).toBe('application/pdf');
    const decided = await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.judge1!, {
      result: 'confirmed',
      reasoning: '协议合法有效。',
    });
    expect(decided.status).toBe(200);
    expect(decided.body.status).toBe('confirmed');
    expect(decided.body.confirmation).toMatchObject({ result: 'confirmed', grounds: [] });

    const kinds = decided.body.documents.map((d: { kind: string }) => d.kind);
    expect(kinds).toEqual(['delegation_letter', 'session_record', 'agreement', 'confirmation_application', 'ruling']);

    const docs = await get(`/api/cases/${c.id}/documents`, w.tokens.clerk1!);
    expect(docs.status).toBe(200);
    const ruling = docs.body.find((d: { kind: string }) => d.kind === 'ruling');
    expect(ruling.sha256).toMatch(/^[0-9a-f]{64}$/);
    const pdf = await get(`/api/documents/${ruling.id}`, w.tokens.judge1!).buffer(true);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(decodeURIComponent(pdf.headers['content-disposition']!)).toContain(c.caseNumber);
    expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-');

    const dossier = await get(`/api/cases/${c.id}/dossier`, w.tokens.clerk1!).buffer(true);
    expect(dossier.status).toBe(200);
    expect(dossier.body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(decodeURIComponent(dossier.headers['content-disposition']!)).toContain('调解卷宗');

    const verified = await t.http.get(`/api/verify/${ruling.sha256}`);
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ valid: true, kind: 'ruling', caseNumber: c.caseNumber });
    expect(JSON.stringify(verified.body)).not.toContain('刘小富');
    expect((await t.http.get(`/api/verify/${'0'.repeat(64)}`)).status).toBe(404);

    const events = await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!);
    expect(events.body.map((e: { type: string }) => e.type)).toEqual([
      'case.registered',
      'case.delegated',
      'case.claimed',
      'case.session_recorded',
      'case.extended',
      'case.agreed',
      'case.confirmation_applied',
      'case.confirmed',
      'document.downloaded',
      'dossier.printed',
    ]);
    events.body.forEach((e: { seq: number; prevHash: string; hash: string }, i: number) => {
      expect(e.seq).toBe(i + 1);
      if (i > 0) expect(e.prevHash).toBe(events.body[i - 1].hash);
    });
  });
});

describe('refusals', () => {
  it('409 ILLEGAL_TRANSITION for an action the status does not allow', async () => {
    const mine = await inMediation();
    const res = await post(`/api/cases/${mine.id}/decline`, w.tokens.m1!, { reason: '不便调解' });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', status: 'in_mediation' });
    const c = await newCase();
    const decide = await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.judge1!, { result: 'confirmed', reasoning: 'x' });
    expect(decide.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('409 VERSION_CONFLICT for a stale version, changing nothing', async () => {
    const c = await newCase();
    const res = await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, { version: 7 });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('VERSION_CONFLICT');
    const after = await get(`/api/cases/${c.id}`, w.tokens.clerk1!);
    expect(after.body).toMatchObject({ status: 'registered', version: 1 });
  });

  it('403 for the wrong role and for a mediator who is not the assignee', async () => {
    const c = await inMediation();
    expect((await post(`/api/cases/${c.id}/delegate`, w.tokens.judge1!)).status).toBe(403);
    // m2 (same organization) cannot see a colleague's case in mediation: 404, as for a read.
    const other = await post(`/api/cases/${c.id}/sessions`, w.tokens.m2!, {
      heldAt: new Date().toISOString(),
      mode: 'phone',
      attendees: ['a'],
      minutes: 'b',
    });
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    expect((await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.clerk1!, { result: 'confirmed', reasoning: 'x' })).status).toBe(
      403,
    );
  });

  it('two simultaneous claims: one winner, one ALREADY_CLAIMED', async () => {
    const c = await newCase();
    await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, { organizationId: w.orgA });
    const [a, b] = await Promise.all([post(`/api/cases/${c.id}/claim`, w.tokens.m1!), post(`/api/cases/${c.id}/claim`, w.tokens.m2!)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('ALREADY_CLAIMED');
  });

  it('only the organization’s mediators may claim its cases', async () => {
    const c = await newCase();
    await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, { organizationId: w.orgA });
    const res = await post(`/api/cases/${c.id}/claim`, w.tokens.m3!);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });

  it('a case the mediator cannot see answers every action 404, exactly like a nonexistent id', async () => {
    const nonexistent = await get('/api/cases/00000000-0000-4000-8000-000000000000', w.tokens.m3!);
    expect(nonexistent.status).toBe(404);
    const delegated = await newCase();
    await post(`/api/cases/${delegated.id}/delegate`, w.tokens.clerk1!, { organizationId: w.orgA });
    const claimed = await inMediation({ organizationId: w.orgA });
    const agreed = await inMediation({ organizationId: w.orgA });
    expect((await post(`/api/cases/${agreed.id}/agreement`, w.tokens.m1!, agreementBody(agreed))).status).toBe(200);
    const registered = await newCase();
    const actions: [string, object][] = [
      ['claim', {}],
      ['release', { reason: '另有安排' }],
      ['decline', { reason: '不便调解' }],
      ['sessions', { heldAt: new Date().toISOString(), mode: 'phone', attendees: ['刘小富'], minutes: '电话联系' }],
      ['extensions', { days: 10, reason: '双方同意延长', partiesConsent: true }],
      ['agreement', agreementBody(claimed)],
      ['agreement/preview', agreementBody(claimed)],
      ['termination', { reason: 'party_refused', details: '被申请人拒绝调解' }],
    ];
    // m3 is of organization B: none of these cases is in its queue or in its hands.
    for (const c of [registered, delegated, claimed, agreed]) {
      const before = await get(`/api/cases/${c.id}`, w.tokens.clerk1!);
      for (const [action, body] of actions) {
        for (const version of [undefined, 1, 999]) {
          const res = await post(`/api/cases/${c.id}/${action}`, w.tokens.m3!, version === undefined ? body : { ...body, version });
          expect({ action, version, status: res.status, body: res.body }).toEqual({ action, version, status: 404, body: nonexistent.body });
        }
      }
      expect((await get(`/api/cases/${c.id}`, w.tokens.m3!)).body).toEqual(nonexistent.body);
      const after = await get(`/api/cases/${c.id}`, w.tokens.clerk1!);
      expect(after.body.version).toBe(before.body.version);
    }
  });

  it('a rejection needs grounds; grounds are only for rejections', async () => {
    const c = await inMediation();
    await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, agreementBody(c));
    await post(`/api/cases/${c.id}/confirmation`, w.tokens.clerk1!, { jointApplication: true });
    const noGrounds = await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.judge1!, {
      result: 'rejected',
      reasoning: '内容不明确',
    });
    expect(noGrounds.status).toBe(400);
    expect(noGrounds.body.errors).toEqual({ grounds: 'required' });
    const badGround = await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.judge1!, {
      result: 'rejected',
      grounds: ['whim'],
      reasoning: 'x',
    });
    expect(badGround.status).toBe(400);
    const rejected = await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.judge1!, {
      result: 'rejected',
      grounds: ['unclear_content'],
      reasoning: '履行内容不明确',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('confirmation_rejected');
    expect(rejected.body.documents.at(-1).kind).toBe('ruling');
  });

  it('409 DEADLINE_PASSED after the 30-day confirmation window', async () => {
    const c = await newCase({ receivedOn: '2026-01-05' });
    await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!);
    const claimed = await post(`/api/cases/${c.id}/claim`, w.tokens.m1!);
    const old = new Date(Date.now() - 45 * 86_400_000).toISOString();
    const agreed = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, agreementBody(claimed.body, old));
    expect(agreed.status).toBe(200);
    const res = await post(`/api/cases/${c.id}/confirmation`, w.tokens.clerk1!, { jointApplication: true });
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('DEADLINE_PASSED');
  });

  it('agreement terms must name parties of the case', async () => {
    const c = await inMediation();
    const body = agreementBody(c);
    body.terms[0]!.obligorPartyId = '00000000-0000-4000-8000-000000000000';
    const res = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, body);
    expect(res.status).toBe(400);
    expect(res.body.errors['terms.0.obligorPartyId']).toBe('not_a_party');
  });

  it('an entrusted case extends once, by at most 30 days', async () => {
    const c = await newCase({ track: 'entrusted' });
    await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!);
    await post(`/api/cases/${c.id}/claim`, w.tokens.m1!);
    expect((await post(`/api/cases/${c.id}/extensions`, w.tokens.m1!, { days: 31, reason: '同意', partiesConsent: true })).status).toBe(
      409,
    );
    expect((await post(`/api/cases/${c.id}/extensions`, w.tokens.m1!, { days: 30, reason: '同意', partiesConsent: true })).status).toBe(
      200,
    );
    expect((await post(`/api/cases/${c.id}/extensions`, w.tokens.m1!, { days: 5, reason: '同意', partiesConsent: true })).status).toBe(409);
  });
});

describe('side exits and returns', () => {
  it('failure and withdrawal issue a termination record', async () => {
    const c = await inMediation();
    const failed = await post(`/api/cases/${c.id}/termination`, w.tokens.m1!, {
      reason: 'irreconcilable',
      details: '双方分歧过大。',
      undisputedFacts: '货物已交付。',
    });
    expect(failed.status).toBe(200);
    expect(failed.body.status).toBe('failed');
    expect(failed.body.documents.at(-1).kind).toBe('termination_record');
    const c2 = await newCase();
    const withdrawn = await post(`/api/cases/${c2.id}/termination`, w.tokens.clerk1!, {
      reason: 'applicant_withdrew',
      details: '申请人撤回。',
    });
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await post(`/api/cases/${c2.id}/termination`, w.tokens.clerk1!, { reason: 'agreement_reached', details: 'x' })).status).toBe(
      400,
    );
  });

  it('release returns the case to its queue; a named mediator may decline', async () => {
    const c = await inMediation({ organizationId: w.orgA });
    const noReason = await post(`/api/cases/${c.id}/release`, w.tokens.m1!, {});
    expect(noReason.status).toBe(400);
    const released = await post(`/api/cases/${c.id}/release`, w.tokens.m1!, { reason: '需回避' });
    expect(released.body).toMatchObject({ status: 'delegated', assignee: null, delegation: { organizationId: w.orgA } });
    expect((await post(`/api/cases/${c.id}/claim`, w.tokens.m2!)).status).toBe(200);

    const named = await newCase();
    await post(`/api/cases/${named.id}/delegate`, w.tokens.clerk1!, { mediatorId: w.users.m2!.id });
    // A case named for a colleague is not m1's to see (404); one in m1's organization queue is, but not m1's to decline (403).
    const notNamed = await post(`/api/cases/${named.id}/decline`, w.tokens.m1!, { reason: 'x' });
    expect(notNamed.status).toBe(404);
    expect(notNamed.body.code).toBe('NOT_FOUND');
    const queued = await newCase();
    await post(`/api/cases/${queued.id}/delegate`, w.tokens.clerk1!, { organizationId: w.orgA });
    const notNamedInQueue = await post(`/api/cases/${queued.id}/decline`, w.tokens.m1!, { reason: 'x' });
    expect(notNamedInQueue.status).toBe(403);
    expect(notNamedInQueue.body.code).toBe('FORBIDDEN');
    const declined = await post(`/api/cases/${named.id}/decline`, w.tokens.m2!, { reason: '与当事人系亲属，需回避' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'registered', delegation: null });
  });

  it('unmasked party reads are for clerks and judges and are audited', async () => {
    const c = await newCase();
    const partyId = c.parties[0].id;
    expect((await get(`/api/cases/${c.id}/parties/${partyId}`, w.tokens.m1!)).status).toBe(403);
    const res = await get(`/api/cases/${c.id}/parties/${partyId}`, w.tokens.judge1!);
    expect(res.status).toBe(200);
    expect(res.body.idNumber).toMatch(/^520381\d{11}[\dX]$/);
    const events = await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!);
    expect(events.body.at(-1)).toMatchObject({ type: 'party.unmasked_read', actor: { username: 'judge1' } });
  });
});

describe('calendar overrides', () => {
  it('an admin’s override moves running clocks and the calculator; others may not set one', async () => {
    const c = await newCase();
    const delegated = await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!);
    const acceptBy: string = delegated.body.deadlines.acceptBy;
    const put = (token: string, body: object) => t.http.put('/api/calendar/overrides').set(auth(token)).send(body);
    expect((await put(w.tokens.clerk1!, { date: acceptBy, kind: 'rest' })).status).toBe(403);
    const set = await put(w.tokens.admin!, { date: acceptBy, kind: 'rest', note: '临时调休' });
    expect(set.status).toBe(200);
    expect(set.body.recomputedCases).toBeGreaterThanOrEqual(1);
    const moved = await get(`/api/cases/${c.id}`, w.tokens.clerk1!);
    expect(moved.body.deadlines.acceptBy > acceptBy).toBe(true);
    const overrides = await get('/api/calendar/overrides', w.tokens.m1!);
    expect(overrides.body).toContainEqual(expect.objectContaining({ date: acceptBy, kind: 'rest' }));
    await put(w.tokens.admin!, { date: acceptBy, kind: 'none' });
    expect((await get(`/api/cases/${c.id}`, w.tokens.clerk1!)).body.deadlines.acceptBy).toBe(acceptBy);
  });
});

describe('lists and reference data', () => {
  it('lists with filters and paging; mediators see only their own and their queue', async () => {
    const list = await get('/api/cases?status=registered&pageSize=5', w.tokens.clerk1!);
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ page: 1, pageSize: 5 });
    expect(list.body.items.length).toBeLessThanOrEqual(5);
    expect(list.body.items.every((c: { status: string }) => c.status === 'registered')).toBe(true);
    expect((await get('/api/cases?pageSize=201', w.tokens.clerk1!)).status).toBe(400);
    expect((await get('/api/cases?status=bogus', w.tokens.clerk1!)).status).toBe(400);
    const mine = await get('/api/cases?pageSize=200', w.tokens.m3!);
    expect(mine.body.items.every((c: { status: string }) => c.status !== 'registered')).toBe(true);
    expect((await get('/api/cases', w.tokens.stats1!)).status).toBe(403);
  });

  it('serves organizations, mediators, dispute types, the deadline calculator and fees', async () => {
    const orgs = await get('/api/organizations?q=天台', w.tokens.m1!);
    expect(orgs.body.items).toEqual([
      expect.objectContaining({ name: '天台镇人民调解委员会', kind: 'township', mediatorCount: expect.any(Number) }),
    ]);
    const mediators = await get(`/api/mediators?organizationId=${w.orgA}`, w.tokens.clerk1!);
    expect(mediators.body.items[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        displayName: expect.any(String),
        organizationId: w.orgA,
        activeCases: expect.any(Number),
      }),
    );
    expect((await get('/api/mediators', w.tokens.m1!)).status).toBe(403);
    const recommended = await get('/api/mediators?disputeType=traffic_accident', w.tokens.clerk1!);
    expect(recommended.status).toBe(200);
    expect(recommended.body.items[0]).toMatchObject({ matchesExpertise: true });
    expect((await get('/api/mediators?disputeType=nonsense', w.tokens.clerk1!)).status).toBe(400);
    const types = await get('/api/dispute-types', w.tokens.m1!);
    expect(types.body).toContainEqual(expect.objectContaining({ code: 'sale_contract', name: '买卖合同纠纷', feeCategory: 'property' }));
    const deadline = await get('/api/calendar/deadline?start=2026-09-28&length=3&unit=workdays', w.tokens.m1!);
    expect(deadline.body).toMatchObject({ endsOn: '2026-10-08', rolledOver: false });
    const rolled = await get('/api/calendar/deadline?start=2024-03-01&length=30&unit=days', w.tokens.m1!);
    expect(rolled.body).toMatchObject({ endsOn: '2024-04-01', rolledOver: true });
    expect((await get('/api/calendar/deadline?start=2010-01-01&length=3&unit=days', w.tokens.m1!)).status).toBe(422);
    expect((await get('/api/calendar/deadline?start=2026-02-30&length=3', w.tokens.m1!)).status).toBe(400);
    const fee = await get('/api/fees/litigation?amount=250000&disputeType=sale_contract', w.tokens.stats1!);
    expect(fee.body).toMatchObject({ fullFee: '5050.00', halfFee: '2525.00', feeCategory: 'property', basis: '诉讼费用交纳办法 第十三条' });
    expect(fee.body.brackets[0]).toMatchObject({ from: '0.00', to: '10000.00', rate: null, fee: '50.00' });
    expect((await get('/api/fees/litigation?amount=abc', w.tokens.stats1!)).status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auth, caseBody, createWorld, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Input that used to reach PostgreSQL or overflow the stack (500), or was silently accepted wrong:
// every one answers 400 VALIDATION_FAILED naming the field, and writes nothing.

let t: TestApp;
let w: World;
let caseInMediation: { id: string; parties: { id: string; role: string }[] };

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
  const created = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
  await t.http.post(`/api/cases/${created.body.id}/delegate`).set(auth(w.tokens.clerk1!)).send({ organizationId: w.orgA });
  const claimed = await t.http.post(`/api/cases/${created.body.id}/claim`).set(auth(w.tokens.m1!)).send({});
  expect(claimed.status).toBe(200);
  caseInMediation = claimed.body;
});
afterAll(async () => {
  await t?.close();
});

const TABLES = ['cases', 'parties', 'mediation_sessions', 'agreements', 'audit_events', 'documents', 'login_attempts'];

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) out[table] = (await t.db.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;
  return out;
}

/** Sends `body` (an object, or raw JSON text) and expects 400 VALIDATION_FAILED with exactly `errors`, writing nothing. */
async function expectRejected(
  method: 'get' | 'post',
  path: string,
  errors: Record<string, string>,
  body?: object | string,
  token = w.tokens.clerk1!,
) {
  const before = await rowCounts();
  let req = t.http[method](path).set(auth(token));
  if (typeof body === 'string') req = req.set('Content-Type', 'application/json').send(body);
  else if (body) req = req.send(body);
  const res = await req;
  expect({ status: res.status, code: res.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
  expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  expect(res.body.errors).toEqual(errors);
  expect(await rowCounts()).toEqual(before);
  return res;
}

const sessionBody = (overrides: Record<string, unknown> = {}) => ({
  heldAt: '2026-11-30T10:00:00+08:00',
  mode: 'phone',
  attendees: ['刘小富', '张某'],
  minutes: '双方陈述意见。',
  ...overrides,
});

const agreementBody = (signedAt: string) => ({
  content: '双方自愿达成协议。',
  terms: [
    {
      obligorPartyId: caseInMediation.parties.find((p) => p.role === 'respondent')!.id,
      obligeePartyId: caseInMediation.parties.find((p) => p.role === 'applicant')!.id,
      amount: '100.00',
      dueOn: '2099-12-31',
    },
  ],
  signedAt,
});

describe('NUL characters', () => {
  it('in a party name, the summary and a claim', async () => {
    const body = caseBody({ summary: '欠款\u0000纠纷', claims: ['请求支付货款', '利息\u0000'] });
    (body.parties[0] as Record<string, unknown>).name = '刘\u0000小富';
    await expectRejected(
      'post',
      '/api/cases',
      { summary: 'nul_character', 'claims.1': 'nul_character', 'parties.0.name': 'nul_character' },
      body,
    );
  });

  it('in a session attendee', async () => {
    await expectRejected(
      'post',
      `/api/cases/${caseInMediation.id}/sessions`,
      { 'attendees.1': 'nul_character' },
      sessionBody({ attendees: ['刘小富', '张\u0000某'] }),
      w.tokens.m1!,
    );
  });

  it('in a key', async () => {
    await expectRejected('post', '/api/cases', { 'sum\\u0000mary': 'nul_character' }, { ...caseBody(), 'sum\u0000mary': 'x' });
  });

  it('in the login username (before any login attempt is recorded)', async () => {
    const before = await rowCounts();
    const res = await t.http.post('/api/auth/login').send({ username: 'clerk1\u0000', password: 'whatever' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { username: 'nul_character' } });
    expect(await rowCounts()).toEqual(before);
  });

  it('in the query string', async () => {
    await expectRejected('get', '/api/cases?q=%E5%88%98%00', { q: 'nul_character' });
    await expectRejected('get', '/api/organizations?q=%00', { q: 'nul_character' });
  });

  it('in a route parameter', async () => {
    await expectRejected('get', '/api/cases/%00', { id: 'nul_character' });
    await expectRejected('post', '/api/cases/%00/claim', { id: 'nul_character' }, {}, w.tokens.m1!);
    const verify = await t.http.get('/api/verify/%00');
    expect(verify.status).toBe(400);
    expect(verify.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { sha256: 'nul_character' } });
  });
});

describe('nesting depth', () => {
  const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

  it('5,000 levels deep in a field answers 400, not a stack overflow', async () => {
    const raw = JSON.stringify(caseBody()).replace('"address":"贵州省赤水市市中街道"', `"address":${deep(5000)}`);
    await expectRejected('post', '/api/cases', { 'parties.0.address': 'too_deep' }, raw);
  });

  it('5,000 nested arrays as the whole body', async () => {
    await expectRejected('post', '/api/cases', { '0.0.0': 'too_deep' }, `${'['.repeat(5000)}${']'.repeat(5000)}`);
  });

  it('an ordinary body is far below the limit', async () => {
    const raw = JSON.stringify(caseBody()).replace('"address":"贵州省赤水市市中街道"', `"address":${deep(20)}`);
    // Deep but allowed: class-validator then reports the type.
    await expectRejected('post', '/api/cases', { 'parties.0.address': 'not_string' }, raw);
  });
});

describe('names without a visible character', () => {
  it.each([
    ['zero-width space and joiners', '\u200B\u200C\u200D'],
    ['word joiner and BOM', '\u2060\uFEFF'],
    ['bidi marks between spaces', ' \u200E\u200F\u3000'],
    ['Hangul filler', '\u3164'],
  ])('%s', async (_what, name) => {
    const body = caseBody();
    (body.parties[1] as Record<string, unknown>).name = name;
    await expectRejected('post', '/api/cases', { 'parties.1.name': 'blank' }, body);
  });

  it('a name with a visible character among invisible ones is kept as it is', async () => {
    const body = caseBody();
    (body.parties[0] as Record<string, unknown>).name = '\u200B刘小富';
    const res = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(body);
    expect(res.status).toBe(201);
  });
});

describe('date-times are taken literally', () => {
  it.each([
    ['a day November does not have', '2026-11-31T10:00+08:00'],
    ['hour 24', '2026-11-20T24:00+08:00'],
    ['minute 60', '2026-11-20T10:60+08:00'],
    ['29 February of a common year', '2026-02-29T10:00:00Z'],
    ['month 13', '2026-13-01T10:00:00Z'],
    ['no offset', '2026-11-20T10:00:00'],
    ['an offset beyond ±14:00', '2026-11-20T10:00:00+15:00'],
  ])('heldAt with %s', async (_what, heldAt) => {
    await expectRejected(
      'post',
      `/api/cases/${caseInMediation.id}/sessions`,
      { heldAt: 'not_datetime' },
      sessionBody({ heldAt }),
      w.tokens.m1!,
    );
  });

  it('signedAt 2026-11-31 and T24:00', async () => {
    for (const signedAt of ['2026-11-31T10:00+08:00', '2026-11-20T24:00+08:00']) {
      await expectRejected(
        'post',
        `/api/cases/${caseInMediation.id}/agreement`,
        { signedAt: 'not_datetime' },
        agreementBody(signedAt),
        w.tokens.m1!,
      );
    }
  });

  it('a real instant is stored as sent', async () => {
    const res = await t.http
      .post(`/api/cases/${caseInMediation.id}/sessions`)
      .set(auth(w.tokens.m1!))
      .send(sessionBody({ heldAt: '2026-11-30T23:59+08:00' }));
    expect(res.status).toBe(201);
    const [row] = await t.db.query('SELECT held_at FROM mediation_sessions WHERE case_id = $1', [caseInMediation.id]);
    expect((row.held_at as Date).toISOString()).toBe('2026-11-30T15:59:00.000Z');
  });
});

describe('prototype keys are unknown fields, not dropped', () => {
  const raw = () => JSON.stringify(caseBody());
  // An object literal's `__proto__:` sets the prototype; JSON.parse makes it an own key, as the server sees it.
  const protoField = JSON.parse('{"__proto__":"unknown_field"}') as Record<string, string>;

  it('__proto__ at the top level', async () => {
    await expectRejected('post', '/api/cases', protoField, raw().replace(/^\{/, '{"__proto__":{"admin":true},'));
  });

  it('constructor at the top level', async () => {
    await expectRejected(
      'post',
      '/api/cases',
      { constructor: 'unknown_field' },
      raw().replace(/^\{/, '{"constructor":{"prototype":{"x":1}},'),
    );
  });

  it('__proto__ and constructor in a party', async () => {
    const body = raw()
      .replace('{"role":"applicant"', '{"__proto__":{"kind":"organization"},"role":"applicant"')
      .replace('{"role":"respondent"', '{"constructor":"x","role":"respondent"');
    await expectRejected('post', '/api/cases', { 'parties.0.__proto__': 'unknown_field', 'parties.1.constructor': 'unknown_field' }, body);
  });

  it('on an action body too', async () => {
    await expectRejected(
      'post',
      `/api/cases/${caseInMediation.id}/sessions`,
      protoField,
      JSON.stringify(sessionBody()).replace(/^\{/, '{"__proto__":{},'),
      w.tokens.m1!,
    );
  });
});

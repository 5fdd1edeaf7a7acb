// Parties sign in without an account (issue 16 item 1; contract "v2 additions → Parties").
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auth, caseBody, createWorld, residentId, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;
let caseA: { id: string; caseNumber: string; parties: { id: string; role: string }[] };
let caseB: { id: string; caseNumber: string };

const APPLICANT_PHONE = '13800000000';

beforeAll(async () => {
  t = await startTestApp({ listen: true });
  w = await createWorld(t, { mediators: 1 });
  const a = await t.http.post('/api/cases').set(auth(w.tokens.clerk1)).send(caseBody());
  expect(a.status).toBe(201);
  caseA = a.body;
  const b = await t.http
    .post('/api/cases')
    .set(auth(w.tokens.clerk1))
    .send(
      caseBody({
        parties: [
          {
            role: 'applicant',
            kind: 'person',
            name: '王某',
            idNumber: residentId('19850202', 456),
            phone: '13900000000',
            address: '赤水市',
          },
          {
            role: 'respondent',
            kind: 'person',
            name: '赵某',
            idNumber: residentId('19800303', 789),
            phone: '13700000000',
            address: '赤水市',
          },
        ],
      }),
    );
  expect(b.status).toBe(201);
  caseB = b.body;
});
afterAll(async () => {
  await t?.close();
});

const requestCode = (caseNumber: string, phone: string) => t.http.post('/api/party/auth/request-code').send({ caseNumber, phone });
const verify = (caseNumber: string, phone: string, code: string) => t.http.post('/api/party/auth/verify').send({ caseNumber, phone, code });

/** The latest code sent to a phone, read from the outbox as an administrator would. */
async function latestCode(phone: string): Promise<string> {
  const res = await t.http.get(`/api/admin/sms-outbox?phone=${phone}&limit=1`).set(auth(w.tokens.admin!));
  expect(res.status).toBe(200);
  const code = /验证码为(\d{6})/.exec(res.body[0]?.text ?? '')?.[1];
  if (!code) throw new Error(`no code for ${phone}`);
  return code;
}

describe('party sign-in by SMS code', () => {
  it('answers 202 whether or not the pair exists, and sends a code only to a party of that case', async () => {
    for (const [n, p] of [
      [caseA.caseNumber, '138-0000-0000'],
      [caseA.caseNumber, '13111111111'],
      ['（2099）不存在1号', APPLICANT_PHONE],
    ]) {
      expect((await requestCode(n, p)).status).toBe(202);
    }
    const sent: { phone: string }[] = await t.db.query(`SELECT phone FROM sms_outbox WHERE purpose = 'party_sign_in'`);
    expect(sent.map((s) => s.phone)).toEqual([APPLICANT_PHONE]);
    const stored: { code_hash: string }[] = await t.db.query('SELECT code_hash FROM party_codes WHERE code_hash IS NOT NULL');
    expect(stored[0].code_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('signs in with the code once; the code does not work again', async () => {
    const code = await latestCode(APPLICANT_PHONE);
    const res = await verify(caseA.caseNumber, APPLICANT_PHONE, code);
    expect(res.status).toBe(200);
    const applicant = caseA.parties.find((p) => p.role === 'applicant')!;
    expect(res.body.party).toEqual({ id: applicant.id, role: 'applicant', name: '刘小富' });
    const me = await t.http.get('/api/party/me').set(auth(res.body.accessToken));
    expect(me.status).toBe(200);
    expect((await verify(caseA.caseNumber, APPLICANT_PHONE, code)).status).toBe(401);

    // A party token opens no staff path; a staff token opens no party path.
    const respondent = caseA.parties.find((p) => p.role === 'respondent')!;
    for (const path of [
      '/api/cases',
      `/api/cases/${caseA.id}`,
      `/api/cases/${caseA.id}/parties/${respondent.id}`,
      '/api/auth/me',
      '/api/stats/summary',
    ]) {
      const r = await t.http.get(path).set(auth(res.body.accessToken));
      expect({ path, status: r.status }).toEqual({ path, status: 403 });
    }
    expect((await t.http.get('/api/party/me').set(auth(w.tokens.clerk1))).status).toBe(403);
    expect((await t.http.get('/api/party/me')).status).toBe(401);

    const events: { type: string }[] = await t.db.query(
      `SELECT type FROM audit_events WHERE stream = $1 AND type LIKE 'party.%' ORDER BY seq`,
      [`case:${caseA.id}`],
    );
    expect(events.map((e) => e.type)).toEqual(['party.code_requested', 'party.signed_in']);
  });

  it('shows the case from the party’s side: own ID in full, the other side masked', async () => {
    expect((await requestCode(caseB.caseNumber, '13900000000')).status).toBe(202);
    const signed = await verify(caseB.caseNumber, '13900000000', await latestCode('13900000000'));
    expect(signed.status).toBe(200);
    const res = await t.http.get('/api/party/case').set(auth(signed.body.accessToken));
    expect(res.status).toBe(200);
    expect(res.body.caseNumber).toBe(caseB.caseNumber);
    const [self, other] = res.body.parties as { self: boolean; idNumber: string; phone: string; address: string | null }[];
    expect(self).toMatchObject({ self: true, idNumber: residentId('19850202', 456), phone: '13900000000', address: '赤水市' });
    expect(other.self).toBe(false);
    expect(JSON.stringify(res.body)).not.toContain(residentId('19800303', 789));
    expect(JSON.stringify(res.body)).not.toContain('13700000000');
    expect(other.address).toBeNull();

    const consent = await t.http
      .post('/api/party/consent')
      .set(auth(signed.body.accessToken))
      .send({ mediation: true, electronicService: true, serviceAddress: '赤水市某街道1号' });
    expect(consent.status).toBe(200);
    expect(consent.body).toMatchObject({ mediation: true, electronicService: true, serviceAddress: '赤水市某街道1号' });
    expect((await t.http.post('/api/party/consent').set(auth(signed.body.accessToken)).send({ mediation: 'yes' })).status).toBe(400);
    expect(
      (await t.http.post('/api/party/consent').set(auth(w.tokens.clerk1)).send({ mediation: true, electronicService: true })).status,
    ).toBe(403);

    // The party sees their consent on their case; the clerk sees it per party on the case view.
    const again = await t.http.get('/api/party/case').set(auth(signed.body.accessToken));
    expect(again.body.consent).toMatchObject({ mediation: true, electronicService: true, serviceAddress: '赤水市某街道1号' });
    const staff = await t.http.get(`/api/cases/${caseB.id}`).set(auth(w.tokens.clerk1!));
    expect(staff.status).toBe(200);
    const consents = staff.body.partyConsents as { partyId: string; consented: boolean; electronicService: boolean | null }[];
    expect(consents).toHaveLength(2);
    expect(consents.find((k) => k.partyId === signed.body.party.id)).toMatchObject({ consented: true, electronicService: true });
    expect(consents.find((k) => k.partyId !== signed.body.party.id)).toMatchObject({ consented: false, electronicService: null });
  });

  it('a code for another case does not open this one', async () => {
    expect((await requestCode(caseB.caseNumber, '13900000000')).status).toBe(202);
    const code = await latestCode('13900000000');
    expect((await verify(caseA.caseNumber, '13900000000', code)).status).toBe(401);
    expect((await verify(caseA.caseNumber, APPLICANT_PHONE, code)).status).toBe(401);
  });

  it('locks the code after 5 wrong attempts: the right code fails on the 6th', async () => {
    expect((await requestCode(caseB.caseNumber, '13700000000')).status).toBe(202);
    const code = await latestCode('13700000000');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect((await verify(caseB.caseNumber, '13700000000', wrong)).status).toBe(401);
    const sixth = await verify(caseB.caseNumber, '13700000000', code);
    expect({ status: sixth.status, code: sixth.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('the SMS outbox is the court administrator’s alone', async () => {
    expect((await t.http.get('/api/admin/sms-outbox').set(auth(w.tokens.clerk1!))).status).toBe(403);
    expect((await t.http.get('/api/admin/sms-outbox?phone=abc').set(auth(w.tokens.admin!))).status).toBe(400);
    const page = await t.http.get('/api/admin/sms-outbox').set(auth(w.tokens.admin!));
    expect(page.status).toBe(200);
    expect((page.body as { purpose: string }[]).every((m: { purpose: string }) => typeof m.purpose === 'string')).toBe(true);
    // A message of another court is never listed here.
    const [other] = await t.db.query(
      `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap) VALUES ('黔0302', '遵义市红花岗区人民法院', 'entrusted', false, 20) RETURNING id`,
    );
    await t.db.query(
      `INSERT INTO sms_outbox (court_id, phone, text, purpose) VALUES ($1, '13600000000', '【法院】别院短信', 'party_sign_in')`,
      [other.id],
    );
    const again = await t.http.get('/api/admin/sms-outbox').set(auth(w.tokens.admin!));
    expect(again.body).toHaveLength(page.body.length);
    expect((again.body as { text: string }[]).some((m: { text: string }) => m.text.includes('别院'))).toBe(false);
  });

  it('rate limits codes per phone (kept in the database)', async () => {
    for (let i = 0; i < 8; i++) expect((await requestCode(caseB.caseNumber, '13900000000')).status).toBe(202);
    const [{ n }]: { n: number }[] = await t.db.query(`SELECT count(*)::int AS n FROM sms_outbox WHERE phone = '13900000000'`);
    expect(n).toBe(5); // two sign-ins above and three more before the limit
  });
});

// Helpers for the parties' e2e specs (issue 16): a case in mediation with two person parties who
// signed in by SMS code, and the codes read from the outbox as an administrator would.
import { expect } from '@jest/globals';
import type { Response } from 'supertest';
import { auth, caseBody, residentId, type World } from './factories.js';
import type { TestApp } from './test-app.js';

export interface PartySession {
  token: string;
  partyId: string;
  phone: string;
}

export interface PartyCase {
  id: string;
  caseNumber: string;
  applicant: PartySession;
  respondent: PartySession;
  applicantIdNumber: string;
  respondentIdNumber: string;
}

let serial = 100;

/** A fresh pair of phones and ID numbers per case, so rate limits of one test never touch another. */
function nextPhones(): [string, string] {
  serial += 2;
  return [`1351234${String(serial).padStart(4, '0')}`, `1351234${String(serial + 1).padStart(4, '0')}`];
}

export async function latestCode(t: TestApp, w: World, phone: string, purpose?: string): Promise<string> {
  const res = await t.http.get(`/api/admin/sms-outbox?phone=${phone}&limit=20`).set(auth(w.tokens.admin!));
  expect(res.status).toBe(200);
  const msg = (res.body as { text: string; purpose: string }[]).find((m) => !purpose || m.purpose === purpose);
  const code = /验证码为(\d{6})/.exec(msg?.text ?? '')?.[1];
  if (!code) throw new Error(`no code for ${phone}`);
  return code;
}

export async function signIn(t: TestApp, w: World, caseNumber: string, phone: string): Promise<PartySession> {
  expect((await t.http.post('/api/party/auth/request-code').send({ caseNumber, phone })).status).toBe(202);
  const code = await latestCode(t, w, phone, 'party_sign_in');
  const res = await t.http.post('/api/party/auth/verify').send({ caseNumber, phone, code });
  expect(res.status).toBe(200);
  return { token: res.body.accessToken, partyId: res.body.party.id, phone };
}

/** A pre-litigation case claimed by `mediator`, both parties signed in and (by default) consenting to electronic service. */
export async function caseInMediation(
  t: TestApp,
  w: World,
  opts: { mediator?: string; consent?: boolean; track?: 'pre_litigation' | 'entrusted' } = {},
): Promise<PartyCase> {
  const [pa, pr] = nextPhones();
  const ida = residentId('19800101', serial % 900);
  const idr = residentId('19810202', (serial + 1) % 900);
  const body = caseBody({
    ...(opts.track ? { track: opts.track } : {}),
    parties: [
      { role: 'applicant', kind: 'person', name: '甲某', idNumber: ida, phone: pa, address: '赤水市甲街1号' },
      { role: 'respondent', kind: 'person', name: '乙某', idNumber: idr, phone: pr, address: '赤水市乙街2号' },
    ],
  });
  const created = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(body);
  expect(created.status).toBe(201);
  const c = created.body;
  expect((await t.http.post(`/api/cases/${c.id}/delegate`).set(auth(w.tokens.clerk1!)).send({})).status).toBe(200);
  expect(
    (
      await t.http
        .post(`/api/cases/${c.id}/claim`)
        .set(auth(w.tokens[opts.mediator ?? 'm1']!))
        .send({})
    ).status,
  ).toBe(200);
  const applicant = await signIn(t, w, c.caseNumber, pa);
  const respondent = await signIn(t, w, c.caseNumber, pr);
  if (opts.consent !== false) {
    for (const p of [applicant, respondent]) {
      const res = await t.http.post('/api/party/consent').set(auth(p.token)).send({ mediation: true, electronicService: true });
      expect(res.status).toBe(200);
    }
  }
  return { id: c.id, caseNumber: c.caseNumber, applicant, respondent, applicantIdNumber: ida, respondentIdNumber: idr };
}

const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export function agreementBody(c: PartyCase, overrides: Record<string, unknown> = {}) {
  return {
    content: '双方就本案纠纷再无其他争议。',
    terms: [{ obligorPartyId: c.respondent.partyId, obligeePartyId: c.applicant.partyId, amount: '5000.00', dueOn: inDays(30) }],
    signatures: 'online',
    ...overrides,
  };
}

/** Issues the agreement for online signature; answers the case. */
export async function issueForSignature(t: TestApp, w: World, c: PartyCase, overrides: Record<string, unknown> = {}, mediator = 'm1') {
  const res = await t.http.post(`/api/cases/${c.id}/agreement`).set(auth(w.tokens[mediator]!)).send(agreementBody(c, overrides));
  expect(res.status).toBe(200);
  return res.body;
}

/** Requests a signature code for the party and signs `sha256` with it. */
export async function signOnline(t: TestApp, w: World, p: PartySession, sha256: string): Promise<Response> {
  expect((await t.http.post('/api/party/agreement/request-code').set(auth(p.token)).send({})).status).toBe(202);
  const code = await latestCode(t, w, p.phone, 'agreement_signature');
  return t.http.post('/api/party/agreement/sign').set(auth(p.token)).send({ documentSha256: sha256, code });
}

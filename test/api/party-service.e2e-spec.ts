// Electronic service (issue 16 item 3): documents addressed to the parties are served on each party who
// consented to electronic service — at consent for what was issued before, at issue afterwards; the
// party lists and downloads them (first download = readAt, document.read); the clerk sees served/read
// per party and document; a party reads nothing that was not served on them.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auth, caseBody, createWorld, residentId, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 1 });
});
afterAll(async () => {
  await t?.close();
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token));

async function signInParty(caseNumber: string, phone: string): Promise<{ token: string; partyId: string }> {
  expect((await t.http.post('/api/party/auth/request-code').send({ caseNumber, phone })).status).toBe(202);
  const outbox = await get(`/api/admin/sms-outbox?phone=${phone}&limit=1`, w.tokens.admin!);
  const code = /验证码为(\d{6})/.exec(outbox.body[0].text)![1]!;
  const res = await t.http.post('/api/party/auth/verify').send({ caseNumber, phone, code });
  expect(res.status).toBe(200);
  return { token: res.body.accessToken, partyId: res.body.party.id };
}

describe('electronic service (电子送达)', () => {
  it('serves on consent and at issue, records the first read, and shows it to the clerk', async () => {
    const body = caseBody({
      parties: [
        { role: 'applicant', kind: 'person', name: '甲某', idNumber: residentId('19800101', 11), phone: '13811110001', address: '赤水市' },
        { role: 'respondent', kind: 'person', name: '乙某', idNumber: residentId('19810101', 12), phone: '13811110002', address: '赤水市' },
      ],
    });
    const c = (await post('/api/cases', w.tokens.clerk1!, body)).body;
    const delegated = await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, {});
    expect(delegated.status).toBe(200);
    const letter = delegated.body.documents.find((d: { kind: string }) => d.kind === 'delegation_letter');
    expect(letter.services).toEqual([]); // nobody consented yet: paper service

    const applicant = await signInParty(c.caseNumber, '13811110001');
    expect((await get('/api/party/documents', applicant.token)).body).toEqual([]);
    expect((await post('/api/party/consent', applicant.token, { mediation: true, electronicService: true })).status).toBe(200);
    const listed = await get('/api/party/documents', applicant.token);
    expect(listed.status).toBe(200);
    // The delegation letter, and the party's own 送达地址确认书 issued at consent (served on them alone).
    expect(listed.body).toHaveLength(2);
    expect(listed.body[0]).toMatchObject({ id: letter.id, kind: 'delegation_letter', readAt: null });
    expect(listed.body[1]).toMatchObject({ kind: 'service_address_confirmation', title: '送达地址确认书' });
    expect((await t.http.get(`/api/verify/${listed.body[1].sha256}`)).body).toMatchObject({
      valid: true,
      kind: 'service_address_confirmation',
    });
    // The party is told by text message where to read it.
    const sms = await get('/api/admin/sms-outbox?phone=13811110001&limit=1', w.tokens.admin!);
    expect(sms.body[0]).toMatchObject({ purpose: 'document_served' });
    expect(sms.body[0].text).toContain('委派调解函');

    // First download records readAt; the second does not move it.
    const pdf = await get(`/api/party/documents/${letter.id}`, applicant.token).buffer(true);
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const read1 = (await get('/api/party/documents', applicant.token)).body[0].readAt;
    expect(read1).not.toBeNull();
    await get(`/api/party/documents/${letter.id}`, applicant.token).buffer(true);
    expect((await get('/api/party/documents', applicant.token)).body[0].readAt).toBe(read1);

    // A later document is served at its issue; the respondent (no consent) is not served.
    expect((await post(`/api/cases/${c.id}/claim`, w.tokens.m1!)).status).toBe(200);
    const terminated = await post(`/api/cases/${c.id}/termination`, w.tokens.m1!, {
      reason: 'party_refused',
      details: '被申请人明确拒绝调解。',
    });
    expect(terminated.status).toBe(200);
    const record = terminated.body.documents.find((d: { kind: string }) => d.kind === 'termination_record');
    expect(record.services).toEqual([expect.objectContaining({ partyId: applicant.partyId, method: 'electronic', readAt: null })]);
    const staff = await get(`/api/cases/${c.id}`, w.tokens.clerk1!);
    const served = staff.body.documents.find((d: { id: string }) => d.id === letter.id);
    expect(served.services).toEqual([expect.objectContaining({ partyId: applicant.partyId, readAt: read1 })]);

    const events = await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!);
    const types = (events.body as { type: string }[]).map((e: { type: string }) => e.type);
    expect(types.filter((x: string) => x === 'document.served')).toHaveLength(3);
    expect(types).toContain('document.read');

    // The respondent signs in but has nothing served and cannot read the applicant's documents.
    const respondent = await signInParty(c.caseNumber, '13811110002');
    expect((await get('/api/party/documents', respondent.token)).body).toEqual([]);
    expect((await get(`/api/party/documents/${letter.id}`, respondent.token)).status).toBe(404);
    expect((await get(`/api/party/documents/${listed.body[1].id}`, respondent.token)).status).toBe(404);
    expect((await get(`/api/party/documents/not-a-uuid`, respondent.token)).status).toBe(400);
    // Staff tokens cannot use party paths, party tokens not staff paths.
    expect((await get('/api/party/documents', w.tokens.clerk1!)).status).toBe(403);
    expect((await get(`/api/documents/${letter.id}`, applicant.token)).status).toBe(403);
  });
});

// E-signature of the agreement (issue 16 item 4): the mediator issues the agreement for online
// signature; each party signs the exact PDF (its sha256) with a fresh SMS code; the last signature
// makes it effective and the signed version prints each signature. Abuse: wrong codes (locked after
// 5), code reuse, a code of another case or purpose, a stale hash (409), parallel signing (one
// signature), the other side's full ID number never in the party's view.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auth, createWorld, type World } from './support/factories.js';
import { caseInMediation, issueForSignature, latestCode, signOnline, type PartyCase } from './support/party-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;
let work: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
  work = mkdtempSync(join(tmpdir(), 'sutiao-sign-'));
});
afterAll(async () => {
  rmSync(work, { recursive: true, force: true });
  await t?.close();
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token));
const requestSignCode = (c: PartyCase, who: 'applicant' | 'respondent') => post('/api/party/agreement/request-code', c[who].token);
const sign = (token: string, documentSha256: string, code: string) => post('/api/party/agreement/sign', token, { documentSha256, code });

function pdfText(pdf: Buffer): string {
  const file = join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('agreement signed online', () => {
  it('binds each signature to the PDF, takes effect with the last one and prints them on the signed version', async () => {
    const c = await caseInMediation(t, w);
    const issued = await issueForSignature(t, w, c);
    expect(issued.status).toBe('in_mediation');
    expect(issued.agreement).toMatchObject({
      signatureMethod: 'online',
      awaitingSignatures: true,
      signedAt: null,
      effectiveOn: null,
      signatures: [],
    });
    expect(issued.obligations).toEqual([]);
    const signingDoc = issued.documents.find((d: { id: string }) => d.id === issued.agreement.signingDocumentId);
    expect(signingDoc).toMatchObject({ kind: 'agreement' });

    // The party sees the PDF to review, served on them, and may sign.
    const view = await get('/api/party/agreement', c.applicant.token);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({
      status: 'awaiting_signatures',
      documentId: signingDoc.id,
      documentSha256: signingDoc.sha256,
      canSign: true,
      served: true,
    });
    const pdf = await get(`/api/party/documents/${signingDoc.id}`, c.applicant.token).buffer(true);
    expect(pdf.status).toBe(200);

    const first = await signOnline(t, w, c.applicant, signingDoc.sha256);
    expect(first.status).toBe(200);
    expect(first.body.signers.find((s: { self: boolean }) => s.self)).toMatchObject({ status: 'signed', method: 'online' });
    const half = await get(`/api/cases/${c.id}`, w.tokens.m1!);
    expect(half.body.status).toBe('in_mediation');
    expect(half.body.agreement.signatures).toEqual([
      { partyId: c.applicant.partyId, method: 'online', signedAt: expect.any(String), documentSha256: signingDoc.sha256 },
    ]);

    const last = await signOnline(t, w, c.respondent, signingDoc.sha256);
    expect(last.status).toBe(200);
    expect(last.body.status).toBe('effective');
    const done = await get(`/api/cases/${c.id}`, w.tokens.clerk1!);
    expect(done.body.status).toBe('agreed');
    expect(done.body.agreement.signedAt).not.toBeNull();
    expect(done.body.agreement.effectiveOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(done.body.agreement.awaitingSignatures).toBe(false);
    expect(done.body.agreement.signatures).toHaveLength(2);
    expect(done.body.deadlines.confirmationApplyBy).not.toBeNull();
    expect(done.body.obligations).toHaveLength(1);

    // The signed version: a new agreement PDF with each signature's time and short hash.
    const agreements = done.body.documents.filter((d: { kind: string }) => d.kind === 'agreement');
    expect(agreements).toHaveLength(2);
    const signed = agreements[1];
    expect(signed.id).not.toBe(signingDoc.id);
    const text = pdfText((await get(`/api/documents/${signed.id}`, w.tokens.clerk1!).buffer(true)).body as Buffer);
    expect(text).toContain('已电子签名');
    expect(text).toContain(`所签文书SHA-256前16位：${signingDoc.sha256.slice(0, 16)}`);
    expect((await t.http.get(`/api/verify/${signed.sha256}`)).body).toMatchObject({ valid: true, kind: 'agreement' });
    // The party now reads the signed version.
    expect((await get('/api/party/agreement', c.respondent.token)).body).toMatchObject({ status: 'effective', documentId: signed.id });

    const types = ((await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!)).body as { type: string; data: { partyId?: string } }[]).map(
      (e) => e.type,
    );
    expect(types).toEqual(
      expect.arrayContaining(['agreement.issued_for_signature', 'agreement.signed', 'case.agreed', 'party.code_verified']),
    );
    expect(types.filter((x) => x === 'agreement.signed')).toHaveLength(2);
    // Signing again: 409 (the agreement no longer awaits signatures).
    expect((await requestSignCode(c, 'applicant')).status).toBe(409);
  });

  it('locks the code after 5 wrong tries; a code of sign-in, of another case or already used never signs', async () => {
    const c = await caseInMediation(t, w);
    const other = await caseInMediation(t, w);
    const issued = await issueForSignature(t, w, c);
    const otherIssued = await issueForSignature(t, w, other);
    const sha = issued.documents.find((d: { id: string }) => d.id === issued.agreement.signingDocumentId).sha256 as string;
    const otherSha = otherIssued.documents.find((d: { id: string }) => d.id === otherIssued.agreement.signingDocumentId).sha256;

    // The sign-in code (another purpose) does not sign.
    const signInCode = await latestCode(t, w, c.applicant.phone, 'party_sign_in');
    const withSignIn = await sign(c.applicant.token, sha, signInCode);
    expect(withSignIn.status).toBe(400);
    expect(withSignIn.body.errors).toEqual({ code: 'expired' });

    expect((await requestSignCode(c, 'applicant')).status).toBe(202);
    const code = await latestCode(t, w, c.applicant.phone, 'agreement_signature');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i <= 5; i++) {
      const res = await sign(c.applicant.token, sha, wrong);
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual({ code: i < 5 ? 'wrong' : 'locked' });
    }
    const sixth = await sign(c.applicant.token, sha, code); // the right code, too late
    expect(sixth.status).toBe(400);
    expect(sixth.body.errors).toEqual({ code: 'locked' });
    expect((await get(`/api/cases/${c.id}`, w.tokens.m1!)).body.agreement.signatures).toEqual([]);

    // A code sent to the other case's applicant does not sign this case, nor does this party sign the other case's PDF.
    expect((await requestSignCode(other, 'applicant')).status).toBe(202);
    const otherCode = await latestCode(t, w, other.applicant.phone, 'agreement_signature');
    expect((await sign(c.applicant.token, sha, otherCode)).status).toBe(400);
    expect((await sign(c.applicant.token, otherSha, otherCode)).status).toBe(409); // not this case's PDF: stale for this case
    // …and the other case's party can still use their own code.
    expect((await sign(other.applicant.token, otherSha, otherCode)).status).toBe(200);

    // A fresh code signs; the same code never works again.
    expect((await requestSignCode(c, 'applicant')).status).toBe(202);
    const fresh = await latestCode(t, w, c.applicant.phone, 'agreement_signature');
    expect((await sign(c.applicant.token, sha, fresh)).status).toBe(200);
    const reuse = await sign(c.respondent.token, sha, fresh);
    expect(reuse.status).toBe(400);
    const again = await sign(c.applicant.token, sha, fresh);
    expect(again.status).toBe(400);
    expect(again.body.errors).toEqual({ code: 'expired' });
    const failures = ((await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!)).body as { type: string }[]).filter(
      (e) => e.type === 'party.code_failed',
    );
    expect(failures.length).toBeGreaterThanOrEqual(5);
  });

  it('answers 409 STALE_DOCUMENT for the hash of an amended agreement, without spending the code', async () => {
    const c = await caseInMediation(t, w);
    const v1 = await issueForSignature(t, w, c);
    const sha1 = v1.documents.find((d: { id: string }) => d.id === v1.agreement.signingDocumentId).sha256 as string;
    expect((await signOnline(t, w, c.applicant, sha1)).status).toBe(200);

    // The mediator amends: a new PDF, the applicant's signature of the old one no longer counts.
    const v2 = await issueForSignature(t, w, c, { content: '双方就本案纠纷再无其他争议。申请人放弃利息。' });
    expect(v2.agreement.signingDocumentId).not.toBe(v1.agreement.signingDocumentId);
    expect(v2.agreement.signatures).toEqual([]);
    const sha2 = v2.documents.find((d: { id: string }) => d.id === v2.agreement.signingDocumentId).sha256 as string;
    expect(sha2).not.toBe(sha1);

    expect((await requestSignCode(c, 'respondent')).status).toBe(202);
    const code = await latestCode(t, w, c.respondent.phone, 'agreement_signature');
    const stale = await sign(c.respondent.token, sha1, code);
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('STALE_DOCUMENT');
    // The code was not spent by the stale attempt: it signs the current PDF.
    expect((await sign(c.respondent.token, sha2.toUpperCase(), code)).status).toBe(200);
    expect((await get(`/api/cases/${c.id}`, w.tokens.m1!)).body.status).toBe('in_mediation'); // the applicant must sign v2 again
    const events = (await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!)).body as { type: string }[];
    expect(events.map((e) => e.type)).toContain('agreement.amended');
  });

  it('records one signature for parallel requests of the same party', async () => {
    const c = await caseInMediation(t, w);
    const issued = await issueForSignature(t, w, c);
    const sha = issued.documents.find((d: { id: string }) => d.id === issued.agreement.signingDocumentId).sha256 as string;
    expect((await requestSignCode(c, 'applicant')).status).toBe(202);
    const code = await latestCode(t, w, c.applicant.phone, 'agreement_signature');
    const answers = await Promise.all(Array.from({ length: 4 }, () => sign(c.applicant.token, sha, code)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400, 400, 400]);
    const rows: { n: number }[] = await t.db.query(
      `SELECT count(*)::int AS n FROM agreement_signatures WHERE case_id = $1 AND party_id = $2 AND outcome = 'signed'`,
      [c.id, c.applicant.partyId],
    );
    expect(rows[0]!.n).toBe(1);
    // Parallel last signatures of both parties: the case becomes agreed exactly once.
    expect((await requestSignCode(c, 'respondent')).status).toBe(202);
    const rc = await latestCode(t, w, c.respondent.phone, 'agreement_signature');
    const [r1, r2] = await Promise.all([sign(c.respondent.token, sha, rc), get(`/api/cases/${c.id}`, w.tokens.m1!)]);
    expect(r1.status).toBe(200);
    expect(r2.status).toBe(200);
    const events = (await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!)).body as { type: string }[];
    expect(events.filter((e) => e.type === 'case.agreed')).toHaveLength(1);
  });

  it('lets a party refuse with a reason the mediator sees, and the mediator attest a paper signature', async () => {
    const c = await caseInMediation(t, w);
    const issued = await issueForSignature(t, w, c);
    const sha = issued.documents.find((d: { id: string }) => d.id === issued.agreement.signingDocumentId).sha256 as string;
    expect((await post('/api/party/agreement/refuse', c.respondent.token, { reason: '   ' })).status).toBe(400);
    const refused = await post('/api/party/agreement/refuse', c.respondent.token, { reason: '付款期限太长' });
    expect(refused.status).toBe(200);
    expect(refused.body.myRefusal).toMatchObject({ reason: '付款期限太长' });
    const seen = await get(`/api/cases/${c.id}`, w.tokens.m1!);
    expect(seen.body.agreement.refusals).toEqual([
      { partyId: c.respondent.partyId, reason: '付款期限太长', refusedAt: expect.any(String) },
    ]);

    expect((await signOnline(t, w, c.applicant, sha)).status).toBe(200);
    // The respondent then signs on paper; the mediator attests it (only the handling mediator).
    const before = new Date(Date.now() - 3600_000).toISOString();
    const early = await post(`/api/cases/${c.id}/agreement/signatures`, w.tokens.m1!, { partyId: c.respondent.partyId, signedAt: before });
    expect(early.body.errors).toEqual({ signedAt: 'before_issue' });
    const signedAt = new Date().toISOString();
    expect((await post(`/api/cases/${c.id}/agreement/signatures`, w.tokens.m2!, { partyId: c.respondent.partyId, signedAt })).status).toBe(
      404,
    );
    expect(
      (await post(`/api/cases/${c.id}/agreement/signatures`, c.applicant.token, { partyId: c.respondent.partyId, signedAt })).status,
    ).toBe(403);
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(
      (await post(`/api/cases/${c.id}/agreement/signatures`, w.tokens.m1!, { partyId: c.respondent.partyId, signedAt: future })).status,
    ).toBe(400);
    const attested = await post(`/api/cases/${c.id}/agreement/signatures`, w.tokens.m1!, { partyId: c.respondent.partyId, signedAt });
    expect(attested.status).toBe(200);
    expect(attested.body.status).toBe('agreed');
    expect(attested.body.agreement.signatures).toEqual(
      expect.arrayContaining([
        { partyId: c.applicant.partyId, method: 'online', signedAt: expect.any(String), documentSha256: sha },
        { partyId: c.respondent.partyId, method: 'paper', signedAt, documentSha256: sha },
      ]),
    );
    expect((await post(`/api/cases/${c.id}/agreement/signatures`, w.tokens.m1!, { partyId: c.respondent.partyId, signedAt })).status).toBe(
      409,
    );
  });

  it('keeps paper agreements as before, validates the request and keeps the other side masked', async () => {
    const c = await caseInMediation(t, w);
    const both = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, {
      content: '双方再无争议。',
      terms: [{ obligorPartyId: c.respondent.partyId, obligeePartyId: c.applicant.partyId, amount: '100.00', dueOn: '2099-01-01' }],
      signatures: 'online',
      signedAt: new Date().toISOString(),
    });
    expect(both.status).toBe(400);
    expect(both.body.errors).toEqual({ signedAt: 'not_allowed' });
    expect(
      (
        await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, {
          content: '双方再无争议。',
          terms: [{ obligorPartyId: c.respondent.partyId, obligeePartyId: c.applicant.partyId, amount: '100.00', dueOn: '2099-01-01' }],
        })
      ).body.errors,
    ).toEqual({ signedAt: 'required' });
    // No agreement awaits signature: no code is sent.
    expect((await requestSignCode(c, 'applicant')).status).toBe(409);
    expect((await sign(c.applicant.token, 'a'.repeat(64), '123456')).status).toBe(409);
    expect((await sign(c.applicant.token, 'not-a-hash', '123456')).status).toBe(400);
    expect((await post('/api/party/agreement/sign', w.tokens.clerk1!, { documentSha256: 'a'.repeat(64), code: '123456' })).status).toBe(
      403,
    );

    const paper = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, {
      content: '双方再无争议。',
      terms: [{ obligorPartyId: c.respondent.partyId, obligeePartyId: c.applicant.partyId, amount: '100.00', dueOn: '2099-01-01' }],
      signedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(paper.status).toBe(200);
    expect(paper.body.status).toBe('agreed');
    const doc = paper.body.documents.find((d: { kind: string }) => d.kind === 'agreement');
    expect(paper.body.agreement.signatureMethod).toBe('paper');
    expect(paper.body.agreement.signatures).toEqual([
      { partyId: c.applicant.partyId, method: 'paper', signedAt: paper.body.agreement.signedAt, documentSha256: doc.sha256 },
      { partyId: c.respondent.partyId, method: 'paper', signedAt: paper.body.agreement.signedAt, documentSha256: doc.sha256 },
    ]);
    const mine = await get('/api/party/agreement', c.respondent.token);
    expect(mine.body.status).toBe('effective');
    expect(mine.body.signers.every((s: { status: string }) => s.status === 'signed')).toBe(true);

    // The respondent's views never carry the applicant's full ID number or phone; their own in full.
    for (const path of ['/api/party/case', '/api/party/agreement']) {
      const res = await get(path, c.respondent.token);
      const text = JSON.stringify(res.body);
      expect(text).not.toContain(c.applicantIdNumber);
      expect(text).not.toContain(c.applicant.phone);
    }
    const caseView = (await get('/api/party/case', c.respondent.token)).body;
    expect(caseView.parties.find((p: { self: boolean }) => p.self).idNumber).toBe(c.respondentIdNumber);
    expect(caseView.parties.find((p: { self: boolean }) => !p.self).idNumber).toMatch(/^\d{6}\*+\w{4}$/);
  });
});

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { maskIdNumber } from '../../api/src/rules/id-number.js';
import { auth, caseBody, createWorld, residentId, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Issue 12 item 5: who may download a case's documents, what a mediator's copy shows, and that
 * every download is on the case's audit trail.
 */
let t: TestApp;
let w: World;
let work: string;
const ID = residentId('19850612', 417);

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token)).buffer(true);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
let fileNo = 0;
/** The PDF's text, all whitespace removed. */
function textOf(pdf: Buffer): string {
  const file = join(work, `${++fileNo}.pdf`);
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

interface Doc {
  id: string;
  kind: string;
  sha256: string;
}
let caseId: string;
let letter: Doc;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'sutiao-docs-'));
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
  const [applicant, respondent] = caseBody().parties;
  const c = await post('/api/cases', w.tokens.clerk1!, caseBody({ parties: [{ ...applicant, idNumber: ID }, respondent] }));
  expect(c.status).toBe(201);
  caseId = c.body.id;
  const delegated = await post(`/api/cases/${caseId}/delegate`, w.tokens.clerk1!, {});
  expect(delegated.status).toBe(200);
  letter = delegated.body.documents.find((d: Doc) => d.kind === 'delegation_letter');
});
afterAll(async () => {
  await t?.close();
  rmSync(work, { recursive: true, force: true });
});

const downloads = async () =>
  (
    (await get(`/api/cases/${caseId}/events`, w.tokens.clerk1!)).body as {
      type: string;
      actor: { username: string };
      data: Record<string, unknown>;
    }[]
  ).filter((e) => e.type === 'document.downloaded' || e.type === 'dossier.printed');

describe('document downloads', () => {
  it('a mediator who may only claim the case sees it and its document list, not the documents', async () => {
    expect((await get(`/api/cases/${caseId}`, w.tokens.m1!)).status).toBe(200);
    const list = await get(`/api/cases/${caseId}/documents`, w.tokens.m1!);
    expect(list.status).toBe(200);
    expect(list.body.map((d: Doc) => d.id)).toEqual([letter.id]);
    const pdf = await get(`/api/documents/${letter.id}`, w.tokens.m1!);
    expect(pdf.status).toBe(403);
    expect(pdf.body.code).toBe('FORBIDDEN');
    expect((await get(`/api/cases/${caseId}/dossier`, w.tokens.m1!)).status).toBe(403);
    expect(await downloads()).toEqual([]); // refusals disclose nothing and are not downloads
  });

  it('court staff get the document as issued, with the full ID number, and the download is audited', async () => {
    const res = await get(`/api/documents/${letter.id}`, w.tokens.clerk1!);
    expect(res.status).toBe(200);
    expect(sha256(res.body)).toBe(letter.sha256);
    expect(res.headers.etag).toBe(`"${letter.sha256}"`);
    expect(textOf(res.body)).toContain(ID);
    expect((await downloads()).map((e) => [e.type, e.actor.username, e.data])).toEqual([
      [
        'document.downloaded',
        'clerk1',
        { documentId: letter.id, kind: 'delegation_letter', sha256: letter.sha256, issuedSha256: letter.sha256, idNumbersMasked: false },
      ],
    ]);
  });

  it('the assignee gets a copy with the ID number masked and no birth date; the download is audited with its own sha256', async () => {
    expect((await post(`/api/cases/${caseId}/claim`, w.tokens.m1!)).status).toBe(200);
    const res = await get(`/api/documents/${letter.id}`, w.tokens.m1!);
    expect(res.status).toBe(200);
    const text = textOf(res.body);
    expect(text).toContain(maskIdNumber(ID));
    expect(text).not.toContain(ID);
    expect(text).not.toContain('1985');
    expect(textOf((await get(`/api/documents/${letter.id}`, w.tokens.clerk1!)).body)).toContain('1985');
    const served = sha256(res.body);
    expect(served).not.toBe(letter.sha256);
    const mine = (await downloads()).filter((e) => e.actor.username === 'm1');
    expect(mine.map((e) => e.data)).toEqual([
      { documentId: letter.id, kind: 'delegation_letter', sha256: served, issuedSha256: letter.sha256, idNumbersMasked: true },
    ]);
  });

  it("the assignee's dossier and agreement preview are masked too; the dossier is audited with its contents", async () => {
    const dossier = await get(`/api/cases/${caseId}/dossier`, w.tokens.m1!);
    expect(dossier.status).toBe(200);
    expect(textOf(dossier.body)).not.toContain(ID);
    const printed = (await downloads()).filter((e) => e.type === 'dossier.printed');
    expect(printed.map((e) => [e.actor.username, e.data])).toEqual([
      [
        'm1',
        {
          documents: 1,
          sha256: sha256(dossier.body),
          idNumbersMasked: true,
          contents: [{ documentId: letter.id, kind: 'delegation_letter', sha256: letter.sha256 }],
        },
      ],
    ]);
    const c = (await get(`/api/cases/${caseId}`, w.tokens.m1!)).body as { parties: { id: string; role: string }[] };
    const preview = await post(`/api/cases/${caseId}/agreement/preview`, w.tokens.m1!, {
      content: '双方自愿达成协议。',
      terms: [
        {
          obligorPartyId: c.parties.find((p) => p.role === 'respondent')!.id,
          obligeePartyId: c.parties.find((p) => p.role === 'applicant')!.id,
          amount: '1000.00',
          dueOn: '2099-12-31',
        },
      ],
      signedAt: new Date().toISOString(),
    }).buffer(true);
    expect(preview.status).toBe(200);
    const text = textOf(preview.body);
    expect(text).toContain(maskIdNumber(ID));
    expect(text).not.toContain(ID);
  });

  it('public verification answers facts for the issued document only, never the PDF', async () => {
    const issued = await t.http.get(`/api/verify/${letter.sha256}`);
    expect(issued.status).toBe(200);
    expect(issued.headers['content-type']).toMatch(/json/);
    expect(JSON.stringify(issued.body)).not.toContain(ID);
    const masked = await get(`/api/documents/${letter.id}`, w.tokens.m1!);
    expect((await t.http.get(`/api/verify/${sha256(masked.body)}`)).status).toBe(404);
  });

  it('once the case is closed its former assignee downloads nothing; another mediator never did', async () => {
    expect((await get(`/api/documents/${letter.id}`, w.tokens.m2!)).status).toBe(404);
    const ended = await post(`/api/cases/${caseId}/termination`, w.tokens.m1!, { reason: 'irreconcilable', details: '双方分歧过大。' });
    expect(ended.status).toBe(200);
    expect((await get(`/api/documents/${letter.id}`, w.tokens.m1!)).status).toBe(403);
    expect((await get(`/api/cases/${caseId}/dossier`, w.tokens.m1!)).status).toBe(403);
    expect((await get(`/api/documents/${letter.id}`, w.tokens.judge1!)).status).toBe(200);
  });
});

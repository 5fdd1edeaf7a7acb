import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CONTENT_BOTTOM } from './page-style.js';
import { PdfRenderer } from './renderer.js';
import { SAMPLE_VIEWS, sampleMeta } from './samples.js';
import type { AgreementView } from './view-models.js';

let renderer: PdfRenderer;
let work: string;
beforeAll(async () => {
  renderer = await PdfRenderer.create();
  work = mkdtempSync(join(tmpdir(), 'sutiao-party-pdf-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

const squash = (s: string) => s.replace(/\s+/g, '');
function text(pdf: Buffer): string {
  const file = join(work, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, pdf);
  return squash(
    execFileSync('pdftotext', ['-raw', '-x', '0', '-y', '0', '-W', '596', '-H', String(Math.floor(CONTENT_BOTTOM)), file, '-'], {
      encoding: 'utf8',
    }),
  );
}

describe('agreement signed online (issue 16)', () => {
  it('prints each signature’s time, method and the short hash of the PDF signed in the signature block', async () => {
    const view: AgreementView = {
      ...SAMPLE_VIEWS.agreement,
      signedOn: '2026-11-12',
      signatures: [
        {
          role: 'applicant',
          kind: 'person',
          name: '刘小富',
          method: 'online',
          signedAt: '2026-11-11T10:05:00+08:00',
          shortHash: '0123456789abcdef',
        },
        {
          role: 'respondent',
          kind: 'organization',
          name: '赤水市某超市有限公司',
          method: 'paper',
          signedAt: '2026-11-12T09:00:00+08:00',
          shortHash: null,
        },
      ],
    };
    const t = text(await renderer.render('agreement', view, sampleMeta('agreement')));
    expect(t).toContain(squash('申请人：刘小富'));
    expect(t).toContain(squash('申请人：刘小富已电子签名'));
    expect(t).toContain(squash('赤水市某超市有限公司已纸质签名'));
    expect(t).toContain(squash('于2026年11月11日10时05分凭手机短信验证码在线签署本协议'));
    expect(t).toContain(squash('所签文书SHA-256前16位：0123456789abcdef'));
    expect(t).toContain(squash('在纸质协议上签名，由人民调解员核实'));
    expect(t).toContain('二〇二六年十一月十二日');
    expect(t).not.toContain('签名或按指印');
  });

  it('leaves the date blank on the copy issued for signature', async () => {
    const view: AgreementView = { ...SAMPLE_VIEWS.agreement, signedOn: '' };
    const t = text(await renderer.render('agreement', view, sampleMeta('agreement')));
    expect(t).toContain('签名或按指印');
    expect(t).not.toContain('二〇二六年十一月十日');
  });
});

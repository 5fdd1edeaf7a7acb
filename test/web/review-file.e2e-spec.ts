// Issue 14: the judge's review file in the browser — the Art. 354 checklist, a 补交材料 request that
// pauses the decision clock, and an entrusted case concluded by 民事调解书 from the desk.
// Saves docs/screenshots/judge-review-file.png and judge-decree.png.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { auth, caseBody, createWorld, type World } from '../api/support/factories.js';
import { startTestApp, type TestApp } from '../api/support/test-app.js';
import {
  WEB_ROOT,
  baseUrlOf,
  describeBrowser,
  expectNoTechnicalText,
  launchChromium,
  newSession,
  screenshot,
  signIn,
  type PageProblems,
} from './support/browser.js';

describeBrowser('browser: the judge’s review file', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  const problems: PageProblems = { errors: [] };

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ listen: true, env: { WEB_ROOT } }), launchChromium()]);
    w = await createWorld(t, { mediators: 1 });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  const post = (path: string, token: string, b: object = {}) => t.http.post(path).set(auth(token)).send(b);

  async function agreed(track: 'pre_litigation' | 'entrusted') {
    const c = (await post('/api/cases', w.tokens.clerk1!, caseBody({ track }))).body;
    expect((await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, {})).status).toBe(200);
    expect((await post(`/api/cases/${c.id}/claim`, w.tokens.m1!)).status).toBe(200);
    const party = (role: string) => c.parties.find((p: { role: string }) => p.role === role).id;
    const res = await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, {
      content: '双方自愿达成协议。\n申请人放弃其余请求。',
      terms: [
        {
          obligorPartyId: party('respondent'),
          obligeePartyId: party('applicant'),
          amount: '50000.00',
          dueOn: '2099-12-31',
          method: '银行转账',
        },
      ],
      performancePlace: '赤水市',
      signedAt: new Date().toISOString(),
    });
    expect(res.status).toBe(200);
    return res.body;
  }

  it('marks materials, asks for the missing ones and shows the paused clock', async () => {
    const c = await agreed('pre_litigation');
    expect((await post(`/api/cases/${c.id}/confirmation`, w.tokens.clerk1!, { jointApplication: true })).status).toBe(200);

    const { page } = await newSession(browser, baseUrlOf(t), problems);
    await signIn(page, 'judge1', /\/judge\/desk$/);
    const row = page.getByRole('row').filter({ hasText: c.caseNumber });
    await row.getByRole('link', { name: /^审查 / }).click();
    await page.waitForURL(`**/judge/cases/${c.id}`);
    await page.getByRole('heading', { name: '审查卷' }).waitFor();
    await page.getByText('法定最长期限').waitFor();

    const identity = page.getByRole('radiogroup', { name: '当事人身份证明' });
    await identity.getByRole('radio', { name: '已提交' }).click();
    await page.getByRole('radiogroup', { name: '送达地址确认书' }).getByRole('radio', { name: '已提交' }).click();
    await page.getByRole('button', { name: '保存材料清单' }).click();
    await page.getByText('材料清单已保存').first().waitFor();

    await page.getByRole('button', { name: '通知补交材料' }).click();
    const dialog = page.getByRole('dialog', { name: '通知补交材料' });
    await dialog.getByLabel('说明（可选）').fill('请于期限内补交借款交付凭证。');
    await dialog.getByRole('button', { name: '保存' }).click();
    await page.getByText('补交材料中，期限暂停').waitFor();
    await page.getByRole('button', { name: '材料已收到' }).waitFor();
    await expectNoTechnicalText(page);
    await page.getByRole('heading', { name: '审查卷' }).scrollIntoViewIfNeeded();
    await page.locator('app-review-file-panel').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'judge-review-file');

    const file = await t.http.get(`/api/cases/${c.id}/review`).set(auth(w.tokens.judge1!));
    expect(file.body.decisionClock.paused).toBe(true);
    expect(file.body.supplements[0].items).toEqual(['evidence']);
    expect(problems.errors).toEqual([]);
  });

  it('concludes an entrusted agreement by 民事调解书 from the desk', async () => {
    const c = await agreed('entrusted');
    const { page } = await newSession(browser, baseUrlOf(t), problems);
    await signIn(page, 'judge1', /\/judge\/desk$/);
    await page.getByRole('heading', { name: '待出具民事调解书' }).waitFor();
    await page.getByRole('link', { name: c.caseNumber }).click();
    await page.waitForURL(`**/judge/cases/${c.id}`);
    await page.getByRole('button', { name: '出具民事调解书' }).click();
    const dialog = page.getByRole('dialog', { name: '出具民事调解书' });
    await dialog.getByRole('button', { name: '出具调解书' }).click();
    await page.getByText('已出具民事调解书，本案结案').first().waitFor();
    await page.getByRole('status').filter({ hasText: '已出具民事调解书' }).waitFor();
    await page.locator('app-pdf-viewer iframe').waitFor();
    await expectNoTechnicalText(page);
    await screenshot(page, 'judge-decree');

    const after = await t.http.get(`/api/cases/${c.id}`).set(auth(w.tokens.judge1!));
    expect(after.body.status).toBe('concluded');
    expect(after.body.documents.some((d: { kind: string }) => d.kind === 'mediation_decree')).toBe(true);
    expect(problems.errors).toEqual([]);
  });
});

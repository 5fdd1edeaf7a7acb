// Issue 16: a respondent on a phone (390 × 844) signs in with the code from the SMS outbox, reads
// their case with the other side masked and consents to mediation and electronic service; the
// clerk then sees the consent on the case. Saves docs/screenshots/party-sign-in.png and party-case.png.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { auth, caseBody, createWorld, residentId, type World } from '../api/support/factories.js';
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

const PHONE = { width: 390, height: 844 };
const RESPONDENT_PHONE = '13700000001';

describeBrowser('browser: a party on a phone', () => {
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

  it('signs in by SMS code, sees the case masked and consents; the clerk sees it', async () => {
    const applicantId = residentId('19880808', 321);
    const created = await t.http
      .post('/api/cases')
      .set(auth(w.tokens.clerk1!))
      .send(
        caseBody({
          parties: [
            { role: 'applicant', kind: 'person', name: '陈某', idNumber: applicantId, phone: '13800000009', address: '赤水市' },
            {
              role: 'respondent',
              kind: 'person',
              name: '周某',
              idNumber: residentId('19920909', 654),
              phone: RESPONDENT_PHONE,
              address: '赤水市文华街道3号',
            },
          ],
        }),
      );
    expect(created.status).toBe(201);
    const c = created.body;
    expect((await t.http.post(`/api/cases/${c.id}/delegate`).set(auth(w.tokens.clerk1!)).send({})).status).toBe(200);

    const { page } = await newSession(browser, baseUrlOf(t), problems, PHONE);
    await page.goto(`/party?caseNumber=${encodeURIComponent(c.caseNumber)}`);
    await page.getByRole('heading', { name: '当事人登录' }).waitFor();
    expect(await page.getByLabel('案号').inputValue()).toBe(c.caseNumber);
    await page.getByLabel('手机号码').fill(RESPONDENT_PHONE);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('status').filter({ hasText: '验证码已发送' }).waitFor();

    const outbox = await t.http.get(`/api/admin/sms-outbox?phone=${RESPONDENT_PHONE}&limit=1`).set(auth(w.tokens.admin!));
    const code = /验证码为(\d{6})/.exec(outbox.body[0].text)![1]!;
    await page.getByLabel('验证码').fill(code);
    await screenshot(page, 'party-sign-in');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/party\/case$/);
    await page.getByRole('heading', { name: c.caseNumber }).waitFor();
    await page.getByText('周某，您好').waitFor();
    // The other side's ID is masked; their own is not shown masked.
    expect(await page.locator('main').innerText()).not.toContain(applicantId);

    await page.getByRole('checkbox', { name: /同意通过本平台和短信接收法律文书/ }).waitFor();
    expect(await page.getByLabel(/送达地址/).inputValue()).toBe('赤水市文华街道3号');
    await page.getByRole('button', { name: '确认提交' }).click();
    await page.getByRole('status').filter({ hasText: '同意调解；同意电子送达' }).waitFor();
    // The delegation letter issued before the consent is served now; reading it records the read.
    const docs = page.getByRole('region', { name: '我的文书' });
    await docs.getByText('未查阅').waitFor();
    const [tab] = await Promise.all([page.context().waitForEvent('page'), docs.getByRole('button', { name: /^查看 / }).click()]);
    await docs.getByText('已查阅').waitFor();
    await tab.close();
    await page.getByRole('heading', { name: c.caseNumber }).scrollIntoViewIfNeeded();
    await expectNoTechnicalText(page);
    // No horizontal scrolling at 390 px.
    expect(
      await page.evaluate(
        () => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth,
      ),
    ).toBeLessThanOrEqual(390);
    await screenshot(page, 'party-case');

    const clerk = (await newSession(browser, baseUrlOf(t), problems)).page;
    await signIn(clerk, 'clerk1', /\/clerk\/cases$/);
    await clerk.goto(`/clerk/cases/${c.id}`);
    await clerk.getByText(/本人已在线确认：同意调解，同意电子送达/).waitFor();
    await clerk.getByText('尚未在线确认调解意愿与送达方式').waitFor();
    await clerk.getByText(/已电子送达：周某（.*已读）；待纸质送达：陈某/).waitFor();
    expect(problems.errors).toEqual([]);
  });
});

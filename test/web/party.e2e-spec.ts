// Issue 16: a respondent on a phone (390 × 844) signs in with the code from the SMS outbox, reads
// their case with the other side masked and consents to mediation and electronic service; the
// clerk then sees the consent on the case; then, on another case, signs the agreement online with a
// fresh code, joins the application for judicial confirmation and rates the mediation. Saves
// docs/screenshots/party-sign-in.png, party-case.png, party-agreement.png, party-confirmation.png
// and party-rating.png.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { auth, caseBody, createWorld, residentId, type World } from '../api/support/factories.js';
import { caseInMediation, issueForSignature, latestCode, signOnline } from '../api/support/party-flow.js';
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
    // The delegation letter issued before the consent is served now, beside the 送达地址确认书 the
    // consent issued; reading the letter records its read, the other stays unread.
    const docs = page.getByRole('region', { name: '我的文书' });
    const letter = docs.getByRole('listitem').filter({ hasText: '委派调解函' });
    await letter.getByText('未查阅').waitFor();
    await docs.getByRole('listitem').filter({ hasText: '送达地址确认书' }).getByText('未查阅').waitFor();
    const [tab] = await Promise.all([page.context().waitForEvent('page'), letter.getByRole('button', { name: /^查看 / }).click()]);
    await letter.getByText('已查阅').waitFor();
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

  it('signs the agreement with a fresh code, joins the joint application and rates the mediation', async () => {
    const c = await caseInMediation(t, w);
    const issued = await issueForSignature(t, w, c);
    const sha256 = issued.documents.find((d: { id: string }) => d.id === issued.agreement.signingDocumentId).sha256 as string;

    const { page } = await newSession(browser, baseUrlOf(t), problems, PHONE);
    await page.goto(`/party?caseNumber=${encodeURIComponent(c.caseNumber)}`);
    await page.getByLabel('手机号码').fill(c.respondent.phone);
    await page.getByRole('button', { name: '获取验证码' }).click();
    await page.getByRole('status').filter({ hasText: '验证码已发送' }).waitFor();
    await page.getByLabel('验证码').fill(await latestCode(t, w, c.respondent.phone, 'party_sign_in'));
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.waitForURL(/\/party\/case$/);

    // 调解协议签署: review the PDF, request a signature code, sign.
    const card = page.getByRole('region', { name: '调解协议签署' });
    await card.waitFor();
    const [tab] = await Promise.all([page.context().waitForEvent('page'), card.getByRole('button', { name: '查看协议全文' }).click()]);
    await tab.close();
    await card.getByRole('button', { name: '获取签名验证码' }).click();
    await card.getByRole('status').filter({ hasText: '验证码已发送到您登记的手机' }).waitFor();
    await card.getByLabel('短信验证码').fill(await latestCode(t, w, c.respondent.phone, 'agreement_signature'));
    await card.getByRole('button', { name: '确认签名' }).scrollIntoViewIfNeeded();
    await screenshot(page, 'party-agreement');
    await card.getByRole('button', { name: '确认签名' }).click();
    await card.getByRole('button', { name: '确认签名' }).waitFor({ state: 'detached' });
    const signers = card.getByRole('list', { name: '签名情况' });
    expect(await signers.innerText()).toContain('乙某');

    // The applicant signs on their own phone; the agreement takes effect with the last signature.
    expect((await signOnline(t, w, c.applicant, sha256)).status).toBe(200);
    await page.reload();
    await card.getByRole('status').filter({ hasText: '调解协议已经各方签名' }).waitFor();

    // 申请司法确认: the window is shown and the party joins.
    const confirmation = page.getByRole('region', { name: '申请司法确认' });
    await confirmation.getByText(/申请期限：/).waitFor();
    await confirmation.getByRole('button', { name: '我同意共同申请司法确认' }).click();
    await confirmation.getByRole('status').filter({ hasText: '加入共同申请' }).waitFor();
    expect(await confirmation.innerText()).toContain('已加入申请 1 / 2 人');
    await confirmation.scrollIntoViewIfNeeded();
    await screenshot(page, 'party-confirmation');

    // 评价调解工作: five stars and a comment, once.
    const rating = page.getByRole('region', { name: '评价调解工作' });
    await rating.getByRole('radio', { name: /^5 星/ }).click();
    await rating.getByLabel('意见和建议（可选）').fill('调解员耐心细致。');
    await rating.scrollIntoViewIfNeeded();
    await screenshot(page, 'party-rating');
    await rating.getByRole('button', { name: '提交评价' }).click();
    await rating.getByRole('status').filter({ hasText: '感谢您的评价' }).waitFor();
    await expectNoTechnicalText(page);

    const kase = await t.http.get(`/api/cases/${c.id}`).set(auth(w.tokens.clerk1!));
    expect(kase.body.agreement.signatures).toEqual(
      expect.arrayContaining([expect.objectContaining({ partyId: c.respondent.partyId, method: 'online', documentSha256: sha256 })]),
    );
    expect(kase.body.confirmationJoins).toEqual([expect.objectContaining({ partyId: c.respondent.partyId })]);
    expect(problems.errors).toEqual([]);
  });
});

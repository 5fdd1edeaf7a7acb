// The mediator opens the follow-up desk, records an instalment as paid, and the case's outstanding
// amount drops (on the desk and on the case); records a 回访 on the case. Saves docs/screenshots/followup-desk.png
// and followup-record.png.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser } from 'playwright-core';
import { auth, createWorld, type World } from '../api/support/factories.js';
import { agreedCase } from '../api/support/followup.js';
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

describeBrowser('browser: follow-up desk', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  const problems: PageProblems = { errors: [] };

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ listen: true, env: { WEB_ROOT } }), launchChromium()]);
    w = await createWorld(t, { mediators: 2 });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('records an instalment as paid and the outstanding amount drops', async () => {
    const c = await agreedCase(t, w, [
      { amount: '3000.00', dueInDays: 3 },
      { amount: '2000.00', dueInDays: 20 },
    ]);
    const before = await t.http.get(`/api/cases/${c.id}`).set(auth(w.tokens.m1!));
    expect(before.body.obligations[0].outstanding).toBe('3000.00');

    const { page } = await newSession(browser, baseUrlOf(t), problems);
    await signIn(page, 'm1', /\/mediator\/queue$/);
    await page.getByRole('link', { name: '回访工作台' }).click();
    await page.waitForURL(/\/mediator\/followups$/);
    await page.getByRole('button', { name: '30日内到期' }).click();
    const first = c.obligations[0].id as string;
    await page.getByTestId(`outstanding-${first}`).waitFor();
    expect(await page.getByTestId(`outstanding-${first}`).textContent()).toContain('3000.00');

    await page.getByLabel(`本次履行金额 ${c.caseNumber} 第1期`).fill('1200.00');
    await page.getByRole('button', { name: `登记付款 ${c.caseNumber} 第1期` }).click();
    await page.getByRole('status').filter({ hasText: '本案尚未履行 3800.00 元' }).waitFor();
    await expect_text(page.getByTestId(`outstanding-${first}`), '1800.00');
    await expectNoTechnicalText(page);
    await screenshot(page, 'followup-desk');

    const after = await t.http.get(`/api/cases/${c.id}`).set(auth(w.tokens.m1!));
    expect(after.body.obligations[0]).toMatchObject({ status: 'partially_performed', paidAmount: '1200.00', outstanding: '1800.00' });
    expect(problems.errors).toEqual([]);
  });

  it('records a 回访 on the case and lists it with its PDF', async () => {
    const c = await agreedCase(t, w, [{ amount: '500.00', dueInDays: 10 }]);
    const { page } = await newSession(browser, baseUrlOf(t), problems);
    await signIn(page, 'm1', /\/mediator\/queue$/);
    await page.goto(`${baseUrlOf(t)}/mediator/cases/${c.id}`);
    await page.getByRole('tab', { name: '回访' }).click();
    await page.getByText('暂无回访记录').waitFor();
    await page.getByLabel('回访对象').fill('申请人刘小富');
    await page.getByLabel('回访情况').fill('电话回访申请人，表示款项尚未到期，双方关系良好。');
    await page.getByRole('button', { name: '保存回访记录' }).click();
    await page.getByRole('button', { name: '打开第1次回访记录 PDF' }).waitFor();
    await expectNoTechnicalText(page);
    await screenshot(page, 'followup-record');

    const list = await t.http.get(`/api/cases/${c.id}/followup-records`).set(auth(w.tokens.m1!));
    expect(list.body).toHaveLength(1);
    expect(list.body[0]).toMatchObject({ seq: 1, method: 'phone', outcome: 'performed', contactedPerson: '申请人刘小富' });
    expect(problems.errors).toEqual([]);
  });
});

async function expect_text(locator: import('playwright-core').Locator, text: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await locator.textContent())?.includes(text)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await locator.textContent()).toContain(text);
}

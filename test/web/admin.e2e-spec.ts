// Issue 15: the administrator adds a clerk (one-time password shown once), changes a court setting
// and finds both in the administration trail; the new clerk must change the password at first login.
// Saves docs/screenshots/admin-users.png, admin-settings.png and admin-activity.png.
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

describeBrowser('browser: court administration', () => {
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

  it('adds a clerk, changes a setting and reads both in the trail', async () => {
    const { page } = await newSession(browser, baseUrlOf(t), problems);
    await signIn(page, 'admin', /\/admin\/users$/);
    await page.getByRole('row', { name: /clerk1/ }).waitFor();

    await page.getByRole('button', { name: '新增用户' }).click();
    const dialog = page.getByRole('dialog', { name: '新增用户' });
    await dialog.getByLabel('用户名').fill('clerk7');
    await dialog.getByLabel('姓名').fill('李书记员');
    await dialog.getByRole('button', { name: '创建' }).click();
    const shown = page.getByRole('dialog', { name: '一次性密码' });
    const password = (await shown.getByLabel('一次性密码').innerText()).trim();
    expect(password.length).toBeGreaterThanOrEqual(10);
    await shown.getByRole('button', { name: '我已记下' }).click();
    await page
      .getByRole('row', { name: /clerk7/ })
      .getByText('待修改一次性密码')
      .waitFor();
    await expectNoTechnicalText(page);
    await screenshot(page, 'admin-users');

    await page.getByRole('link', { name: '本院设置' }).click();
    await page.waitForURL(/\/admin\/settings$/);
    const cap = page.getByLabel('每名调解员在办案件上限');
    await expect_value(cap, '20');
    await cap.fill('30');
    await page.getByRole('button', { name: '保存设置' }).click();
    await page.getByText('设置已保存').first().waitFor();
    await screenshot(page, 'admin-settings');
    expect((await t.http.get('/api/admin/settings').set(auth(w.tokens.admin!))).body.workloadCap).toBe(30);

    await page.getByRole('link', { name: '管理操作记录' }).click();
    await page.getByText('在办案件上限：20 → 30').waitFor();
    await page.getByText('用户 clerk7').waitFor();
    await screenshot(page, 'admin-activity');

    // The new clerk must choose their own password at the first login.
    const clerk = (await newSession(browser, baseUrlOf(t), problems)).page;
    await clerk.goto('/login');
    await clerk.getByLabel('用户名').fill('clerk7');
    await clerk.getByLabel('密码').fill(password);
    await clerk.getByRole('button', { name: '登录' }).click();
    await clerk.getByText('首次登录，请修改密码').waitFor();
    expect(problems.errors).toEqual([]);
  });

  it('adds a court holiday on the working calendar; the clerk then sees the moved deadline', async () => {
    const created = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    const delegated = await t.http.post(`/api/cases/${created.body.id}/delegate`).set(auth(w.tokens.clerk1!)).send({});
    const acceptBy: string = delegated.body.deadlines.acceptBy;
    const caseNumber: string = created.body.caseNumber;

    const { page } = await newSession(browser, baseUrlOf(t), problems);
    await signIn(page, 'admin', /\/admin\/users$/);
    await page.getByRole('link', { name: '工作日历' }).click();
    await page.waitForURL(/\/admin\/calendar$/);
    await page.getByLabel('日期').fill(acceptBy);
    await page.getByLabel('说明').fill('赤水市地方节日');
    await page.getByRole('button', { name: '保存调整' }).click();
    const moved = page.getByRole('region', { name: /期限变动的案件/ });
    await moved.getByText(caseNumber).waitFor();
    const line = (await moved.getByRole('listitem').filter({ hasText: caseNumber }).first().innerText()).trim();
    const newDate = /→ (\d{4}-\d{2}-\d{2})/.exec(line)![1]!;
    expect(newDate > acceptBy).toBe(true);
    await page
      .getByRole('row', { name: new RegExp(acceptBy) })
      .getByText('本院')
      .waitFor();
    await expectNoTechnicalText(page);
    await screenshot(page, 'admin-calendar');

    const clerk = (await newSession(browser, baseUrlOf(t), problems)).page;
    await signIn(clerk, 'clerk1', /\/clerk\/cases$/);
    await clerk
      .getByRole('row', { name: new RegExp(caseNumber.replace(/[()（）]/g, '.')) })
      .getByText(newDate)
      .waitFor();
    expect(problems.errors).toEqual([]);
  });
});

async function expect_value(locator: import('playwright-core').Locator, value: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await locator.inputValue()) === value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await locator.inputValue()).toBe(value);
}

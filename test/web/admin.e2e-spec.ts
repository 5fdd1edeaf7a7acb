// Issue 15: the administrator adds a clerk (one-time password shown once), changes a court setting
// and finds both in the administration trail; the new clerk must change the password at first login.
// The working calendar moves a deadline. The roster is imported from the downloaded template (647
// rows: a failed upload lists its bad rows, the fixed one is committed) and paged through.
// Saves docs/screenshots/admin-users.png, admin-settings.png, admin-activity.png, admin-calendar.png,
// admin-import.png and admin-roster.png.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { auth, caseBody, createWorld, type World } from '../api/support/factories.js';
import { startTestApp, type TestApp } from '../api/support/test-app.js';
import {
  WEB_ROOT,
  baseUrlOf,
  describeBrowser,
  dismissSnackBars,
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

  it('an admin imports the roster with the progress bar visible', async () => {
    const { page } = await newSession(browser, baseUrlOf(t), problems);
    await signIn(page, 'admin', /\/admin\/users$/);
    await page.getByRole('link', { name: '批量导入' }).click();
    await page.waitForURL(/\/admin\/import$/);

    // The template as the screen offers it: its header row is the one the upload is read with.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载模板（xlsx）' }).click()]);
    expect(download.suggestedFilename()).toBe('调解员名册导入模板.xlsx');
    const template = new ExcelJS.Workbook();
    await template.xlsx.readFile(await download.path());
    const header = (template.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    expect(header).toHaveLength(COLUMNS.length);
    expect(header[0]).toBe('类型(organization/mediator)');
    expect(header[5]).toBe('调解员用户名');

    const rows = roster();
    rows[9] = { ...rows[9], specialities: 'sale_contract;astrology' }; // row 11
    rows[300] = { ...rows[300], username: 'imp0001' }; // row 302, the username of row 8
    rows[646] = { ...rows[646], admissionDate: '2025-02-30' }; // row 648, the last one
    const picker = page.locator('input[type="file"]');
    const progress = page.getByRole('progressbar', { name: '校验进度' });

    // Held until the test has seen it: while the upload is answered, the screen says it is validating.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let answered!: Promise<void>;
    const routed = new Promise<void>((resolve) => {
      void page.route(
        '**/api/admin/imports',
        (route) => {
          answered = (async () => {
            const response = await route.fetch();
            await held;
            await route.fulfill({ response });
          })();
          resolve();
        },
        { times: 1 },
      );
    });
    await picker.setInputFiles({ name: '名册（有误）.xlsx', mimeType: XLSX, buffer: await workbook(header, rows) });
    await progress.waitFor();
    await page.getByText('正在校验…').waitFor();
    expect(await page.getByRole('button', { name: '选择文件并上传' }).isDisabled()).toBe(true);
    await routed;
    release();
    await answered;

    await page.getByText('校验未通过，未写入任何数据：已校验 647 / 647 行').waitFor({ timeout: 30_000 });
    await page.getByText('共 3 处错误，请修改后重新上传').waitFor();
    const errors = page.getByRole('table', { name: '逐行错误' });
    const errorRows = errors.getByRole('row').filter({ has: page.getByRole('cell') });
    expect(await errorRows.count()).toBe(3);
    const errorCells = await Promise.all(
      [0, 1, 2].map(async (i) => (await errorRows.nth(i).getByRole('cell').allInnerTexts()).map((c) => c.trim())),
    );
    expect(errorCells.map((c) => c.slice(0, 2))).toEqual([
      ['11', '擅长案由代码'],
      ['302', '调解员用户名'],
      ['648', '入册日期'],
    ]);
    expect(errorCells[1]![2]).toContain('第8行');
    expect(await page.getByRole('button', { name: /确认导入/ }).count()).toBe(0);
    await expectNoTechnicalText(page);
    expect((await t.http.get('/api/admin/mediators?q=imp').set(auth(w.tokens.admin!))).body.total).toBe(0);

    // The fixed file: the progress bar fills while the server validates, then the rows are committed at once.
    await picker.setInputFiles({ name: '名册.xlsx', mimeType: XLSX, buffer: await workbook(header, roster()) });
    await progress.waitFor();
    let caught = false;
    for (let i = 0; i < 100 && !caught; i++) {
      const text = await page.locator('.job').innerText();
      if (!text.includes('正在校验')) break;
      const value = Number((await progress.getAttribute('aria-valuenow')) ?? 0);
      if (/已校验 \d+ \/ 647 行/.test(text) && value > 0 && value < 100) {
        caught = true;
        await screenshot(page, 'admin-import');
      } else await page.waitForTimeout(20);
    }
    await page.getByText('校验通过，可以导入：已校验 647 / 647 行').waitFor({ timeout: 30_000 });
    expect(await progress.getAttribute('aria-valuenow')).toBe('100');
    expect(await page.getByRole('table', { name: '逐行错误' }).count()).toBe(0);
    await page.getByRole('button', { name: '确认导入 647 行' }).click();
    await page.getByText('新增调解组织 6 个（已存在 0 个），新增调解员 641 名（已存在 0 名）。').waitFor({ timeout: 30_000 });
    await page.getByText('已导入：已校验 647 / 647 行').waitFor();
    expect(await progress.isVisible()).toBe(true);
    await expectNoTechnicalText(page);
    if (!caught) {
      await dismissSnackBars(page);
      await screenshot(page, 'admin-import');
    }

    // The roster lists them, 50 a page.
    await page.getByRole('link', { name: '调解组织与名册' }).click();
    await page.waitForURL(/\/admin\/roster$/);
    const listed = page.getByRole('table', { name: '调解员名册' });
    const dataRows = listed.getByRole('row').filter({ has: page.getByRole('cell') });
    const range = page.getByRole('group', { name: '名册分页' }).getByText(/共 \d+ 条/);
    await page
      .getByRole('row', { name: /赤水市第1人民调解委员会/ })
      .getByText('107 / 107')
      .waitFor();
    await expect_text(range, '第 1–50 条，共 643 条');
    expect(await dataRows.count()).toBe(50);
    await listed.getByText('imp0001 · 赤水市第1人民调解委员会').waitFor();
    await expectNoTechnicalText(page);
    // The imported mediators at the top of the screenshot, below the organizations they were imported with.
    await page
      .getByRole('heading', { name: '特邀调解员名册' })
      .evaluate((h) => (h as unknown as { scrollIntoView(o: object): void }).scrollIntoView({ block: 'start' }));
    await screenshot(page, 'admin-roster');

    await page.getByRole('button', { name: '下一页' }).click();
    await expect_text(range, '第 51–100 条，共 643 条');
    await listed.getByText('imp0001 · 赤水市第1人民调解委员会').waitFor({ state: 'detached' });
    expect(await dataRows.count()).toBe(50);
    await page.getByRole('button', { name: '最后一页' }).click();
    await expect_text(range, '第 601–643 条，共 643 条');
    await dataRows.nth(43).waitFor({ state: 'detached' });
    expect(await dataRows.count()).toBe(43);

    // A filter starts again from page 1.
    await page.getByLabel('搜索用户名或姓名').fill('imp064');
    await expect_text(range, '第 1–2 条，共 2 条');
    await listed.getByText('imp0641 · 赤水市第5人民调解委员会').waitFor();
    expect(problems.errors).toEqual([]);
  }, 180_000);
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The template's columns, in its order (api/src/admin/import-rows.ts IMPORT_COLUMNS). */
const COLUMNS = [
  'type',
  'name',
  'kind',
  'region',
  'contact',
  'username',
  'displayName',
  'organization',
  'phone',
  'admissionDate',
  'specialities',
  'languages',
] as const;
type Row = Partial<Record<(typeof COLUMNS)[number], string>>;

/** 6 organizations and 641 mediators: 647 data rows (spreadsheet rows 2–648). */
function roster(): Row[] {
  const orgs: Row[] = Array.from({ length: 6 }, (_, i) => ({
    type: 'organization',
    name: `赤水市第${i + 1}人民调解委员会`,
    kind: i % 2 ? 'community' : 'township',
    region: `赤水市${i + 1}区`,
    contact: `主任${i + 1} 0851-2288${String(1000 + i)}`,
  }));
  const mediators: Row[] = Array.from({ length: 641 }, (_, i) => ({
    type: 'mediator',
    username: `imp${String(i + 1).padStart(4, '0')}`,
    displayName: `导入调解员${i + 1}`,
    organization: `赤水市第${(i % 6) + 1}人民调解委员会`,
    phone: `1390000${String(i).padStart(4, '0')}`,
    admissionDate: '2025-01-15',
    specialities: i % 3 ? 'sale_contract;loan_private' : 'traffic_accident',
    languages: '普通话;赤水方言',
  }));
  return [...orgs, ...mediators];
}

/** A workbook under the template's header row, one row per organization or mediator. */
async function workbook(header: string[], rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(COLUMNS.map((c) => r[c] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

async function expect_text(locator: import('playwright-core').Locator, text: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await locator.innerText().catch(() => '')).trim() === text) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect((await locator.innerText()).trim()).toBe(text);
}

async function expect_value(locator: import('playwright-core').Locator, value: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    if ((await locator.inputValue()) === value) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(await locator.inputValue()).toBe(value);
}

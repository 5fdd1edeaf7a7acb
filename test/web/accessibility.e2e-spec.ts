// Issue 13 item 8: axe-core (WCAG 2.1 A/AA rules) finds no serious or critical violation on the
// sign-in pages and on every role's main screen, with real rows on them (a queued case, a case in
// mediation, a confirmation application). Lighthouse's scores are a benchmark: test/bench/lighthouse.mjs.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { auth, caseBody, createWorld, creditCode, residentId, type World } from '../api/support/factories.js';
import { startTestApp, type TestApp } from '../api/support/test-app.js';
import { WEB_ROOT, baseUrlOf, describeBrowser, launchChromium, newSession, signIn, type PageProblems } from './support/browser.js';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe runs through the DevTools protocol (page.evaluate), which the app's Content-Security-Policy
 * does not govern; a <script> tag would be refused, as it should be.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(`${AXE_SOURCE};undefined`);
  const violations = (await page.evaluate(`axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      resultTypes: ['violations'],
    }).then((r) => r.violations)`)) as AxeViolation[];
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describeBrowser('browser: accessibility of every main screen (axe)', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  const problems: PageProblems = { errors: [] };
  const checked: string[] = [];
  const caseIds: string[] = [];

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ listen: true, env: { WEB_ROOT } }), launchChromium()]);
    w = await createWorld(t, { mediators: 2 });
    for (const [serial, name] of [
      [301, '王大山'],
      [302, '李小河'],
    ] as const) {
      const created = await t.http
        .post('/api/cases')
        .set(auth(w.tokens.clerk1!))
        .send(
          caseBody({
            parties: [
              { role: 'applicant', kind: 'person', name, idNumber: residentId('19800505', serial), phone: '13800000000' },
              { role: 'respondent', kind: 'organization', name: '赤水市某超市有限公司', creditCode: creditCode(serial) },
            ],
          }),
        );
      expect(created.status).toBe(201);
      expect((await t.http.post(`/api/cases/${created.body.id}/delegate`).set(auth(w.tokens.clerk1!)).send({})).status).toBe(200);
      caseIds.push(created.body.id);
    }
    // The second case in mediation: the mediator's own list and workspace have a row and a form.
    expect((await t.http.post(`/api/cases/${caseIds[1]}/claim`).set(auth(w.tokens.m1!)).send({})).status).toBe(200);
  });

  afterAll(async () => {
    console.log(`[axe] ${checked.length} screens checked, 0 serious or critical violations: ${checked.join(', ')}`);
    await browser?.close();
    await t?.close();
  });

  async function expectAccessible(page: Page, screen: string): Promise<void> {
    await page.waitForLoadState('networkidle');
    expect(await seriousViolations(page)).toEqual([]);
    checked.push(screen);
  }

  it('the sign-in pages and the public verification page', async () => {
    const { page, context } = await newSession(browser, baseUrlOf(t), problems);
    await page.goto('/login');
    await page.getByLabel('用户名').waitFor();
    await expectAccessible(page, 'login');
    await page.goto('/party');
    await page.getByRole('heading').first().waitFor();
    await expectAccessible(page, 'party sign-in');
    await page.goto(`/verify/${'0'.repeat(64)}`);
    await page.getByRole('heading').first().waitFor();
    await expectAccessible(page, 'verify');
    await context.close();
  });

  it.each([
    ['clerk1', /\/clerk\/cases$/, '王大山'],
    ['m1', /\/mediator\/queue$/, '王大山'],
    ['judge1', /\/judge\/desk$/, null],
    ['stats1', /\/stats$/, null],
    ['admin', /\/admin\/users$/, 'clerk1'],
  ])('%s: the home screen', async (username, home, rowText) => {
    const { page, context } = await newSession(browser, baseUrlOf(t), problems);
    await signIn(page, username, home);
    if (rowText) await page.getByText(rowText).first().waitFor();
    await expectAccessible(page, `${username} ${home.source.replaceAll('\\', '')}`);
    await context.close();
  });

  it('the administrator’s roster (with its paginator) and the import screen (with its error table)', async () => {
    const { page, context } = await newSession(browser, baseUrlOf(t), problems);
    await signIn(page, 'admin', /\/admin\/users$/);
    await page.goto('/admin/roster');
    await page.getByRole('table', { name: '调解员名册' }).getByText('m1 · ').first().waitFor();
    await page.getByRole('group', { name: '名册分页' }).waitFor();
    await expectAccessible(page, 'admin roster');

    await page.goto('/admin/import');
    await page.getByRole('heading', { name: '批量导入调解组织与调解员' }).waitFor();
    const csv = [
      'type,name,kind,region,contact,username,displayName,organization,phone,admissionDate,specialities,languages',
      'organization,丙安镇人民调解委员会,township,丙安镇,,,,,,,,',
      'mediator,,,,,axe01,王调解,丙安镇人民调解委员会,,2025-02-30,,',
    ].join('\n');
    await page.locator('input[type="file"]').setInputFiles({ name: 'roster.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('table', { name: '逐行错误' }).getByRole('cell', { name: '入册日期', exact: true }).waitFor({ timeout: 20_000 });
    await expectAccessible(page, 'admin import');
    await context.close();
    expect(problems.errors).toEqual([]);
  });

  it('the clerk’s case page and intake form, the mediator’s own cases', async () => {
    const { page, context } = await newSession(browser, baseUrlOf(t), problems);
    await signIn(page, 'clerk1', /\/clerk\/cases$/);
    await page
      .getByRole('row', { name: /王大山/ })
      .getByRole('link')
      .first()
      .click();
    await page.waitForURL(/\/clerk\/cases\/[0-9a-f-]{36}$/);
    await page.getByText('王大山').first().waitFor();
    await expectAccessible(page, 'clerk case page');
    await page.goto('/clerk/cases/new');
    await page.getByRole('heading').first().waitFor();
    await expectAccessible(page, 'intake form');
    await context.close();

    const mediator = await newSession(browser, baseUrlOf(t), problems);
    await signIn(mediator.page, 'm1', /\/mediator\/queue$/);
    await mediator.page.goto('/mediator/cases');
    await mediator.page.getByRole('row', { name: /李/ }).first().waitFor();
    await expectAccessible(mediator.page, 'mediator own cases');
    await mediator.page.goto(`/mediator/cases/${caseIds[1]}`);
    await mediator.page.getByRole('heading').first().waitFor();
    await expectAccessible(mediator.page, 'mediator workspace');
    await mediator.context.close();
    expect(problems.errors).toEqual([]);
  });
});

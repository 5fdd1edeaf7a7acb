// Two mediators in two browsers click 领取 on the same queued case at the same moment: exactly one
// gets it; the other reads a friendly sentence, sees a refreshed queue, and no error reaches the page.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { auth, caseBody, createWorld, creditCode, residentId, type World } from '../api/support/factories.js';
import { startTestApp, type TestApp } from '../api/support/test-app.js';
import {
  WEB_ROOT,
  baseUrlOf,
  describeBrowser,
  expectNoTechnicalText,
  launchChromium,
  newSession,
  signIn,
  type PageProblems,
} from './support/browser.js';

describeBrowser('browser: two mediators claim the same case at once', () => {
  let t: TestApp;
  let w: World;
  let browsers: Browser[] = [];
  const problems: PageProblems = { errors: [] };

  beforeAll(async () => {
    let first: Browser;
    let second: Browser;
    [t, first, second] = await Promise.all([startTestApp({ listen: true, env: { WEB_ROOT } }), launchChromium(), launchChromium()]);
    browsers = [first, second];
    w = await createWorld(t, { mediators: 2 });
  });

  afterAll(async () => {
    await Promise.all(browsers.map((b) => b.close()));
    await t?.close();
  });

  /** A case in the court-wide shared queue, which both mediators (of different committees) may claim. */
  async function queuedCase(serial: number, applicant: string): Promise<{ id: string; caseNumber: string }> {
    const created = await t.http
      .post('/api/cases')
      .set(auth(w.tokens.clerk1!))
      .send(
        caseBody({
          parties: [
            { role: 'applicant', kind: 'person', name: applicant, idNumber: residentId('19800505', serial), phone: '13800000000' },
            { role: 'respondent', kind: 'organization', name: '赤水市某超市有限公司', creditCode: creditCode(serial) },
          ],
        }),
      );
    expect(created.status).toBe(201);
    const delegated = await t.http.post(`/api/cases/${created.body.id}/delegate`).set(auth(w.tokens.clerk1!)).send({});
    expect(delegated.status).toBe(200);
    return { id: created.body.id, caseNumber: created.body.caseNumber };
  }

  it('one wins and opens the workspace; the other is told so and sees the queue without that case', async () => {
    const contested = await queuedCase(201, '王大山');
    const other = await queuedCase(202, '李小河');
    const base = baseUrlOf(t);
    const pages: Page[] = await Promise.all(
      ['m1', 'm2'].map(async (username, i) => {
        const { page } = await newSession(browsers[i]!, base, problems);
        await signIn(page, username, /\/mediator\/queue$/);
        await page.getByText('实时更新中').waitFor();
        await page.getByRole('button', { name: `领取 ${contested.caseNumber}` }).waitFor();
        return page;
      }),
    );

    // Both click at once. The first claim's live update can reach the other page before its click
    // lands: then its row is gone before it could be clicked, which is the live queue doing its job.
    const clicked = await Promise.all(
      pages.map((page) =>
        page
          .getByRole('button', { name: `领取 ${contested.caseNumber}` })
          .click({ timeout: 5000 })
          .then(
            () => true,
            () => false,
          ),
      ),
    );

    const outcome = (page: Page, i: number) =>
      Promise.race([
        page.waitForURL(`**/mediator/cases/${contested.id}`).then(() => 'won' as const),
        page
          .getByText('该案件已被其他调解员领取，列表已刷新')
          .waitFor()
          .then(() => 'lost' as const),
        ...(clicked[i] ? [] : [Promise.resolve('lost' as const)]),
      ]);
    const outcomes = await Promise.all(pages.map(outcome));
    expect([...outcomes].sort()).toEqual(['lost', 'won']);
    const winner = pages[outcomes.indexOf('won')]!;
    const loser = pages[outcomes.indexOf('lost')]!;

    // The winner works on the case; the API agrees on who holds it.
    await winner.getByRole('heading', { name: contested.caseNumber }).waitFor();
    await winner.getByText('调解期限至').waitFor();
    const held = await t.http.get(`/api/cases/${contested.id}`).set(auth(w.tokens.clerk1!));
    expect(held.body.status).toBe('in_mediation');
    expect(held.body.assignee.id).toBe(w.users[outcomes.indexOf('won') === 0 ? 'm1' : 'm2']!.id);

    // The loser stays on a refreshed queue: the contested case is gone, the other one is still there.
    expect(loser.url()).toMatch(/\/mediator\/queue$/);
    await loser.getByRole('button', { name: `领取 ${contested.caseNumber}` }).waitFor({ state: 'detached' });
    await loser.getByRole('button', { name: `领取 ${other.caseNumber}` }).waitFor();
    expect(await loser.getByRole('row').count()).toBe(2); // the header and the remaining case

    for (const page of pages) await expectNoTechnicalText(page);
    expect(problems.errors).toEqual([]);
  });
});

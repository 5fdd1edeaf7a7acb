// The Content-Security-Policy (docs/security.md, "HTTP hardening") must not break what it protects:
// the web app signs in and shows its screens, Swagger UI at /api/docs renders, and neither page
// reports a single CSP violation.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { createWorld } from '../api/support/factories.js';
import { startTestApp, type TestApp } from '../api/support/test-app.js';
import { WEB_ROOT, baseUrlOf, describeBrowser, launchChromium, newSession, signIn, type PageProblems } from './support/browser.js';

describeBrowser('browser: the CSP lets the web app and Swagger UI work', () => {
  let t: TestApp;
  let browser: Browser;
  const problems: PageProblems = { errors: [] };

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ listen: true, env: { WEB_ROOT } }), launchChromium()]);
    await createWorld(t, { mediators: 1 });
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  /**
   * What the page reports blocked: `securitypolicyviolation` events (recorded from the first byte
   * by an init script) and the console lines Chromium prints ("Refused to …").
   */
  async function cspViolations(page: Page): Promise<() => Promise<string[]>> {
    const logged: string[] = [];
    page.on('console', (msg) => {
      const text = msg.text();
      if (/Content Security Policy|Refused to/i.test(text)) logged.push(text);
    });
    await page.addInitScript(() => {
      const w = globalThis as unknown as {
        cspViolations: string[];
        addEventListener(type: string, fn: (e: { violatedDirective: string; blockedURI: string }) => void): void;
      };
      w.cspViolations = [];
      w.addEventListener('securitypolicyviolation', (e) => w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    return async () => [...logged, ...(await page.evaluate(() => (globalThis as unknown as { cspViolations: string[] }).cspViolations))];
  }

  it('Swagger UI renders its operations', async () => {
    const { context, page } = await newSession(browser, baseUrlOf(t), problems);
    const violations = await cspViolations(page);
    const response = await page.goto('/api/docs');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    await page.locator('.swagger-ui .info .title').waitFor();
    await page.locator('.opblock').first().waitFor();
    expect(await page.locator('.opblock').count()).toBeGreaterThan(10);
    expect(await violations()).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });

  it.each([
    ['clerk1', /\/clerk\/cases$/],
    ['stats1', /\/stats$/], // charts: ECharts styles its elements inline
  ])('the web app signs in as %s and shows the home screen', async (username, home) => {
    const { context, page } = await newSession(browser, baseUrlOf(t), problems);
    const violations = await cspViolations(page);
    await signIn(page, username, home);
    await page.getByRole('main').getByRole('heading').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await violations()).toEqual([]);
    expect(problems.errors).toEqual([]);
    await context.close();
  });
});

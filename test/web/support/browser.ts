import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect } from '@jest/globals';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import type { TestApp } from '../../api/support/test-app.js';
import { PASSWORD } from '../../api/support/factories.js';

/** What the in-page functions below touch of the browser's globals (the test tsconfig has no DOM lib). */
export interface InPage {
  document: {
    title: string;
    querySelector(selector: string): { textContent: string | null; scrollTo(x: number, y: number): void } | null;
  };
  [flag: string]: unknown;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** The production build of the web app, served by the API at `/`. */
export const WEB_ROOT = join(root, 'dist/web/browser');
export const SCREENSHOT_DIR = join(root, 'docs/screenshots');
export const VIEWPORT = { width: 1280, height: 800 };

/** Debian's chromium (never a Playwright browser download); CHROMIUM_PATH overrides. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);

/** Browser suites run only where a chromium binary exists; elsewhere they are skipped with a reason. */
export function describeBrowser(name: string, fn: () => void): void {
  if (hasChromium) {
    describe(name, fn);
    return;
  }
  console.warn(`[browser e2e] skipped "${name}": no chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  describe.skip(`${name} (skipped: no chromium at ${CHROMIUM})`, fn);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function baseUrlOf(t: TestApp): string {
  const address = t.app.getHttpServer().address() as AddressInfo;
  return `http://127.0.0.1:${address.port}`;
}

/** Every uncaught error and failed console.error of a page, so a test can assert there were none. */
export interface PageProblems {
  errors: string[];
}

/** A signed-out browser context (1280×800 unless told) in China time, recording uncaught page errors. */
export async function newSession(
  browser: Browser,
  baseURL: string,
  problems: PageProblems,
  viewport: { width: number; height: number } = VIEWPORT,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  watch(page, problems);
  context.on('page', (p) => watch(p, problems));
  return { context, page };
}

function watch(page: Page, problems: PageProblems): void {
  page.on('pageerror', (err) => problems.errors.push(`${page.url()}: ${err.message}`));
}

/** Signs in through the login form and waits for the role's home screen. */
export async function signIn(page: Page, username: string, home: RegExp, password = PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL(home);
}

/** Screenshots of each role's main screen go to docs/screenshots/ on every run; SCREENSHOTS=0 turns them off. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS === '0') return;
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  // Caret and focus rings make screenshots differ from run to run without telling anything.
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), caret: 'hide', animations: 'disabled' });
}

/** A page must not show a stack trace or a raw error text to the user. */
export async function expectNoTechnicalText(page: Page): Promise<void> {
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/Error:|at \w+ \(|Conflict|stack|undefined|NaN|\[object Object\]/);
}

/** Waits (best effort, for screenshots) until Chromium's PDF viewer frames have loaded their document. */
export async function pdfRendered(page: Page, timeout = 8000): Promise<void> {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    const viewers = page.frames().filter((f) => f.url().startsWith('chrome-extension://'));
    if (viewers.length) {
      const ready = await Promise.all(
        viewers.map((f) => f.evaluate(() => (globalThis as unknown as InPage).document.title !== '').catch(() => false)),
      );
      if (ready.every(Boolean)) {
        await page.waitForTimeout(300); // the first page paints right after the title is set
        return;
      }
    }
    await page.waitForTimeout(100);
  }
}

/** The first bytes of what an iframe shows from an object URL: "%PDF-" for a real PDF. */
export async function magicOf(frame: Locator): Promise<string> {
  const src = (await frame.getAttribute('src'))!.split('#')[0]!;
  return frame.page().evaluate(async (url) => {
    const bytes = await (await fetch(url)).arrayBuffer();
    return new TextDecoder().decode(bytes.slice(0, 5));
  }, src);
}

/** Closes the snack bars a screenshot would otherwise show. */
export async function dismissSnackBars(page: Page): Promise<void> {
  const bars = page.locator('.mat-mdc-snack-bar-container');
  for (let i = 0; i < 5 && (await bars.count()) > 0; i++) {
    await bars
      .first()
      .getByRole('button', { name: '关闭' })
      .click()
      .catch(() => undefined);
    await page.waitForTimeout(100);
  }
  await bars.first().waitFor({ state: 'detached' });
}

/** Back to the top of the scrolling main area, so a screenshot shows the page heading. */
export async function scrollToTop(page: Page): Promise<void> {
  await page.evaluate(() => (globalThis as unknown as InPage).document.querySelector('mat-sidenav-content')?.scrollTo(0, 0));
}

// The whole 诉调对接 journey through the real web app, API and database, one browser context per role:
// clerk files and delegates → the mediator's live queue shows it → claim, session, agreement (PDF
// preview) → clerk applies for confirmation → judge confirms (ruling preview) → the statistician's
// savings figure moves. Saves each role's main screen to docs/screenshots/.
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { auth, createWorld, creditCode, residentId, type World } from '../api/support/factories.js';
import { startTestApp, type TestApp } from '../api/support/test-app.js';
import { chinaDate, seedBackdrop } from './support/backdrop.js';
import {
  WEB_ROOT,
  baseUrlOf,
  describeBrowser,
  dismissSnackBars,
  expectNoTechnicalText,
  launchChromium,
  magicOf,
  newSession,
  pdfRendered,
  screenshot,
  scrollToTop,
  signIn,
  type InPage,
  type PageProblems,
} from './support/browser.js';

/** "¥12,345.67" → 1234567 fen. */
const fen = (text: string) => Math.round(Number(text.replace(/[^\d.]/g, '')) * 100);

describeBrowser('browser: file → delegate → claim → agree → confirm → statistics', () => {
  let t: TestApp;
  let w: World;
  let browser: Browser;
  const problems: PageProblems = { errors: [] };

  beforeAll(async () => {
    [t, browser] = await Promise.all([startTestApp({ listen: true, env: { WEB_ROOT } }), launchChromium()]);
    w = await createWorld(t, { mediators: 2 });
    await seedBackdrop(t, w, 'm2');
  });

  afterAll(async () => {
    await browser?.close();
    await t?.close();
  });

  it('runs the whole journey through the UI', async () => {
    const base = baseUrlOf(t);
    const open = async (username: string, home: RegExp) => {
      const { page } = await newSession(browser, base, problems);
      await signIn(page, username, home);
      return page;
    };
    const [clerk, mediator, judge, stats] = await Promise.all([
      open('clerk1', /\/clerk\/cases$/),
      open('m1', /\/mediator\/queue$/),
      open('judge1', /\/judge\/desk$/),
      open('stats1', /\/stats$/),
    ]);
    const savings = (page: Page) => page.getByRole('region', { name: '节约诉讼费（估算）' }).locator('.amount');
    await savings(stats).waitFor();
    const savedBefore = fen(await savings(stats).innerText());

    // Clerk: the case list, then the intake form.
    await clerk.getByRole('row', { name: /赤水市长征汽车运输有限公司/ }).waitFor();
    await screenshot(clerk, 'clerk-cases');
    await clerk.getByRole('main').getByRole('link', { name: '新收案件登记' }).click();
    await clerk.getByRole('heading', { name: '新收案件登记' }).waitFor();
    await clerk.getByRole('combobox', { name: '案由' }).click();
    await clerk.getByRole('option', { name: '买卖合同纠纷' }).click();
    await clerk.getByLabel('标的额（元）').fill('120000');
    await clerk.getByText('大写：壹拾贰万元整').waitFor();
    await clerk.getByLabel('纠纷简要情况').fill('申请人向被申请人供应白酒一批，被申请人至今拖欠货款。');
    await clerk.getByLabel('请求事项 1').fill('请求被申请人支付货款120000元');
    const applicant = clerk.getByRole('group', { name: /第 1 位当事人/ });
    await applicant.getByLabel('姓名').fill('刘小富');
    await applicant.getByLabel('公民身份号码').fill(residentId('19900101', 123));
    await applicant.getByLabel('联系电话').fill('13800000000');
    const respondent = clerk.getByRole('group', { name: /第 2 位当事人/ });
    await respondent.getByRole('radio', { name: '法人或其他组织' }).click();
    await respondent.getByLabel('名称').fill('赤水市某超市有限公司');
    await respondent.getByLabel('统一社会信用代码').fill(creditCode(1));
    await respondent.getByLabel('法定代表人或负责人').fill('张某');
    await clerk.getByRole('checkbox', { name: '当事人同意由人民调解组织进行调解' }).check();
    await clerk.getByText(/如起诉，申请人需预交案件受理费/).waitFor();
    await scrollToTop(clerk);
    await screenshot(clerk, 'clerk-intake');
    await clerk.getByRole('button', { name: '登记立案' }).click();
    await clerk.waitForURL(/\/clerk\/cases\/[0-9a-f-]{36}$/);
    const caseId = clerk.url().split('/').pop()!;
    const caseNumber = (await clerk.getByRole('heading', { level: 1 }).innerText()).trim();
    const year = chinaDate().slice(0, 4);
    expect(caseNumber).toMatch(new RegExp(`^（${year}）黔0381民诉前调\\d+号$`));

    // Mediator: the queue is live before the clerk delegates; the row must arrive without a reload.
    await mediator.getByText('实时更新中').waitFor();
    await mediator.evaluate(() => ((globalThis as unknown as InPage)['sameDocument'] = true));
    const claimButton = mediator.getByRole('button', { name: `领取 ${caseNumber}` });
    expect(await claimButton.count()).toBe(0);

    await clerk.getByRole('button', { name: '委派调解' }).click();
    const delegateDialog = clerk.getByRole('dialog', { name: '委派调解' });
    await delegateDialog.getByRole('radio', { name: '放入全院共享队列（由调解员领取）' }).check();
    await delegateDialog.getByRole('button', { name: '确认委派' }).click();
    await clerk.getByText('已委派调解').first().waitFor();

    await claimButton.waitFor();
    await dismissSnackBars(mediator);
    expect(await mediator.evaluate(() => (globalThis as unknown as InPage)['sameDocument'])).toBe(true);
    await screenshot(mediator, 'mediator-queue');
    await claimButton.click();
    await mediator.waitForURL(`**/mediator/cases/${caseId}`);
    await mediator.getByText('调解期限至').waitFor();

    // A session, then the agreement with its PDF preview.
    await mediator.getByRole('tab', { name: '调解笔录' }).click();
    await mediator.getByLabel('参加人员').fill('刘小富、张某');
    await mediator.getByLabel('调解经过（笔录）').fill('调解员向双方释明法律规定，双方就货款支付方式协商一致。');
    await mediator.getByRole('button', { name: '保存笔录' }).click();
    await mediator.getByRole('heading', { name: '调解笔录（1）' }).waitFor();

    await mediator.getByRole('tab', { name: '调解协议' }).click();
    await mediator.getByLabel('金额（元）').fill('100000');
    await mediator.getByRole('textbox', { name: '履行期限' }).fill(chinaDate(30).replace(/-/g, '/'));
    await mediator.getByLabel('履行地点（可选）').fill('赤水市');
    await mediator.getByRole('button', { name: '预览协议' }).click();
    const agreementPreview = mediator.locator('iframe[title="人民调解协议书（预览）"]');
    await agreementPreview.waitFor();
    expect(await magicOf(agreementPreview)).toBe('%PDF-');
    await dismissSnackBars(mediator);
    await pdfRendered(mediator);
    await scrollToTop(mediator);
    await screenshot(mediator, 'mediator-workspace');
    await mediator.getByRole('button', { name: '确认提交协议' }).click();
    await mediator.getByText('调解协议已生成').first().waitFor();

    // Clerk applies for judicial confirmation.
    await clerk.getByRole('button', { name: '刷新' }).click();
    await clerk.getByRole('button', { name: '申请司法确认' }).click();
    const applyDialog = clerk.getByRole('dialog', { name: '申请司法确认' });
    await applyDialog.getByRole('checkbox', { name: '双方当事人共同提出申请' }).check();
    await applyDialog.getByRole('button', { name: '提交申请' }).click();
    await clerk.getByText('已提交司法确认申请').first().waitFor();

    // Judge: the desk lists the application with its confirmation number; review, preview the ruling, confirm.
    await judge.getByRole('button', { name: '刷新' }).click();
    const row = judge.getByRole('row').filter({ hasText: caseNumber });
    await row.waitFor();
    expect(await row.innerText()).toMatch(new RegExp(`（${year}）黔0381(诉前调确|民特)\\d+号`));
    await screenshot(judge, 'judge-desk');
    await row.getByRole('link', { name: /^审查 / }).click();
    await judge.waitForURL(`**/judge/cases/${caseId}`);
    await judge.locator('app-pdf-viewer iframe').waitFor();
    await pdfRendered(judge);
    await screenshot(judge, 'judge-review');
    await judge.getByRole('button', { name: '作出裁定' }).click();
    const decide = judge.getByRole('dialog', { name: '作出裁定' });
    await decide.getByRole('radio', { name: '确认调解协议有效' }).check();
    await decide.getByLabel('裁定理由').fill('申请人与被申请人达成的调解协议系双方真实意思表示，不违反法律规定。');
    await decide.getByRole('button', { name: '预览裁定书' }).click();
    const rulingPreview = decide.locator('iframe[title="民事裁定书（预览）"]');
    await rulingPreview.waitFor();
    expect(await magicOf(rulingPreview)).toBe('%PDF-');
    await decide.getByRole('button', { name: '确认并作出裁定' }).click();
    await judge.getByText('已裁定确认调解协议有效').first().waitFor();

    // Statistician: the savings figure has moved by this case's litigation fee.
    const fee = await t.http.get('/api/fees/litigation?amount=120000&disputeType=sale_contract').set(auth(w.tokens.stats1!));
    await stats.getByRole('button', { name: '查询' }).click();
    await stats.waitForFunction((before) => {
      const digits = (globalThis as unknown as InPage).document.querySelector('.savings .amount')?.textContent?.replace(/[^\d.]/g, '');
      return !!digits && Math.round(Number(digits) * 100) !== before;
    }, savedBefore);
    const savedAfter = fen(await savings(stats).innerText());
    expect([fen(fee.body.fullFee), fen(fee.body.halfFee)]).toContain(savedAfter - savedBefore);
    await dismissSnackBars(stats);
    await screenshot(stats, 'stats-dashboard');

    // The ruling's QR code opens the public verification page.
    const docs = await t.http.get(`/api/cases/${caseId}/documents`).set(auth(w.tokens.judge1!));
    const ruling = (docs.body as { id: string; kind: string; sha256: string | null }[]).find((d) => d.kind === 'ruling')!;
    const pdf = await t.http.get(`/api/documents/${ruling.id}`).set(auth(w.tokens.judge1!));
    expect(pdf.status).toBe(200);
    const again = await t.http.get(`/api/cases/${caseId}/documents`).set(auth(w.tokens.judge1!));
    const sha256 = (again.body as { id: string; sha256: string }[]).find((d) => d.id === ruling.id)!.sha256;
    const { page: visitor } = await newSession(browser, base, problems);
    await visitor.goto(`/verify/${sha256}`);
    await visitor.getByText('该文书由本系统出具，内容未被篡改').waitFor();
    await screenshot(visitor, 'verify');

    for (const page of [clerk, mediator, judge, stats, visitor]) await expectNoTechnicalText(page);
    expect(problems.errors).toEqual([]);
  }, 180_000); // every role's screens in turn: ~26 s alone, several times that on a loaded 2-core machine
});

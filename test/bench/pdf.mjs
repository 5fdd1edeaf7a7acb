#!/usr/bin/env node
// npm run bench:pdf (after a build): the 人民调解协议书 rendered 200 times warm by the pdfkit
// renderer, then the same agreement as HTML printed ~20 times by headless Chromium (the usual
// approach) as the baseline. Targets: median ≤ 20 ms, ≤ 120 KB, ≥ 20× faster than Chromium.
//   node test/bench/pdf.mjs [distDir]   (default dist/api; CHROMIUM=/path overrides the browser)
import { resolve, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
const dist = resolve(root, process.argv[2] ?? 'dist/api');
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { PdfRenderer } = await load('documents/pdf/renderer.js');
const { SAMPLE_VIEWS, sampleMeta } = await load('documents/pdf/samples.js');
const { formatMoneyCn, amountInCapitals } = await load('rules/money.js');
const { toChineseDate, toNumericChineseDate } = await load('rules/chinese-date.js');

const RUNS = 200;
const CHROMIUM_RUNS = 20;
const view = SAMPLE_VIEWS.agreement;
const meta = sampleMeta('人民调解协议书');

function stats(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { median: at(0.5), p95: at(0.95) };
}

async function timed(runs, fn) {
  const times = [];
  let last;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    last = await fn();
    times.push(performance.now() - start);
  }
  return { ...stats(times), bytes: last.length };
}

// ---- pdfkit renderer ----
const created = performance.now();
const renderer = await PdfRenderer.create({ templatesDir: join(root, 'templates') });
const startup = performance.now() - created;
for (let i = 0; i < 20; i++) await renderer.render('agreement', view, meta);
const pdfkit = await timed(RUNS, () => renderer.render('agreement', view, meta));

// ---- Chromium baseline: the same agreement as an HTML page ----
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const money = (fen) => `人民币${formatMoneyCn(BigInt(fen))}（大写：${amountInCapitals(BigInt(fen))}）`;
const CN = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
function partyRows(p) {
  const role = p.role === 'applicant' ? '申请人' : '被申请人';
  if (p.kind === 'person') {
    return `<tr><th>${role}</th><td>${esc(p.name)}</td><th>性别</th><td>${esc(p.gender ?? '')}</td></tr>
      <tr><th>出生日期</th><td>${p.birthDate ? toNumericChineseDate(p.birthDate) : ''}</td><th>民族</th><td>${esc(p.ethnicity ?? '')}</td></tr>
      <tr><th>身份证号码</th><td>${esc(p.idNumber ?? '')}</td><th>联系电话</th><td>${esc(p.phone ?? '')}</td></tr>
      <tr><th>住址</th><td colspan="3">${esc(p.address ?? '')}</td></tr>`;
  }
  return `<tr><th>${role}</th><td colspan="3">${esc(p.name)}</td></tr>
    <tr><th>统一社会信用代码</th><td>${esc(p.creditCode ?? '')}</td><th>联系电话</th><td>${esc(p.phone ?? '')}</td></tr>
    <tr><th>住所</th><td colspan="3">${esc(p.address ?? '')}</td></tr>
    <tr><th>${esc(p.representativeTitle ?? '法定代表人')}</th><td>${esc(p.representative ?? '')}</td><th>职务</th><td>${esc(p.representativePosition ?? '')}</td></tr>`;
}
const clauses = [
  ...view.terms.map(
    (t) =>
      `${esc(t.obligor)}于${toNumericChineseDate(t.dueOn)}前向${esc(t.obligee)}支付${money(t.amount)}${t.method ? `，以${esc(t.method)}方式支付` : ''}。`,
  ),
  ...view.otherTerms.map(esc),
];
const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><style>
  @page { size: A4; margin: 27mm 26mm 35mm 28mm; }
  body { font-family: 'Noto Serif CJK SC', serif; font-size: 14pt; line-height: 1.7; }
  h1 { text-align: center; font-size: 22pt; margin: 0 0 8pt; } h2 { font-size: 14pt; margin: 6pt 0 0; }
  .no { text-align: right; font-size: 13pt; margin: 0; } p { text-indent: 2em; margin: 0; text-align: justify; }
  table { width: 100%; border-collapse: collapse; font-size: 12pt; line-height: 1.4; }
  th, td { border: 0.7pt solid #000; padding: 4pt 6pt; } th { background: #f1f1f1; white-space: nowrap; }
  .sig { display: grid; grid-template-columns: 1fr 1fr; gap: 12pt 28pt; margin-top: 10pt; font-size: 13pt; }
  .seal { text-align: right; margin: 28pt 2em 0 0; }
</style></head><body>
  <h1>人民调解协议书</h1><p class="no">编号：${esc(view.agreementNumber)}</p><p class="no">关联案号：${esc(view.caseNumber)}</p>
  <h2>当事人</h2><table>${view.parties.map(partyRows).join('')}</table>
  <h2>纠纷主要事实、争议事项</h2><p>${esc(view.facts)}</p><p>争议事项：${esc(view.disputedMatters ?? '')}</p>
  <h2>协议内容</h2><p>经${esc(view.organization.name)}主持调解，各方当事人在平等、自愿的基础上，就${esc(view.disputeTypeName)}达成如下协议：</p>
  ${clauses.map((c, i) => `<p>${CN[i]}、${c}</p>`).join('')}
  <h2>履行协议的方式、地点、期限</h2><table><tr><th>履行义务人</th><th>权利人</th><th>金额</th><th>履行期限</th><th>履行方式</th></tr>
  ${view.terms.map((t) => `<tr><td>${esc(t.obligor)}</td><td>${esc(t.obligee)}</td><td>${formatMoneyCn(BigInt(t.amount))}</td><td>${toNumericChineseDate(t.dueOn)}前</td><td>${esc(t.method ?? '')}</td></tr>`).join('')}</table>
  <p>履行地点：${esc(view.performancePlace ?? '')}</p>
  <p>本协议自各方当事人签名、盖章或者按指印，人民调解员签名并加盖人民调解委员会印章之日起生效，对各方当事人具有法律约束力。</p>
  <p>本协议一式三份，各方当事人、人民调解委员会各持一份。</p>
  <div class="sig"><div>申请人：${esc(view.parties[0].name)}<br>签名或按指印：________</div><div>被申请人（盖章）：${esc(view.parties[1].name)}<br>法定代表人签名：________</div>
  <div>人民调解员：${esc(view.mediatorName)}<br>签名：________</div><div>记录人：${esc(view.recorderName ?? '')}<br>签名：________</div></div>
  <div class="seal">${esc(view.organization.name)}<br>${toChineseDate(view.signedOn)}</div>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
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
let chrome;
try {
  const page = await browser.newPage();
  const print = async () => {
    await page.setContent(html, { waitUntil: 'load' });
    return page.pdf({
      format: 'A4',
      printBackground: true,
      displayHeaderFooter: true,
      footerTemplate:
        '<div style="font-size:9px;width:100%;text-align:center">第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>',
      headerTemplate: '<div></div>',
    });
  };
  for (let i = 0; i < 3; i++) await print();
  chrome = await timed(CHROMIUM_RUNS, print);
} finally {
  await browser.close();
}

const ms = (x) => `${x.toFixed(2)} ms`;
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ratio = chrome.median / pdfkit.median;
console.log(`renderer start-up (fonts + templates): ${ms(startup)}`);
console.log(
  `pdfkit renderer, agreement × ${RUNS} warm: median ${ms(pdfkit.median)}, p95 ${ms(pdfkit.p95)}, ${pdfkit.bytes} bytes (${kb(pdfkit.bytes)})`,
);
console.log(
  `headless Chromium (HTML → page.pdf) × ${CHROMIUM_RUNS} warm: median ${ms(chrome.median)}, p95 ${ms(chrome.p95)}, ${chrome.bytes} bytes (${kb(chrome.bytes)})`,
);
console.log(`speed-up (median): ${ratio.toFixed(1)}×`);
const ok = pdfkit.median <= 20 && pdfkit.bytes <= 120 * 1024 && ratio >= 20;
console.log(`targets (≤ 20 ms median, ≤ 120 KB, ≥ 20× Chromium): ${ok ? 'met' : 'NOT met'}`);
process.exitCode = ok ? 0 : 1;

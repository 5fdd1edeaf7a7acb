import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import type { AuthUser } from '../../api/src/auth/auth-user.js';
import { CaseActionsService } from '../../api/src/cases/case-actions.service.js';
import { CasesService } from '../../api/src/cases/cases.service.js';
import { Clock } from '../../api/src/common/clock.js';
import { chinaDateOf } from '../../api/src/rules/chinese-date.js';
import { rebuildStats, recountRollups, storedRollups } from '../../api/src/stats/rollups.js';
import { StatsRefreshService } from '../../api/src/stats/stats-refresh.service.js';
import { auth, caseBody, createWorld, residentId, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 3 });
});
afterAll(async () => {
  await t?.close();
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token));
const fen = (yuan: string): bigint => BigInt(yuan.replace('.', ''));
const yuan = (f: bigint): string => `${f / 100n}.${String(f % 100n).padStart(2, '0')}`;

async function summary(query = '') {
  const res = await get(`/api/stats/summary${query}`, w.tokens.stats1!);
  expect(res.status).toBe(200);
  return res.body;
}

async function inMediation(overrides: Record<string, unknown> = {}, mediator = 'm1') {
  const c = await post('/api/cases', w.tokens.clerk1!, caseBody(overrides));
  expect(c.status).toBe(201);
  expect((await post(`/api/cases/${c.body.id}/delegate`, w.tokens.clerk1!, {})).status).toBe(200);
  const claimed = await post(`/api/cases/${c.body.id}/claim`, w.tokens[mediator]!);
  expect(claimed.status).toBe(200);
  return claimed.body;
}

const agreementBody = (c: { parties: { id: string; role: string }[] }) => ({
  content: '双方自愿达成协议。',
  terms: [
    {
      obligorPartyId: c.parties.find((p) => p.role === 'respondent')!.id,
      obligeePartyId: c.parties.find((p) => p.role === 'applicant')!.id,
      amount: '1000.00',
      dueOn: '2099-12-31',
    },
  ],
  signedAt: new Date().toISOString(),
});

describe('access and validation', () => {
  const paths = [
    '/api/stats/summary',
    '/api/stats/breakdown?by=organization',
    '/api/stats/ranking',
    '/api/stats/litigation-rate',
    '/api/stats/export?format=csv',
    '/api/stats/bulletin',
  ];

  it('is for statisticians, judges and admins: 403 for mediators and clerks, 401 without a token', async () => {
    for (const path of paths) {
      expect((await get(path, w.tokens.m1!)).body.code).toBe('FORBIDDEN');
      expect((await get(path, w.tokens.clerk1!)).status).toBe(403);
      expect((await t.http.get(path)).status).toBe(401);
    }
    for (const who of ['stats1', 'judge1', 'admin']) expect((await get('/api/stats/summary', w.tokens[who]!)).status).toBe(200);
    // Statisticians never see party data: the case API stays closed to them.
    expect((await get('/api/cases', w.tokens.stats1!)).status).toBe(403);
  });

  it.each([
    ['/api/stats/summary?from=2026-02-30', { from: 'not_date' }],
    ['/api/stats/summary?from=2026-03-02&to=2026-03-01', { from: 'after_to' }],
    ['/api/stats/summary?to=yesterday', { to: 'not_date' }],
    ['/api/stats/summary?basis=quarter', { basis: 'invalid_value' }],
    ['/api/stats/summary?surprise=1', { surprise: 'unknown_field' }],
    ['/api/stats/breakdown?by=planet', { by: 'invalid_value' }],
    ['/api/stats/breakdown', { by: 'required' }],
    ['/api/stats/export?format=pdf', { format: 'invalid_value' }],
    ['/api/stats/ranking?month=2026-13', { month: 'not_month' }],
    ['/api/stats/ranking?minCases=0', { minCases: 'too_small' }],
    ['/api/stats/bulletin?month=2026', { month: 'not_month' }],
    ['/api/stats/litigation-rate?year=abc', { year: 'not_integer' }],
  ])('400 for %s', async (path, errors) => {
    const res = await get(path, w.tokens.stats1!);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors).toMatchObject(errors);
  });

  it('documents the endpoints and their definitions in the OpenAPI', async () => {
    const doc = (await t.http.get('/api/docs-json')).body;
    for (const path of ['summary', 'breakdown', 'ranking', 'litigation-rate', 'export', 'bulletin'])
      expect(Object.keys(doc.paths)).toContain(`/api/stats/${path}`);
    expect(JSON.stringify(doc.components.schemas.StatsSummary)).toContain('调解成功率 = 调解成功 ÷ 调解结束');
  });

  it('defaults to 1 January of this year … today and answers exactly the contract fields', async () => {
    const today = chinaDateOf(new Date());
    const implicit = await summary();
    expect(await summary(`?from=${today.slice(0, 4)}-01-01&to=${today}`)).toEqual(implicit);
    expect(Object.keys(implicit).sort()).toEqual([
      'agreed',
      'amountDue',
      'amountPaid',
      'averageMediationDays',
      'concludedByDecree',
      'confirmationRejected',
      'confirmed',
      'defaultRate',
      'delegated',
      'failed',
      'inMediation',
      'obligationsDefaulted',
      'obligationsDue',
      'obligationsPerformedOnTime',
      'onTimeRate',
      'performanceRate',
      'ratingsCount',
      'received',
      'satisfactionRate',
      'savings',
      'successRate',
      'withdrawn',
      'withdrawnAfterAgreement',
    ]);
    // Issue 14 item 12: without ?basis the court's setting applies (half_fee: 交纳办法 Art. 15), both totals are given.
    expect(implicit.savings).toMatchObject({
      basis: 'half',
      basisLabel: '以调解方式结案减半交纳（《诉讼费用交纳办法》第十五条）',
      rounding: 'fen',
      litigationFeesAvoided: implicit.savings.litigationFeesAvoidedHalf,
      estimate: true,
      label: '估算',
      feeRule: { version: '2007-04-01', basis: '诉讼费用交纳办法 第十三条' },
    });
  });
});

describe('figures follow the cases', () => {
  it('completing agreements moves litigationFeesAvoided by exactly the fees of their claims', async () => {
    const before = await summary('?basis=full');
    const beforeHalf = await summary('?basis=half');
    const claims: [string, string][] = [
      ['sale_contract', '10001.00'],
      ['labor_remuneration', '35000.00'],
      ['divorce', '300000.00'],
      ['loan_private', '123456.78'],
    ];
    let full = 0n;
    let half = 0n;
    for (const [disputeType, claimAmount] of claims) {
      const fee = await get(`/api/fees/litigation?amount=${claimAmount}&disputeType=${disputeType}`, w.tokens.stats1!);
      expect(fee.status).toBe(200);
      full += fen(fee.body.fullFee);
      half += fen(fee.body.halfFee);
      const c = await inMediation({ disputeType, claimAmount });
      expect((await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, agreementBody(c))).status).toBe(200);
    }
    const after = await summary('?basis=full');
    expect(fen(after.savings.litigationFeesAvoided) - fen(before.savings.litigationFeesAvoided)).toBe(full);
    expect(after.savings.litigationFeesAvoidedFull).toBe(after.savings.litigationFeesAvoided);
    expect(fen(after.savings.litigationFeesAvoidedHalf) - fen(before.savings.litigationFeesAvoidedHalf)).toBe(half);
    expect(after.savings.casesCounted - before.savings.casesCounted).toBe(claims.length);
    expect(after.agreed - before.agreed).toBe(claims.length);
    expect(after.received - before.received).toBe(claims.length);
    const afterHalf = await summary('?basis=half');
    expect(fen(afterHalf.savings.litigationFeesAvoided) - fen(beforeHalf.savings.litigationFeesAvoided)).toBe(half);
    expect(afterHalf.savings.basis).toBe('half');
    // 50.03 + 10.00 + 650.00 + 2769.14 with the 贵州 demo bases (divorce 150 yuan + 0.5% above 200,000).
    expect(yuan(full)).toBe('3479.17');
  });

  it('a failure moves failed, a withdrawal withdrawn; a termination before acceptance is not an ended mediation', async () => {
    const before = await summary();
    const failing = await inMediation({}, 'm2');
    expect(
      (await post(`/api/cases/${failing.id}/termination`, w.tokens.m2!, { reason: 'irreconcilable', details: '分歧较大。' })).status,
    ).toBe(200);
    const withdrawing = await inMediation({}, 'm2');
    expect(
      (await post(`/api/cases/${withdrawing.id}/termination`, w.tokens.m2!, { reason: 'applicant_withdrew', details: '已和解。' })).status,
    ).toBe(200);
    const queued = await post('/api/cases', w.tokens.clerk1!, caseBody());
    await post(`/api/cases/${queued.body.id}/delegate`, w.tokens.clerk1!, {});
    expect(
      (await post(`/api/cases/${queued.body.id}/termination`, w.tokens.clerk1!, { reason: 'unreachable', details: '无法联系。' })).status,
    ).toBe(200);
    const after = await summary();
    expect(after.failed - before.failed).toBe(1);
    expect(after.withdrawn - before.withdrawn).toBe(1);
    expect(after.received - before.received).toBe(3);
    expect(after.agreed).toBe(before.agreed);
    expect(after.savings.litigationFeesAvoided).toBe(before.savings.litigationFeesAvoided);
    const ended = after.agreed + after.failed + after.withdrawn;
    expect(after.successRate).toBeCloseTo(Math.round((after.agreed / ended) * 10_000) / 10_000, 10);
    expect(after.onTimeRate).toBe(1);
    expect(after.averageMediationDays).toBe(0);
  });

  it('counts open cases by status and confirmations by their ruling', async () => {
    const before = await summary();
    await post('/api/cases', w.tokens.clerk1!, caseBody()).then((c) => post(`/api/cases/${c.body.id}/delegate`, w.tokens.clerk1!, {}));
    await inMediation({}, 'm3');
    const c = await inMediation();
    await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, agreementBody(c));
    expect((await post(`/api/cases/${c.id}/confirmation`, w.tokens.clerk1!, { jointApplication: true })).status).toBe(200);
    expect(
      (await post(`/api/cases/${c.id}/confirmation/decision`, w.tokens.judge1!, { result: 'confirmed', reasoning: '协议合法有效。' }))
        .status,
    ).toBe(200);
    const after = await summary();
    expect(after.delegated - before.delegated).toBe(1);
    expect(after.inMediation - before.inMediation).toBe(1);
    expect(after.confirmed - before.confirmed).toBe(1);
    expect(after.agreed - before.agreed).toBe(1);
  });
});

describe("the court's savings basis and fee rounding (issue 14 item 12)", () => {
  const patch = (body: object) => t.http.patch('/api/admin/settings').set(auth(w.tokens.admin!)).send(body);

  it('rounds each case fee to the whole yuan when the court says so, and the setting chooses the default basis', async () => {
    const fenFull = await summary('?basis=full');
    const fenHalf = await summary('?basis=half');
    expect((await patch({ feeRounding: 'yuan' })).status).toBe(200);
    try {
      // The calculator: the 交纳办法 fee to the fen beside the court's rounded figure.
      const fee = await get('/api/fees/litigation?amount=10001.00&disputeType=sale_contract', w.tokens.clerk1!);
      expect(fee.body).toMatchObject({
        fullFee: '50.00',
        halfFee: '25.00',
        exactFullFee: '50.03',
        exactHalfFee: '25.01',
        rounding: 'yuan',
      });
      // Every stored fact is refreshed: each case's fee is a whole yuan, so every total is one too.
      const yuanFull = await summary('?basis=full');
      expect(yuanFull.savings.rounding).toBe('yuan');
      expect(yuanFull.savings.litigationFeesAvoidedFull).toMatch(/\.00$/);
      expect(yuanFull.savings.litigationFeesAvoidedHalf).toMatch(/\.00$/);
      expect(yuanFull.savings.casesCounted).toBe(fenFull.savings.casesCounted);
      const c = await inMediation({ disputeType: 'sale_contract', claimAmount: '10001.00' });
      expect((await post(`/api/cases/${c.id}/agreement`, w.tokens.m1!, agreementBody(c))).status).toBe(200);
      const after = await summary('?basis=full');
      expect(fen(after.savings.litigationFeesAvoidedFull) - fen(yuanFull.savings.litigationFeesAvoidedFull)).toBe(5000n);
      expect(fen(after.savings.litigationFeesAvoidedHalf) - fen(yuanFull.savings.litigationFeesAvoidedHalf)).toBe(2500n);

      expect((await patch({ savingsBasis: 'full_fee' })).status).toBe(200);
      const byCourt = await summary();
      expect(byCourt.savings).toMatchObject({ basis: 'full', litigationFeesAvoided: after.savings.litigationFeesAvoidedFull });
      expect(byCourt.savings.basisLabel).toBe('全额案件受理费（《诉讼费用交纳办法》第十三条）');
      expect((await summary('?basis=half')).savings.basis).toBe('half');
    } finally {
      expect((await patch({ feeRounding: 'fen', savingsBasis: 'half_fee' })).status).toBe(200);
    }
    // Back to the fen: the totals are the fen totals plus the one new case's exact fee.
    const back = await summary('?basis=full');
    expect(fen(back.savings.litigationFeesAvoidedFull) - fen(fenFull.savings.litigationFeesAvoidedFull)).toBe(5003n);
    expect(fen(back.savings.litigationFeesAvoidedHalf) - fen(fenHalf.savings.litigationFeesAvoidedHalf)).toBe(2501n);
    expect((await summary()).savings.basis).toBe('half');
  });
});

describe('breakdown and ranking', () => {
  it('groups the same figures by organization, mediator, month and dispute type; groups add up to the totals', async () => {
    const total = await summary();
    for (const by of ['organization', 'mediator', 'month', 'disputeType']) {
      const res = await get(`/api/stats/breakdown?by=${by}`, w.tokens.judge1!);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ by, basis: 'half' });
      expect(res.body.totals).toEqual(total);
      for (const k of ['received', 'delegated', 'inMediation', 'agreed', 'confirmed', 'failed', 'withdrawn'] as const) {
        expect(res.body.rows.reduce((s: number, r: Record<string, number>) => s + r[k]!, 0)).toBe(total[k]);
      }
      const saved = res.body.rows.reduce(
        (s: bigint, r: { savings: { litigationFeesAvoided: string } }) => s + fen(r.savings.litigationFeesAvoided),
        0n,
      );
      expect(saved).toBe(fen(total.savings.litigationFeesAvoided));
    }
    const byMediator = await get('/api/stats/breakdown?by=mediator', w.tokens.stats1!);
    const m1 = byMediator.body.rows.find((r: { key: string }) => r.key === w.users.m1!.id);
    expect(m1).toMatchObject({ label: '用户m1', organizationName: '天台镇人民调解委员会' });
    expect(m1.agreed).toBeGreaterThanOrEqual(5);
    const byType = await get('/api/stats/breakdown?by=disputeType', w.tokens.stats1!);
    expect(byType.body.rows.find((r: { key: string }) => r.key === 'divorce')).toMatchObject({ label: '离婚纠纷', agreed: 1 });
    const byMonth = await get('/api/stats/breakdown?by=month&from=2026-01-15&to=2026-03-02', w.tokens.stats1!);
    expect(byMonth.body.rows.map((r: { key: string; label: string }) => [r.key, r.label])).toEqual([
      ['2026-01', '2026年1月'],
      ['2026-02', '2026年2月'],
      ['2026-03', '2026年3月'],
    ]);
  });

  it('ranks organizations (红黑榜) with a minimum of ended cases', async () => {
    const month = chinaDateOf(new Date()).slice(0, 7);
    const res = await get(`/api/stats/ranking?month=${month}&minCases=1&size=1`, w.tokens.stats1!);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ month, minCases: 1, eligible: 1 });
    expect(res.body.red).toEqual([expect.objectContaining({ rank: 1, organizationId: w.orgA, name: '天台镇人民调解委员会' })]);
    expect(res.body.black).toEqual([]);
    expect((await get(`/api/stats/ranking?month=${month}&minCases=1000`, w.tokens.stats1!)).body).toMatchObject({
      eligible: 0,
      red: [],
      black: [],
    });
  });

  it('computes 万人起诉率 from the court’s population and its 民初 registrations', async () => {
    const year = Number(chinaDateOf(new Date()).slice(0, 4));
    await t.db.query('INSERT INTO court_populations (court_id, year, resident, floating) VALUES ($1, $2, 480000, 20000)', [
      w.courtId,
      year,
    ]);
    const before = (await get(`/api/stats/litigation-rate?year=${year}`, w.tokens.stats1!)).body.rows[0];
    for (let i = 0; i < 3; i++) expect((await post('/api/cases', w.tokens.clerk1!, caseBody({ track: 'entrusted' }))).status).toBe(201);
    const res = await get(`/api/stats/litigation-rate?year=${year}`, w.tokens.stats1!);
    expect(res.body.definition).toContain('万人起诉率');
    expect(res.body.rows).toEqual([
      {
        courtId: w.courtId,
        courtName: '赤水市人民法院',
        year,
        cases: before.cases + 3,
        resident: 480000,
        floating: 20000,
        population: 500000,
        ratePer10k: Math.round((((before.cases + 3) * 10_000) / 500_000) * 100) / 100,
      },
    ]);
  });
});

describe('exports', () => {
  it('streams an xlsx whose cases sheet adds up to the figure, without party data, and audits it', async () => {
    const total = await summary();
    const res = await get('/api/stats/export?format=xlsx&by=organization', w.tokens.stats1!)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="sutiao-stats-organization-\d{4}-01-01_\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/,
    );
    expect(decodeURIComponent(res.headers['content-disposition']!.split("''")[1]!)).toMatch(/^诉调对接统计-按调解组织-.*\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['统计数字', '案件明细', '口径说明']);
    const cases = wb.getWorksheet('案件明细')!;
    const header = (cases.getRow(1).values as unknown[]).slice(1);
    const savedCol = header.indexOf('计入节约诉讼费（元）') + 1;
    expect(savedCol).toBeGreaterThan(0);
    let saved = 0n;
    let counted = 0;
    const text: string[] = [];
    cases.eachRow((row, n) => {
      if (n === 1) return;
      const v = row.getCell(savedCol).value;
      if (typeof v === 'number') {
        saved += BigInt(Math.round(v * 100));
        counted++;
      }
      row.eachCell((cell) => text.push(String(cell.value)));
    });
    expect(saved).toBe(fen(total.savings.litigationFeesAvoided));
    expect(counted).toBe(total.savings.casesCounted);
    expect(cases.rowCount - 1).toBeGreaterThanOrEqual(total.received);
    // No party data anywhere: names, ID numbers, phones and addresses of caseBody().
    const all = text.join('|') + JSON.stringify(wb.getWorksheet('统计数字')!.getSheetValues());
    for (const secret of ['刘小富', residentId(), '13800000000', '赤水市某超市有限公司', '市中街道']) expect(all).not.toContain(secret);
    const figures = wb.getWorksheet('统计数字')!;
    const last = figures.getRow(figures.rowCount).values as unknown[];
    expect(last[1]).toBe('合计');
    const events = await t.db.query(
      `SELECT type, actor_username, data FROM audit_events WHERE stream = 'system' AND type = 'stats.exported' ORDER BY seq`,
    );
    expect(events.at(-1)).toMatchObject({ actor_username: 'stats1', data: { format: 'xlsx', by: 'organization' } });
  });

  it('exports the breakdown as csv', async () => {
    const res = await get('/api/stats/export?format=csv&by=disputeType&basis=half', w.tokens.judge1!);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toContain('.csv');
    const text = res.text;
    expect(text.startsWith('\ufeffkey,名称,收案')).toBe(true);
    const lines = text.trim().split('\r\n');
    const breakdown = (await get('/api/stats/breakdown?by=disputeType&basis=half', w.tokens.judge1!)).body;
    expect(lines).toHaveLength(breakdown.rows.length + 2);
    expect(lines.at(-1)).toContain(`,合计,${breakdown.totals.received},`);
    expect(lines.at(-1)).toContain(breakdown.totals.savings.litigationFeesAvoided);
  });

  it('renders the monthly bulletin as a PDF and audits it', async () => {
    const month = chinaDateOf(new Date()).slice(0, 7);
    const res = await get(`/api/stats/bulletin?month=${month}`, w.tokens.stats1!)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`sutiao-bulletin-${month}.pdf`);
    const pdf = res.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    const [event] = await t.db.query(
      `SELECT data FROM audit_events WHERE stream = 'system' AND type = 'stats.bulletin_exported' ORDER BY seq DESC LIMIT 1`,
    );
    expect(event.data).toMatchObject({ month });
  });
});

describe('rollups', () => {
  /** A deterministic PRNG so a failure can be replayed. */
  function prng(seed: number) {
    let a = seed >>> 0;
    return () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let x = a;
      x = Math.imul(x ^ (x >>> 15), x | 1);
      x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
      return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
    };
  }

  const asPlain = (m: Map<string, Record<string, bigint>>) =>
    Object.fromEntries(
      [...m]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, c]) => [k, Object.fromEntries(Object.entries(c).map(([n, v]) => [n, String(v)]))]),
    );

  it('always equal a direct recount of the cases after random operations (actions, bypassing SQL, moves, rebuild)', async () => {
    const cases = t.app.get(CasesService);
    const actions = t.app.get(CaseActionsService);
    const clock = t.app.get(Clock);
    const bulk = { deferRendering: true }; // documents are rendered later by the outbox, as in a bulk import
    const users = await t.db.query(`SELECT id, username, display_name, role, organization_id FROM users WHERE court_id = $1`, [w.courtId]);
    const as = (username: string): AuthUser => {
      const u = users.find((x: { username: string }) => x.username === username);
      return { id: u.id, username, displayName: u.display_name, role: u.role, courtId: w.courtId, organizationId: u.organization_id };
    };
    const rnd = prng(5);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const mediators = ['m1', 'm2', 'm3'];
    const now = Date.now();
    const DAY = 86_400_000;
    for (let i = 0; i < 36; i++) {
      // Received over the last 14 months, so cases cross months and a year boundary.
      let at = now - Math.floor(rnd() * 420) * DAY - 3 * DAY;
      const step = (hours: number) => {
        at = Math.min(at + hours * 3_600_000, now - 60_000);
        return new Date(at);
      };
      const view = await clock.runAt(new Date(at), () =>
        cases.create(
          as('clerk1'),
          {
            ...caseBody({
              disputeType: pick(['sale_contract', 'divorce', 'labor_remuneration', 'traffic_accident']),
              claimAmount: `${Math.floor(rnd() * 500_000)}.${Math.floor(rnd() * 100)}`,
            }),
            receivedOn: chinaDateOf(new Date(at)),
          } as never,
          bulk,
        ),
      );
      const id = view.id;
      const r = rnd();
      if (r < 0.1) continue; // stays registered
      const mediator = pick(mediators);
      const delegation =
        rnd() < 0.5 ? { mediatorId: as(mediator).id } : rnd() < 0.5 ? { organizationId: mediator === 'm3' ? w.orgB : w.orgA } : {};
      await clock.runAt(step(2), () => actions.delegate(as('clerk1'), id, delegation, bulk));
      if (r < 0.2) continue; // waits in a queue
      if (r < 0.3) {
        // The queue's one-statement claim (or any other path without the hook): the trigger marks the case dirty.
        await t.db.query(
          `UPDATE cases SET status = 'in_mediation', assignee_id = $2, accepted_at = now(), mediation_ends_on = (now() AT TIME ZONE 'Asia/Shanghai')::date + 30 WHERE id = $1`,
          [id, as(mediator).id],
        );
        continue;
      }
      await clock.runAt(step(20), () => actions.claim(as(mediator), id, undefined, bulk));
      if (rnd() < 0.2) {
        await clock.runAt(step(5), () => actions.release(as(mediator), id, { reason: '回避' }, bulk));
        await clock.runAt(step(5), () => actions.claim(as(mediator), id, undefined, bulk));
      }
      if (r < 0.4) continue; // in mediation
      const days = Math.floor(rnd() * 45);
      if (r < 0.6) {
        await clock.runAt(step(days * 24), () =>
          actions.terminate(
            as(mediator),
            id,
            { reason: pick(['irreconcilable', 'applicant_withdrew', 'expired']), details: '终结。' } as never,
            bulk,
          ),
        );
        continue;
      }
      const signedAt = step(days * 24);
      await clock.runAt(signedAt, () =>
        actions.agree(as(mediator), id, { ...agreementBody(view), signedAt: signedAt.toISOString() } as never, bulk),
      );
      if (r < 0.75 || view.disputeType === 'divorce') continue; // divorce agreements cannot be confirmed (Art. 355)
      await clock.runAt(step(48), () => actions.applyForConfirmation(as('clerk1'), id, { jointApplication: true } as never, bulk));
      if (r < 0.85) continue;
      const rejected = rnd() < 0.3;
      await clock.runAt(step(72), () =>
        actions.decide(
          as('judge1'),
          id,
          rejected
            ? { result: 'rejected', grounds: ['unclear_content'], reasoning: '内容不明确' }
            : ({ result: 'confirmed', reasoning: '有效' } as never),
          bulk,
        ),
      );
    }
    // A mediator moves to the other organization: every case they handle changes group.
    await t.db.query('UPDATE users SET organization_id = $1 WHERE id = $2', [w.orgB, as('m2').id]);

    await t.app.get(StatsRefreshService).flush();
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM stats_dirty_cases');
    expect(n).toBe(0);
    const recount = asPlain(await recountRollups(t.db.manager, w.courtId));
    expect(asPlain(await storedRollups(t.db.manager, w.courtId))).toEqual(recount);
    expect(Object.keys(recount).length).toBeGreaterThan(100);

    // The SQL rebuild gives the very same rollups.
    await rebuildStats(t.db);
    expect(asPlain(await storedRollups(t.db.manager, w.courtId))).toEqual(recount);

    // And the summary equals a count straight from the cases table.
    const from = chinaDateOf(new Date(now - 420 * DAY));
    const to = chinaDateOf(new Date(now));
    const s = await summary(`?from=${from}&to=${to}`);
    const [direct] = await t.db.query(
      `SELECT count(*) FILTER (WHERE received_on BETWEEN $2 AND $3)::int AS received,
              count(*) FILTER (WHERE received_on BETWEEN $2 AND $3 AND status = 'in_mediation')::int AS "inMediation",
              count(*) FILTER (WHERE status = 'failed' AND (mediation_ended_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2 AND $3)::int AS failed,
              count(*) FILTER (WHERE status IN ('agreed','confirmation_pending','confirmed','confirmation_rejected')
                               AND (mediation_ended_at AT TIME ZONE 'Asia/Shanghai')::date BETWEEN $2 AND $3)::int AS agreed
         FROM cases WHERE court_id = $1`,
      [w.courtId, from, to],
    );
    expect({ received: s.received, inMediation: s.inMediation, failed: s.failed, agreed: s.agreed }).toEqual(direct);
  });
});

// Issue 17 item 5: performance of agreements in the statistics (summary, breakdown, export, bulletin).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { addCalendarDays } from '../../api/src/rules/calendar.js';
import { auth, createWorld, type World } from './support/factories.js';
import { agreedCase, appToday } from './support/followup.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;
let today: string;
let ahead: string;

const get = (path: string, token: string) => t.http.get(path).set(auth(token));
const binary = (r: { on: (e: string, f: (c?: Buffer) => void) => void }, cb: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  r.on('data', (c?: Buffer) => chunks.push(c!));
  r.on('end', () => cb(null, Buffer.concat(chunks)));
};

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
  today = appToday(t);
  ahead = addCalendarDays(today, 60);
  // m1 (天台镇): 600 due today, paid today (on time); 400 due in 40 days (pending).
  const a = await agreedCase(t, w, [
    { amount: '600.00', dueInDays: 0 },
    { amount: '400.00', dueInDays: 40 },
  ]);
  const paid = await t.http
    .post(`/api/cases/${a.id}/obligations/${a.obligations[0].id}/performance`)
    .set(auth(w.tokens.m1!))
    .send({ status: 'performed', evidenceNote: '转账凭证' });
  expect(paid.status).toBe(200);
  // m2 (医疗纠纷): 100 due today, recorded as defaulted; 50 due today, waived (not counted).
  const b = await agreedCase(
    t,
    w,
    [
      { amount: '100.00', dueInDays: 0 },
      { amount: '50.00', dueInDays: 0 },
    ],
    'm2',
  );
  for (const [o, status] of [
    [b.obligations[0], 'defaulted'],
    [b.obligations[1], 'waived'],
  ] as const)
    expect((await t.http.post(`/api/cases/${b.id}/obligations/${o.id}/performance`).set(auth(w.tokens.m2!)).send({ status })).status).toBe(
      200,
    );
});
afterAll(async () => {
  await t?.close();
});

describe('performance of agreements in the statistics', () => {
  it('summary: obligations due in the period, on-time and default rates, amounts due and paid', async () => {
    const now = (await get('/api/stats/summary', w.tokens.stats1!)).body;
    expect(now).toMatchObject({
      obligationsDue: 2,
      obligationsPerformedOnTime: 1,
      obligationsDefaulted: 1,
      performanceRate: 0.5,
      defaultRate: 0.5,
      amountDue: '700.00',
      amountPaid: '600.00',
    });
    const later = (await get(`/api/stats/summary?from=${today}&to=${ahead}`, w.tokens.judge1!)).body;
    expect(later).toMatchObject({
      obligationsDue: 3,
      obligationsPerformedOnTime: 1,
      obligationsDefaulted: 1,
      performanceRate: 0.3333,
      defaultRate: 0.3333,
      amountDue: '1100.00',
      amountPaid: '600.00',
    });
  });

  it('rates are null when nothing is due', async () => {
    const empty = (await get('/api/stats/summary?from=2020-01-01&to=2020-12-31', w.tokens.stats1!)).body;
    expect(empty).toMatchObject({ obligationsDue: 0, performanceRate: null, defaultRate: null, amountDue: '0.00', amountPaid: '0.00' });
  });

  it('breakdown per mediator, organization and month adds up to the totals', async () => {
    const q = `from=${today}&to=${ahead}`;
    const byMediator = (await get(`/api/stats/breakdown?by=mediator&${q}`, w.tokens.stats1!)).body;
    const row = (key: string) => byMediator.rows.find((r: { key: string | null }) => r.key === key);
    expect(row(w.users.m1!.id)).toMatchObject({
      obligationsDue: 2,
      performanceRate: 0.5,
      defaultRate: 0,
      amountDue: '1000.00',
      amountPaid: '600.00',
    });
    expect(row(w.users.m2!.id)).toMatchObject({
      obligationsDue: 1,
      performanceRate: 0,
      defaultRate: 1,
      amountDue: '100.00',
      amountPaid: '0.00',
    });
    expect(byMediator.totals).toMatchObject({ obligationsDue: 3, performanceRate: 0.3333 });

    const byOrg = (await get(`/api/stats/breakdown?by=organization&${q}`, w.tokens.stats1!)).body;
    const orgA = byOrg.rows.find((r: { key: string | null }) => r.key === w.orgA);
    expect(orgA).toMatchObject({ label: '天台镇人民调解委员会', obligationsDue: 2, obligationsPerformedOnTime: 1 });

    const byMonth = (await get(`/api/stats/breakdown?by=month&${q}`, w.tokens.stats1!)).body;
    const sum = byMonth.rows.reduce((s: number, r: { obligationsDue: number }) => s + r.obligationsDue, 0);
    expect(sum).toBe(3);
    expect(byMonth.rows.find((r: { key: string }) => r.key === today.slice(0, 7))).toMatchObject({
      obligationsDue: 2,
      performanceRate: 0.5,
    });
    const idle = byMonth.rows.find((r: { obligationsDue: number }) => r.obligationsDue === 0);
    if (idle) expect(idle).toMatchObject({ performanceRate: null, defaultRate: null });
  });

  it('the export carries the same figures', async () => {
    const csv = await get(`/api/stats/export?format=csv&by=mediator&from=${today}&to=${ahead}`, w.tokens.stats1!)
      .buffer(true)
      .parse(binary);
    expect(csv.status).toBe(200);
    const text = (csv.body as Buffer).toString('utf8');
    const [header, ...lines] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const columns = header!.split(',');
    for (const c of ['到期履行义务', '按期履行率', '违约率', '应履行金额（元）', '已履行金额（元）']) expect(columns).toContain(c);
    const total = lines.at(-1)!.split(',');
    expect(total[columns.indexOf('到期履行义务')]).toBe('3');
    expect(total[columns.indexOf('应履行金额（元）')]).toBe('1100.00');
  });

  it('the monthly bulletin prints them', async () => {
    const res = await get(`/api/stats/bulletin?month=${today.slice(0, 7)}`, w.tokens.stats1!)
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    const file = join(mkdtempSync(join(tmpdir(), 'sutiao-bulletin-')), 'b.pdf');
    writeFileSync(file, res.body as Buffer);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('按期履行率50.00%');
    expect(text).toContain('违约率50.00%');
    expect(text).toContain('应履行金额700.00元');
  });
});

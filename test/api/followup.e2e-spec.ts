import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReminderJob } from '../../api/src/followup/reminder-job.service.js';
import { WorkingCalendar } from '../../api/src/rules/calendar.js';
import { lastDayToPay, reminderDay } from '../../api/src/rules/obligations.js';
import { auth, createWorld, type World } from './support/factories.js';
import { agreedCase, appToday, moveTo, relogin } from './support/followup.js';
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
const perform = (caseId: string, obligationId: string, token: string, body: object) =>
  post(`/api/cases/${caseId}/obligations/${obligationId}/performance`, token, body);

describe('obligations of an agreement', () => {
  it('the agreement creates one obligation per term, shown on the case', async () => {
    const c = await agreedCase(t, w, [
      { amount: '600.00', dueInDays: 5 },
      { amount: '400.00', dueInDays: 40 },
    ]);
    expect(c.obligations).toHaveLength(2);
    expect(c.obligations[0]).toMatchObject({
      position: 1,
      amount: '600.00',
      status: 'due',
      paidAmount: '0.00',
      outstanding: '600.00',
      obligor: { name: '赤水市某超市有限公司', phone: '13900000001' },
      obligee: { name: '刘小富' },
      version: 1,
    });
  });

  it('records instalments: running total, outstanding, audit event, version', async () => {
    const c = await agreedCase(t, w, [{ amount: '1000.00', dueInDays: 5 }]);
    const o = c.obligations[0];
    const first = await perform(c.id, o.id, w.tokens.m1!, {
      status: 'partially_performed',
      paidAmount: '333.33',
      evidenceNote: '转账凭证 0001',
      version: 1,
    });
    expect(first.status).toBe(200);
    expect(first.body.obligation).toMatchObject({ status: 'partially_performed', paidAmount: '333.33', outstanding: '666.67', version: 2 });
    expect(first.body).toMatchObject({ totalAmount: '1000.00', totalPaid: '333.33', totalOutstanding: '666.67' });

    const stale = await perform(c.id, o.id, w.tokens.m1!, { status: 'performed', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('VERSION_CONFLICT');

    const tooMuch = await perform(c.id, o.id, w.tokens.clerk1!, { status: 'partially_performed', paidAmount: '666.68' });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.body.errors).toEqual({ paidAmount: 'exceeds_outstanding' });
    const floaty = await perform(c.id, o.id, w.tokens.clerk1!, { status: 'partially_performed', paidAmount: '1.005' });
    expect(floaty.status).toBe(400);

    const rest = await perform(c.id, o.id, w.tokens.clerk1!, { status: 'partially_performed', paidAmount: '666.67' });
    expect(rest.status).toBe(200);
    expect(rest.body.obligation).toMatchObject({ status: 'performed', paidAmount: '1000.00', outstanding: '0.00' });

    const again = await perform(c.id, o.id, w.tokens.clerk1!, { status: 'waived' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');

    const view = await get(`/api/cases/${c.id}`, w.tokens.m1!);
    expect(view.body.obligations[0]).toMatchObject({ status: 'performed', outstanding: '0.00' });
    const events = (await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!)).body as { type: string }[];
    expect(events.filter((e) => e.type === 'obligation.performance_recorded')).toHaveLength(2);
  });

  it('only the handling mediator or a clerk records; others get 403/404; nothing half-saved', async () => {
    const c = await agreedCase(t, w, [{ amount: '100.00', dueInDays: 5 }]);
    const o = c.obligations[0];
    expect((await perform(c.id, o.id, w.tokens.m2!, { status: 'performed' })).status).toBe(404);
    expect((await perform(c.id, o.id, w.tokens.judge1!, { status: 'performed' })).status).toBe(403);
    expect((await perform(c.id, '00000000-0000-4000-8000-000000000000', w.tokens.m1!, { status: 'performed' })).status).toBe(404);
    const bad = await perform(c.id, o.id, w.tokens.m1!, { status: 'due' });
    expect(bad.status).toBe(400);
    const future = await perform(c.id, o.id, w.tokens.m1!, { status: 'performed', paidOn: '2099-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual({ paidOn: 'in_future' });
    const view = await get(`/api/cases/${c.id}`, w.tokens.m1!);
    expect(view.body.obligations[0]).toMatchObject({ status: 'due', version: 1 });
  });
});

describe('follow-up desk', () => {
  it('lists due-soon obligations most urgent first, scoped to the mediator or the court', async () => {
    const mine = await agreedCase(t, w, [
      { amount: '10.00', dueInDays: 20 },
      { amount: '20.00', dueInDays: 2 },
    ]);
    const other = await agreedCase(t, w, [{ amount: '30.00', dueInDays: 3 }], 'm2');

    const week = await get('/api/followups?due=week', w.tokens.m1!);
    expect(week.status).toBe(200);
    const caseIds = week.body.items.map((i: { caseId: string }) => i.caseId);
    expect(caseIds).toContain(mine.id);
    expect(caseIds).not.toContain(other.id);
    const dues = week.body.items.map((i: { dueOn: string }) => i.dueOn);
    expect([...dues].sort()).toEqual(dues);
    const item = week.body.items.find((i: { caseId: string }) => i.caseId === mine.id);
    expect(item).toMatchObject({ amount: '20.00', obligor: { phone: '13900000001' }, caseNumber: mine.caseNumber, daysOverdue: -2 });

    const month = await get('/api/followups?due=month', w.tokens.m1!);
    expect(month.body.items.filter((i: { caseId: string }) => i.caseId === mine.id)).toHaveLength(2);

    const court = await get('/api/followups?due=week&pageSize=200', w.tokens.clerk1!);
    expect(court.body.items.map((i: { caseId: string }) => i.caseId)).toEqual(expect.arrayContaining([mine.id, other.id]));
    expect((await get('/api/followups?due=week', w.tokens.judge1!)).status).toBe(200);
    expect((await get('/api/followups?due=week', w.tokens.stats1!)).status).toBe(403);
    expect((await get('/api/followups?due=year', w.tokens.clerk1!)).status).toBe(400);

    const page = await get('/api/followups?due=month&page=1&pageSize=1', w.tokens.clerk1!);
    expect(page.body.items).toHaveLength(1);
    expect(page.body.total).toBeGreaterThan(1);
  });
});

describe('reminders and default', () => {
  it('reminds the obligor N working days before, once; defaults the day after; tells the obligee about enforcement', async () => {
    const c = await agreedCase(t, w, [{ amount: '500.00', dueInDays: 14 }]);
    const o = c.obligations[0];
    const job = t.app.get(ReminderJob);
    const cal = new WorkingCalendar();
    const count = async (purpose: string) =>
      (await t.db.query(`SELECT count(*)::int AS n FROM sms_outbox WHERE case_id = $1 AND purpose = $2`, [c.id, purpose]))[0].n as number;

    await job.runNow();
    expect(await count('obligation_reminder')).toBe(0);

    moveTo(t, reminderDay(o.dueOn, 3, cal));
    await job.runNow();
    await job.runNow();
    expect(await count('obligation_reminder')).toBe(1);
    const [sms] = await t.db.query(`SELECT phone, text FROM sms_outbox WHERE case_id = $1 AND purpose = 'obligation_reminder'`, [c.id]);
    expect(sms.phone).toBe('13900000001');
    expect(sms.text).toContain('500.00元');
    await relogin(t, w);
    const desk = await get('/api/followups?due=week', w.tokens.m1!);
    const item = desk.body.items.find((i: { id: string }) => i.id === o.id);
    expect(item.reminderSent).toBe(true);
    expect(item.remindedAt).not.toBeNull();

    moveTo(t, lastDayToPay(o.dueOn, cal));
    await job.runNow();
    expect((await t.db.query(`SELECT status FROM obligations WHERE id = $1`, [o.id]))[0].status).toBe('due');

    moveTo(t, appToday(t) === lastDayToPay(o.dueOn, cal) ? nextDay(appToday(t)) : appToday(t));
    const r = await job.runNow();
    expect(r.defaulted).toBeGreaterThanOrEqual(1);
    await job.runNow();
    expect((await t.db.query(`SELECT status, version FROM obligations WHERE id = $1`, [o.id]))[0]).toEqual({
      status: 'defaulted',
      version: 2,
    });
    expect(await count('obligation_default')).toBe(1);
    const [notice] = await t.db.query(`SELECT phone, text FROM sms_outbox WHERE case_id = $1 AND purpose = 'obligation_default'`, [c.id]);
    expect(notice.phone).toBe('13800000000');
    expect(notice.text).toContain('申请强制执行');
    expect(notice.text).toContain('第二百零六条');

    await relogin(t, w);
    const overdue = await get('/api/followups?due=overdue', w.tokens.m1!);
    expect(overdue.body.items.find((i: { id: string }) => i.id === o.id)).toMatchObject({ status: 'defaulted', outstanding: '500.00' });
    // A late payment is still recorded.
    const late = await perform(c.id, o.id, w.tokens.m1!, { status: 'performed' });
    expect(late.status).toBe(200);
    expect(late.body.obligation.status).toBe('performed');
    const events = (await get(`/api/cases/${c.id}/events`, w.tokens.clerk1!)).body as { type: string }[];
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['obligation.reminded', 'obligation.defaulted']));
  });
});

function nextDay(d: string): string {
  return new Date(Date.parse(d) + 24 * 3600 * 1000).toISOString().slice(0, 10);
}

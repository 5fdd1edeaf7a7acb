import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { ReminderJob } from '../../api/src/followup/reminder-job.service.js';
import { addCalendarDays, WorkingCalendar } from '../../api/src/rules/calendar.js';
import { lastDayToPay, reminderDay } from '../../api/src/rules/obligations.js';
import { createWorld, type World } from './support/factories.js';
import { agreedCase, appToday, moveTo } from './support/followup.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let a: TestApp;
let b: TestApp;
let w: World;

beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({ databaseUrl: a.databaseUrl });
  w = await createWorld(a, { mediators: 2 });
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

it('two app instances running the reminder job at once send each reminder and each default notice once', async () => {
  const cases = [];
  for (let i = 0; i < 4; i++)
    cases.push(
      await agreedCase(a, w, [
        { amount: '100.00', dueInDays: 10 },
        { amount: '200.00', dueInDays: 10 },
        { amount: '300.00', dueInDays: 10 },
      ]),
    );
  const dueOn = addCalendarDays(appToday(a), 10);
  const cal = new WorkingCalendar();
  const jobs = [a.app.get(ReminderJob), b.app.get(ReminderJob)];
  const count = async (purpose: string) =>
    (await a.db.query(`SELECT count(*)::int AS n FROM sms_outbox WHERE purpose = $1`, [purpose]))[0].n as number;

  for (const t of [a, b]) moveTo(t, reminderDay(dueOn, 3, cal));
  const runs = await Promise.all([...jobs, ...jobs].map((j) => j.runNow()));
  expect(runs.reduce((s, r) => s + r.reminded, 0)).toBe(12);
  expect(await count('obligation_reminder')).toBe(12);

  const after = addCalendarDays(lastDayToPay(dueOn, cal), 1);
  for (const t of [a, b]) moveTo(t, after);
  const defaults = await Promise.all([...jobs, ...jobs].map((j) => j.runNow()));
  expect(defaults.reduce((s, r) => s + r.defaulted, 0)).toBe(12);
  expect(await count('obligation_default')).toBe(12);
  expect((await a.db.query(`SELECT count(*)::int AS n FROM obligations WHERE status = 'defaulted'`))[0].n).toBe(12);
  const events = await a.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE type = 'obligation.defaulted'`);
  expect(events[0].n).toBe(12);
});

import { expect } from '@jest/globals';
import { Clock } from '../../../api/src/common/clock.js';
import { addCalendarDays, chinaToday } from '../../../api/src/rules/calendar.js';
import { auth, caseBody, login, type World } from './factories.js';
import type { TestApp } from './test-app.js';

export const DAY_MS = 24 * 3600 * 1000;

/** Today in China as the app instance's clock reads it. */
export const appToday = (t: TestApp) => chinaToday(t.app.get(Clock).now());

/** Moves the app's clock so that its China date is `date` (forward only). */
export function moveTo(t: TestApp, date: string): void {
  const clock = t.app.get(Clock);
  const today = chinaToday(clock.now());
  const days = (Date.parse(date) - Date.parse(today)) / DAY_MS;
  if (days < 0) throw new Error(`cannot move back from ${today} to ${date}`);
  clock.advance(days * DAY_MS);
}

/** Logs everyone in again (after the clock moved, tokens may have expired). */
export async function relogin(t: TestApp, w: World): Promise<void> {
  for (const u of Object.keys(w.tokens)) w.tokens[u] = await login(t, u);
}

/**
 * An agreed case handled by `mediator` whose respondent (mobile phone) owes the applicant each of
 * `amounts`, due `dueInDays` calendar days from today each.
 */
export async function agreedCase(t: TestApp, w: World, terms: { amount: string; dueInDays: number }[], mediator = 'm1') {
  const body = caseBody();
  (body.parties[1] as Record<string, unknown>).phone = '13900000001';
  const post = (path: string, token: string, b: object = {}) => t.http.post(path).set(auth(token)).send(b);
  const c = (await post('/api/cases', w.tokens.clerk1!, body)).body;
  expect((await post(`/api/cases/${c.id}/delegate`, w.tokens.clerk1!, { mediatorId: w.users[mediator]!.id })).status).toBe(200);
  const claimed = await post(`/api/cases/${c.id}/claim`, w.tokens[mediator]!);
  expect(claimed.status).toBe(200);
  const respondent = c.parties.find((p: { role: string }) => p.role === 'respondent').id;
  const applicant = c.parties.find((p: { role: string }) => p.role === 'applicant').id;
  const today = appToday(t);
  const agreed = await post(`/api/cases/${c.id}/agreement`, w.tokens[mediator]!, {
    content: '双方自愿达成协议，被申请人分期支付货款。',
    terms: terms.map((x) => ({
      obligorPartyId: respondent,
      obligeePartyId: applicant,
      amount: x.amount,
      dueOn: addCalendarDays(today, x.dueInDays),
      method: '银行转账',
    })),
    performancePlace: '赤水市',
    signedAt: t.app.get(Clock).now().toISOString(),
  });
  expect(agreed.status).toBe(200);
  return agreed.body;
}

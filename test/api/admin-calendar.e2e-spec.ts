// Issue 15 item 4: the court's working calendar. An administrator adds and removes a court's own
// holiday or make-up day; that court's running clocks move (and the answer says which), the
// deadline calculator follows, every change is in the administration trail, and another court's
// cases, calculator and list do not change.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auth, caseBody, createWorld, login, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;
let otherAdmin: string;
let otherClerk: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
  const [court] = await t.db.query(
    `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap) VALUES ('黔0302', '遵义市红花岗区人民法院', 'entrusted', false, 20) RETURNING id`,
  );
  await t.db.query(
    `INSERT INTO users (username, display_name, role, password_hash, court_id)
     SELECT x.u, x.u, x.r, password_hash, $1 FROM users, (VALUES ('admin2', 'admin'), ('clerk9', 'clerk')) AS x(u, r) WHERE username = 'admin'`,
    [court.id],
  );
  otherAdmin = await login(t, 'admin2');
  otherClerk = await login(t, 'clerk9');
});
afterAll(async () => {
  await t?.close();
});

const get = (path: string, token: string) => t.http.get(path).set(auth(token));
const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const del = (path: string, token: string) => t.http.delete(path).set(auth(token));
const PATH = '/api/admin/calendar/overrides';

async function delegatedCase(token: string): Promise<{ id: string; acceptBy: string; caseNumber: string }> {
  const created = await post('/api/cases', token, caseBody());
  expect(created.status).toBe(201);
  const delegated = await post(`/api/cases/${created.body.id}/delegate`, token);
  expect(delegated.status).toBe(200);
  return { id: created.body.id, acceptBy: delegated.body.deadlines.acceptBy, caseNumber: created.body.caseNumber };
}

describe('the court’s working calendar', () => {
  it('adding a holiday moves this court’s running deadlines only, and says which; removing it moves them back', async () => {
    const mine = await delegatedCase(w.tokens.clerk1!);
    const theirs = await delegatedCase(otherClerk);
    expect(theirs.acceptBy).toBe(mine.acceptBy);

    const added = await post(PATH, w.tokens.admin!, { date: mine.acceptBy, kind: 'rest', note: '地方节日' });
    expect(added.status).toBe(201);
    const moved = added.body.movedDeadlines.find((d: { caseId: string }) => d.caseId === mine.id);
    expect(moved).toMatchObject({ caseNumber: mine.caseNumber, clock: 'acceptBy', from: mine.acceptBy });
    expect(moved.to > mine.acceptBy).toBe(true);
    expect(added.body.movedDeadlines.some((d: { caseId: string }) => d.caseId === theirs.id)).toBe(false);
    expect(added.body.recomputedCases).toBeGreaterThanOrEqual(1);

    expect((await get(`/api/cases/${mine.id}`, w.tokens.clerk1!)).body.deadlines.acceptBy).toBe(moved.to);
    expect((await get(`/api/cases/${theirs.id}`, otherClerk)).body.deadlines.acceptBy).toBe(theirs.acceptBy);

    // The calculator counts on the caller's court's calendar.
    const before = new Date(Date.parse(`${mine.acceptBy}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
    const calc = `/api/calendar/deadline?start=${before}&length=1&unit=days`;
    const here = (await get(calc, w.tokens.clerk1!)).body;
    expect(here.rolledOver).toBe(true);
    expect(here.endsOn > mine.acceptBy).toBe(true);
    expect((await get(calc, otherClerk)).body).toMatchObject({ endsOn: mine.acceptBy, rolledOver: false });

    const year = Number(mine.acceptBy.slice(0, 4));
    const listed = await get(`${PATH}?year=${year}`, w.tokens.admin!);
    expect(listed.status).toBe(200);
    expect(listed.body).toContainEqual(expect.objectContaining({ date: mine.acceptBy, kind: 'rest', note: '地方节日', scope: 'court' }));
    expect((await get(`${PATH}?year=${year}`, otherAdmin)).body).not.toContainEqual(expect.objectContaining({ date: mine.acceptBy }));
    expect((await get(`${PATH}?year=${year - 1}`, w.tokens.admin!)).body).not.toContainEqual(
      expect.objectContaining({ date: mine.acceptBy }),
    );

    // Another court's admin cannot remove it: for them the day has no override.
    expect((await del(`${PATH}/${mine.acceptBy}`, otherAdmin)).status).toBe(404);

    const removed = await del(`${PATH}/${mine.acceptBy}`, w.tokens.admin!);
    expect(removed.status).toBe(200);
    expect(removed.body.movedDeadlines).toContainEqual(
      expect.objectContaining({ caseId: mine.id, clock: 'acceptBy', from: moved.to, to: mine.acceptBy }),
    );
    expect((await get(`/api/cases/${mine.id}`, w.tokens.clerk1!)).body.deadlines.acceptBy).toBe(mine.acceptBy);

    const trail = await get('/api/admin/activity?type=calendar.', w.tokens.admin!);
    expect(trail.body.items.map((e: { type: string }) => e.type)).toEqual(['calendar.override_removed', 'calendar.override_set']);
    expect(trail.body.items[0].data).toMatchObject({ date: mine.acceptBy, kind: null, from: { kind: 'rest', note: '地方节日' } });
    expect((await get('/api/admin/activity?type=calendar.', otherAdmin)).body.items).toEqual([]);
  });

  it('refuses a second override of the same day, bad input and other roles, writing nothing', async () => {
    const date = '2027-03-15';
    expect((await post(PATH, w.tokens.admin!, { date, kind: 'work' })).status).toBe(201);
    const again = await post(PATH, w.tokens.admin!, { date, kind: 'rest' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('DUPLICATE');

    for (const [body, field] of [
      [{ date: '2027-02-30', kind: 'rest' }, 'date'],
      [{ date: '2027-02-01\u0000', kind: 'rest' }, 'date'],
      [{ date: '1999-01-01', kind: 'rest' }, 'date'],
      [{ date: '2099-01-01', kind: 'rest' }, 'date'],
      [{ date: '2027-02-01', kind: 'none' }, 'kind'],
      [{ date: '2027-02-01', kind: 'rest', note: '   ' }, 'note'],
      [{ date: '2027-02-01', kind: 'rest', note: 'x'.repeat(201) }, 'note'],
    ] as const) {
      const res = await post(PATH, w.tokens.admin!, body);
      expect({ status: res.status, field: Object.keys(res.body.errors ?? {}).includes(field) }).toEqual({ status: 400, field: true });
    }
    expect((await get(`${PATH}?year=abc`, w.tokens.admin!)).status).toBe(400);
    expect((await del(`${PATH}/not-a-date`, w.tokens.admin!)).status).toBe(400);
    expect((await del(`${PATH}/2027-02-01`, w.tokens.admin!)).status).toBe(404);
    expect((await post(PATH, w.tokens.clerk1!, { date: '2027-02-01', kind: 'rest' })).status).toBe(403);
    expect((await get(PATH, w.tokens.m1!)).status).toBe(403);

    const rows = await t.db.query(`SELECT to_char(date, 'YYYY-MM-DD') AS date, kind FROM court_calendar_overrides WHERE court_id = $1`, [
      w.courtId,
    ]);
    expect(rows).toEqual([{ date, kind: 'work' }]);
    expect((await del(`${PATH}/${date}`, w.tokens.admin!)).status).toBe(200);
  });

  it('two admins adding the same day at once: one wins, the other is told so', async () => {
    const date = '2027-04-12';
    const answers = await Promise.all([0, 1, 2, 3].map(() => post(PATH, w.tokens.admin!, { date, kind: 'rest' })));
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409, 409, 409]);
    expect((await del(`${PATH}/${date}`, w.tokens.admin!)).status).toBe(200);
  });
});

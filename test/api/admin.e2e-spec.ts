// Court administration (issue 15 items 1, 5, 6): accounts with one-time passwords, deactivation ending
// sessions, court settings validated and audited with old and new values, the administration trail,
// and two courts kept apart.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PASSWORD, auth, caseBody, createWorld, login, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;
let otherAdmin: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
  // A second court with its own administrator (same demo password hash as the world's accounts).
  const [court] = await t.db.query(
    `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap) VALUES ('黔0302', '遵义市红花岗区人民法院', 'entrusted', false, 20) RETURNING id`,
  );
  await t.db.query(
    `INSERT INTO users (username, display_name, role, password_hash, court_id) SELECT 'admin2', '二院管理员', 'admin', password_hash, $1 FROM users WHERE username = 'admin'`,
    [court.id],
  );
  otherAdmin = await login(t, 'admin2');
});
afterAll(async () => {
  await t?.close();
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const patch = (path: string, token: string, body: object = {}) => t.http.patch(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token));
const loginAs = (username: string, password: string) => t.http.post('/api/auth/login').send({ username, password });

describe('accounts', () => {
  it('creates a clerk with a one-time password that must be changed first', async () => {
    const res = await post('/api/admin/users', w.tokens.admin!, { username: 'Clerk9', displayName: ' 王书记员 ', role: 'clerk' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      username: 'clerk9',
      displayName: '王书记员',
      role: 'clerk',
      active: true,
      mustChangePassword: true,
    });
    const initial = res.body.initialPassword as string;
    expect(initial.length).toBeGreaterThanOrEqual(10);

    const first = await loginAs('clerk9', initial);
    expect(first.status).toBe(200);
    expect(first.body.mustChangePassword).toBe(true);
    const blocked = await get('/api/cases', first.body.accessToken);
    expect({ status: blocked.status, code: blocked.body.code }).toEqual({ status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
    expect(
      (await post('/api/auth/password', first.body.accessToken, { currentPassword: initial, newPassword: 'clerk9-own-password' })).status,
    ).toBe(204);
    const second = await loginAs('clerk9', 'clerk9-own-password');
    expect(second.body.mustChangePassword).toBe(false);
    expect((await get('/api/cases', second.body.accessToken)).status).toBe(200);
  });

  it('refuses a duplicate username (409) and bad input (400, field named), writing nothing', async () => {
    const dup = await post('/api/admin/users', w.tokens.admin!, { username: 'clerk1', displayName: '重复', role: 'clerk' });
    expect({ status: dup.status, code: dup.body.code, errors: dup.body.errors }).toEqual({
      status: 409,
      code: 'DUPLICATE',
      errors: { username: 'taken' },
    });
    const orgId = (await t.db.query(`SELECT organization_id AS id FROM users WHERE username = 'm1'`))[0].id;
    const cases: [object, string][] = [
      [{ username: 'm99', displayName: '调解员', role: 'mediator' }, 'organizationId'],
      [{ username: 'c99', displayName: '书记员', role: 'clerk', organizationId: orgId }, 'organizationId'],
      [{ username: '9bad', displayName: 'x', role: 'clerk' }, 'username'],
      [{ username: 'okname', displayName: 'x', role: 'king' }, 'role'],
      [{ username: 'okname', displayName: 'a\u0000b', role: 'clerk' }, 'displayName'],
      [
        { username: 'm98', displayName: '调解员', role: 'mediator', organizationId: '00000000-0000-4000-8000-000000000000' },
        'organizationId',
      ],
    ];
    for (const [body, field] of cases) {
      const res = await post('/api/admin/users', w.tokens.admin!, body);
      expect({ status: res.status, field: Object.keys(res.body.errors ?? {}).includes(field) }).toEqual({ status: 400, field: true });
    }
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE username IN ('m99','c99','okname','m98')`);
    expect(n).toBe(0);
  });

  it('lists and filters the court’s users only', async () => {
    const mediators = await get('/api/admin/users?role=mediator', w.tokens.admin!);
    expect(mediators.status).toBe(200);
    expect(mediators.body.items.map((u: { username: string }) => u.username).sort()).toEqual(['m1', 'm2']);
    const q = await get('/api/admin/users?q=clerk', w.tokens.admin!);
    expect(q.body.items.every((u: { username: string }) => u.username.includes('clerk'))).toBe(true);
    const other = await get('/api/admin/users', otherAdmin);
    expect(other.body.items.map((u: { username: string }) => u.username)).toEqual(['admin2']);
    expect((await get('/api/admin/users?active=maybe', w.tokens.admin!)).status).toBe(400);
    expect((await get('/api/admin/users', w.tokens.clerk1!)).status).toBe(403);
  });

  it('deactivation ends the user’s sessions and sign-ins; reactivation restores sign-in', async () => {
    const token = await login(t, 'judge1');
    const id = (await t.db.query(`SELECT id FROM users WHERE username = 'judge1'`))[0].id;
    const off = await post(`/api/admin/users/${id}/deactivate`, w.tokens.admin!);
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await get('/api/auth/me', token)).status).toBe(401);
    expect((await loginAs('judge1', PASSWORD)).status).toBe(401);
    expect((await post(`/api/admin/users/${id}/deactivate`, w.tokens.admin!)).status).toBe(409);
    expect((await post(`/api/admin/users/${id}/reactivate`, w.tokens.admin!)).status).toBe(200);
    expect((await loginAs('judge1', PASSWORD)).status).toBe(200);
    // An administrator cannot lock themselves out; another court's administrator cannot touch this user.
    const self = (await t.db.query(`SELECT id FROM users WHERE username = 'admin'`))[0].id;
    expect((await post(`/api/admin/users/${self}/deactivate`, w.tokens.admin!)).status).toBe(409);
    expect((await post(`/api/admin/users/${id}/deactivate`, otherAdmin)).status).toBe(404);
    expect((await post(`/api/admin/users/${id}/reset-password`, otherAdmin)).status).toBe(404);
  });

  it('resets a password: the old sessions end, the new one-time password must be changed', async () => {
    const token = await login(t, 'stats1');
    const id = (await t.db.query(`SELECT id FROM users WHERE username = 'stats1'`))[0].id;
    const res = await post(`/api/admin/users/${id}/reset-password`, w.tokens.admin!);
    expect(res.status).toBe(200);
    expect(res.body.user.mustChangePassword).toBe(true);
    expect((await get('/api/auth/me', token)).status).toBe(401);
    expect((await loginAs('stats1', PASSWORD)).status).toBe(401);
    const fresh = await loginAs('stats1', res.body.initialPassword);
    expect(fresh.body.mustChangePassword).toBe(true);
  });

  it('moves a mediator to another organization; their open cases stay theirs', async () => {
    const m1 = (await t.db.query(`SELECT id, organization_id AS org FROM users WHERE username = 'm1'`))[0];
    const m2org = (await t.db.query(`SELECT organization_id AS org FROM users WHERE username = 'm2'`))[0].org;
    const res = await patch(`/api/admin/users/${m1.id}`, w.tokens.admin!, { organizationId: m2org, expertise: ['loan_private'] });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organizationId: m2org, expertise: ['loan_private'] });
    expect((await patch(`/api/admin/users/${m1.id}`, w.tokens.admin!, { expertise: ['no_such_type'] })).status).toBe(400);
    const judge = (await t.db.query(`SELECT id FROM users WHERE username = 'judge1'`))[0].id;
    expect((await patch(`/api/admin/users/${judge}`, w.tokens.admin!, { organizationId: m2org })).status).toBe(400);
  });
  it('moves a mediator and, when the admin chooses, returns their cases in mediation to the queues', async () => {
    const m2 = (await t.db.query(`SELECT id, organization_id AS org FROM users WHERE username = 'm2'`))[0];
    const target = m2.org === w.orgA ? w.orgB : w.orgA;
    const taken: string[] = [];
    for (const delegation of [{ organizationId: m2.org }, { mediatorId: m2.id }]) {
      const created = await post('/api/cases', w.tokens.clerk1!, caseBody());
      expect((await post(`/api/cases/${created.body.id}/delegate`, w.tokens.clerk1!, delegation)).status).toBe(200);
      expect((await post(`/api/cases/${created.body.id}/claim`, w.tokens.m2!)).status).toBe(200);
      taken.push(created.body.id);
    }
    const without = await patch(`/api/admin/users/${m2.id}`, w.tokens.admin!, { displayName: '调解员二', releaseOpenCases: true });
    expect({ status: without.status, errors: without.body.errors }).toEqual({
      status: 400,
      errors: { releaseOpenCases: 'not_applicable' },
    });
    expect((await t.db.query(`SELECT display_name AS n FROM users WHERE id = $1`, [m2.id]))[0].n).not.toBe('调解员二');

    const res = await patch(`/api/admin/users/${m2.id}`, w.tokens.admin!, { organizationId: target, releaseOpenCases: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organizationId: target, openCases: 0 });
    const rows = await t.db.query(
      `SELECT id, status, assignee_id AS "assigneeId", queue_scope AS scope, delegated_organization_id AS org FROM cases WHERE id = ANY($1) ORDER BY array_position($1, id)`,
      [taken],
    );
    // The organization's case goes back to the committee it was delegated to; the named one to the court-wide queue.
    expect(rows).toEqual([
      { id: taken[0], status: 'delegated', assigneeId: null, scope: 'organization', org: m2.org },
      { id: taken[1], status: 'delegated', assigneeId: null, scope: 'court', org: null },
    ]);
    const trail = await get('/api/admin/activity?type=user.updated', w.tokens.admin!);
    expect(trail.body.items[0].data).toMatchObject({ userId: m2.id, openCasesKept: 0, releasedCaseIds: taken });
  });
});

describe('settings and the administration trail', () => {
  it('reads and validates the court settings, auditing old and new values', async () => {
    const before = await get('/api/admin/settings', w.tokens.admin!);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ code: '黔0381', defaultTrack: 'pre_litigation', allowPreLitigation: true, workloadCap: 20 });

    const bad: [object, string][] = [
      [{ workloadCap: 0 }, 'workloadCap'],
      [{ savingsBasis: 'some' }, 'savingsBasis'],
      [{ allowPreLitigation: false }, 'defaultTrack'], // the default would be a track the court no longer keeps
      [{ documentFooterUrl: 'javascript:alert(1)' }, 'documentFooterUrl'],
      [{ code: 'X' }, 'code'],
    ];
    for (const [body, field] of bad) {
      const res = await patch('/api/admin/settings', w.tokens.admin!, body);
      expect({ status: res.status, field: Object.keys(res.body.errors ?? {}).includes(field) }).toEqual({ status: 400, field: true });
    }
    expect((await patch('/api/admin/settings', w.tokens.admin!, { code: '黔0302' })).status).toBe(409);

    const ok = await patch('/api/admin/settings', w.tokens.admin!, { defaultTrack: 'entrusted', workloadCap: 25, feeRounding: 'yuan' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ defaultTrack: 'entrusted', allowPreLitigation: true, workloadCap: 25, feeRounding: 'yuan' });
    expect((await get('/api/admin/settings', w.tokens.admin!)).body.workloadCap).toBe(25);
    // The other court's settings did not move.
    expect((await get('/api/admin/settings', otherAdmin)).body).toMatchObject({ code: '黔0302', workloadCap: 20, feeRounding: 'fen' });

    const trail = await get('/api/admin/activity?type=settings.changed', w.tokens.admin!);
    expect(trail.status).toBe(200);
    expect(trail.body.items[0]).toMatchObject({
      type: 'settings.changed',
      actor: { username: 'admin', role: 'admin' },
      data: { changes: { workloadCap: { from: 20, to: 25 }, defaultTrack: { from: 'pre_litigation', to: 'entrusted' } } },
    });
    const users = await get('/api/admin/activity?type=user.', w.tokens.admin!);
    const types = users.body.items.map((e: { type: string }) => e.type);
    expect(types).toEqual(
      expect.arrayContaining(['user.created', 'user.deactivated', 'user.reactivated', 'user.password_reset', 'user.updated']),
    );
    expect((await get('/api/admin/activity', otherAdmin)).body.total).toBe(0);
    expect((await get('/api/admin/activity?from=2026-13-01', w.tokens.admin!)).status).toBe(400);
    expect((await get('/api/admin/settings', w.tokens.clerk1!)).status).toBe(403);
  });
});

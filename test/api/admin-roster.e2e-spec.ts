// The mediator roster (issue 15 item 2): organizations listed, added and edited (409 on a name the
// court has, 400 naming the field), each mediator's roster facts, and suspended or removed
// mediators dropping out of the queue, claims, delegation by name and recommendation while their
// cases stay theirs. Every change is on the administration trail; two courts kept apart.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { auth, caseBody, createWorld, login, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;
let otherAdmin: string;
let otherOrg: string;
let otherMediator: string;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 3 });
  const [court] = await t.db.query(
    `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap) VALUES ('黔0302', '遵义市红花岗区人民法院', 'entrusted', false, 20) RETURNING id`,
  );
  await t.db.query(
    `INSERT INTO users (username, display_name, role, password_hash, court_id) SELECT 'admin2', '二院管理员', 'admin', password_hash, $1 FROM users WHERE username = 'admin'`,
    [court.id],
  );
  const [org] = await t.db.query(
    `INSERT INTO organizations (court_id, name, kind, region) VALUES ($1, '红花岗区人民调解委员会', 'township', '红花岗区') RETURNING id`,
    [court.id],
  );
  otherOrg = org.id;
  const [med] = await t.db.query(
    `INSERT INTO users (username, display_name, role, password_hash, court_id, organization_id) SELECT 'zy1', '遵义调解员', 'mediator', password_hash, $1, $2 FROM users WHERE username = 'admin' RETURNING id`,
    [court.id, org.id],
  );
  otherMediator = med.id;
  otherAdmin = await login(t, 'admin2');
});
afterAll(async () => {
  await t?.close();
});

const post = (path: string, token: string, body: object = {}) => t.http.post(path).set(auth(token)).send(body);
const patch = (path: string, token: string, body: object = {}) => t.http.patch(path).set(auth(token)).send(body);
const get = (path: string, token: string) => t.http.get(path).set(auth(token));

async function delegatedCase(delegation: object = {}) {
  const created = await post('/api/cases', w.tokens.clerk1!, caseBody());
  expect(created.status).toBe(201);
  return post(`/api/cases/${created.body.id}/delegate`, w.tokens.clerk1!, delegation);
}

describe('organizations', () => {
  let created: string;

  it('lists the court’s organizations with their mediators counted', async () => {
    const res = await get('/api/admin/organizations', w.tokens.admin!);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    const a = res.body.items.find((o: { id: string }) => o.id === w.orgA);
    expect(a).toMatchObject({
      name: '天台镇人民调解委员会',
      kind: 'township',
      region: '天台镇',
      contact: null,
      mediatorCount: 2,
      activeMediatorCount: 2,
    });
    expect((await get('/api/admin/organizations?q=医疗', w.tokens.admin!)).body.items.map((o: { id: string }) => o.id)).toEqual([w.orgB]);
    expect((await get('/api/admin/organizations?kind=nonsense', w.tokens.admin!)).body.errors).toEqual({ kind: 'invalid_value' });
  });

  it('adds one (audited), refuses a name the court has (409) and names the bad field (400)', async () => {
    const res = await post('/api/admin/organizations', w.tokens.admin!, {
      name: ' 丙安镇人民调解委员会 ',
      kind: 'township',
      region: '丙安镇',
      contact: '李主任 0851-22881234',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '丙安镇人民调解委员会', contact: '李主任 0851-22881234', mediatorCount: 0 });
    created = res.body.id;

    const dup = await post('/api/admin/organizations', w.tokens.admin!, {
      name: '丙安镇人民调解委员会',
      kind: 'industry',
      region: '赤水市',
    });
    expect({ status: dup.status, code: dup.body.code, errors: dup.body.errors }).toEqual({
      status: 409,
      code: 'DUPLICATE',
      errors: { name: 'taken' },
    });
    const bad = await post('/api/admin/organizations', w.tokens.admin!, { name: '某委员会', kind: 'club', region: '赤水市' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.errors)).toEqual(['kind']);
    const blank = await post('/api/admin/organizations', w.tokens.admin!, { name: '   ', kind: 'township', region: '赤水市' });
    expect({ status: blank.status, errors: blank.body.errors }).toEqual({ status: 400, errors: { name: 'required' } });
    // The same name in another court is that court's business.
    expect(
      (await post('/api/admin/organizations', otherAdmin, { name: '丙安镇人民调解委员会', kind: 'township', region: '丙安镇' })).status,
    ).toBe(201);

    const trail = await get('/api/admin/activity?type=organization.', w.tokens.admin!);
    expect(trail.body.items[0]).toMatchObject({
      type: 'organization.created',
      data: { organizationId: created, name: '丙安镇人民调解委员会' },
    });
  });

  it('edits one, with old and new values on the trail; a rename onto another name is 409', async () => {
    const res = await patch(`/api/admin/organizations/${created}`, w.tokens.admin!, { region: '丙安镇（古镇）', contact: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ region: '丙安镇（古镇）', contact: null });
    const trail = await get('/api/admin/activity?type=organization.updated', w.tokens.admin!);
    expect(trail.body.items[0].data.changes).toEqual({
      region: { from: '丙安镇', to: '丙安镇（古镇）' },
      contact: { from: '李主任 0851-22881234', to: null },
    });
    const clash = await patch(`/api/admin/organizations/${created}`, w.tokens.admin!, { name: '天台镇人民调解委员会' });
    expect({ status: clash.status, code: clash.body.code }).toEqual({ status: 409, code: 'DUPLICATE' });
    expect((await patch(`/api/admin/organizations/${created}`, w.tokens.admin!, { kind: 7 })).body.errors).toEqual({
      kind: 'invalid_value',
    });
  });

  it('keeps courts apart: another court’s organization is 404, and only admins come in', async () => {
    expect((await patch(`/api/admin/organizations/${otherOrg}`, w.tokens.admin!, { region: 'x' })).status).toBe(404);
    const theirs = await get('/api/admin/organizations', otherAdmin);
    expect(theirs.body.items.map((o: { name: string }) => o.name).sort()).toEqual(['丙安镇人民调解委员会', '红花岗区人民调解委员会']);
    expect((await get('/api/admin/organizations', w.tokens.clerk1!)).status).toBe(403);
    expect((await post('/api/admin/organizations', w.tokens.m1!, { name: 'x', kind: 'township', region: 'y' })).status).toBe(403);
  });
});

describe('mediators on the roster', () => {
  it('lists mediators with their roster facts, filterable', async () => {
    const res = await get(`/api/admin/mediators?organizationId=${w.orgA}`, w.tokens.admin!);
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items[0]).toMatchObject({
      username: 'm1',
      organizationName: '天台镇人民调解委员会',
      status: 'active',
      statusReason: null,
      admissionDate: null,
      languages: [],
      assessments: [],
      specialities: ['sale_contract'],
      openCases: 0,
    });
    expect((await get('/api/admin/mediators?q=m3', w.tokens.admin!)).body.items.map((m: { username: string }) => m.username)).toEqual([
      'm3',
    ]);
    expect((await get('/api/admin/mediators?status=retired', w.tokens.admin!)).body.errors).toEqual({ status: 'invalid_value' });
  });

  it('records admission, specialities, languages and annual assessments (audited)', async () => {
    const res = await patch(`/api/admin/mediators/${w.users.m2!.id}/roster`, w.tokens.admin!, {
      admissionDate: '2024-03-01',
      specialities: ['traffic_accident', 'medical_damage'],
      languages: ['普通话', '赤水方言'],
      phone: '138 0000 0000',
      assessments: [
        { year: 2025, note: '考核合格' },
        { year: 2024, note: '考核优秀' },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      admissionDate: '2024-03-01',
      specialities: ['traffic_accident', 'medical_damage'],
      languages: ['普通话', '赤水方言'],
      phone: '13800000000',
      assessments: [
        { year: 2024, note: '考核优秀' },
        { year: 2025, note: '考核合格' },
      ],
    });
    const trail = await get('/api/admin/activity?type=roster.updated', w.tokens.admin!);
    expect(trail.body.items[0].data).toMatchObject({ username: 'm2', changes: { admissionDate: { from: null, to: '2024-03-01' } } });
  });

  it('refuses bad roster facts naming the field, writing nothing', async () => {
    const id = w.users.m2!.id;
    const cases: [object, string][] = [
      [{ admissionDate: '2024-02-30' }, 'admissionDate'],
      [{ admissionDate: '1.3.2024' }, 'admissionDate'],
      [{ specialities: ['astrology'] }, 'specialities'],
      [{ phone: '12345' }, 'phone'],
      [{ status: 'retired' }, 'status'],
      [{ status: 'removed' }, 'statusReason'],
      [{ assessments: [{ year: 1999, note: 'x' }] }, 'assessments.0.year'],
      [
        {
          assessments: [
            { year: 2024, note: 'a' },
            { year: 2024, note: 'b' },
          ],
        },
        'assessments',
      ],
      [{ languages: ['x'.repeat(31)] }, 'languages'],
    ];
    for (const [body, field] of cases) {
      const res = await patch(`/api/admin/mediators/${id}/roster`, w.tokens.admin!, body);
      expect({ body, status: res.status, fields: Object.keys(res.body.errors ?? {}) }).toEqual({ body, status: 400, fields: [field] });
    }
    expect((await get(`/api/admin/mediators?q=m2`, w.tokens.admin!)).body.items[0].admissionDate).toBe('2024-03-01');
  });

  it('a suspended mediator keeps their case but cannot claim, be delegated to or be recommended', async () => {
    const m1 = w.users.m1!.id;
    const held = await delegatedCase({ mediatorId: m1 });
    expect((await post(`/api/cases/${held.body.id}/claim`, w.tokens.m1!)).status).toBe(200);
    const waiting = await delegatedCase({ organizationId: w.orgA });
    expect(waiting.status).toBe(200);

    const res = await patch(`/api/admin/mediators/${m1}/roster`, w.tokens.admin!, {
      status: 'suspended',
      statusReason: '年度考核不合格，暂停一年',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'suspended', statusReason: '年度考核不合格，暂停一年', openCases: 1 });

    const queue = await get('/api/queue', w.tokens.m1!);
    expect(queue.status).toBe(200);
    expect(queue.body.total).toBe(0);
    const next = await post('/api/queue/next', w.tokens.m1!);
    expect({ status: next.status, code: next.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
    const claim = await post(`/api/cases/${waiting.body.id}/claim`, w.tokens.m1!);
    expect(claim.status).toBe(403);
    const named = await delegatedCase({ mediatorId: m1 });
    expect({ status: named.status, errors: named.body.errors }).toEqual({ status: 400, errors: { mediatorId: 'not_on_roster' } });
    const recommended = await get('/api/mediators?disputeType=sale_contract', w.tokens.clerk1!);
    expect(recommended.body.items.map((m: { id: string }) => m.id)).not.toContain(m1);
    // Their case and its history stay theirs.
    const kept = await get(`/api/cases/${held.body.id}`, w.tokens.m1!);
    expect(kept.status).toBe(200);
    expect(kept.body.status).toBe('in_mediation');
    // A colleague still takes the waiting case.
    expect((await post('/api/queue/next', w.tokens.m2!)).status).toBe(200);

    expect((await get('/api/admin/mediators?status=suspended', w.tokens.admin!)).body.items.map((m: { id: string }) => m.id)).toEqual([m1]);
    const trail = await get('/api/admin/activity?type=roster.suspended', w.tokens.admin!);
    expect(trail.body.items[0].data).toMatchObject({
      userId: m1,
      openCasesKept: 1,
      changes: { status: { from: 'active', to: 'suspended' } },
    });
  });

  it('returns a suspended mediator’s cases to the queue when the admin chooses, in one transaction with the roster', async () => {
    const m1 = w.users.m1!.id;
    const bad = await patch(`/api/admin/mediators/${m1}/roster`, w.tokens.admin!, { releaseOpenCases: 'yes' });
    expect({ status: bad.status, errors: bad.body.errors }).toEqual({ status: 400, errors: { releaseOpenCases: 'not_boolean' } });
    const active = await patch(`/api/admin/mediators/${w.users.m2!.id}/roster`, w.tokens.admin!, { releaseOpenCases: true });
    expect({ status: active.status, errors: active.body.errors }).toEqual({ status: 400, errors: { releaseOpenCases: 'not_applicable' } });

    const [held] = await t.db.query(`SELECT id, version FROM cases WHERE assignee_id = $1 AND status = 'in_mediation'`, [m1]);
    const res = await patch(`/api/admin/mediators/${m1}/roster`, w.tokens.admin!, { releaseOpenCases: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'suspended', openCases: 0 });
    // Delegated to m1 by name, so it goes to the court-wide queue; a colleague takes it from there.
    const [after] = await t.db.query(
      `SELECT status, assignee_id AS "assigneeId", queue_scope AS scope, delegated_mediator_id AS named, version FROM cases WHERE id = $1`,
      [held.id],
    );
    expect(after).toEqual({ status: 'delegated', assigneeId: null, scope: 'court', named: null, version: held.version + 1 });
    const history = await get(`/api/cases/${held.id}/events`, w.tokens.clerk1!);
    expect(history.body.at(-1)).toMatchObject({
      type: 'case.released',
      actor: { username: 'admin' },
      data: { from: 'in_mediation', to: 'delegated', byAdministrator: true, requeuedTo: 'court', previousAssigneeId: m1 },
    });
    const trail = await get('/api/admin/activity?type=roster.cases_released', w.tokens.admin!);
    expect(trail.body.items[0].data).toMatchObject({ userId: m1, openCasesKept: 0, releasedCaseIds: [held.id] });
    expect((await post(`/api/cases/${held.id}/claim`, w.tokens.m2!)).status).toBe(200);
    // Nothing to return any more: no change, nothing on the trail.
    expect((await patch(`/api/admin/mediators/${m1}/roster`, w.tokens.admin!, { releaseOpenCases: true })).body.openCases).toBe(0);
    expect((await get('/api/admin/activity?type=roster.cases_released', w.tokens.admin!)).body.total).toBe(1);
  });

  it('removal needs a reason; reinstatement restores eligibility', async () => {
    const m3 = w.users.m3!.id;
    const removed = await patch(`/api/admin/mediators/${m3}/roster`, w.tokens.admin!, { status: 'removed', statusReason: '本人申请退出' });
    expect(removed.body).toMatchObject({ status: 'removed', statusReason: '本人申请退出' });
    expect((await get('/api/admin/organizations', w.tokens.admin!)).body.items.find((o: { id: string }) => o.id === w.orgB)).toMatchObject({
      mediatorCount: 1,
      activeMediatorCount: 0,
    });
    expect((await post('/api/queue/next', w.tokens.m3!)).status).toBe(403);

    const back = await patch(`/api/admin/mediators/${w.users.m1!.id}/roster`, w.tokens.admin!, { status: 'active' });
    expect(back.body).toMatchObject({ status: 'active', statusReason: null });
    const c = await delegatedCase({ mediatorId: w.users.m1!.id });
    expect(c.status).toBe(200);
    expect((await post('/api/queue/next', w.tokens.m1!)).status).toBe(200);
    expect((await get('/api/admin/activity?type=roster.reinstated', w.tokens.admin!)).body.total).toBe(1);
  });

  it('keeps courts apart: another court’s mediator is 404 and never listed', async () => {
    expect((await patch(`/api/admin/mediators/${otherMediator}/roster`, w.tokens.admin!, { status: 'suspended' })).status).toBe(404);
    expect((await patch(`/api/admin/mediators/${w.users.m2!.id}/roster`, otherAdmin, { languages: [] })).status).toBe(404);
    expect((await patch(`/api/admin/mediators/${w.users.clerk1!.id}/roster`, w.tokens.admin!, { languages: [] })).status).toBe(404);
    const theirs = await get('/api/admin/mediators', otherAdmin);
    expect(theirs.body.items.map((m: { username: string }) => m.username)).toEqual(['zy1']);
    expect((await get('/api/admin/mediators', w.tokens.clerk1!)).status).toBe(403);
  });
});

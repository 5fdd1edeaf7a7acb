// Bulk import of the roster (issue 15 item 3): upload → 202, validation of every row afterwards with
// its progress visible, all-or-nothing (a 641-row file with 3 bad rows writes nothing and names the
// 3 rows), the fixed file committed in one transaction, the same file again changing nothing,
// hostile cells reported per row (never a 500), the template, and two courts kept apart.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import ExcelJS from 'exceljs';
import { auth, createWorld, login, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;
let otherAdmin: string;

const COLUMNS = [
  'type',
  'name',
  'kind',
  'region',
  'contact',
  'username',
  'displayName',
  'organization',
  'phone',
  'admissionDate',
  'specialities',
  'languages',
];
type Row = Partial<Record<(typeof COLUMNS)[number], string | number | boolean | { formula: string }>>;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
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

const get = (path: string, token: string) => t.http.get(path).set(auth(token));
const post = (path: string, token: string) => t.http.post(path).set(auth(token)).send({});
const upload = (token: string, content: Buffer, name: string) =>
  t.http.post('/api/admin/imports').set(auth(token)).attach('file', content, name);

/** 6 organizations and 635 mediators: 641 data rows (spreadsheet rows 2–642). */
function roster(): Row[] {
  const orgs: Row[] = Array.from({ length: 6 }, (_, i) => ({
    type: 'organization',
    name: `赤水市第${i + 1}人民调解委员会`,
    kind: i % 2 ? 'community' : 'township',
    region: `赤水市${i + 1}区`,
    contact: `主任${i + 1} 0851-2288${String(1000 + i)}`,
  }));
  const mediators: Row[] = Array.from({ length: 635 }, (_, i) => ({
    type: 'mediator',
    username: `imp${String(i + 1).padStart(4, '0')}`,
    displayName: `导入调解员${i + 1}`,
    organization: `赤水市第${(i % 6) + 1}人民调解委员会`,
    phone: `1390000${String(i).padStart(4, '0')}`,
    admissionDate: '2025-01-15',
    specialities: i % 3 ? 'sale_contract;loan_private' : 'traffic_accident',
    languages: '普通话;赤水方言',
  }));
  return [...orgs, ...mediators];
}

async function xlsx(rows: Row[], header: string[] = COLUMNS): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(header);
  for (const r of rows) sheet.addRow(header.map((c) => r[c] ?? null));
  return Buffer.from(await book.xlsx.writeBuffer());
}

const csv = (rows: string[][]) =>
  Buffer.from(rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n'));

async function settled(id: string, token = w.tokens.admin!) {
  const seen: number[] = [];
  for (let i = 0; i < 200; i++) {
    const res = await get(`/api/admin/imports/${id}`, token);
    expect(res.status).toBe(200);
    seen.push(res.body.processed);
    if (res.body.status !== 'validating') return { ...res.body, seen };
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('import still validating');
}

async function counts() {
  const [row] = await t.db.query(
    `SELECT (SELECT count(*)::int FROM organizations WHERE court_id = $1) AS orgs,
            (SELECT count(*)::int FROM users WHERE court_id = $1) AS users,
            (SELECT count(*)::int FROM mediator_roster) AS roster`,
    [w.courtId],
  );
  return row as { orgs: number; users: number; roster: number };
}

describe('the 641-row roster', () => {
  let fixedFile: Buffer;

  it('with 3 bad rows writes nothing and reports the 3 rows with their field', async () => {
    const before = await counts();
    const rows = roster();
    rows[9] = { ...rows[9], specialities: 'sale_contract;astrology' }; // row 11
    rows[300] = { ...rows[300], username: 'imp0001' }; // row 302, a duplicate of row 8
    rows[640] = { ...rows[640], admissionDate: '2025-02-30' }; // row 642
    const res = await upload(w.tokens.admin!, await xlsx(rows), '名册.xlsx');
    expect(res.status).toBe(202);
    expect(Object.keys(res.body)).toEqual(['id']);
    const job = await settled(res.body.id);
    expect(job).toMatchObject({ status: 'failed', total: 641, processed: 641, fileName: '名册.xlsx', errorCount: 3, result: null });
    expect(job.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [11, 'specialities', 'unknown'],
      [302, 'username', 'duplicate'],
      [642, 'admissionDate', 'invalid'],
    ]);
    expect(job.errors[1].message).toContain('第8行');
    expect(await counts()).toEqual(before);
    const commit = await post(`/api/admin/imports/${res.body.id}/commit`, w.tokens.admin!);
    expect({ status: commit.status, code: commit.body.code }).toEqual({ status: 409, code: 'ILLEGAL_TRANSITION' });
    expect(await counts()).toEqual(before);
  });

  it('fixed, is committed in one go: organizations, mediators with their roster facts, no password shown', async () => {
    const before = await counts();
    fixedFile = await xlsx(roster());
    const res = await upload(w.tokens.admin!, fixedFile, '名册.xlsx');
    expect(res.status).toBe(202);
    const job = await settled(res.body.id);
    expect(job).toMatchObject({ status: 'ready', total: 641, processed: 641, errors: [], errorCount: 0 });
    expect(await counts()).toEqual(before);

    const started = Date.now();
    const commit = await post(`/api/admin/imports/${res.body.id}/commit`, w.tokens.admin!);
    expect(commit.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(commit.body).toMatchObject({
      status: 'committed',
      result: { organizationsCreated: 6, organizationsExisting: 0, mediatorsCreated: 635, mediatorsExisting: 0 },
    });
    expect(JSON.stringify(commit.body)).not.toMatch(/password/i);
    expect(await counts()).toEqual({ orgs: before.orgs + 6, users: before.users + 635, roster: before.roster + 635 });
    expect((await get(`/api/admin/imports/${res.body.id}`, w.tokens.admin!)).body.status).toBe('committed');

    const listed = await get('/api/admin/mediators?q=imp0007', w.tokens.admin!);
    expect(listed.body.items[0]).toMatchObject({
      username: 'imp0007',
      displayName: '导入调解员7',
      organizationName: '赤水市第1人民调解委员会',
      phone: '13900000006',
      admissionDate: '2025-01-15',
      specialities: ['traffic_accident'],
      languages: ['普通话', '赤水方言'],
      status: 'active',
    });
    const trail = await get('/api/admin/activity?type=roster.imported', w.tokens.admin!);
    expect(trail.body.items[0].data).toMatchObject({ importId: res.body.id, organizationsCreated: 6, mediatorsCreated: 635 });

    // No password until an administrator issues a one-time one (POST /api/admin/users/:id/reset-password).
    expect((await t.http.post('/api/auth/login').send({ username: 'imp0007', password: '' })).status).toBe(400);
    expect((await t.http.post('/api/auth/login').send({ username: 'imp0007', password: 'anything-at-all' })).status).toBe(401);
    const reset = await t.http.post(`/api/admin/users/${listed.body.items[0].id}/reset-password`).set(auth(w.tokens.admin!)).send({});
    expect(reset.status).toBe(200);
    const first = await t.http.post('/api/auth/login').send({ username: 'imp0007', password: reset.body.initialPassword });
    expect({ status: first.status, mustChangePassword: first.body.mustChangePassword }).toEqual({ status: 200, mustChangePassword: true });

    const again = await post(`/api/admin/imports/${res.body.id}/commit`, w.tokens.admin!);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 409, code: 'ILLEGAL_TRANSITION' });
  });

  it('imported again, changes nothing', async () => {
    const before = await counts();
    const [{ seq }] = await t.db.query(`SELECT max(seq)::int AS seq FROM audit_events WHERE stream LIKE 'admin:%'`);
    const res = await upload(w.tokens.admin!, fixedFile, '名册.xlsx');
    const job = await settled(res.body.id);
    expect(job.status).toBe('ready');
    const commit = await post(`/api/admin/imports/${res.body.id}/commit`, w.tokens.admin!);
    expect(commit.body.result).toEqual({ organizationsCreated: 0, organizationsExisting: 6, mediatorsCreated: 0, mediatorsExisting: 635 });
    expect(await counts()).toEqual(before);
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM users WHERE username = 'imp0007' AND must_change_password`);
    expect(n).toBe(1);
    expect(seq).toBeGreaterThan(0);
  });
});

describe('hostile and malformed files', () => {
  it('reports formulas, wrong cell types, unknown organizations and taken usernames per row, never a 500', async () => {
    const rows: Row[] = [
      { type: 'organization', name: '正常组织', kind: 'township', region: '赤水市' },
      { type: 'mediator', username: 'evil1', displayName: '=HYPERLINK("http://x","y")', organization: '天台镇人民调解委员会' },
      { type: 'mediator', username: 'evil2', displayName: '公式', organization: { formula: '1+1' } },
      { type: 'mediator', username: 12345, displayName: '数字', organization: '天台镇人民调解委员会' },
      { type: 'mediator', username: 'evil3', displayName: true, organization: '天台镇人民调解委员会' },
      { type: 'mediator', username: 'evil4', displayName: '某人', organization: '不存在的委员会' },
      { type: 'mediator', username: 'admin', displayName: '冒名', organization: '天台镇人民调解委员会' },
      { type: 'judge', username: 'evil5' },
    ];
    const res = await upload(w.tokens.admin!, await xlsx(rows), 'evil.xlsx');
    expect(res.status).toBe(202);
    const job = await settled(res.body.id);
    expect(job.status).toBe('failed');
    expect(job.errors.map((e: { row: number; field: string; code: string }) => [e.row, e.field, e.code])).toEqual([
      [3, 'displayName', 'formula'],
      [4, 'organization', 'formula'],
      [5, 'username', 'invalid'],
      [6, 'displayName', 'invalid_type'],
      [7, 'organization', 'unknown'],
      [8, 'username', 'taken'],
      [9, 'type', 'invalid'],
    ]);
  });

  it('reads CSV (with a BOM and quoted fields) the same way; NUL bytes are per-row errors', async () => {
    const file = csv([
      ['\uFEFFtype', ...COLUMNS.slice(1)],
      ['organization', '"引号, 逗号"委员会', 'industry', '赤水市', '', '', '', '', '', '', '', ''],
      ['mediator', '', '', '', '', 'csv01', '王五', '"引号, 逗号"委员会', '', '', 'sale_contract', ''],
      ['mediator', '', '', '', '', 'csv02', '@SUM(A1)', '"引号, 逗号"委员会', '', '', '', ''],
      ['organization', '恶意\u0000组织', 'township', '赤水市', '', '', '', '', '', '', '', ''],
    ]);
    const job = await settled((await upload(w.tokens.admin!, file, 'roster.csv')).body.id);
    expect(job.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
      [4, 'displayName'],
      [5, 'name'],
    ]);
  });

  it('refuses what is not a roster file: 400 naming `file`, 413 over 5 MB, a failed job for unreadable content', async () => {
    const none = await t.http.post('/api/admin/imports').set(auth(w.tokens.admin!)).field('x', '1');
    expect({ status: none.status, errors: none.body.errors }).toEqual({ status: 400, errors: { file: 'required' } });
    const exe = await upload(w.tokens.admin!, Buffer.from('MZ\u0090\u0000'), 'roster.exe');
    expect({ status: exe.status, errors: exe.body.errors }).toEqual({ status: 400, errors: { file: 'unsupported_type' } });
    const fake = await upload(w.tokens.admin!, Buffer.from('type,name\n'), 'roster.xlsx');
    expect({ status: fake.status, errors: fake.body.errors }).toEqual({ status: 400, errors: { file: 'unsupported_type' } });
    const big = await upload(w.tokens.admin!, Buffer.alloc(5 * 1024 * 1024 + 10, 'a'), 'big.csv');
    expect({ status: big.status, code: big.body.code, message: big.body.message }).toEqual({
      status: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'File larger than 5 MB, the import limit',
    });

    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]);
    const bad = await settled((await upload(w.tokens.admin!, broken, 'broken.xlsx')).body.id);
    expect(bad).toMatchObject({ status: 'failed', errors: [{ row: 0, field: 'file', code: 'unreadable' }] });
    const columns = await settled(
      (
        await upload(
          w.tokens.admin!,
          csv([
            ['type', 'name'],
            ['organization', 'x'],
          ]),
          'short.csv',
        )
      ).body.id,
    );
    expect(columns).toMatchObject({ status: 'failed', errors: [{ row: 0, field: 'file', code: 'missing_columns' }] });
    const empty = await settled((await upload(w.tokens.admin!, csv([COLUMNS]), 'empty.csv')).body.id);
    expect(empty).toMatchObject({ status: 'failed', errors: [{ row: 0, field: 'file', code: 'empty' }] });
  });
});

describe('template and courts', () => {
  it('offers the template as xlsx and csv; it imports as it is', async () => {
    const x = await get('/api/admin/imports/template?format=xlsx', w.tokens.admin!)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(x.status).toBe(200);
    expect(x.headers['content-disposition']).toContain('attachment');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(x.body as never);
    expect(book.worksheets[0]!.getRow(1).getCell(1).value).toBe('类型(organization/mediator)');
    const c = await get('/api/admin/imports/template?format=csv', w.tokens.admin!);
    expect(c.headers['content-type']).toContain('text/csv');
    expect(c.text).toContain('调解员用户名');
    expect((await get('/api/admin/imports/template?format=pdf', w.tokens.admin!)).body.errors).toEqual({ format: 'invalid_value' });

    const job = await settled((await upload(w.tokens.admin!, x.body as Buffer, 'template.xlsx')).body.id);
    expect(job).toMatchObject({ status: 'ready', total: 2 });
  });

  it('keeps courts apart and admins only', async () => {
    const mine = (await upload(w.tokens.admin!, await xlsx(roster().slice(0, 2)), 'a.xlsx')).body.id as string;
    await settled(mine);
    expect((await get(`/api/admin/imports/${mine}`, otherAdmin)).status).toBe(404);
    expect((await post(`/api/admin/imports/${mine}/commit`, otherAdmin)).status).toBe(404);
    expect((await get(`/api/admin/imports/${mine}`, w.tokens.clerk1!)).status).toBe(403);
    expect((await upload(w.tokens.clerk1!, await xlsx([]), 'a.xlsx')).status).toBe(403);
    expect((await get('/api/admin/imports/not-a-uuid', w.tokens.admin!)).status).toBe(400);
  });
});

import { hash } from '@node-rs/argon2';
import type { DataSource } from 'typeorm';
import type { TestApp } from './test-app.js';

export const PASSWORD = 'test-password';
let passwordHash: Promise<string> | undefined;

export interface World {
  courtId: string;
  orgA: string;
  orgB: string;
  tokens: Record<string, string>;
  users: Record<string, { id: string; username: string }>;
}

/** A checksum-valid resident ID for a birth date and serial (GB 11643). */
export function residentId(birth = '19900101', serial = 123): string {
  const body = `520381${birth}${String(serial).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((s, ch, i) => s + Number(ch) * weights[i]!, 0);
  return body + '10X98765432'[sum % 11];
}

/** A checksum-valid unified social credit code (GB 32100). */
export function creditCode(seed = 1): string {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `91520381${String(100000000 + seed).slice(-9)}`;
  const sum = [...body].reduce((s, ch, i) => s + alphabet.indexOf(ch) * weights[i]!, 0);
  return body + alphabet[(31 - (sum % 31)) % 31];
}

/** One court, two organizations, staff and `mediators` mediators (m1… in orgA, the last one in orgB). */
export async function createWorld(t: TestApp, opts: { mediators?: number; workloadCap?: number } = {}): Promise<World> {
  const db: DataSource = t.db;
  passwordHash ??= hash(PASSWORD);
  const pw = await passwordHash;
  const [court] = await db.query(
    `INSERT INTO courts (code, name, default_track, allow_pre_litigation, workload_cap) VALUES ('黔0381', '赤水市人民法院', 'pre_litigation', true, $1) RETURNING id`,
    [opts.workloadCap ?? 20],
  );
  const [orgA] = await db.query(
    `INSERT INTO organizations (court_id, name, kind, region) VALUES ($1, '天台镇人民调解委员会', 'township', '天台镇') RETURNING id`,
    [court.id],
  );
  const [orgB] = await db.query(
    `INSERT INTO organizations (court_id, name, kind, region) VALUES ($1, '赤水市医疗纠纷人民调解委员会', 'industry', '赤水市') RETURNING id`,
    [court.id],
  );
  const count = opts.mediators ?? 3;
  const people: [string, string, string | null, string[]][] = [
    ['clerk1', 'clerk', null, []],
    ['clerk2', 'clerk', null, []],
    ['judge1', 'judge', null, []],
    ['stats1', 'statistician', null, []],
    ['admin', 'admin', null, []],
  ];
  for (let i = 1; i <= count; i++)
    people.push([`m${i}`, 'mediator', i === count && count > 1 ? orgB.id : orgA.id, i % 2 ? ['sale_contract'] : ['traffic_accident']]);
  const rows: { id: string; username: string }[] = await db.query(
    `INSERT INTO users (username, display_name, role, password_hash, court_id, organization_id, expertise)
     SELECT x.u, '用户' || x.u, x.r, $1, $2, x.o, ARRAY(SELECT jsonb_array_elements_text(x.e))
       FROM jsonb_to_recordset($3::jsonb) AS x(u text, r text, o uuid, e jsonb) RETURNING id, username`,
    [pw, court.id, JSON.stringify(people.map(([u, r, o, e]) => ({ u, r, o, e })))],
  );
  const users = Object.fromEntries(rows.map((u) => [u.username, u]));
  const tokens: Record<string, string> = {};
  for (const u of rows) tokens[u.username] = await login(t, u.username);
  return { courtId: court.id, orgA: orgA.id, orgB: orgB.id, tokens, users };
}

export async function login(t: TestApp, username: string, password = PASSWORD): Promise<string> {
  const res = await t.http.post('/api/auth/login').send({ username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}

export function caseBody(overrides: Record<string, unknown> = {}) {
  return {
    disputeType: 'sale_contract',
    claimAmount: '120000.00',
    summary: '申请人向被申请人供应货物，被申请人拖欠货款。',
    claims: ['请求被申请人支付货款120000元'],
    consentToMediation: true,
    parties: [
      { role: 'applicant', kind: 'person', name: '刘小富', idNumber: residentId(), phone: '13800000000', address: '贵州省赤水市市中街道' },
      {
        role: 'respondent',
        kind: 'organization',
        name: '赤水市某超市有限公司',
        creditCode: creditCode(),
        representative: '张某',
        phone: '0851-22800000',
        address: '贵州省赤水市',
      },
    ],
    ...overrides,
  };
}

export const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

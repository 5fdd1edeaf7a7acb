// Accounts and sessions (issue 12 items 1, 3, 4; contract "Auth" and "v2 additions → Accounts and sessions").
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { verifyAuditChains } from '../../api/src/audit/verify.js';
import { Clock } from '../../api/src/common/clock.js';
import { ConfigError, loadConfig } from '../../api/src/config/app-config.js';
import { auth, caseBody, createWorld, login, PASSWORD, type World } from './support/factories.js';
import { freshDatabase, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp({ listen: true });
  w = await createWorld(t, { mediators: 3 });
});
afterAll(async () => {
  await t?.close();
});

const loginAs = (username: string, password: string) =>
  t.http.post('/api/auth/login').set('User-Agent', 'security-auth-spec').send({ username, password });

const events = (stream: string): Promise<{ type: string; actor_username: string | null; data: Record<string, unknown> }[]> =>
  t.db.query('SELECT type, actor_username, data FROM audit_events WHERE stream = $1 ORDER BY seq', [stream]);

/** Runs `npm run admin:create -- …` (the compiled CLI) against a database. */
function adminCreate(databaseUrl: string, ...args: string[]) {
  const res = spawnSync(process.execPath, ['dist/api/auth/admin-cli.js', ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, JWT_SECRET: 'test-secret', DATA_DIR: '/tmp/sutiao-test-data' },
    encoding: 'utf8',
  });
  const password = /^\s{4}(\S+)$/m.exec(res.stdout)?.[1];
  return { status: res.status, stdout: res.stdout, stderr: res.stderr, password };
}

describe('password changes and logout end tokens', () => {
  it('changing the password ends every token issued before, the caller’s included', async () => {
    const [a, b] = [await login(t, 'm1'), await login(t, 'm1')];
    expect((await t.http.get('/api/auth/me').set(auth(b))).status).toBe(200);
    const res = await t.http.post('/api/auth/password').set(auth(a)).send({ currentPassword: PASSWORD, newPassword: 'm1-new-password' });
    expect(res.status).toBe(204);
    for (const token of [a, b]) {
      const after = await t.http.get('/api/auth/me').set(auth(token));
      expect({ status: after.status, code: after.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    }
    expect((await loginAs('m1', PASSWORD)).status).toBe(401);
    const fresh = await loginAs('m1', 'm1-new-password');
    expect(fresh.status).toBe(200);
    expect(fresh.body.mustChangePassword).toBe(false);
    expect((await t.http.get('/api/auth/me').set(auth(fresh.body.accessToken))).status).toBe(200);
    expect((await events(`user:${w.users.m1!.id}`)).map((e) => e.type)).toContain('auth.password_changed');
  });

  it('names the field a new password breaks the policy in, and changes nothing', async () => {
    const token = await login(t, 'stats1');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ currentPassword: PASSWORD, newPassword: 'short-pw1' }, 'newPassword', 'too_short'],
      [{ currentPassword: PASSWORD, newPassword: PASSWORD }, 'newPassword', 'unchanged'],
      [{ currentPassword: 'not-the-password', newPassword: 'a-good-new-password' }, 'currentPassword', 'incorrect'],
      [{ currentPassword: PASSWORD }, 'newPassword', 'required'],
    ];
    for (const [body, field, code] of cases) {
      const res = await t.http.post('/api/auth/password').set(auth(token)).send(body);
      expect({ status: res.status, code: res.body.code, errors: res.body.errors }).toEqual({
        status: 400,
        code: 'VALIDATION_FAILED',
        errors: { [field]: code },
      });
    }
    // A username of 10+ characters as the password.
    await t.db.query(`UPDATE users SET username = 'statistician01' WHERE username = 'stats1'`);
    const renamed = await login(t, 'statistician01');
    const same = await t.http
      .post('/api/auth/password')
      .set(auth(renamed))
      .send({ currentPassword: PASSWORD, newPassword: 'Statistician01' });
    expect(same.body.errors).toEqual({ newPassword: 'equals_username' });
    expect((await t.http.get('/api/auth/me').set(auth(token))).status).toBe(200);
    expect((await loginAs('statistician01', PASSWORD)).status).toBe(200);
  });

  it('logout ends that token only', async () => {
    const [a, b] = [await login(t, 'judge1'), await login(t, 'judge1')];
    expect((await t.http.post('/api/auth/logout').set(auth(a))).status).toBe(204);
    const after = await t.http.get('/api/cases').set(auth(a));
    expect({ status: after.status, code: after.body.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    expect((await t.http.post('/api/auth/logout').set(auth(a))).status).toBe(401);
    expect((await t.http.get('/api/cases').set(auth(b))).status).toBe(200);
    const [{ n }] = await t.db.query('SELECT count(*)::int AS n FROM revoked_tokens WHERE user_id = $1', [w.users.judge1!.id]);
    expect(n).toBe(1);
  });

  it('refuses tokens without a token version (issued before this release) and forged ones', async () => {
    const { JwtService } = await import('@nestjs/jwt');
    const jwt = t.app.get(JwtService);
    const legacy = await jwt.signAsync({ sub: w.users.clerk1!.id, user: { username: 'clerk1', role: 'clerk' } });
    expect((await t.http.get('/api/cases').set(auth(legacy))).status).toBe(401);
    const wrongVersion = await jwt.signAsync({
      sub: w.users.clerk1!.id,
      jti: crypto.randomUUID(),
      tv: 7,
      user: { username: 'clerk1', role: 'clerk' },
    });
    expect((await t.http.get('/api/cases').set(auth(wrongVersion))).status).toBe(401);
  });
});

describe('deactivated accounts', () => {
  it('cannot claim even while a token’s state is cached, their tokens stop within seconds, and they cannot log in', async () => {
    const token = await login(t, 'm2');
    const created = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    expect((await t.http.post(`/api/cases/${created.body.id}/delegate`).set(auth(w.tokens.clerk1!)).send({})).status).toBe(200);
    expect((await t.http.get('/api/queue').set(auth(token))).status).toBe(200); // the token's state is now cached

    // Deactivated behind this instance's back (another instance, or SQL): the database decides the claim.
    await t.db.query(`UPDATE users SET active = false WHERE username = 'm2'`);
    const claim = await t.http.post(`/api/cases/${created.body.id}/claim`).set(auth(token)).send({});
    expect([401, 403]).toContain(claim.status);
    const [c] = await t.db.query('SELECT status, assignee_id FROM cases WHERE id = $1', [created.body.id]);
    expect(c).toEqual({ status: 'delegated', assignee_id: null });

    // The token itself stops working once the cached state expires (≤ 5 s).
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < 8000) {
      status = (await t.http.get('/api/auth/me').set(auth(token))).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(401);
    expect(Date.now() - started).toBeLessThan(5500);

    const relogin = await loginAs('m2', PASSWORD);
    expect(relogin.status).toBe(401);
    expect((await events(`user:${w.users.m2!.id}`)).at(-1)).toMatchObject({ type: 'auth.login_failed', data: { reason: 'deactivated' } });
    const [{ token_version }] = await t.db.query(`SELECT token_version FROM users WHERE username = 'm2'`);
    expect(token_version).toBe(2);
  });

  it('are neither listed nor recommended nor delegated to by name', async () => {
    const ids = async (query: string) =>
      (await t.http.get(`/api/mediators${query}`).set(auth(w.tokens.clerk1!))).body.items.map((m: { id: string }) => m.id);
    for (const query of ['', '?disputeType=sale_contract', '?disputeType=traffic_accident', `?organizationId=${w.orgA}`]) {
      expect(await ids(query)).not.toContain(w.users.m2!.id);
    }
    expect(await ids('')).toContain(w.users.m3!.id);
    const created = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    const res = await t.http
      .post(`/api/cases/${created.body.id}/delegate`)
      .set(auth(w.tokens.clerk1!))
      .send({ mediatorId: w.users.m2!.id });
    expect(res.status).toBe(400);
  });
});

describe('one-time passwords and npm run admin:create', () => {
  it('creates an administrator whose one-time password only lets them change it', async () => {
    const cli = adminCreate(t.databaseUrl, '--username', 'Chief', '--display-name', '王管理');
    expect({ status: cli.status, stderr: cli.stderr }).toEqual({ status: 0, stderr: '' });
    expect(cli.stdout).toContain('赤水市人民法院 (黔0381)');
    expect(cli.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

    const first = await loginAs('chief', cli.password!);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      mustChangePassword: true,
      user: { username: 'chief', role: 'admin', displayName: '王管理', courtId: w.courtId },
    });
    const token = first.body.accessToken as string;
    for (const [method, path] of [
      ['get', '/api/cases'],
      ['get', '/api/auth/me'],
      ['get', '/api/mediators'],
    ] as const) {
      const res = await t.http[method](path).set(auth(token));
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });
    }
    expect(
      (
        await t.http
          .post('/api/auth/password')
          .set(auth(token))
          .send({ currentPassword: cli.password, newPassword: 'chief-chosen-password' })
      ).status,
    ).toBe(204);
    expect((await t.http.get('/api/auth/me').set(auth(token))).status).toBe(401);
    const second = await loginAs('chief', 'chief-chosen-password');
    expect(second.body.mustChangePassword).toBe(false);
    expect((await t.http.get('/api/cases').set(auth(second.body.accessToken))).status).toBe(200);

    const again = adminCreate(t.databaseUrl, '--username', 'chief');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already exists');
    const [created] = await events(`user:${first.body.user.id}`);
    expect(created).toMatchObject({ type: 'user.created', data: { via: 'admin:create', role: 'admin' } });
  });

  it('--reset gives a new one-time password and ends the administrator’s sessions', async () => {
    const token = (await loginAs('chief', 'chief-chosen-password')).body.accessToken as string;
    const cli = adminCreate(t.databaseUrl, '--username', 'chief', '--reset');
    expect(cli.status).toBe(0);
    expect((await t.http.get('/api/auth/me').set(auth(token))).status).toBe(401);
    expect((await loginAs('chief', cli.password!)).body.mustChangePassword).toBe(true);
  });

  it('on a database without a court, asks for one and creates it', async () => {
    const empty = await freshDatabase();
    const missing = adminCreate(empty, '--username', 'admin');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('--court-code and --court-name');
    const ok = adminCreate(empty, '--username', 'admin', '--court-code', '黔0302', '--court-name', '遵义市红花岗区人民法院');
    expect(ok.status).toBe(0);
    const other = await startTestApp({ databaseUrl: empty });
    try {
      const res = await other.http.post('/api/auth/login').send({ username: 'admin', password: ok.password });
      expect(res.body).toMatchObject({ mustChangePassword: true, user: { role: 'admin' } });
      const [court] = await other.db.query('SELECT code, name FROM courts');
      expect(court).toEqual({ code: '黔0302', name: '遵义市红花岗区人民法院' });
    } finally {
      await other.close();
    }
  });
});

describe('production configuration', () => {
  const strong = 'Qm9yaW5nIGJ1dCByYW5kb206IDd4K2ZxL1ZzUkUzbVp1dWhUa2NXd0x0Yk5hUmRlcFl2';
  const sms = { SMS_GATEWAY: 'http', SMS_HTTP_URL: 'https://sms.example.test/send', SMS_HTTP_SECRET: 's3cret' };

  it('refuses a missing or weak JWT_SECRET and says how to make one', () => {
    for (const env of [
      { NODE_ENV: 'production' },
      { NODE_ENV: 'production', JWT_SECRET: 'x' },
      { NODE_ENV: 'production', JWT_SECRET: 'a'.repeat(64) },
    ]) {
      expect(() => loadConfig(env)).toThrow(ConfigError);
      expect(() => loadConfig(env)).toThrow(/JWT_SECRET.*openssl rand -base64 48/);
    }
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong, ...sms }).jwtSecret).toBe(strong);
  });

  it('never loads demo data: DEMO_SEED=1 is an error, and npm start’s default does not apply', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong, DEMO_SEED: '1', ...sms })).toThrow(/DEMO_SEED=1 is not allowed/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: strong, ...sms }, { demoSeedByDefault: true }).demoSeed).toBe(false);
    expect(loadConfig({ JWT_SECRET: 'dev', DATA_DIR: '/tmp/sutiao-test-data' }, { demoSeedByDefault: true }).demoSeed).toBe(true);
  });

  it('refuses the SMS outbox and an SMS gateway without an https URL and a secret', () => {
    const prod = { NODE_ENV: 'production', JWT_SECRET: strong };
    expect(() => loadConfig(prod)).toThrow(/SMS_GATEWAY=http .* is required/);
    expect(() => loadConfig({ ...prod, SMS_GATEWAY: 'outbox' })).toThrow(/SMS_GATEWAY=outbox is not allowed/);
    expect(() => loadConfig({ ...prod, ...sms, SMS_HTTP_URL: 'http://sms.example.test' })).toThrow(/https/);
    expect(() => loadConfig({ ...prod, ...sms, SMS_HTTP_SECRET: '' })).toThrow(/SMS_HTTP_SECRET/);
    expect(loadConfig({ JWT_SECRET: 'dev', DATA_DIR: '/tmp/sutiao-test-data' }).sms.gateway).toBe('outbox');
  });

  it('node dist/api/main.js exits at once with the reason, starting no database', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'sutiao-prod-'));
    const res = spawnSync(process.execPath, ['dist/api/main.js'], {
      env: { PATH: process.env.PATH, NODE_ENV: 'production', JWT_SECRET: 'x', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain('JWT_SECRET is too weak for production');
    expect(res.stderr).toContain('openssl rand -base64 48');
    expect(res.stdout).not.toMatch(/password/i);
    expect(spawnSync('ls', [dataDir], { encoding: 'utf8' }).stdout.trim()).toBe('');
    rmSync(dataDir, { recursive: true, force: true });
  });
});

// Last: it moves this app's clock past the lockout window.
describe('login lockout per account', () => {
  it('checks at most 10 passwords of a burst of 100 parallel logins; the right password stays locked out until the window passes', async () => {
    const burst = await Promise.all(Array.from({ length: 100 }, (_, i) => loginAs('clerk2', `wrong-${i}`)));
    const count = (status: number) => burst.filter((r) => r.status === status).length;
    expect({ 401: count(401), 429: count(429) }).toEqual({ 401: 10, 429: 90 });
    expect(burst.filter((r) => r.status === 429).every((r) => r.body.code === 'RATE_LIMITED')).toBe(true);

    const locked = await loginAs('clerk2', PASSWORD);
    expect({ status: locked.status, code: locked.body.code }).toEqual({ status: 429, code: 'RATE_LIMITED' });
    expect((await loginAs('clerk1', PASSWORD)).status).toBe(200); // a colleague is not locked out

    const trail = await events(`user:${w.users.clerk2!.id}`);
    expect(trail.map((e) => e.type)).toEqual(['auth.login', ...Array(10).fill('auth.login_failed')]); // the first: createWorld's
    expect(trail[1]!.data).toMatchObject({
      username: 'clerk2',
      reason: 'wrong_password',
      userAgent: 'security-auth-spec',
      ip: expect.stringMatching(/127\.0\.0\.1|::1/),
    });

    t.app.get(Clock).advance(15 * 60_000 + 1000);
    const after = await loginAs('clerk2', PASSWORD);
    expect(after.status).toBe(200);
    const last = (await events(`user:${w.users.clerk2!.id}`)).at(-1)!;
    expect(last).toMatchObject({
      type: 'auth.login',
      actor_username: 'clerk2',
      data: { userAgent: 'security-auth-spec', mustChangePassword: false },
    });
    expect((await verifyAuditChains(t.db)).broken).toBeNull();
  });

  it('limits and audits unknown usernames the same way', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await loginAs('no-such-user', `guess-${i}`)).status);
    expect(statuses).toEqual([...Array(10).fill(401), 429]);
    const trail = await events('auth:unknown');
    expect(trail.filter((e) => e.data.username === 'no-such-user')).toHaveLength(10);
  });

  it('counts wrong current passwords of a password change against the same limit', async () => {
    const token = await login(t, 'clerk1');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await t.http
            .post('/api/auth/password')
            .set(auth(token))
            .send({ currentPassword: `guess-${i}`, newPassword: 'a-good-new-password' })
        ).status,
      );
    }
    expect(statuses).toEqual([...Array(10).fill(400), 429]);
    expect((await loginAs('clerk1', PASSWORD)).status).toBe(429);
  });
});

import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { verifyAuditChains } from '../../api/src/audit/verify.js';
import { pendingSchemaChanges } from '../../api/src/database/schema-check.js';
import { auth, caseBody, createWorld, PASSWORD, type World } from './support/factories.js';
import { databaseUrlAs, startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp();
  w = await createWorld(t, { mediators: 2 });
});
afterAll(async () => {
  await t?.close();
});

describe('schema', () => {
  it('entities and migrations agree (generating a migration would produce nothing)', async () => {
    const { up } = await pendingSchemaChanges(t.db);
    expect(up).toEqual([]);
  });
});

describe('health and docs', () => {
  it('answers health without a token', async () => {
    expect((await t.http.get('/api/health')).body).toEqual({ status: 'ok' });
  });

  it('serves the OpenAPI document describing the contract paths', async () => {
    const res = await t.http.get('/api/docs-json');
    expect(res.status).toBe(200);
    for (const path of ['/api/cases', '/api/cases/{id}/claim', '/api/auth/login', '/api/verify/{sha256}', '/api/calendar/deadline']) {
      expect(Object.keys(res.body.paths)).toContain(path);
    }
  });

  it('describes every operation: a stable operationId, a tag, a summary, its security, its success body and its errors', async () => {
    const doc = (await t.http.get('/api/docs-json')).body;
    expect(doc.components.schemas.Error).toBeDefined();
    const tags = new Set((doc.tags as { name: string; description?: string }[]).filter((t) => t.description).map((t) => t.name));
    const ids = new Set<string>();
    for (const [path, item] of Object.entries<
      Record<
        string,
        { operationId: string; tags?: string[]; summary?: string; security?: unknown[]; responses: Record<string, { content?: unknown }> }
      >
    >(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const success = Object.entries(op.responses).filter(([s]) => s.startsWith('2'));
        expect({
          op: `${method} ${path}`,
          operationId: /^[a-z][A-Za-z]+$/.test(op.operationId),
          tagged: (op.tags ?? []).length > 0 && op.tags!.every((tag) => tags.has(tag)),
          summary: !!op.summary,
          security: Array.isArray(op.security),
          successBody: success.length > 0 && success.every(([s, r]) => s === '204' || !!r.content),
          errors: Object.keys(op.responses).some((s) => s.startsWith('4') || s.startsWith('5')),
        }).toEqual({
          op: `${method} ${path}`,
          operationId: true,
          tagged: true,
          summary: true,
          security: true,
          successBody: true,
          errors: true,
        });
        expect(ids.has(op.operationId)).toBe(false);
        ids.add(op.operationId);
      }
    }
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const res = await t.http.get('/api/nope').set(auth(w.tokens.clerk1!));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
  });
});

describe('login', () => {
  it('logs in and describes the user', async () => {
    const res = await t.http.post('/api/auth/login').send({ username: 'clerk1', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body.user).toEqual({
      id: w.users.clerk1!.id,
      username: 'clerk1',
      displayName: expect.any(String),
      role: 'clerk',
      organizationId: null,
      courtId: w.courtId,
    });
  });

  it('401 on wrong credentials, 400 on a malformed body, 401 on a forged token', async () => {
    expect((await t.http.post('/api/auth/login').send({ username: 'clerk1', password: 'nope' })).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ username: 'nobody', password: 'nope' })).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ username: 5 })).status).toBe(400);
    expect((await t.http.get('/api/cases').set(auth('x.y.z'))).status).toBe(401);
  });

  it('locks one account after 10 failures without locking its colleagues', async () => {
    for (let i = 0; i < 10; i++) await t.http.post('/api/auth/login').send({ username: 'clerk2', password: `wrong-${i}` });
    const locked = await t.http.post('/api/auth/login').send({ username: 'clerk2', password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('RATE_LIMITED');
    expect((await t.http.post('/api/auth/login').send({ username: 'judge1', password: PASSWORD })).status).toBe(200);
  });
});

describe('audit trail', () => {
  it('verifies intact chains and names the first edited event', async () => {
    const c = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    await t.http.post(`/api/cases/${c.body.id}/delegate`).set(auth(w.tokens.clerk1!)).send({});
    const ok = await verifyAuditChains(t.db);
    expect(ok.broken).toBeNull();
    expect(ok.events).toBeGreaterThanOrEqual(2);

    // The app role may not edit the table; a superuser who bypasses the trigger is still caught by the chain.
    await expect(t.db.query(`UPDATE audit_events SET data = '{}' WHERE stream = $1`, [`case:${c.body.id}`])).rejects.toThrow(
      /permission denied/,
    );
    const superuser = new pg.Client({ connectionString: databaseUrlAs('superuser', t.databaseUrl) });
    await superuser.connect();
    await expect(superuser.query(`UPDATE audit_events SET data = '{}' WHERE stream = $1`, [`case:${c.body.id}`])).rejects.toThrow(
      /append-only/,
    );
    await superuser.query('BEGIN');
    await superuser.query('SET LOCAL session_replication_role = replica');
    await superuser.query(`UPDATE audit_events SET data = jsonb_set(data, '{to}', '"confirmed"') WHERE stream = $1 AND seq = 2`, [
      `case:${c.body.id}`,
    ]);
    await superuser.query('COMMIT');
    await superuser.end();
    const broken = await verifyAuditChains(t.db);
    expect(broken.broken).toMatchObject({ stream: `case:${c.body.id}`, seq: 2 });

    // `npm run audit:verify` is the same check as a command: it exits 1 and names the link.
    const cli = spawnSync(process.execPath, ['dist/api/audit/verify-cli.js'], {
      env: { ...process.env, DATABASE_URL: t.databaseUrl },
      encoding: 'utf8',
    });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`stream case:${c.body.id}, seq 2`);
  });
});

describe('database log', () => {
  it('logs a failing query by its SQLSTATE and SQL, never its parameters', async () => {
    const { Logger } = await import('@nestjs/common');
    const { SafeTypeOrmLogger } = await import('../../api/src/database/typeorm-logger.js');
    const lines: { level: string; message: string }[] = [];
    const collect = (level: string) => (message: unknown) => {
      lines.push({ level, message: String(message) });
    };
    Logger.overrideLogger({
      log: collect('log'),
      warn: collect('warn'),
      error: collect('error'),
      debug: collect('debug'),
      verbose: collect('verbose'),
    });
    try {
      const log = new SafeTypeOrmLogger();
      const secret = ['张三', '520381199001011234', '13800000000'];
      log.logQueryError(
        Object.assign(new Error('value too long'), { code: '22001' }),
        `INSERT INTO parties (name, id_number, phone) VALUES ($1, $2, $3)`,
        secret,
      );
      log.logQueryError(Object.assign(new Error('duplicate key'), { code: '23505' }), 'INSERT INTO users (username) VALUES ($1)', [
        'clerk1',
      ]);
      log.logQuerySlow(2500, `SELECT * FROM cases WHERE summary LIKE $1 ${'AND true '.repeat(50)}`, ['%张三%']);
      expect(lines.map((l) => l.level)).toEqual(['warn', 'debug', 'warn']);
      expect(lines[0]!.message).toBe('[22001] value too long — in: INSERT INTO parties (name, id_number, phone) VALUES ($1, $2, $3)');
      expect(lines[2]!.message.length).toBeLessThan(260);
      for (const l of lines) for (const s of [...secret, 'clerk1', '%张三%']) expect(l.message).not.toContain(s);
    } finally {
      Logger.overrideLogger(false);
    }
  });
});

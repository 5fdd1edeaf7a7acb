import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { auth, caseBody, createWorld, type World } from './support/factories.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// Security headers, caching rules and whose X-Forwarded-For counts (docs/security.md, "HTTP hardening").

/** A web root shaped like `ng build`'s output (outputHashing: all). */
const webRoot = mkdtempSync(join(tmpdir(), 'sutiao-web-'));
writeFileSync(
  join(webRoot, 'index.html'),
  '<!doctype html><html><head><link rel="stylesheet" href="styles-3QPCH5AW.css"></head><body><app-root></app-root><script src="main-N2F3QOQ6.js" type="module"></script></body></html>',
);
/** Bundles well over compression's 1 KiB threshold. */
const mainJs = Array.from({ length: 200 }, (_, i) => `console.log('模块 ${i}');`).join('\n');
writeFileSync(join(webRoot, 'main-N2F3QOQ6.js'), mainJs);
writeFileSync(join(webRoot, 'chunk-7BX7WLYD.js'), mainJs);
writeFileSync(join(webRoot, 'styles-3QPCH5AW.css'), 'body{margin:0}\n'.repeat(200));
writeFileSync(join(webRoot, 'favicon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<g/>'.repeat(400)}</svg>`);
mkdirSync(join(webRoot, 'media'));
writeFileSync(join(webRoot, 'media', 'noto-sans-sc-4WLD2VXQ.woff2'), Buffer.alloc(4096, 7));

let t: TestApp;
let w: World;

beforeAll(async () => {
  t = await startTestApp({ env: { WEB_ROOT: webRoot } });
  w = await createWorld(t, { mediators: 2 });
});
afterAll(async () => {
  await t?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

/** The CSP as a map directive → sources. */
function cspOf(res: Response): Record<string, string[]> {
  const header = res.headers['content-security-policy'] as string | undefined;
  expect(header).toBeDefined();
  return Object.fromEntries(
    header!
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectSecurityHeaders(res: Response): void {
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['referrer-policy']).toBe('no-referrer');
  expect(res.headers['x-powered-by']).toBeUndefined();
  // Plain HTTP from a client that is no trusted proxy: no HSTS.
  expect(res.headers['strict-transport-security']).toBeUndefined();
  const csp = cspOf(res);
  expect(csp['frame-ancestors']).toEqual(["'none'"]);
  expect(csp['default-src']).toEqual(["'self'"]);
  expect(csp['object-src']).toEqual(["'none'"]);
  // No inline or eval'd script anywhere.
  expect(csp['script-src']).toEqual(["'self'"]);
}

describe('security headers', () => {
  it('on API JSON, which is never cached', async () => {
    const res = await t.http.get('/api/dispute-types').set(auth(w.tokens.clerk1!));
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('on API errors too', async () => {
    const res = await t.http.get('/api/cases/00000000-0000-4000-8000-000000000000').set(auth(w.tokens.clerk1!));
    expect(res.status).toBe(404);
    expectSecurityHeaders(res);
    expect(res.headers['cache-control']).toBe('no-store');
    const unauthenticated = await t.http.get('/api/cases');
    expect(unauthenticated.status).toBe(401);
    expectSecurityHeaders(unauthenticated);
  });

  it('on a PDF carrying personal data: no-store, never immutable', async () => {
    const created = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    const delegated = await t.http.post(`/api/cases/${created.body.id}/delegate`).set(auth(w.tokens.clerk1!)).send({});
    expect(delegated.status).toBe(200);
    const letter = delegated.body.documents.find((d: { kind: string }) => d.kind === 'delegation_letter');
    const res = await t.http.get(`/api/documents/${letter.id}`).set(auth(w.tokens.clerk1!)).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expectSecurityHeaders(res);
    const dossier = await t.http.get(`/api/cases/${created.body.id}/dossier`).set(auth(w.tokens.clerk1!)).buffer(true);
    expect(dossier.status).toBe(200);
    expect(dossier.headers['cache-control']).toMatch(/no-store/);
  });

  it('on index.html (revalidated every time), for / and for client routes', async () => {
    for (const path of ['/', '/login', '/cases/abc']) {
      const res = await t.http.get(path);
      expect(res.status).toBe(200);
      expect(res.text).toContain('<app-root>');
      expect(res.headers['cache-control']).toBe('no-cache');
      expectSecurityHeaders(res);
      const csp = cspOf(res);
      // PDFs are shown in iframes of blob: URLs.
      expect(csp['frame-src']).toContain('blob:');
    }
  });

  it('on hashed assets: immutable for a year; other files an hour', async () => {
    for (const path of ['/main-N2F3QOQ6.js', '/styles-3QPCH5AW.css']) {
      const res = await t.http.get(path);
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expectSecurityHeaders(res);
    }
    const chunk = await t.http.get('/chunk-7BX7WLYD.js');
    expect(chunk.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const font = await t.http.get('/media/noto-sans-sc-4WLD2VXQ.woff2');
    expect(font.status).toBe(200);
    expect(font.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const favicon = await t.http.get('/favicon.svg');
    expect(favicon.headers['cache-control']).toBe('public, max-age=3600');
  });

  it('Swagger UI gets a CSP of its own: inline styles, still no inline script', async () => {
    const res = await t.http.get('/api/docs/');
    expect(res.status).toBe(200);
    expect(res.text).toContain('swagger-ui');
    expectSecurityHeaders(res);
    const csp = cspOf(res);
    expect(csp['style-src']).toContain("'unsafe-inline'");
    expect(csp['img-src']).toContain('data:');
    const json = await t.http.get('/api/docs-json');
    expect(json.status).toBe(200);
    expectSecurityHeaders(json);
  });
});

describe('compression', () => {
  it('brotli for a JS bundle when the client accepts it, gzip otherwise, none when it accepts neither', async () => {
    const br = await t.http.get('/main-N2F3QOQ6.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.text).toBe(mainJs);
    const gzip = await t.http.get('/main-N2F3QOQ6.js').set('Accept-Encoding', 'gzip');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gzip.text).toBe(mainJs);
    const identity = await t.http.get('/main-N2F3QOQ6.js').set('Accept-Encoding', 'identity');
    expect(identity.headers['content-encoding']).toBeUndefined();
    expect(Number(identity.headers['content-length'])).toBe(Buffer.byteLength(mainJs));
  });

  it('CSS, SVG and index.html too', async () => {
    for (const path of ['/styles-3QPCH5AW.css', '/favicon.svg']) {
      const res = await t.http.get(path).set('Accept-Encoding', 'br');
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
    }
    // index.html is below the 1 KiB threshold here: sent as it is, and still no-cache.
    const index = await t.http.get('/').set('Accept-Encoding', 'br');
    expect(index.headers['cache-control']).toBe('no-cache');
  });

  it('API JSON, still no-store', async () => {
    for (let i = 0; i < 3; i++) await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    const res = await t.http.get('/api/cases').set(auth(w.tokens.clerk1!)).set('Accept-Encoding', 'gzip, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body.items.length).toBeGreaterThanOrEqual(3);
    const doc = await t.http.get('/api/docs-json').set('Accept-Encoding', 'gzip');
    expect(doc.headers['content-encoding']).toBe('gzip');
    expect(doc.body.openapi).toMatch(/^3\./);
  });

  it('never for PDFs (already compressed)', async () => {
    const created = await t.http.post('/api/cases').set(auth(w.tokens.clerk1!)).send(caseBody());
    const delegated = await t.http.post(`/api/cases/${created.body.id}/delegate`).set(auth(w.tokens.clerk1!)).send({});
    const letter = delegated.body.documents.find((d: { kind: string }) => d.kind === 'delegation_letter');
    const res = await t.http.get(`/api/documents/${letter.id}`).set(auth(w.tokens.clerk1!)).set('Accept-Encoding', 'gzip, br').buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-encoding']).toBeUndefined();
  });
});

describe('X-Forwarded-For', () => {
  const verify = (app: TestApp, headers: Record<string, string>) => app.http.get(`/api/verify/${'0'.repeat(64)}`).set(headers);

  it('from an untrusted client is ignored: forging a new address per request does not escape the rate limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) statuses.push((await verify(t, { 'X-Forwarded-For': `203.0.113.${i}` })).status);
    expect(statuses.slice(0, 60).every((s) => s === 404)).toBe(true);
    expect(statuses[60]).toBe(429);
    const limited = await verify(t, { 'X-Forwarded-For': '198.51.100.7' });
    expect(limited.body.code).toBe('RATE_LIMITED');
  });

  it('nor is a forged address what the login audit records', async () => {
    const res = await t.http
      .post('/api/auth/login')
      .set('X-Forwarded-For', '203.0.113.99')
      .send({ username: 'clerk1', password: 'wrong-password' });
    expect(res.status).toBe(401);
    const [event] = await t.db.query(
      `SELECT data->>'ip' AS ip FROM audit_events WHERE type = 'auth.login_failed' AND data->>'username' = 'clerk1' ORDER BY at DESC LIMIT 1`,
    );
    expect(event.ip).toMatch(/127\.0\.0\.1|::1/);
  });

  it('nor does X-Forwarded-Proto make a plain request look like TLS (no HSTS)', async () => {
    const res = await t.http.get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('from a configured proxy (TRUST_PROXY=loopback) names the client, and HTTPS there gets HSTS', async () => {
    const proxied = await startTestApp({ databaseUrl: t.databaseUrl, env: { TRUST_PROXY: 'loopback' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 61; i++) statuses.push((await verify(proxied, { 'X-Forwarded-For': `203.0.113.${i}` })).status);
      expect(statuses.every((s) => s === 404)).toBe(true);
      const same: number[] = [];
      for (let i = 0; i < 61; i++) same.push((await verify(proxied, { 'X-Forwarded-For': '198.51.100.7' })).status);
      expect(same[60]).toBe(429);
      await proxied.http
        .post('/api/auth/login')
        .set('X-Forwarded-For', '198.51.100.42')
        .send({ username: 'clerk2', password: 'wrong-password' });
      const [event] = await t.db.query(
        `SELECT data->>'ip' AS ip FROM audit_events WHERE type = 'auth.login_failed' AND data->>'username' = 'clerk2' ORDER BY at DESC LIMIT 1`,
      );
      expect(event.ip).toBe('198.51.100.42');
      const tls = await proxied.http.get('/api/health').set('X-Forwarded-Proto', 'https');
      expect(tls.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await proxied.close();
    }
  });
});

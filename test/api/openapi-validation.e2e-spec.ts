// The response check every API test goes through (support/openapi-validator.ts) must itself be
// strict: these are the drifts it exists to catch.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { OpenApiValidator } from './support/openapi-validator.js';
import { startTestApp, type TestApp } from './support/test-app.js';

let t: TestApp;
let v: OpenApiValidator;
beforeAll(async () => {
  t = await startTestApp();
  v = new OpenApiValidator((await t.rawHttp.get('/api/docs-json')).body);
});
afterAll(() => t.close());

const json = (status: number, body: unknown) => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body,
  text: JSON.stringify(body),
});

describe('the OpenAPI response check', () => {
  it('accepts a response that matches its operation', () => {
    expect(v.check('GET', '/api/health', json(200, { status: 'ok' }))).toEqual({
      operation: 'getHealth (GET /api/health)',
      mismatch: null,
    });
  });

  it('names the operation, status and path of an undeclared status', () => {
    expect(
      v.check('GET', '/api/health', json(400, { statusCode: 400, error: 'Bad Request', message: 'x', code: 'VALIDATION_FAILED' }))
        ?.mismatch,
    ).toMatch(/^getHealth \(GET \/api\/health\): status 400 is not declared .* GET \/api\/health answered 400$/);
  });

  it('rejects undeclared fields, wrong types, nulls where none are allowed and unknown enum values', () => {
    expect(v.check('GET', '/api/health', json(200, { status: 'ok', extra: 1 }))?.mismatch).toMatch(
      /must NOT have additional properties "extra"/,
    );
    expect(v.check('GET', '/api/health', json(200, { status: 'degraded' }))?.mismatch).toMatch(
      /must be equal to one of the allowed values/,
    );
    const page = { items: [], total: 1.5, page: 1, pageSize: 50 };
    expect(v.check('GET', '/api/organizations?page=1', json(200, page))?.mismatch).toMatch(/\/total must be integer/);
    expect(v.check('GET', '/api/organizations', json(200, { ...page, total: null }))?.mismatch).toMatch(/\/total must be integer/);
  });

  it('rejects an undeclared media type and a body where none is declared', () => {
    const csv = { status: 200, headers: { 'content-type': 'text/csv' }, body: {}, text: 'a,b' };
    expect(v.check('GET', '/api/health', csv)?.mismatch).toMatch(/media type "text\/csv" not declared/);
    expect(v.check('POST', '/api/auth/logout', json(204, { ok: true }))?.mismatch).toMatch(/declares no body/);
  });

  it('checks error bodies against the contract’s error schema, codes included', () => {
    const error = { statusCode: 404, error: 'Not Found', message: 'Case not found', code: 'NOT_FOUND' };
    expect(v.check('GET', '/api/cases/3f2b8c1e-6d4a-4c1b-9f5e-2a7d8e9b0c11', json(404, error))?.mismatch).toBeNull();
    expect(v.check('GET', '/api/cases/3f2b8c1e-6d4a-4c1b-9f5e-2a7d8e9b0c11', json(404, { ...error, code: 'GONE' }))?.mismatch).toMatch(
      /\/code must be equal to one of the allowed values/,
    );
  });
});

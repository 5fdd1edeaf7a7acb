import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../../../api/src/bootstrap.js';
import { loadConfig } from '../../../api/src/config/app-config.js';
import { PdfRenderer } from '../../../api/src/documents/pdf/renderer.js';
import { OpenApiValidator, validatingAgent } from './openapi-validator.js';

let renderer: Promise<PdfRenderer> | undefined;

export interface TestApp {
  app: INestApplication;
  /** Every response is checked against the served OpenAPI document (openapi-validator.ts). */
  http: ReturnType<typeof request>;
  /** The same agent without the check, for requests that are deliberately not API operations. */
  rawHttp: ReturnType<typeof request>;
  db: DataSource;
  databaseUrl: string;
  close(): Promise<void>;
}

export type TestRole = 'app' | 'owner' | 'superuser';

/** The same database as `databaseUrl`, connected as the run's app role, its owner role, or the superuser (global-setup.js). */
export function databaseUrlAs(role: TestRole, databaseUrl: string): string {
  const base = {
    app: process.env.SUTIAO_TEST_APP_URL!,
    owner: process.env.SUTIAO_TEST_OWNER_URL!,
    superuser: process.env.SUTIAO_TEST_ADMIN_URL!,
  }[role];
  const url = new URL(base);
  url.pathname = new URL(databaseUrl).pathname;
  return url.toString();
}

/** The run's owner role (owns the template and every clone). */
export const ownerRole = () => decodeURIComponent(new URL(process.env.SUTIAO_TEST_OWNER_URL!).username);

/** A new database name the global teardown drops. */
export const testDatabaseName = () => `${process.env.SUTIAO_TEST_TEMPLATE!}_${randomBytes(4).toString('hex')}`;

/**
 * A fresh database cloned from the migrated template (fast, isolated per test file), as the app
 * role sees it: the clone keeps the template's owner, grants and default privileges.
 */
export async function freshDatabase(): Promise<string> {
  const adminUrl = process.env.SUTIAO_TEST_ADMIN_URL!;
  const template = process.env.SUTIAO_TEST_TEMPLATE!;
  const name = testDatabaseName();
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template} OWNER "${ownerRole()}"`);
  await admin.end();
  return databaseUrlAs('app', `postgres://x/${name}`);
}

const validators = new Map<string, OpenApiValidator>();
/** One validator per distinct document (compiled schemas are reused by every app of the worker). */
function validatorFor(docText: string): OpenApiValidator {
  let v = validators.get(docText);
  if (!v) validators.set(docText, (v = new OpenApiValidator(JSON.parse(docText) as ConstructorParameters<typeof OpenApiValidator>[0])));
  return v;
}

/** Boots the production app (same pipes, filters, guards) on a fresh database. */
export async function startTestApp(opts: { databaseUrl?: string; listen?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const databaseUrl = opts.databaseUrl ?? (await freshDatabase());
  const config = loadConfig({
    JWT_SECRET: 'test-secret',
    DATA_DIR: '/tmp/sutiao-test-data',
    PORT: '0',
    DB_POOL_SIZE: '10',
    WEB_ROOT: '/nonexistent',
    ...opts.env,
  });
  renderer ??= PdfRenderer.create();
  const app = await createApp({ config, databaseUrl, logger: false, renderer: await renderer });
  if (opts.listen) await app.listen(0, '127.0.0.1');
  else await app.init();
  const raw = request(app.getHttpServer());
  const served = await raw.get('/api/docs-json');
  if (served.status !== 200) throw new Error(`GET /api/docs-json answered ${served.status}`);
  return {
    app,
    http: validatingAgent(raw, validatorFor(served.text)),
    rawHttp: raw,
    db: app.get<DataSource>(getDataSourceToken()),
    databaseUrl,
    close: () => app.close(),
  };
}

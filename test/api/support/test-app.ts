import { randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import pg from 'pg';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { createApp } from '../../../dist/api/bootstrap.js';
import { loadConfig } from '../../../dist/api/config/app-config.js';
import { PdfRenderer } from '../../../dist/api/documents/pdf/renderer.js';

let renderer: Promise<PdfRenderer> | undefined;

export interface TestApp {
  app: INestApplication;
  http: ReturnType<typeof request>;
  db: DataSource;
  databaseUrl: string;
  close(): Promise<void>;
}

/** A fresh database cloned from the migrated template (fast, isolated per test file). */
export async function freshDatabase(): Promise<string> {
  const adminUrl = process.env.SUTIAO_TEST_ADMIN_URL!;
  const template = process.env.SUTIAO_TEST_TEMPLATE!;
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Boots the production app (same pipes, filters, guards) on a fresh database. */
export async function startTestApp(opts: { databaseUrl?: string; listen?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  const databaseUrl = opts.databaseUrl ?? (await freshDatabase());
  const config = loadConfig({ JWT_SECRET: 'test-secret', DATA_DIR: '/tmp/sutiao-test-data', PORT: '0', DB_POOL_SIZE: '10', WEB_ROOT: '/nonexistent', ...opts.env });
  renderer ??= PdfRenderer.create();
  const app = await createApp({ config, databaseUrl, logger: false, renderer: await renderer });
  if (opts.listen) await app.listen(0, '127.0.0.1');
  else await app.init();
  return {
    app, http: request(app.getHttpServer()), db: app.get<DataSource>(getDataSourceToken()), databaseUrl,
    close: () => app.close(),
  };
}

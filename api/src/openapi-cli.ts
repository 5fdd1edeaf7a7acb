// `npm run openapi:write [-- FILE]`: writes the OpenAPI document as the server serves it at
// /api/docs-json, without a database: Nest's preview mode resolves modules and routes but
// instantiates no provider, so nothing connects anywhere.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module.js';
import { loadConfig } from './config/app-config.js';
import { buildOpenApiDocument } from './openapi.js';

async function main(): Promise<void> {
  const out = resolve(process.argv[2] ?? 'dist/openapi.json');
  const config = loadConfig({ JWT_SECRET: 'openapi-document-only', WEB_ROOT: '/nonexistent', DATA_DIR: '/nonexistent' });
  const app = await NestFactory.create(AppModule.forRoot({ config, databaseUrl: 'postgres://none@127.0.0.1:1/none' }), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  app.setGlobalPrefix('api');
  const doc = buildOpenApiDocument(app);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`OpenAPI document: ${Object.keys(doc.paths).length} paths → ${out}`);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

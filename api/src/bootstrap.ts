import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { AppLogger } from './common/app-logger.js';
import { responseCompression } from './common/compression.js';
import { httpHardening } from './common/http-hardening.js';
import { buildOpenApiDocument } from './openapi.js';

/** Builds the HTTP app exactly as production runs it (tests use this too). */
export async function createApp(opts: AppModuleOptions & { logger?: false | LoggerService }): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(opts), {
    bodyParser: false,
    logger: opts.logger ?? new AppLogger({ format: opts.config.logFormat, level: opts.config.logLevel }),
  });
  app.useBodyParser('json', { limit: '1mb' });
  // Only configured proxies may set the client address (rate limits key on req.ip); none by default.
  app.set('trust proxy', opts.config.trustProxy);
  app.disable('x-powered-by');
  app.use(responseCompression());
  app.use(httpHardening());
  app.setGlobalPrefix('api');
  SwaggerModule.setup('api/docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

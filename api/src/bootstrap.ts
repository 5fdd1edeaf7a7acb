import type { INestApplication, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule, type AppModuleOptions } from './app.module.js';
import { AppLogger } from './common/app-logger.js';
import { httpHardening } from './common/http-hardening.js';
import { completeOpenApi } from './openapi.js';

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
  app.use(httpHardening());
  app.setGlobalPrefix('api');
  const doc = new DocumentBuilder()
    .setTitle('sutiao — 诉调对接 API')
    .setDescription(
      'Court intake, delegated mediation, agreements and online judicial confirmation. Errors: {statusCode, error, message, code, errors?}.',
    )
    .setVersion('1.0.0')
    .setLicense('Proprietary', 'https://example.org/sutiao/license')
    .setContact('sutiao team', '', 'dev@sutiao.invalid')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addServer('/')
    .build();
  SwaggerModule.setup('api/docs', app, () => completeOpenApi(SwaggerModule.createDocument(app, doc)), { jsonDocumentUrl: 'api/docs-json' });
  return app;
}

import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { AuditService } from './audit/audit.service.js';
import { AuthController } from './auth/auth.controller.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthService } from './auth/auth.service.js';
import { CalendarService } from './calendar/calendar.service.js';
import { CaseActionsService } from './cases/case-actions.service.js';
import { CasesController } from './cases/cases.controller.js';
import { CasesService } from './cases/cases.service.js';
import { Clock } from './common/clock.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { RateLimitGuard } from './common/rate-limit.guard.js';
import { createValidationPipe } from './common/validation.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { dataSourceOptions } from './database/data-source.js';
import { DocumentsController } from './documents/documents.controller.js';
import { DocumentsService, PDF_RENDERER } from './documents/documents.service.js';
import { PdfRenderer } from './documents/pdf/renderer.js';
import { HealthController } from './health/health.controller.js';
import { QueueEventsService } from './queue/queue-events.service.js';
import { QueueOversightService } from './queue/queue-oversight.service.js';
import { QueueController } from './queue/queue.controller.js';
import { QueueService } from './queue/queue.service.js';
import { ReferenceController } from './reference/reference.controller.js';
import { ReferenceService } from './reference/reference.service.js';
import { BulletinService } from './stats/bulletin.service.js';
import { StatsExportService } from './stats/stats-export.service.js';
import { StatsRefreshService } from './stats/stats-refresh.service.js';
import { StatsController } from './stats/stats.controller.js';
import { StatsService } from './stats/stats.service.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Tests may share one renderer between app instances. */
  renderer?: PdfRenderer;
}

@Module({})
export class AppModule {
  static forRoot(opts: AppModuleOptions): DynamicModule {
    const { config } = opts;
    const serveWeb = existsSync(config.webRoot)
      ? [ServeStaticModule.forRoot({ rootPath: config.webRoot, exclude: ['/api/{*path}'], serveStaticOptions: { maxAge: '1h', index: false } })]
      : [];
    return {
      module: AppModule,
      imports: [
        // The app never migrates (main.ts and the CLI do): it does not load the migration files at all.
        TypeOrmModule.forRoot({ ...dataSourceOptions({ url: opts.databaseUrl, poolSize: config.dbPoolSize }), migrations: [] }),
        // A KeyObject made once: given a string, jsonwebtoken rebuilds (and first tries to parse as a public key) the key on every verify.
        JwtModule.register({ global: true, secret: createSecretKey(Buffer.from(config.jwtSecret)), signOptions: { expiresIn: config.jwtTtlSeconds } }),
        ...serveWeb,
      ],
      controllers: [
        HealthController,
        AuthController,
        ReferenceController,
        CasesController,
        DocumentsController,
        QueueController,
        // queue (issue 3) controllers go here
        // stats (issue 5) controllers go here
        StatsController,
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: PDF_RENDERER, useFactory: () => opts.renderer ?? PdfRenderer.create() },
        Clock,
        AuditService,
        AuthService,
        CalendarService,
        ReferenceService,
        CasesService,
        CaseActionsService,
        DocumentsService,
        QueueService,
        QueueOversightService,
        QueueEventsService,
        // queue (issue 3) providers go here
        // stats (issue 5) providers go here
        StatsService,
        StatsRefreshService,
        StatsExportService,
        BulletinService,
      ],
      exports: [Clock, CasesService, CaseActionsService, DocumentsService, AuditService, CalendarService],
    };
  }
}

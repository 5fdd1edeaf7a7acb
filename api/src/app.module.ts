import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { AuditModule } from './audit/audit.module.js';
import { AuthGuard } from './auth/auth.guard.js';
import { AuthModule } from './auth/auth.module.js';
import { CalendarModule } from './calendar/calendar.module.js';
import { CaseRecordsModule } from './case-records/case-records.module.js';
import { CasesModule } from './cases/cases.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { webAssetHeaders } from './common/http-hardening.js';
import { RateLimitGuard } from './common/rate-limit.guard.js';
import { createValidationPipe } from './common/validation.js';
import type { AppConfig } from './config/app-config.js';
import { CoreModule } from './core.module.js';
import { CourtsModule } from './courts/courts.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { DocumentsModule } from './documents/documents.module.js';
import type { PdfRenderer } from './documents/pdf/renderer.js';
import { FollowupModule } from './followup/followup.module.js';
import { HealthModule } from './health/health.module.js';
import { OrganizationsModule } from './organizations/organizations.module.js';
import { PartyModule } from './party/party.module.js';
import { AdminModule } from './admin/admin.module.js';
import { QueueModule } from './queue/queue.module.js';
import { ReviewModule } from './review/review.module.js';
import { ReferenceModule } from './reference/reference.module.js';
import { SmsModule } from './sms/sms.module.js';
import { StatsModule } from './stats/stats.module.js';
import { UsersModule } from './users/users.module.js';

export interface AppModuleOptions {
  config: AppConfig;
  databaseUrl: string;
  /** Read replicas (default: DATABASE_REPLICA_URLS); only ReadReplica reads from them. */
  replicaUrls?: string[];
  /** Tests may share one renderer between app instances. */
  renderer?: PdfRenderer;
}

@Module({})
export class AppModule {
  static forRoot(opts: AppModuleOptions): DynamicModule {
    const { config } = opts;
    const serveWeb = existsSync(config.webRoot)
      ? [
          ServeStaticModule.forRoot({
            rootPath: config.webRoot,
            exclude: ['/api/{*path}'],
            serveStaticOptions: { index: false, setHeaders: webAssetHeaders },
          }),
        ]
      : [];
    return {
      module: AppModule,
      imports: [
        // The app never migrates (main.ts and the CLI do): it does not load the migration files at all.
        TypeOrmModule.forRoot({
          ...dataSourceOptions({
            url: opts.databaseUrl,
            poolSize: config.dbPoolSize,
            replicaUrls: opts.replicaUrls ?? config.databaseReplicaUrls,
          }),
          migrations: [],
        }),
        // A KeyObject made once: given a string, jsonwebtoken rebuilds (and first tries to parse as a public key) the key on every verify.
        JwtModule.register({
          global: true,
          secret: createSecretKey(Buffer.from(config.jwtSecret)),
          signOptions: { expiresIn: config.jwtTtlSeconds },
        }),
        ...serveWeb,
        CoreModule.forRoot({ config, renderer: opts.renderer }),
        // Routes (and the OpenAPI document) follow the order the modules are first imported in.
        HealthModule,
        AuthModule,
        ReferenceModule,
        CasesModule,
        FollowupModule,
        DocumentsModule,
        QueueModule,
        ReviewModule,
        StatsModule,
        AuditModule,
        CalendarModule,
        CaseRecordsModule,
        CourtsModule,
        OrganizationsModule,
        UsersModule,
        SmsModule,
        PartyModule,
        AdminModule,
      ],
      providers: [
        { provide: APP_PIPE, useFactory: createValidationPipe },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_GUARD, useClass: RateLimitGuard },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}

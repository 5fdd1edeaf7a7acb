import { type DynamicModule, Global, Module } from '@nestjs/common';
import { Clock } from './common/clock.js';
import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { PDF_RENDERER } from './documents/documents.service.js';
import { PdfRenderer } from './documents/pdf/renderer.js';

export interface CoreOptions {
  config: AppConfig;
  /** Tests may share one renderer between app instances. */
  renderer?: PdfRenderer;
}

/**
 * What any module may inject without importing it, one instance per app: the typed configuration,
 * the clock (the seed replays history through it), and the PDF renderer (fonts and templates load once).
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(opts: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: opts.config },
        { provide: PDF_RENDERER, useFactory: () => opts.renderer ?? PdfRenderer.create() },
        Clock,
      ],
      exports: [APP_CONFIG, PDF_RENDERER, Clock],
    };
  }
}

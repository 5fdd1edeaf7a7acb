import { ConsoleLogger, type LogLevel } from '@nestjs/common';

export type LogThreshold = 'error' | 'warn' | 'log' | 'debug' | 'verbose';

const LEVELS: Record<LogThreshold, LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  verbose: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Nest's boot chatter: one line per module and per route (about 60 at start), kept for LOG_LEVEL=debug. */
const BOOT_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestFactory', 'NestApplication']);

/**
 * The application's logger: text for a terminal, one JSON object per line for production
 * (LOG_FORMAT=json), at the threshold of LOG_LEVEL. At the default threshold Nest's boot lines
 * are left out, so `npm start` prints what a user needs: where to log in.
 */
export class AppLogger extends ConsoleLogger {
  private readonly bootChatter: boolean;

  constructor(opts: { format: 'json' | 'text'; level: LogThreshold }) {
    super({ json: opts.format === 'json', colors: opts.format === 'json' ? false : undefined, logLevels: LEVELS[opts.level] });
    this.bootChatter = opts.level === 'debug' || opts.level === 'verbose';
  }

  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.at(-1);
    if (!this.bootChatter && typeof context === 'string' && BOOT_CONTEXTS.has(context)) return;
    super.log(message, ...rest);
  }
}

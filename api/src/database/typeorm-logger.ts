import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's log through Nest's logger, without query parameters: they carry party names, ID
 * numbers, phone numbers and whole PDFs, and have no place in a log. A failing query is logged
 * with its SQLSTATE, message and the start of its SQL; errors the application turns into answers
 * itself (a unique key taken, a lock not granted, the queue's own SU codes) are debug-level only.
 */
export class SafeTypeOrmLogger implements TypeOrmLogger {
  /** Set while the process stops: queries cut off by the closing pool or database are expected then. */
  static shuttingDown = false;

  private readonly logger = new NestLogger('Database');

  /** SQLSTATEs the services catch and map to a 4xx or retry: not worth a warning. */
  private static readonly HANDLED = new Set(['23505', '23P01', '40001', '40P01', '55P03', 'SU403', 'SU409', 'SU410']);

  /** The server is shutting down (Ctrl-C reaches the embedded PostgreSQL too): the app's own shutdown follows. */
  private static readonly SERVER_STOPPING = new Set(['57P01', '57P02', '57P03']);

  logQuery(): void {}

  /** `_parameters` is deliberately never read. */
  logQueryError(error: string | Error, query: string, _parameters?: unknown): void {
    const code = typeof error === 'object' ? (error as { code?: string }).code : undefined;
    const message = `${code ? `[${code}] ` : ''}${typeof error === 'string' ? error : error.message} — in: ${brief(query)}`;
    const expected =
      SafeTypeOrmLogger.shuttingDown ||
      (code !== undefined && (SafeTypeOrmLogger.HANDLED.has(code) || SafeTypeOrmLogger.SERVER_STOPPING.has(code)));
    if (expected) this.logger.debug(message);
    else this.logger.warn(message);
  }

  logQuerySlow(time: number, query: string, _parameters?: unknown): void {
    this.logger.warn(`Slow query (${time} ms): ${brief(query)}`);
  }

  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }

  logMigration(message: string): void {
    this.logger.debug(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    // The pool's own errors carry no SQLSTATE here; a server terminating its connections is stopping.
    if (level === 'warn' && !SafeTypeOrmLogger.shuttingDown && !/administrator command/.test(String(message)))
      this.logger.warn(String(message));
    else this.logger.debug(String(message));
  }
}

/** The first 200 characters of a statement on one line. */
function brief(sql: string): string {
  const line = sql.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

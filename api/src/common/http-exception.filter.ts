import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { DomainError, type ErrorCode } from './domain-error.js';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION_FAILED':
      return 400;
    case 'UNAUTHENTICATED':
      return 401;
    case 'FORBIDDEN':
    case 'PASSWORD_CHANGE_REQUIRED':
      return 403;
    case 'NOT_FOUND':
      return 404;
    case 'ILLEGAL_TRANSITION':
    case 'ALREADY_CLAIMED':
    case 'VERSION_CONFLICT':
    case 'DEADLINE_PASSED':
    case 'WORKLOAD_CAP':
    case 'DUPLICATE':
    case 'STALE_DOCUMENT':
      return 409;
    case 'PAYLOAD_TOO_LARGE':
      return 413;
    case 'UNPROCESSABLE':
      return 422;
    case 'RATE_LIMITED':
      return 429;
    case 'SERVICE_UNAVAILABLE':
      return 503;
  }
}

function codeOfStatus(status: number): string {
  switch (status) {
    case 400:
      return 'VALIDATION_FAILED';
    case 401:
      return 'UNAUTHENTICATED';
    case 403:
      return 'FORBIDDEN';
    case 404:
      return 'NOT_FOUND';
    case 413:
      return 'PAYLOAD_TOO_LARGE';
    case 429:
      return 'RATE_LIMITED';
    default:
      return status >= 500 ? 'INTERNAL' : 'ERROR';
  }
}

/** PostgreSQL errors caused by input rather than by us (bad uuid text, out-of-range numbers …). */
const INPUT_SQLSTATES = new Set(['22P02', '22003', '22007', '22008', '22001', '22021', '23514']);

/**
 * The database cannot be reached (down, restarting, failing over, connections cut, pool
 * exhausted): a 503 the client may retry, never a 500 and never a false success. pg raises these
 * as socket errors, as messages of its own, or with SQLSTATE class 08 (connection) / 57P01-57P03
 * (admin shutdown, crash, starting up or in recovery) / 53300 (too many connections) / 25006
 * (read-only transaction: the server we reached was just demoted to a standby, or the load
 * balancer still points at one). A failed statement changed nothing, so the retry is safe.
 */
const UNREACHABLE_SYSCALLS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const UNREACHABLE_MESSAGES =
  /Connection terminated|connection error and is not queryable|timeout exceeded when trying to connect|Cannot use a pool after calling end|Client was closed and is not queryable|Connection ended unexpectedly|server closed the connection unexpectedly|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)/i;
const UNREACHABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '53300', '25006']);

export function isDatabaseUnavailable(exception: unknown): boolean {
  for (
    let e = exception as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    depth++
  ) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNREACHABLE_SYSCALLS.has(code) || code.startsWith('08') || UNREACHABLE_SQLSTATES.has(code)) return true;
    if (typeof e.message === 'string' && UNREACHABLE_MESSAGES.test(e.message)) return true;
    e = (e.driverError ?? e.cause) as typeof e;
  }
  return false;
}

/** The one place where errors become HTTP responses; the shape is the contract's. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) return;
    const body = this.toBody(exception);
    if (body.code === 'SERVICE_UNAVAILABLE') {
      if (!(exception instanceof DomainError))
        this.logger.warn(`Database unavailable: ${exception instanceof Error ? exception.message : String(exception)}`);
    } else if (body.statusCode >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): Record<string, unknown> & { statusCode: number } {
    if (exception instanceof DomainError) {
      const statusCode = statusOf(exception.code);
      return {
        statusCode,
        error: STATUS_TEXT[statusCode],
        message: exception.message,
        code: exception.code,
        ...(exception.errors ? { errors: exception.errors } : {}),
        ...(exception.extra ?? {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const res = exception.getResponse();
      const raw = typeof res === 'string' ? res : (res as { message?: unknown }).message;
      const message = Array.isArray(raw) ? raw.join('; ') : String(raw ?? exception.message);
      const errors = typeof res === 'object' ? (res as { errors?: unknown }).errors : undefined;
      return {
        statusCode,
        error: STATUS_TEXT[statusCode] ?? 'Error',
        message,
        code: codeOfStatus(statusCode),
        ...(errors ? { errors } : {}),
      };
    }
    if (exception instanceof QueryFailedError) {
      const sqlState = (exception as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
      if (sqlState && INPUT_SQLSTATES.has(sqlState)) {
        return { statusCode: 400, error: 'Bad Request', message: 'Invalid value in request', code: 'VALIDATION_FAILED' };
      }
      if (sqlState === '57014') {
        return { statusCode: 503, error: 'Service Unavailable', message: 'The database took too long; try again', code: 'TIMEOUT' };
      }
    }
    if (isDatabaseUnavailable(exception)) {
      return {
        statusCode: 503,
        error: STATUS_TEXT[503],
        message: 'The database is not reachable at the moment; try again shortly',
        code: 'SERVICE_UNAVAILABLE',
      };
    }
    const type = (exception as { type?: string })?.type;
    const status = (exception as { status?: number })?.status;
    if (type === 'entity.too.large' || status === HttpStatus.PAYLOAD_TOO_LARGE) {
      return { statusCode: 413, error: STATUS_TEXT[413], message: 'Request body larger than 1 MB', code: 'PAYLOAD_TOO_LARGE' };
    }
    if (type === 'entity.parse.failed' || (status === 400 && exception instanceof SyntaxError)) {
      return { statusCode: 400, error: 'Bad Request', message: 'Malformed JSON body', code: 'VALIDATION_FAILED' };
    }
    if (typeof status === 'number' && status >= 400 && status < 500) {
      return {
        statusCode: status,
        error: STATUS_TEXT[status] ?? 'Error',
        message: String((exception as Error).message),
        code: codeOfStatus(status),
      };
    }
    return { statusCode: 500, error: STATUS_TEXT[500], message: 'Internal server error', code: 'INTERNAL' };
  }
}

/**
 * Coded domain errors. Services throw these; one filter maps them to HTTP
 * (see common/http-exception.filter.ts). Codes are the contract's.
 */
export const ERROR_CODES = [
  'VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'PASSWORD_CHANGE_REQUIRED',
  'NOT_FOUND',
  'ILLEGAL_TRANSITION',
  'ALREADY_CLAIMED',
  'VERSION_CONFLICT',
  'DEADLINE_PASSED',
  'WORKLOAD_CAP',
  'DUPLICATE',
  'STALE_DOCUMENT',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'UNPROCESSABLE',
  'SERVICE_UNAVAILABLE',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Codes only the HTTP filter answers (common/http-exception.filter.ts): a statement the database
 * cancelled (503), another 4xx of the framework (405, 415 …), and an unexpected failure (500).
 */
export const FILTER_ERROR_CODES = ['TIMEOUT', 'ERROR', 'INTERNAL'] as const;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly errors?: Record<string, string>,
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} not found`);
export const forbidden = (why: string) => new DomainError('FORBIDDEN', why);
export const invalid = (field: string, code: string, message?: string) =>
  new DomainError('VALIDATION_FAILED', message ?? `${field}: ${code}`, { [field]: code });

/**
 * Shared OpenAPI vocabulary: the contract's error responses, list pages, and typed schema
 * fragments (money, dates, instants), so every feature declares the same shapes the same way.
 */
import { applyDecorators, type Type } from '@nestjs/common';
import { ApiProperty, ApiResponse, type ApiPropertyOptions } from '@nestjs/swagger';

/** What each error status means in this API; every one answers the shared `Error` schema. */
export const ERROR_STATUS_MEANINGS: Readonly<Record<number, string>> = {
  400: 'VALIDATION_FAILED: invalid input; `errors` maps each field to a short code',
  401: 'UNAUTHENTICATED: missing, expired or revoked token (or wrong credentials on login)',
  403: 'FORBIDDEN: the caller’s role may not do this; PASSWORD_CHANGE_REQUIRED: a one-time password must be changed first',
  404: 'NOT_FOUND: no such resource visible to the caller',
  409: 'ILLEGAL_TRANSITION, VERSION_CONFLICT, ALREADY_CLAIMED, DEADLINE_PASSED, WORKLOAD_CAP, DUPLICATE (e.g. a username taken) or STALE_DOCUMENT (a signature of a PDF that is no longer the current agreement)',
  413: 'PAYLOAD_TOO_LARGE: request body larger than 1 MB (an import file: 5 MB)',
  422: 'UNPROCESSABLE (or DEADLINE_PASSED): well-formed, but outside what the legal rules can answer',
  429: 'RATE_LIMITED: too many requests; try again later',
  503: 'SERVICE_UNAVAILABLE: the database is not reachable at the moment; try again shortly',
};

export const ERROR_SCHEMA_REF = '#/components/schemas/Error';

/** Declares error statuses the operation can answer, each with the contract's error body. */
export function ApiErrors(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({ status, description: ERROR_STATUS_MEANINGS[status] ?? 'Error', schema: { $ref: ERROR_SCHEMA_REF } }),
    ),
  );
}

/** A decimal string in yuan with exactly two decimals (contract: "Money"). */
export const MONEY_PATTERN = '^-?\\d+\\.\\d{2}$';

export const money = (opts: ApiPropertyOptions = {}): ApiPropertyOptions =>
  ({ type: 'string', pattern: MONEY_PATTERN, example: '25000.00', ...opts }) as ApiPropertyOptions;
export const calendarDate = (opts: ApiPropertyOptions = {}): ApiPropertyOptions =>
  ({ type: 'string', format: 'date', example: '2026-11-20', ...opts }) as ApiPropertyOptions;
export const instant = (opts: ApiPropertyOptions = {}): ApiPropertyOptions =>
  ({ type: 'string', format: 'date-time', example: '2026-11-20T09:30:00.000Z', ...opts }) as ApiPropertyOptions;
export const uuid = (opts: ApiPropertyOptions = {}): ApiPropertyOptions =>
  ({ type: 'string', format: 'uuid', example: '3f2b8c1e-6d4a-4c1b-9f5e-2a7d8e9b0c11', ...opts }) as ApiPropertyOptions;
export const integer = (opts: ApiPropertyOptions = {}): ApiPropertyOptions => ({ type: 'integer', ...opts }) as ApiPropertyOptions;

/** The fields of every list page (contract: "Lists"). */
export class PageMeta {
  @ApiProperty({ type: 'integer', minimum: 0, example: 137, description: 'Items matching, on all pages' })
  total: number;

  @ApiProperty({ type: 'integer', minimum: 1, example: 1 })
  page: number;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 200, example: 50 })
  pageSize: number;
}

/** A named page class of `item` (OpenAPI needs one schema per item type). */
export function PageOf<T>(item: Type<T>, name: string): Type<PageMeta & { items: T[] }> {
  class Page extends PageMeta {
    @ApiProperty({ type: [item] })
    items: T[];
  }
  Object.defineProperty(Page, 'name', { value: name });
  return Page as Type<PageMeta & { items: T[] }>;
}

/** A binary success body (PDF, spreadsheet, CSV) in the given media types. */
export function ApiFileResponse(mediaTypes: string[], description: string, status = 200): MethodDecorator & ClassDecorator {
  return ApiResponse({
    status,
    description,
    content: Object.fromEntries(mediaTypes.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
  });
}

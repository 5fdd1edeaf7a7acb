import type { OpenAPIObject } from '@nestjs/swagger';

type OperationObject = OpenAPIObject['paths'][string]['get'] & object;
/** Operations anyone may call without a token. */
const PUBLIC_OPERATIONS = new Set(['get /api/health', 'post /api/auth/login', 'get /api/verify/{sha256}']);

const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message', 'code'],
  properties: {
    statusCode: { type: 'integer', example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { type: 'string', example: 'Validation failed — parties.0.idNumber: checksum' },
    code: {
      type: 'string',
      enum: [
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
        'RATE_LIMITED',
        'PAYLOAD_TOO_LARGE',
        'UNPROCESSABLE',
        'SERVICE_UNAVAILABLE',
      ],
    },
    errors: { type: 'object', additionalProperties: { type: 'string' }, example: { 'parties.0.idNumber': 'checksum' } },
  },
};

const error = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

/**
 * Completes the generated document with what decorators cannot say once for all operations:
 * the security of each operation, the contract's error responses, and the error schema.
 */
export function completeOpenApi(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas = { ...(doc.components.schemas ?? {}), Error: ERROR_SCHEMA };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item) as [string, OperationObject][]) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const key = `${method} ${path}`;
      const isPublic = PUBLIC_OPERATIONS.has(key);
      op.security = isPublic ? [] : [{ bearer: [] }];
      op.summary ??= op.operationId;
      const responses: Record<string, unknown> = (op.responses ??= {});
      const hasInput = (op.parameters?.length ?? 0) > 0 || !!op.requestBody;
      if (hasInput) responses['400'] ??= error('Invalid input: `errors` maps each field to a short code');
      if (!isPublic) {
        responses['401'] ??= error('Missing or expired token');
        responses['403'] ??= error(
          'FORBIDDEN: the caller’s role may not do this; PASSWORD_CHANGE_REQUIRED: a one-time password must be changed first',
        );
      }
      if (path.includes('{')) responses['404'] ??= error('No such resource visible to the caller');
      if (method === 'post' && path.startsWith('/api/cases/{id}/')) {
        responses['409'] ??= error('ILLEGAL_TRANSITION, VERSION_CONFLICT, ALREADY_CLAIMED, DEADLINE_PASSED or WORKLOAD_CAP');
      }
      if (key === 'post /api/auth/login' || key === 'post /api/auth/password' || key === 'get /api/verify/{sha256}')
        responses['429'] ??= error('Rate limited');
      if (!Object.keys(responses).some((s) => s.startsWith('4'))) responses['400'] = error('Invalid request');
    }
  }
  return doc;
}

import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_SCHEMA_REF, ERROR_STATUS_MEANINGS } from './common/api-docs.js';
import { ERROR_CODES, FILTER_ERROR_CODES } from './common/domain-error.js';

type OperationObject = OpenAPIObject['paths'][string]['get'] & object;
type ParameterObject = { in?: string; name?: string; schema?: { type?: string; format?: string; example?: string } };

/** Operations anyone may call without a token. */
const PUBLIC_OPERATIONS = new Set([
  'get /api/health',
  'post /api/auth/login',
  'get /api/verify/{sha256}',
  'post /api/party/auth/request-code',
  'post /api/party/auth/verify',
]);
/** Operations every signed-in user may call, even before changing a one-time password: no 403. */
const ANY_SIGNED_IN = new Set(['post /api/auth/password', 'post /api/auth/logout']);

/** Every tag, in the order the UI shows them. */
export const TAGS = [
  { name: 'health', description: '健康检查：数据库可用即可服务（Health: the app can serve）' },
  { name: 'auth', description: '登录、修改密码、退出（Accounts and sessions）' },
  { name: 'reference', description: '调解组织、调解员、案由、期限计算器、诉讼费计算（Reference data and calculators）' },
  { name: 'cases', description: '立案、委派、接收、调解、协议、终结、司法确认（Cases and their actions）' },
  { name: 'documents', description: '文书下载、调解卷宗、公开验真（Documents and public verification）' },
  { name: 'queue', description: '调解员共享队列、实时事件、超期与接收统计（The mediators’ shared queue）' },
  { name: 'stats', description: '统计、红黑榜、万人起诉率、导出、月度通报（Statistics and reports）' },
  { name: 'review', description: '司法确认审查卷、补交材料、不予受理/撤回裁定、民事调解书（The judge’s review file）' },
  { name: 'admin', description: '系统管理：用户、本院设置、管理操作记录（Court administration）' },
  { name: 'party', description: '当事人：验证码登录、查看本人案件、同意调解与电子送达（The parties’ side）' },
  { name: 'followup', description: '协议履行、回访工作台、履行提醒（Performance follow-up of agreements）' },
];

/** The contract's error body: {statusCode, error, message, code, errors?}. */
export const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message', 'code'],
  properties: {
    statusCode: { type: 'integer', minimum: 400, maximum: 599, example: 400 },
    error: { type: 'string', example: 'Bad Request' },
    message: { type: 'string', example: 'Validation failed — parties.0.idNumber: checksum' },
    code: {
      type: 'string',
      enum: [...ERROR_CODES, ...FILTER_ERROR_CODES],
      example: 'VALIDATION_FAILED',
      description:
        'Machine-readable reason. TIMEOUT: the database cancelled a slow statement (503); ERROR: another framework 4xx; INTERNAL: an unexpected failure (500).',
    },
    errors: {
      type: 'object',
      additionalProperties: { type: 'string' },
      description: 'VALIDATION_FAILED: a short code per invalid field',
      example: { 'parties.0.idNumber': 'checksum' },
    },
  },
  description: 'Some codes add details (e.g. WORKLOAD_CAP: activeCases and cap; ILLEGAL_TRANSITION: status).',
};

const errorResponse = (status: number) => ({
  description: ERROR_STATUS_MEANINGS[status] ?? 'Error',
  content: { 'application/json': { schema: { $ref: ERROR_SCHEMA_REF } } },
});

/**
 * Completes the generated document with what decorators cannot say once for all operations: the
 * security of each operation and the errors every operation of a kind can answer (a token, input,
 * a path id, a body, the database). Operation-specific errors (409, 422, 429) are declared on the
 * handlers with ApiErrors (common/api-docs.ts).
 */
export function completeOpenApi(doc: OpenAPIObject): OpenAPIObject {
  doc.components ??= {};
  doc.components.schemas = { ...(doc.components.schemas ?? {}), Error: ERROR_SCHEMA };
  doc.tags = TAGS;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item) as [string, OperationObject][]) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      const key = `${method} ${path}`;
      const isPublic = PUBLIC_OPERATIONS.has(key);
      op.security = isPublic ? [] : [{ bearer: [] }];
      const responses: Record<string, unknown> = (op.responses ??= {});
      const params = (op.parameters ?? []) as ParameterObject[];
      const add = (status: number) => (responses[String(status)] ??= errorResponse(status));
      // Path ids are uuids (ParseUUIDPipe) except the verification hash, which answers 404 for anything
      // unknown, and a calendar day (validated as a date).
      for (const p of params) {
        if (p.in !== 'path' || p.name === 'sha256') continue;
        p.schema =
          p.name === 'date' ? { type: 'string', format: 'date', example: '2027-02-06' } : { ...p.schema, type: 'string', format: 'uuid' };
      }
      // Query DTOs and validated path parameters answer 400; a body is validated and limited to 1 MB.
      const validatedPath = (p: ParameterObject) => p.in === 'path' && (p.schema?.format === 'uuid' || p.schema?.format === 'date');
      if (params.some((p) => p.in === 'query' || validatedPath(p)) || op.requestBody) add(400);
      if (!isPublic) add(401);
      if (!isPublic && !ANY_SIGNED_IN.has(key)) add(403);
      if (params.some((p) => p.in === 'path')) add(404);
      if (op.requestBody) add(413);
      add(503);
      op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b))) as OperationObject['responses'];
    }
  }
  return doc;
}

/** The document served at /api/docs-json (and written by `npm run openapi:write`). */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
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
  return completeOpenApi(SwaggerModule.createDocument(app, config));
}

/**
 * Checks every response the API e2e suite receives against the OpenAPI document the server serves
 * (/api/docs-json): the operation is found by method and path template, the status must be
 * declared, the media type must be one the operation declares, and a JSON body must match the
 * declared schema (ajv, formats checked, $refs resolved). Objects are closed for the check: a field
 * the document does not declare is a mismatch too, so the document can never drift from the server.
 *
 * Every check is appended to the run's results file (global-setup.js), which global-teardown.js
 * counts and reports; a mismatch also fails the request's test at once.
 */
import { appendFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type request from 'supertest';

type Json = Record<string, unknown>;
type Doc = { paths: Record<string, Record<string, Json>>; components?: { schemas?: Record<string, Json> } };
type ResponseLike = { status: number; headers: Record<string, string | undefined>; body: unknown; text?: string };

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** The document itself and its UI are not operations of the API. */
const NOT_OPERATIONS = /^\/api\/docs(-json|\/.*)?$/;
/** Schemas that may carry more than they declare (error details such as WORKLOAD_CAP's `cap`). */
const OPEN_SCHEMAS = new Set(['Error']);

// ajv-formats is CommonJS: its default export arrives as the module object under ESM.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: Ajv) => Ajv;

/** OpenAPI 3.0 schema → JSON Schema: `nullable` becomes a null alternative; objects are closed (see above). */
function toJsonSchema(schema: unknown, open = false): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Json = {};
  for (const [k, v] of Object.entries(schema as Json)) {
    if (k === 'example' || k === 'examples' || k === 'nullable') continue;
    out[k] = k === 'properties' ? Object.fromEntries(Object.entries(v as Json).map(([p, s]) => [p, toJsonSchema(s)])) : toJsonSchema(v);
  }
  if (!open && out.properties && out.additionalProperties === undefined && !out.allOf && !out.oneOf && !out.anyOf) {
    out.additionalProperties = false;
  }
  if ((schema as Json).nullable === true) {
    if (Array.isArray(out.enum)) out.enum = [...(out.enum as unknown[]), null];
    if (typeof out.type === 'string' && !out.allOf) return { ...out, type: [out.type, 'null'] };
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

interface Route {
  template: string;
  method: string;
  regex: RegExp;
  params: number;
  operation: Json;
}

export interface CheckResult {
  operation: string;
  mismatch: string | null;
}

export class OpenApiValidator {
  private readonly routes: Route[] = [];
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly doc: Doc) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addFormat('binary', true);
    const schemas = Object.fromEntries(
      Object.entries(doc.components?.schemas ?? {}).map(([name, s]) => [name, toJsonSchema(s, OPEN_SCHEMAS.has(name))]),
    );
    this.ajv.addSchema({ $id: 'openapi', components: { schemas } });
    for (const [template, item] of Object.entries(doc.paths)) {
      const regex = new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{[^}]+\\?\}/g, '([^/]+)')}$`);
      for (const method of METHODS) {
        const operation = item[method] as Json | undefined;
        if (operation) this.routes.push({ template, method, regex, params: (template.match(/\{/g) ?? []).length, operation });
      }
    }
    // A literal segment wins over a template parameter (/api/queue/next before /api/queue/{x}).
    this.routes.sort((a, b) => a.params - b.params);
  }

  /** null when the request is not an API operation at all (the OpenAPI document itself). */
  check(method: string, url: string, res: ResponseLike): CheckResult | null {
    const path = new URL(url, 'http://x').pathname;
    // The web app's files and the document itself are not API operations.
    if (!path.startsWith('/api/') || NOT_OPERATIONS.test(path)) return null;
    const m = method.toLowerCase();
    const route = this.routes.find((r) => r.method === m && r.regex.test(path));
    const where = `${method.toUpperCase()} ${url} answered ${res.status}`;
    if (!route) {
      // No such operation: only the router's own 404/405 (in the contract's error shape) may answer.
      if (res.status !== 404 && res.status !== 405)
        return { operation: '(none)', mismatch: `${where}: no operation in the OpenAPI document` };
      return { operation: '(none)', mismatch: this.checkBody('#/components/schemas/Error', res, `(no operation) ${where}`) };
    }
    const name = `${String(route.operation.operationId)} (${m.toUpperCase()} ${route.template})`;
    const responses = (route.operation.responses ?? {}) as Record<string, Json>;
    const declared = responses[String(res.status)] ?? responses[`${String(res.status)[0]}XX`] ?? responses.default;
    if (!declared) {
      return {
        operation: name,
        mismatch: `${name}: status ${res.status} is not declared (declared: ${Object.keys(responses).join(', ')}) — ${where}`,
      };
    }
    const content = declared.content as Record<string, { schema?: Json }> | undefined;
    const contentType = (res.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const hasBody = (res.text ?? '').length > 0 || Buffer.isBuffer(res.body);
    if (!content) {
      return {
        operation: name,
        mismatch: hasBody ? `${name}: status ${res.status} declares no body, got ${contentType} — ${where}` : null,
      };
    }
    const media = content[contentType];
    if (!media) {
      return {
        operation: name,
        mismatch: `${name}: media type "${contentType}" not declared for ${res.status} (declared: ${Object.keys(content).join(', ')}) — ${where}`,
      };
    }
    if (contentType !== 'application/json') return { operation: name, mismatch: null };
    if (!media.schema) return { operation: name, mismatch: `${name}: ${res.status} application/json has no schema — ${where}` };
    return { operation: name, mismatch: this.checkBody(media.schema, res, `${name}: ${where}`) };
  }

  private checkBody(schema: Json | string, res: ResponseLike, label: string): string | null {
    const key = typeof schema === 'string' ? schema : JSON.stringify(schema);
    let validate = this.compiled.get(key);
    if (!validate) {
      const root = typeof schema === 'string' ? { $ref: schema } : schema;
      const resolved = JSON.parse(JSON.stringify(toJsonSchema(root)).replace(/"#\/components\//g, '"openapi#/components/')) as Json;
      validate = this.ajv.compile(resolved);
      this.compiled.set(key, validate);
    }
    if (validate(res.body)) return null;
    const errors = (validate.errors ?? [])
      .slice(0, 8)
      .map(
        (e) =>
          `${e.instancePath || '/'} ${e.message ?? ''}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`,
      )
      .join('; ');
    return `${label}: body does not match the schema: ${errors}`;
  }
}

/** Where this run records its checks (set by test/global-setup.js); unset outside the e2e runner. */
const resultsFile = () => process.env.SUTIAO_OPENAPI_RESULTS;

function record(result: CheckResult): void {
  const file = resultsFile();
  if (file) appendFileSync(file, `${JSON.stringify({ operation: result.operation, mismatch: result.mismatch })}\n`);
}

type Agent = ReturnType<typeof request>;
type Test = ReturnType<Agent['get']>;

/**
 * Wraps a supertest agent: every request it makes is checked when it ends, and a mismatch fails
 * the request (its promise rejects) with a message naming the operation, status and path.
 */
export function validatingAgent(agent: Agent, validator: OpenApiValidator): Agent {
  const wrap = (test: Test, method: string, url: string): Test => {
    const end = test.end.bind(test);
    test.end = (fn?: (err: Error | null, res: request.Response) => void) =>
      end((err: Error | null, res: request.Response) => {
        let error = err;
        if (res) {
          const result = validator.check(method, url, res);
          if (result) {
            record(result);
            if (result.mismatch && !error) error = new Error(`OpenAPI mismatch — ${result.mismatch}`);
          }
        }
        fn?.(error, res);
      });
    return test;
  };
  return new Proxy(agent, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof prop === 'string' && (METHODS as readonly string[]).includes(prop) && typeof value === 'function') {
        return (url: string, ...rest: unknown[]) => wrap((value as (...a: unknown[]) => Test).call(target, url, ...rest), prop, url);
      }
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * The API's payloads as the OpenAPI document describes them. api-types.ts is generated
 * (`npm run api:types`, openapi-typescript) from the document the server serves at /api/docs-json;
 * the model files alias these instead of restating the shapes by hand.
 */
import type { components, operations } from './api-types';

export type ApiSchemas = components['schemas'];
export type ApiSchema<K extends keyof ApiSchemas> = ApiSchemas[K];
/** The query parameters an operation accepts. */
export type ApiQuery<K extends keyof operations> = NonNullable<operations[K]['parameters']['query']>;

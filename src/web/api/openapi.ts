// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the integration API and the search
// API. Request bodies and query parameters come from the very zod schemas the routes parse
// with (schemas.ts, through z.toJSONSchema), so the document cannot promise what the routes
// refuse; the answers are described in openapi-components.ts, the routes in
// openapi-operations.ts.
import { z } from 'zod';
import { type JsonSchema, errorText, ref, schemas, searchParameters, str } from './openapi-components.js';
import { type Operation, operations } from './openapi-operations.js';

const jsonSchema = (schema: z.ZodType): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: 'input', target: 'draft-2020-12' });
  return rest;
};

/** "/meetings/:id" → "/api/v1/meetings/{id}". */
export const openApiPath = (path: string): string => `/api/v1${path.replace(/:([A-Za-z]+)/g, '{$1}')}`;

function operationObject(op: Operation): JsonSchema {
  const pathParams = [...op.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: str }));
  const queryParams =
    op.path === '/search'
      ? searchParameters
      : Object.entries(op.query?.shape ?? {}).map(([name, field]) => {
          const schema = jsonSchema(field as z.ZodType);
          const { description, ...rest } = schema;
          return { name, in: 'query', required: !(field as z.ZodType).isOptional(), ...(description ? { description } : {}), schema: rest };
        });
  const hasInput = pathParams.length > 0 || queryParams.length > 0 || op.body !== undefined;
  const statuses = [...new Set([...(hasInput ? [400] : []), ...(op.auth ? [401] : []), ...op.errors])].sort((a, b) => a - b);
  const responses: Record<string, JsonSchema> = {
    [String(op.success.status)]: {
      description: op.success.description,
      ...(op.success.schema ? { content: { 'application/json': { schema: op.success.schema } } } : {}),
    },
  };
  for (const status of statuses) responses[String(status)] = { $ref: `#/components/responses/Error${status}` };
  let requestBody: JsonSchema | undefined;
  if (op.body && 'multipart' in op.body) {
    const fields = jsonSchema(op.body.multipart) as { properties?: Record<string, JsonSchema>; required?: string[] };
    requestBody = {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              file: { type: 'string', contentMediaType: 'application/octet-stream', description: 'The file (PDF, text, …)' },
              ...fields.properties,
            },
            required: ['file', ...(fields.required ?? [])],
          },
        },
      },
    };
  } else if (op.body) {
    const main = jsonSchema(op.body);
    requestBody = {
      required: !op.body.safeParse({}).success,
      content: { 'application/json': { schema: op.altBody ? { oneOf: [main, jsonSchema(op.altBody)] } : main } },
    };
  }
  return {
    operationId: op.operationId,
    tags: [op.tag],
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    ...(op.auth ? {} : { security: [] }),
    ...(pathParams.length + queryParams.length > 0 ? { parameters: [...pathParams, ...queryParams] } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** The document, built once at start-up. */
export function openApiDocument(baseUrl: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of operations) (paths[openApiPath(op.path)] ??= {})[op.method] = operationObject(op);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, description] of Object.entries(errorText)) {
    responses[`Error${status}`] = { description, content: { 'application/json': { schema: ref('Error') } } };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Protokol integration API',
      version: '1',
      description:
        'Meetings, agenda items, attachments, attendance, decisions, approvals and publication for case systems and scripts. ' +
        'Send `Authorization: Bearer <token>` (`protokol token create`). Writes accept an optional `version` (optimistic locking: a stale one is a 409 and nothing is written). ' +
        'Errors are `{ "error": { "code", "message", "field"?, "details"? } }`. See docs/api.md.',
      license: { name: 'MPL-2.0', identifier: 'MPL-2.0' },
    },
    servers: [{ url: baseUrl.replace(/\/+$/, '') }],
    security: [{ bearer: [] }, { session: [] }],
    tags: ['Directory', 'Meetings', 'Items', 'Attachments', 'Minutes', 'Publications', 'Search', 'Audit', 'Meta'].map((name) => ({ name })),
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', description: 'An API token from `protokol token create --role secretary|member …`' },
        session: {
          type: 'apiKey',
          in: 'cookie',
          name: 'protokol_session',
          description: 'A signed-in browser; state-changing requests also need the X-CSRF-Token header',
        },
      },
      schemas,
      responses,
    },
  };
}

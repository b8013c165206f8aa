// Reading a request of the integration API: the JSON body or query string checked by a zod
// schema from schemas.ts, with Danish messages and a 400 naming the field by its JSON path; and
// the services' field names translated back to the API's for errors the services raise.
import type { Context } from 'hono';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.js';

const danish = z.locales.da();

/**
 * `{ key: value }`, or `{}` when the client left the field out: a service input then has no
 * such property at all ("not given", which is not null: null clears a value).
 */
export const opt = <K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } => (value === undefined ? {} : ({ [key]: value } as { [P in K]?: V }));

// ── Field names ─────────────────────────────────────────────────────────────────────────

/** The services' input names that the API spells differently (ids are named by what they are). */
const apiName: Record<string, string> = {
  personId: 'person',
  personIds: 'persons',
  substituteForPersonId: 'substituteFor',
  organizationId: 'organization',
  meetingId: 'meeting',
  date: 'start',
  bytes: 'file',
  fileName: 'file',
  mediaType: 'file',
};

/**
 * A service's `where` ("dissents[0].personId") as the API client wrote the field
 * ("dissents.0.person"), so the 400 names what the client can find in its own request.
 */
export function apiField(where: string): string {
  return where
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .map((part) => apiName[part] ?? part)
    .join('.');
}

/** The same error, its field renamed for the API; anything else unchanged. */
export function withApiField(error: unknown): unknown {
  if (!(error instanceof DomainError) || error.where === undefined || (error.code !== 'invalid_input' && error.code !== 'conflict')) return error;
  const field = apiField(error.where);
  return field === error.where ? error : new DomainError(error.code, error.message, field, error.details);
}

// ── Parsing ─────────────────────────────────────────────────────────────────────────────

/** The first problem, as a 400 naming the JSON path of the field ("sections.0.heading"). */
function invalid(error: z.ZodError, root: string): DomainError {
  const issue = error.issues[0];
  if (!issue) return new DomainError('invalid_input', 'Ugyldigt input', root);
  const path = issue.path.map(String);
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  const field = path.length > 0 ? path.join('.') : root;
  const message = issue.code === 'unrecognized_keys' ? `Ukendt felt »${field}«` : `${field}: ${issue.message}`;
  const issues = error.issues.map((i) => ({
    path: [...i.path.map(String), ...(i.code === 'unrecognized_keys' && i.keys.length === 1 ? i.keys : [])].join('.') || root,
    code: i.code,
    message: i.message,
  }));
  return new DomainError('invalid_input', message, field, { issues });
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, root = 'body'): z.output<S> {
  const result = schema.safeParse(value, { error: danish.localeError });
  if (!result.success) throw invalid(result.error, root);
  return result.data;
}

/** The query string, flattened (a repeated parameter becomes an array), checked by a strict schema. */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const flat: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(c.req.queries())) flat[name] = values.length === 1 ? (values[0] ?? '') : values;
  return parseWith(schema, flat, 'query');
}

/**
 * The request's JSON body. An empty body counts as `{}` (so POST publish-agenda needs none);
 * a body that is not JSON, or not sent as JSON, is a 400.
 */
export async function readJson(c: Context): Promise<unknown> {
  const raw = await c.req.text();
  if (raw.trim() === '') return {};
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) {
    throw new DomainError('invalid_input', 'Send JSON med Content-Type: application/json', 'Content-Type');
  }
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    throw new DomainError('invalid_input', 'Forespørgslens indhold er ikke gyldig JSON', 'body');
  }
}

export async function parseJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  return parseWith(schema, await readJson(c));
}

/** A path parameter: ids are opaque, but never empty or absurdly long. */
export function pathId(c: Context, name: string): string {
  const value = c.req.param(name);
  if (!value || value.length > 200) throw new DomainError('invalid_input', `Ugyldigt id: ${name}`, name);
  return value;
}

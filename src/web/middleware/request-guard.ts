// Global rules for what a URL may look like before any route sees it: malformed
// percent-encoding (in the path or the query) and absurdly long query strings are the
// visitor's mistake, answered 400 through the one error path, never a 500 from deep inside.
// Routes that do take query parameters validate them with `parseQuery` and a zod schema.
import type { Context, MiddlewareHandler } from 'hono';
import type { z } from 'zod';
import { DomainError } from '../../domain/errors.js';

/** Longer than any search a person types; a query string beyond this is a probe. */
export const MAX_QUERY_LENGTH = 2048;

function decodes(part: string): boolean {
  try {
    decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

export function requestGuard(): MiddlewareHandler {
  return async (c, next) => {
    const url = c.req.url;
    const queryStart = url.indexOf('?');
    const pathStart = url.indexOf('/', url.indexOf('//') + 2);
    const rawPath = url.slice(pathStart, queryStart === -1 ? undefined : queryStart);
    const rawQuery = queryStart === -1 ? '' : url.slice(queryStart + 1);
    if (!decodes(rawPath)) throw new DomainError('invalid_input', 'Adressen indeholder ugyldige tegn', 'path');
    if (rawQuery.length > MAX_QUERY_LENGTH) throw new DomainError('invalid_input', 'Forespørgslen er for lang', 'query');
    if (!rawQuery.split('&').every(decodes)) throw new DomainError('invalid_input', 'Forespørgslen indeholder ugyldige tegn', 'query');
    await next();
  };
}

/** A sign-in form is an email, a password and two tokens: a few hundred bytes. */
export const MAX_LOGIN_BODY_BYTES = 16 * 1024;

const FORM_TYPES = ['multipart/form-data', 'application/x-www-form-urlencoded'];

/**
 * Parses a posted form once, before the CSRF check and the routes read it (Hono keeps the
 * parsed form for them), so a malformed body (a multipart boundary that never comes, a
 * broken part header) is the client's 400 with a clear message, never a 500 from inside a
 * route. Runs after the body limits: nothing larger than allowed is ever parsed.
 */
export function formBodyGuard(): MiddlewareHandler {
  return async (c, next) => {
    const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && FORM_TYPES.includes(type)) {
      try {
        // Read once (Hono keeps the bytes), and hand later readers (a route's own body
        // limit reads the raw stream) a fresh body over the same bytes: no second copy.
        const bytes = await c.req.arrayBuffer();
        c.req.raw = new Request(c.req.raw, { body: bytes });
        await c.req.parseBody();
      } catch (e) {
        if (e instanceof DomainError) throw e;
        throw new DomainError(
          'invalid_input',
          'Formularens indhold kunne ikke læses (ugyldigt multipart- eller formularformat). Prøv at sende den igen.',
          'body',
        );
      }
    }
    await next();
  };
}

/**
 * A route's query parameters checked against a zod object schema. A parameter given once
 * arrives as a string, one repeated (`?a=1&a=2`) as an array, so `z.string()` rejects
 * repetition by itself. Unknown parameters are ignored unless the schema is strict (tracking
 * tags must not break links); invalid ones answer 400 through the error middleware.
 */
export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  const flat: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(c.req.queries())) flat[name] = values.length === 1 ? (values[0] ?? '') : values;
  const result = schema.safeParse(flat);
  if (!result.success) {
    const first = result.error.issues[0];
    throw new DomainError('invalid_input', `Ugyldig parameter: ${first?.path.join('.') ?? '?'}`, first?.path.join('.'));
  }
  return result.data;
}

// Conditional GET for pages and feeds: an ETag from a hash of the body, 304 on a matching
// If-None-Match, and `Cache-Control: no-cache` so every use is revalidated. Nothing is cached
// on the server and no max-age is given: minutes are corrected after publication and a
// withdrawn item or file must disappear at once, so the body is always rendered fresh and
// only the transfer is saved when it did not change.
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Content types whose 200 responses get an ETag computed here. */
const HASHED_TYPES = /^(text\/html|text\/calendar|text\/plain|application\/atom\+xml|application\/xml)\b/i;

/** Headers a 304 must repeat (RFC 9110 15.4.5). */
const KEPT_ON_304 = ['cache-control', 'content-location', 'date', 'etag', 'expires', 'vary', 'last-modified'];

/** A strong validator from the bytes themselves: equal bodies, equal tags, on any server. */
export function etagOf(body: Uint8Array): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/** True when any tag in If-None-Match matches (weak comparison, as RFC 9110 13.1.2 says). */
export function noneMatchHits(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const opaque = (tag: string): string => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return header.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

export function conditionalGet(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    // Hono runs the GET handler for HEAD and drops the body afterwards, so both get validators.
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.res.status !== 200) return;
    const headers = c.res.headers;
    let etag = headers.get('ETag');
    if (!etag) {
      // Downloads set their own ETag (the content hash) and are only compared here; static
      // assets are content-addressed and immutable, so neither is hashed again.
      if (!HASHED_TYPES.test(headers.get('Content-Type') ?? '')) return;
      const body = new Uint8Array(await c.res.arrayBuffer());
      etag = etagOf(body);
      const fresh = new Response(body, { status: 200, headers });
      fresh.headers.set('ETag', etag);
      if (!fresh.headers.has('Cache-Control')) fresh.headers.set('Cache-Control', 'no-cache');
      c.res = undefined;
      c.res = fresh;
    }
    if (noneMatchHits(c.req.header('If-None-Match'), etag)) {
      const kept = new Headers();
      for (const name of KEPT_ON_304) {
        const value = c.res.headers.get(name);
        if (value !== null) kept.set(name, value);
      }
      // Replace, not merge: Hono's setter would copy Content-Length and Content-Type over.
      c.res = undefined;
      c.res = new Response(null, { status: 304, headers: kept });
    }
  };
}

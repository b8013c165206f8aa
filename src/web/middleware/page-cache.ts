// Reuse of rendered pages, only while the database says nothing was written since they were
// rendered. Any committed change (a withdrawn item or file, a corrected decision, an import
// in another process) changes the data version, and the whole cache is dropped before the
// next page is served, so a cached page can never show what the database no longer holds.
// The version comes from the database (SQLite's data_version, PostgreSQL's counter moved at every commit), so a
// write by another process invalidates this one's pages as surely as its own.
//
// Only for pages whose HTML depends on nothing but the path and the data: a meeting page
// does; the front page does not (it depends on today's date). Requests with a query string
// are never cached. Runs inside conditionalGet, so cached pages still get ETag/304.
//
// Pages name who is signed in (the header's "Logget ind som …"), so requests that may be
// signed in (`bypass`) are neither answered from the cache nor stored in it, and no response
// marked private or no-store is ever stored: the public never gets a signed-in page, nor a
// signed-in user the public one.
import type { Context, MiddlewareHandler } from 'hono';
import { etagOf } from './etag.js';

export interface PageCacheOptions {
  /** The database's data version; null means "cannot tell", and disables the cache. */
  dataVersion: () => string | null | Promise<string | null>;
  /** Path prefixes of cacheable pages, e.g. "/moeder/". */
  prefixes: readonly string[];
  /** Most bytes kept; archive meeting pages can be large, and memory is shared with imports. */
  maxBytes?: number;
  /** Told of every hit and miss (the /metrics counters). */
  counters?: { hit(): void; miss(): void } | undefined;
  /** Requests this says true for pass by the cache both ways (a session cookie: frame.ts). */
  bypass?: (c: Context) => boolean;
}

interface Entry {
  body: Uint8Array<ArrayBuffer>;
  headers: [string, string][];
}

export function pageCache({ dataVersion, prefixes, maxBytes = 32 * 2 ** 20, counters, bypass }: PageCacheOptions): MiddlewareHandler {
  let version: string | null = null;
  const pages = new Map<string, Entry>();
  let bytes = 0;
  const clear = (): void => {
    pages.clear();
    bytes = 0;
  };
  return async (c, next) => {
    const path = c.req.path;
    if ((c.req.method !== 'GET' && c.req.method !== 'HEAD') || c.req.url.includes('?') || !prefixes.some((p) => path.startsWith(p))) return next();
    if (bypass?.(c)) return next();
    // Read before rendering: the data a page is rendered from is then at least as new as the
    // version it is stored under, never older.
    const current = await dataVersion();
    if (current === null) return next();
    if (current !== version) {
      clear();
      version = current;
    }
    const hit = pages.get(path);
    if (hit) {
      counters?.hit();
      return c.body(hit.body, 200, Object.fromEntries(hit.headers));
    }
    counters?.miss();
    await next();
    const type = c.res.headers.get('Content-Type') ?? '';
    if (c.res.status !== 200 || !type.startsWith('text/html')) return;
    if (/\b(private|no-store)\b/i.test(c.res.headers.get('Cache-Control') ?? '')) return;
    const body = new Uint8Array(await c.res.clone().arrayBuffer());
    // The validator is stored with the page, so a hit is not hashed again (conditionalGet
    // hashes only responses without an ETag).
    if (!c.res.headers.has('ETag')) c.res.headers.set('ETag', etagOf(body));
    if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
    // Simplest bound that cannot grow: start over when full (hot pages refill at once).
    if (bytes + body.byteLength > maxBytes) clear();
    // Stored under the version read before rendering; if a write landed meanwhile the next
    // request sees a new version and renders afresh.
    if (version === current && !pages.has(path)) {
      pages.set(path, { body, headers: [...c.res.headers] });
      bytes += body.byteLength;
    }
  };
}

// Helpers for the sign-in tests: a cookie jar for app.request() and plain fetch, and an app
// with probe routes that show what the authentication middleware made of a request.
import type { Hono } from 'hono';
import type { Database } from '../../src/storage/db.js';
import { FileStore } from '../../src/storage/file-store.js';
import { createWebApp } from '../../src/main.js';
import type { OidcSettings } from '../../src/services/auth/oidc-settings.js';
import type { AuthEnv } from '../../src/web/auth/context.js';

export interface SetCookie {
  name: string;
  value: string;
  attributes: string[];
}

export function setCookies(res: Response): SetCookie[] {
  return res.headers.getSetCookie().map((line) => {
    const [pair = '', ...attributes] = line.split(';').map((s) => s.trim());
    const at = pair.indexOf('=');
    return { name: pair.slice(0, at), value: pair.slice(at + 1), attributes };
  });
}

/** One jar per site; paths are ignored (cookie names do not collide in these tests). */
export class CookieJar {
  readonly cookies = new Map<string, string>();

  take(res: Response): this {
    for (const c of setCookies(res)) {
      const expired = c.attributes.some((a) => /^max-age=0$/i.test(a)) || c.attributes.some((a) => /^expires=thu, 01 jan 1970/i.test(a));
      if (expired || c.value === '') this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    return this;
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

export const BASE_URL = 'http://127.0.0.1:3999';

/** The reverse proxy the probe app trusts by default (TRUSTED_PROXIES). */
export const LOCAL_PROXY = '127.0.0.1';

/** The env node-server gives a request from this socket address (what clientAddress reads). */
export const peer = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

export interface ProbeAnswer {
  principal: { kind: string; id: string; role: string; label: string; bodyId: string | null; personId: string | null; committeeIds: string[] | null } | null;
  session: { id: string; csrfToken: string } | null;
  body?: unknown;
}

/**
 * The real web app plus probes at /__whoami and /api/__whoami (GET: who am I; POST: also
 * echoes the body, parsed after the middleware has looked at it).
 */
export function appWithProbes(
  database: Database,
  filesDir: string,
  options: { now?: () => Date; oidc?: OidcSettings | null; baseUrl?: string; trustedProxies?: string[] } = {},
): Hono {
  const files = new FileStore(filesDir);
  const app = createWebApp(database, files, {
    baseUrl: options.baseUrl ?? BASE_URL,
    staff: { files, oidc: options.oidc ?? null, trustedProxies: options.trustedProxies ?? [LOCAL_PROXY], ...(options.now ? { now: options.now } : {}) },
    logError: (e) => console.error(e),
  }) as unknown as Hono<AuthEnv>;
  // app.request() has no socket; give every request one from LOCAL_PROXY (a trusted reverse
  // proxy on this machine, so X-Forwarded-For counts) unless the test passes its own env.
  const request = app.request.bind(app);
  app.request = (input, init, env, ctx) => request(input, init, env ?? peer(LOCAL_PROXY), ctx);
  for (const path of ['/__whoami', '/api/__whoami']) {
    app.get(path, (c) => c.json({ principal: c.get('principal'), session: c.get('session') }));
    app.post(path, async (c) => {
      const type = c.req.header('Content-Type') ?? '';
      const body = type.startsWith('application/json') ? await c.req.json() : await c.req.parseBody();
      return c.json({ principal: c.get('principal'), session: c.get('session'), body });
    });
  }
  return app as unknown as Hono;
}

export async function whoami(app: Hono, jar: CookieJar, path = '/__whoami'): Promise<ProbeAnswer> {
  const res = await app.request(path, { headers: { cookie: jar.header() } });
  jar.take(res);
  return (await res.json()) as ProbeAnswer;
}

/** Fetches the sign-in form (which sets the double-submit cookie) and posts it. */
export async function logIn(
  app: Hono,
  jar: CookieJar,
  email: string,
  password: string,
  next = '/',
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  jar.take(await app.request(`/login?next=${encodeURIComponent(next)}`, { headers: { cookie: jar.header() } }));
  const res = await app.request('/login', {
    method: 'POST',
    headers: { cookie: jar.header(), ...extraHeaders },
    body: new URLSearchParams({ email, password, next, _csrf: jar.get('protokol_csrf') ?? '' }),
  });
  jar.take(res);
  return res;
}

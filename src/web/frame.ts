// What the header of every page (portal and staff) shows besides the page itself: the
// municipality's name and logo, and who is signed in. sendPage reads it from the request and
// hands it to the JSX tree through FrameContext, as it does the site settings.
//
// A page that shows a signed-in user is personal: sendPage marks it `private` and the page
// cache (middleware/page-cache.ts) neither serves nor stores pages for requests carrying a
// session cookie, so one visitor's header can never be served to another.
import type { Context, MiddlewareHandler } from 'hono';
import { createContext } from 'hono/jsx';
import type { Principal } from '../domain/access.js';
import { userRoleLabel } from '../domain/user.js';
import { SESSION_COOKIE } from './auth/cookies.js';

export interface Viewer {
  label: string;
  roleLabel: string;
  /** The session's CSRF token, for the "Log ud" form. */
  csrfToken: string;
  /** The work areas this user may open (/redigering, /medlem). */
  links: { label: string; href: string }[];
}

export interface Frame {
  /** The municipality's name; null when the portal holds several (or none). */
  name: string | null;
  /** Address of the municipality's logo, when the site settings carry one. */
  logo: string | null;
  /** The header band's colour (a hex of domain/municipality.ts's palette), or null for DKFDS's own. */
  colour: string | null;
  viewer: Viewer | null;
}

export const FrameContext = createContext<Frame>({ name: null, logo: null, colour: null, viewer: null });

declare module 'hono' {
  interface ContextVariableMap {
    /** Set by frameName(): looks up the municipality's name when a page is rendered. */
    frameName: (() => Promise<string | null>) | undefined;
  }
}

/** Mount before the routes; the lookup runs only for rendered pages, not for cache hits or files. */
export function frameName(lookup: () => Promise<string | null>): MiddlewareHandler {
  return async (c, next) => {
    c.set('frameName', lookup);
    await next();
  };
}

/** Requests that may be signed in: never served from, nor stored in, a shared page cache. */
export function carriesSession(c: Context): boolean {
  return (c.req.header('Cookie') ?? '').split(';').some((part) => part.trim().startsWith(`${SESSION_COOKIE}=`));
}

function workAreas(p: Principal): Viewer['links'] {
  const links: Viewer['links'] = [];
  if (p.role === 'admin' || p.role === 'secretary') links.push({ label: 'Redigering', href: '/redigering' });
  if (p.personId !== null) links.push({ label: 'Mine møder', href: '/medlem' });
  return links;
}

/** The signed-in user of a cookie session; null for the public and for API tokens (no session). */
export function viewerOf(c: Context): Viewer | null {
  const vars = c.var as { principal?: Principal | null; session?: { csrfToken: string } | null };
  const principal = vars.principal ?? null;
  const session = vars.session ?? null;
  if (!principal || !session) return null;
  return { label: principal.label, roleLabel: userRoleLabel[principal.role], csrfToken: session.csrfToken, links: workAreas(principal) };
}

// Sends a JSX page as a complete HTML document. The doctype is a constant; the page itself is
// JSX, which escapes every value it prints. The page is rendered inside the site settings' and
// the frame's (name, logo, who is signed in: ../frame.ts) context providers, so the layouts
// read them without every page passing them on.
import type { Context } from 'hono';
import { html } from 'hono/html';
import { jsx } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type Frame, FrameContext, viewerOf } from '../frame.js';
import { DEFAULT_SITE_SETTINGS, SiteContext } from '../site.js';

/** The name from the database; an error page must render even when the database is what failed. */
async function headerName(c: Context): Promise<string | null> {
  try {
    return (await c.get('frameName')?.()) ?? null;
  } catch {
    return null;
  }
}

export async function sendPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Promise<Response> {
  const site = (await c.get('site')?.()) ?? DEFAULT_SITE_SETTINGS;
  const viewer = viewerOf(c);
  const own = site.municipality ?? null;
  const frame: Frame = { name: own?.name ?? (await headerName(c)), logo: own?.logoUrl ?? null, colour: own?.colour ?? null, viewer };
  // A page naming its reader is theirs alone: no shared cache may keep it. Every page varies
  // by the session cookie, so a cache that keeps the public one never serves it to a session.
  c.header('Vary', 'Cookie', { append: true });
  if (viewer) c.header('Cache-Control', 'private, no-store');
  return c.html(html`<!DOCTYPE html>${jsx(SiteContext.Provider, { value: site }, jsx(FrameContext.Provider, { value: frame }, page))}`, status);
}

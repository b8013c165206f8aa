// Sends a JSX page as a complete HTML document. The doctype is a constant; the page itself is
// JSX, which escapes every value it prints. The page is rendered inside the site settings'
// context provider, so the Layout reads the footer settings without every page passing them.
import type { Context } from 'hono';
import { html } from 'hono/html';
import { jsx } from 'hono/jsx';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DEFAULT_SITE_SETTINGS, SiteContext } from '../site.js';

export function sendPage(c: Context, page: JSX.Element, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  const site = c.get('site') ?? DEFAULT_SITE_SETTINGS;
  return c.html(html`<!DOCTYPE html>${jsx(SiteContext.Provider, { value: site }, page)}`, status);
}

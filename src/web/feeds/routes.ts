// Calendars, the Atom feed, the sitemap and robots.txt. Thin like the portal routes: one
// PortalFeeds use case, then a pure renderer; absolute URLs are built here from baseUrl.
import { Hono } from 'hono';
import { absoluteUrl, publicPaths } from '../../domain/public-urls.js';
import { type AtomEntry, nameUuid, renderAtom } from '../../render/atom.js';
import { type CalendarEvent, renderCalendar } from '../../render/ical.js';
import { type SitemapUrl, renderRobots, renderSitemap } from '../../render/sitemap.js';
import type { CalendarView, FeedView, PortalFeeds, SitemapView } from '../../services/portal/feeds.js';
import { feedLinks } from './links.js';

export interface FeedDeps {
  feeds: PortalFeeds;
  baseUrl: string;
  /**
   * Whether the sitemap lists case (/sager/:paperId) and person (/personer/:personId) pages;
   * both by default. An app without those routes must turn them off, or the sitemap would
   * point search engines at 404s.
   */
  sitemapPages?: { papers: boolean; people: boolean };
}

const CALENDAR_TYPE = 'text/calendar; charset=utf-8';
const ATOM_TYPE = 'application/atom+xml; charset=utf-8';
const XML_TYPE = 'application/xml; charset=utf-8';

/** The host part of the UID: stable as long as the public address is. */
function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'protokol.invalid';
  }
}

export function toCalendarEvents(view: CalendarView, baseUrl: string): CalendarEvent[] {
  const host = hostOf(baseUrl);
  return view.meetings.map((m) => ({
    uid: `${m.id}@${host}`,
    summary: `${m.organizationName}: Møde`,
    location: m.location,
    url: absoluteUrl(baseUrl, publicPaths.meeting(m.id)),
    date: m.date,
    start: m.start,
    end: m.end,
    cancelled: m.cancelled,
    // Version 1 is the meeting as first created: SEQUENCE 0, as RFC 5545 starts it.
    sequence: m.version - 1,
    updatedAt: m.updatedAt,
  }));
}

export function toAtomEntries(view: FeedView, baseUrl: string): AtomEntry[] {
  return view.entries.map((e) => ({
    id: nameUuid(`${hostOf(baseUrl)}/moeder/${e.meetingId}/${e.kind}`),
    title: e.title,
    updated: e.updatedAt,
    link: absoluteUrl(baseUrl, publicPaths.meeting(e.meetingId)),
    summary: e.itemLines.length > 0 ? `Punkter:\n${e.itemLines.join('\n')}` : 'Ingen punkter.',
  }));
}

export function toSitemapUrls(view: SitemapView, baseUrl: string, single: boolean): SitemapUrl[] {
  const at = (path: string) => absoluteUrl(baseUrl, path);
  const urls: SitemapUrl[] = [{ loc: at(publicPaths.front()) }];
  for (const b of view.bodies) {
    // With one municipality "/" is its front page; /kommune/:slug shows the same, so list
    // it only when there is a choice of municipalities.
    if (!single) urls.push({ loc: at(publicPaths.body(b.slug)) });
  }
  for (const id of view.organizationIds) urls.push({ loc: at(publicPaths.organization(id)) });
  for (const m of view.meetings) urls.push({ loc: at(publicPaths.meeting(m.id)), lastmod: m.lastmod });
  for (const p of view.papers) urls.push({ loc: at(publicPaths.paper(p.id)), lastmod: p.lastmod });
  for (const id of view.personIds) urls.push({ loc: at(publicPaths.person(id)) });
  return urls;
}

export function feedRoutes({ feeds, baseUrl, sitemapPages = { papers: true, people: true } }: FeedDeps): Hono {
  const app = new Hono();

  app.get('/kommune/:slug/kalender.ics', async (c) => {
    const view = await feeds.bodyCalendar(c.req.param('slug'));
    return c.body(renderCalendar({ name: view.name, events: toCalendarEvents(view, baseUrl) }), 200, { 'Content-Type': CALENDAR_TYPE });
  });

  app.get('/udvalg/:id/kalender.ics', async (c) => {
    const view = await feeds.organizationCalendar(c.req.param('id'));
    return c.body(renderCalendar({ name: view.name, events: toCalendarEvents(view, baseUrl) }), 200, { 'Content-Type': CALENDAR_TYPE });
  });

  app.get('/kommune/:slug/feed.xml', async (c) => {
    const view = await feeds.bodyFeed(c.req.param('slug'));
    const links = feedLinks(view.body.slug);
    const xml = renderAtom({
      id: nameUuid(`${hostOf(baseUrl)}${links.atom}`),
      title: `${view.body.name}: dagsordener og referater`,
      selfUrl: `${baseUrl}${links.atom}`,
      alternateUrl: absoluteUrl(baseUrl, publicPaths.body(view.body.slug)),
      author: view.body.name,
      entries: toAtomEntries(view, baseUrl),
    });
    return c.body(xml, 200, { 'Content-Type': ATOM_TYPE });
  });

  app.get('/sitemap.xml', async (c) => {
    const view = await feeds.sitemap(sitemapPages);
    return c.body(renderSitemap(toSitemapUrls(view, baseUrl, view.bodies.length === 1)), 200, { 'Content-Type': XML_TYPE });
  });

  app.get('/robots.txt', (c) => c.body(renderRobots(baseUrl), 200, { 'Content-Type': 'text/plain; charset=utf-8' }));

  return app;
}

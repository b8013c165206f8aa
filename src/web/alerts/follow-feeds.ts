// Every follow as Atom and iCalendar: /abonnement/feed.atom?kind=case&target=… and
// /abonnement/kalender.ics?… (webcal), from the alert engine (services/alerts/follow-feed.ts),
// for people who do not want e-mail. Public and cookie-free like the other feeds.
import { Hono } from 'hono';
import { z } from 'zod';
import { absoluteUrl, publicPaths } from '../../domain/public-urls.js';
import { nameUuid, renderAtom } from '../../render/atom.js';
import { renderCalendar } from '../../render/ical.js';
import { type AlertDeps, subscriptionKinds } from '../../services/alerts/deps.js';
import { followFeed } from '../../services/alerts/follow-feed.js';
import type { PortalService } from '../../services/portal/portal.js';
import { parseQuery } from '../middleware/request-guard.js';
import { describeFollow } from './describe.js';

const followSchema = z.object({
  // Without parameters: everything (the front page's follow).
  kind: z.enum(subscriptionKinds, { message: 'kind skal være search, case, committee, person eller all' }).default('all'),
  target: z.string().trim().min(1).max(200).optional(),
  q: z.string().trim().min(1).max(500).optional(),
});

/** The query string of a follow's feeds (the "Følg" form links them). */
export function followFeedQuery(f: { kind: string; target?: string | undefined; q?: string | undefined }): string {
  return new URLSearchParams({ kind: f.kind, ...(f.target ? { target: f.target } : {}), ...(f.q ? { q: f.q } : {}) }).toString();
}

const unmark = (s: string) => s.replaceAll('\u0001', '').replaceAll('\u0002', '');

export function followFeedRoutes(deps: { alerts: AlertDeps; portal: PortalService }): Hono {
  const app = new Hono();
  const baseUrl = deps.alerts.baseUrl;
  const load = async (c: Parameters<typeof parseQuery>[0]) => {
    const f = parseQuery(c, followSchema);
    const { label } = await describeFollow(deps.portal, f.kind, f.target, f.q);
    const items = await followFeed(deps.alerts, { kind: f.kind, target: f.target ?? null, query: f.kind === 'search' ? (f.q ?? null) : null, label });
    return { f, label, items, query: followFeedQuery(f) };
  };

  app.get('/abonnement/feed.atom', async (c) => {
    const { label, items, query } = await load(c);
    const self = `${baseUrl}/abonnement/feed.atom?${query}`;
    const xml = renderAtom({
      id: nameUuid(self),
      title: `Følg ${label}`,
      selfUrl: self,
      alternateUrl: absoluteUrl(baseUrl, publicPaths.front()),
      author: items[0]?.meeting.bodyName ?? 'Protokol',
      entries: items.flatMap(({ meeting, kind, match }) =>
        match.entries.map((e) => ({
          id: nameUuid(`${e.url}#${kind}`),
          title: `${e.title} (${meeting.organizationName}, ${kind === 'minutes' ? 'referat' : 'dagsorden'})`,
          updated: meeting.updatedAt,
          link: e.url,
          summary: e.lines.map((l) => `${l.label ? `${l.label}: ` : ''}${unmark(l.text)}`).join('\n') || match.intro,
        })),
      ),
    });
    return c.body(xml, 200, { 'Content-Type': 'application/atom+xml; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
  });

  app.get('/abonnement/kalender.ics', async (c) => {
    const { label, items } = await load(c);
    const host = new URL(baseUrl).host;
    const ics = renderCalendar({
      name: `Følg ${label}`,
      events: items.map(({ meeting, match }) => ({
        uid: `${meeting.id}@${host}`,
        summary: `${meeting.organizationName}: ${match.entries.map((e) => e.title).join('; ')}`.slice(0, 250),
        location: meeting.location,
        url: absoluteUrl(baseUrl, publicPaths.meeting(meeting.id)),
        date: meeting.date,
        start: meeting.startTime,
        end: meeting.endTime,
        cancelled: Number(meeting.cancelled) === 1,
        updatedAt: meeting.updatedAt,
      })),
    });
    return c.body(ics, 200, { 'Content-Type': 'text/calendar; charset=utf-8', 'Cache-Control': 'public, max-age=300' });
  });
  return app;
}

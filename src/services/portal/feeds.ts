// Use cases behind the calendars, the Atom feed and the sitemap. Same rules as portal.ts:
// a meeting's items count only once its agenda is public, and then only through
// `publicView`, so a closed item contributes its neutral title and nothing else. Each use
// case costs a fixed number of queries (no query per meeting or per item).
import { publicView } from '../../domain/agenda-item.js';
import { addDays, danishDate } from '../../domain/clock.js';
import { notFound } from '../../domain/errors.js';
import { agendaIsPublic, minutesArePublic } from '../../domain/meeting.js';
import type { Body } from '../../domain/organization.js';
import { formatDateMedium } from '../../render/format.js';
import type { FeedMeetingRow, FeedQueries } from '../../storage/repositories/feed-queries.js';

/** How far back a calendar reaches: recent meetings stay visible to subscribers for a while. */
export const CALENDAR_PAST_DAYS = 60;
export const FEED_LIMIT = 50;

export interface CalendarView {
  /** The subscription's name in calendar clients. */
  name: string;
  meetings: FeedMeetingRow[];
}

export type PublicationKind = 'dagsorden' | 'referat';

export interface FeedEntryView {
  meetingId: string;
  kind: PublicationKind;
  /** "Referat: Økonomiudvalget, 9. december 2026". */
  title: string;
  updatedAt: string;
  /** Public titles only: a closed item by its neutral title. */
  itemLines: string[];
}

export interface FeedView {
  body: Body;
  entries: FeedEntryView[];
}

export interface SitemapView {
  bodies: Body[];
  organizationIds: string[];
  meetings: { id: string; lastmod: string }[];
  papers: { id: string; lastmod: string }[];
  personIds: string[];
}

export interface PortalFeedsOptions {
  /** Today as YYYY-MM-DD in Danish local time; injectable so tests are deterministic. */
  today?: () => string;
}

const danishToday = (): string => danishDate(new Date());

/** A YYYY-MM-DD date `days` earlier. */
export const daysBefore = (date: string, days: number): string => addDays(date, -days);

export class PortalFeeds {
  private readonly today: () => string;

  constructor(
    private readonly queries: FeedQueries,
    options: PortalFeedsOptions = {},
  ) {
    this.today = options.today ?? danishToday;
  }

  private from(): string {
    return daysBefore(this.today(), CALENDAR_PAST_DAYS);
  }

  /** All committees of a municipality: upcoming meetings and those of the last 60 days. */
  async bodyCalendar(slug: string): Promise<CalendarView> {
    const body = await this.queries.bodyBySlug(slug);
    if (!body) throw notFound('Kommunen', slug);
    return { name: `${body.name}: møder`, meetings: await this.queries.calendarMeetings({ bodyId: body.id }, this.from()) };
  }

  async organizationCalendar(id: string): Promise<CalendarView> {
    const found = await this.queries.organizationWithBody(id);
    if (!found) throw notFound('Udvalget', id);
    const meetings = await this.queries.calendarMeetings({ organizationId: id }, this.from());
    return { name: `${found.organization.name} (${found.body.name})`, meetings };
  }

  /** Newly published agendas and minutes, newest first: three queries. */
  async bodyFeed(slug: string): Promise<FeedView> {
    const body = await this.queries.bodyBySlug(slug);
    if (!body) throw notFound('Kommunen', slug);
    const meetings = await this.queries.publishedMeetings(body.id, FEED_LIMIT);
    const items = await this.queries.itemHeads(meetings.map((m) => m.id));
    const meetingById = new Map(meetings.map((m) => [m.id, m]));
    const byMeeting = new Map<string, string[]>();
    for (const item of items) {
      const meeting = meetingById.get(item.meetingId);
      // Belt and braces: the query already excludes planned meetings.
      if (!meeting || !agendaIsPublic(meeting.state)) continue;
      const view = publicView(item, { decisionsPublished: minutesArePublic(meeting.state) });
      const lines = byMeeting.get(item.meetingId) ?? [];
      lines.push(`${view.number}. ${view.title}`);
      byMeeting.set(item.meetingId, lines);
    }
    const entries = meetings.map((m): FeedEntryView => {
      const kind: PublicationKind = minutesArePublic(m.state) ? 'referat' : 'dagsorden';
      const label = kind === 'referat' ? 'Referat' : 'Dagsorden';
      return {
        meetingId: m.id,
        kind,
        title: `${label}${m.cancelled ? ' (aflyst)' : ''}: ${m.organizationName}, ${formatDateMedium(m.date)}`,
        updatedAt: m.updatedAt,
        itemLines: byMeeting.get(m.id) ?? [],
      };
    });
    return { body, entries };
  }

  /** Cases and people only when their pages exist (the caller says so). */
  async sitemap(include: { papers: boolean; people: boolean }): Promise<SitemapView> {
    const [rows, papers, people] = await Promise.all([
      this.queries.sitemapRows(),
      include.papers ? this.queries.publicPapers() : Promise.resolve([]),
      include.people ? this.queries.memberPeople() : Promise.resolve([]),
    ]);
    return {
      bodies: rows.bodies,
      organizationIds: rows.organizations.map((o) => o.id),
      meetings: rows.meetings.map((m) => ({ id: m.id, lastmod: m.updatedAt })),
      papers: papers.map((p) => ({ id: p.id, lastmod: p.lastDate })),
      personIds: people.map((p) => p.id),
    };
  }
}

// Reads for the feeds, calendars and sitemap. Each method is one query over whole sets (a
// feed's items for fifty meetings come in one `in (...)` query), so a feed costs a fixed
// number of queries however long it is. What counts as public comes from the SQL forms of the
// domain rules (visibility.ts), not from a copy of them here.
import type { Kysely } from 'kysely';
import type { AgendaItem } from '../../domain/agenda-item.js';
import type { Meeting } from '../../domain/meeting.js';
import type { Body } from '../../domain/organization.js';
import type { DB, MeetingTable } from '../schema.js';
import { toItemHead } from './agenda-item-rows.js';
import { meetingColumns as meetingFields, toMeeting } from './rows.js';
import { agendaPublic, itemOpen } from './visibility.js';

/** A meeting with its organization's name and when the row last changed. */
export interface FeedMeetingRow extends Meeting {
  organizationName: string;
  updatedAt: string;
  /** The optimistic-locking version, raised by every save: the calendars' SEQUENCE. */
  version: number;
}

export interface OrganizationRef {
  id: string;
  name: string;
  bodyId: string;
}

export interface SitemapRows {
  bodies: Body[];
  organizations: { id: string }[];
  meetings: { id: string; date: string; updatedAt: string }[];
}

const meetingColumns = [...meetingFields, 'meeting.updatedAt', 'meeting.version', 'organization.name as organizationName'] as const;

type MeetingSelection = Pick<
  MeetingTable,
  'id' | 'organizationId' | 'date' | 'startTime' | 'endTime' | 'location' | 'state' | 'cancelled' | 'updatedAt' | 'version'
> & {
  organizationName: string;
};

const toRow = (r: MeetingSelection): FeedMeetingRow => ({
  ...toMeeting(r),
  organizationName: r.organizationName,
  updatedAt: r.updatedAt,
  version: Number(r.version ?? 1),
});

export class FeedQueries {
  constructor(private readonly db: Kysely<DB>) {}

  async bodyBySlug(slug: string): Promise<Body | null> {
    return (await this.db.selectFrom('body').select(['id', 'slug', 'name', 'website']).where('slug', '=', slug).executeTakeFirst()) ?? null;
  }

  /** An organization with its body, in one query. */
  async organizationWithBody(id: string): Promise<{ organization: OrganizationRef; body: Body } | null> {
    const r = await this.db
      .selectFrom('organization')
      .innerJoin('body', 'body.id', 'organization.bodyId')
      .select(['organization.id', 'organization.name', 'organization.bodyId', 'body.slug', 'body.name as bodyName', 'body.website'])
      .where('organization.id', '=', id)
      .executeTakeFirst();
    if (!r) return null;
    return {
      organization: { id: r.id, name: r.name, bodyId: r.bodyId },
      body: { id: r.bodyId, slug: r.slug, name: r.bodyName, website: r.website },
    };
  }

  /** Meetings of a body or of one organization on or after `from`, in date order. */
  async calendarMeetings(scope: { bodyId: string } | { organizationId: string }, from: string): Promise<FeedMeetingRow[]> {
    let q = this.db
      .selectFrom('meeting')
      .innerJoin('organization', 'organization.id', 'meeting.organizationId')
      .select(meetingColumns)
      .where('meeting.date', '>=', from);
    q = 'bodyId' in scope ? q.where('organization.bodyId', '=', scope.bodyId) : q.where('meeting.organizationId', '=', scope.organizationId);
    const rows = await q.orderBy('meeting.date', 'asc').orderBy('meeting.startTime', 'asc').orderBy('meeting.id').execute();
    return rows.map(toRow);
  }

  /** Meetings whose agenda is public, most recently changed first. */
  async publishedMeetings(bodyId: string, limit: number): Promise<FeedMeetingRow[]> {
    const rows = await this.db
      .selectFrom('meeting')
      .innerJoin('organization', 'organization.id', 'meeting.organizationId')
      .select(meetingColumns)
      .where('organization.bodyId', '=', bodyId)
      .where(agendaPublic('meeting.state'))
      .orderBy('meeting.updatedAt', 'desc')
      .orderBy('meeting.date', 'desc')
      .orderBy('meeting.id')
      .limit(limit)
      .execute();
    return rows.map(toRow);
  }

  /**
   * The items of many meetings as AgendaItems without their children: enough for
   * `publicView` to decide the title. Children stay empty, so no case text is even loaded.
   */
  async itemHeads(meetingIds: string[]): Promise<AgendaItem[]> {
    if (meetingIds.length === 0) return [];
    const rows = await this.db
      .selectFrom('agendaItem')
      .select(['id', 'meetingId', 'number', 'position', 'title', 'public', 'publicTitle'])
      .where('meetingId', 'in', meetingIds)
      .orderBy('meetingId')
      .orderBy('position')
      .execute();
    return rows.map(toItemHead);
  }

  /** Everything the sitemap lists: three queries. */
  async sitemapRows(): Promise<SitemapRows> {
    const [bodies, organizations, meetings] = await Promise.all([
      this.db.selectFrom('body').select(['id', 'slug', 'name', 'website']).orderBy('name').execute(),
      this.db.selectFrom('organization').select(['id']).orderBy('id').execute(),
      this.db.selectFrom('meeting').select(['id', 'date', 'updatedAt']).where(agendaPublic('meeting.state')).orderBy('date', 'desc').orderBy('id').execute(),
    ]);
    return { bodies, organizations, meetings };
  }

  /**
   * Cases on at least one OPEN item of a meeting whose agenda is public, with the newest such
   * meeting's date. A case seen only on closed items is left out: listing it would confirm it.
   */
  async publicPapers(): Promise<{ id: string; lastDate: string }[]> {
    const rows = await this.db
      .selectFrom('agendaItem')
      .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
      .select(['agendaItem.paperId', (eb) => eb.fn.max('meeting.date').as('lastDate')])
      .where(itemOpen('agendaItem.public'))
      .where('agendaItem.paperId', 'is not', null)
      .where(agendaPublic('meeting.state'))
      .groupBy('agendaItem.paperId')
      .orderBy('agendaItem.paperId')
      .execute();
    return rows.flatMap((r) => (r.paperId === null ? [] : [{ id: r.paperId, lastDate: String(r.lastDate) }]));
  }

  /** People who hold or held a membership: the members the portal has pages for. */
  async memberPeople(): Promise<{ id: string }[]> {
    return this.db
      .selectFrom('person')
      .select(['person.id'])
      .where((eb) => eb.exists(eb.selectFrom('membership').select('membership.id').whereRef('membership.personId', '=', 'person.id')))
      .orderBy('person.id')
      .execute();
  }
}

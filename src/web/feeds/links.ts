// Paths of the feeds, for the layout and pages to link (<link rel="alternate"> in <head>,
// visible "Abonnér" links). Kept here so the URL scheme lives beside the routes that serve it.
export interface FeedLinks {
  /** Atom feed of newly published agendas and minutes. */
  atom: string;
  /** iCalendar of all the municipality's meetings. */
  calendar: string;
}

export function feedLinks(slug: string): FeedLinks {
  const s = encodeURIComponent(slug);
  return { atom: `/kommune/${s}/feed.xml`, calendar: `/kommune/${s}/kalender.ics` };
}

/** iCalendar of one committee's meetings. */
export function organizationCalendarLink(organizationId: string): string {
  return `/udvalg/${encodeURIComponent(organizationId)}/kalender.ics`;
}

export const SITEMAP_PATH = '/sitemap.xml';
export const ATOM_TYPE = 'application/atom+xml';
export const CALENDAR_TYPE = 'text/calendar';

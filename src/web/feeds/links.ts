// Paths of the feeds, for the layout and pages to link (<link rel="alternate"> in <head>,
// visible "Abonnér" links). The paths come from the one URL scheme, domain/public-urls.ts.
import { publicPaths } from '../../domain/public-urls.js';

export interface FeedLinks {
  /** Atom feed of newly published agendas and minutes. */
  atom: string;
  /** iCalendar of all the municipality's meetings. */
  calendar: string;
}

export function feedLinks(slug: string): FeedLinks {
  return { atom: publicPaths.bodyAtom(slug), calendar: publicPaths.bodyCalendar(slug) };
}

/** iCalendar of one committee's meetings. */
export const organizationCalendarLink = publicPaths.organizationCalendar;

export const SITEMAP_PATH = publicPaths.sitemap();
export const ATOM_TYPE = 'application/atom+xml';
export const CALENDAR_TYPE = 'text/calendar';

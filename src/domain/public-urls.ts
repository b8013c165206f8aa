// The public URL scheme: the one place that knows where each public object lives. The
// portal's links, the feeds, the sitemap, search hits, OParl's `web` and `downloadUrl`, and
// the PDFs all build their paths here, so a page and every link to it always agree and a
// permalink changes in one place or not at all. Paths are site-relative; `absoluteUrl` puts
// BASE_URL in front. Every part is URL-encoded: an item number is printed text ("3.a",
// "12 b") and ids arrive from URLs.
import type { PublicationKind } from './publication.js';

const e = encodeURIComponent;

/** The Danish word for each kind of publication in a version's path. */
export const publicationSlug: Record<PublicationKind, string> = { agenda: 'dagsorden', minutes: 'referat' };

/** The meeting documents as PDF; samlet = the agenda with the public attachments merged in. */
export type PublicDocumentKind = 'dagsorden' | 'referat' | 'samlet';

export const publicPaths = {
  front: (): string => '/',
  body: (slug: string): string => `/kommune/${e(slug)}`,
  organization: (id: string): string => `/udvalg/${e(id)}`,
  meeting: (id: string): string => `/moeder/${e(id)}`,
  /** A frozen earlier version: /moeder/:id/versioner/dagsorden/2. */
  meetingVersion: (meetingId: string, kind: PublicationKind, version: number): string =>
    `/moeder/${e(meetingId)}/versioner/${publicationSlug[kind]}/${version}`,
  /** The item's permalink: its meeting and the number as printed, stable across re-imports. */
  item: (meetingId: string, number: string): string => `/moeder/${e(meetingId)}/punkt/${e(number)}`,
  paper: (id: string): string => `/sager/${e(id)}`,
  person: (id: string): string => `/personer/${e(id)}`,
  file: (id: string, fileName: string): string => `/filer/${e(id)}/${e(fileName)}`,
  /** Agenda, minutes or merged document; `members` asks for the members' edition with closed items. */
  document: (meetingId: string, kind: PublicDocumentKind, members = false): string =>
    `/moeder/${e(meetingId)}/${kind}.pdf${members ? '?udgave=medlemmer' : ''}`,
  bodyAtom: (slug: string): string => `/kommune/${e(slug)}/feed.xml`,
  bodyCalendar: (slug: string): string => `/kommune/${e(slug)}/kalender.ics`,
  organizationCalendar: (id: string): string => `/udvalg/${e(id)}/kalender.ics`,
  sitemap: (): string => '/sitemap.xml',
  search: (): string => '/soeg',
  openData: (): string => '/data/',
} as const;

/** A site-relative path as an absolute URL under BASE_URL (trailing slashes of the base ignored). */
export function absoluteUrl(baseUrl: string, path: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${path}`;
}

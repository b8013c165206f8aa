// Every OParl id is an absolute URL (spec 2-03) under BASE_URL/oparl/v1; `web` points at the
// portal page of the same thing. One place builds them so the routes and the objects agree;
// the portal's paths come from domain/public-urls.ts.
import { absoluteUrl, publicPaths } from '../../domain/public-urls.js';

export const OPARL_PREFIX = '/oparl/v1';
export const OPARL_VERSION = 'https://schema.oparl.org/1.1/';

export type OparlType =
  'System' | 'Body' | 'LegislativeTerm' | 'Organization' | 'Person' | 'Membership' | 'Meeting' | 'AgendaItem' | 'Paper' | 'Consultation' | 'File' | 'Location';

export const typeUrl = (type: OparlType): string => `https://schema.oparl.org/1.1/${type}`;

/** Path segment of each object type: /oparl/v1/<segment>/<id>. */
export const segmentOf: Record<Exclude<OparlType, 'System' | 'Location'>, string> = {
  Body: 'body',
  LegislativeTerm: 'legislative-term',
  Organization: 'organization',
  Person: 'person',
  Membership: 'membership',
  Meeting: 'meeting',
  AgendaItem: 'agenda-item',
  Paper: 'paper',
  Consultation: 'consultation',
  File: 'file',
};

/** The lists a Body links to: Body property → path segment under /body/<id>/. */
export const bodyLists = {
  organization: 'organization',
  person: 'person',
  meeting: 'meeting',
  paper: 'paper',
  agendaItem: 'agenda-item',
  consultation: 'consultation',
  file: 'file',
  locationList: 'location',
  legislativeTermList: 'legislative-term',
  membership: 'membership',
} as const;
export type BodyList = keyof typeof bodyLists;

const e = encodeURIComponent;

export class OparlUrls {
  readonly root: string;
  constructor(readonly baseUrl: string) {
    this.root = `${baseUrl.replace(/\/+$/, '')}${OPARL_PREFIX}`;
  }
  system = (): string => `${this.root}/`;
  bodies = (): string => `${this.root}/body`;
  object = (type: keyof typeof segmentOf, id: string): string => `${this.root}/${segmentOf[type]}/${e(id)}`;
  list = (bodyId: string, list: BodyList): string => `${this.root}/body/${e(bodyId)}/${bodyLists[list]}`;
  organizationMeetings = (organizationId: string): string => `${this.root}/organization/${e(organizationId)}/meeting`;
  party = (bodyId: string, letter: string): string => `${this.root}/party/${e(bodyId)}/${e(letter)}`;
  location = (bodyId: string, key: string): string => `${this.root}/location/${e(bodyId)}/${e(key)}`;

  // The portal's pages (web) and download URL, from the one public URL scheme.
  private page = (path: string): string => absoluteUrl(this.baseUrl, path);
  webBody = (slug: string): string => this.page(publicPaths.body(slug));
  webOrganization = (id: string): string => this.page(publicPaths.organization(id));
  webMeeting = (id: string): string => this.page(publicPaths.meeting(id));
  /** A meeting's generated PDF (/moeder/<id>/dagsorden.pdf, referat.pdf), shown in the browser. */
  meetingDocument = (id: string, kind: 'dagsorden' | 'referat'): string => this.page(publicPaths.document(id, kind));
  webItem = (meetingId: string, number: string): string => this.page(publicPaths.item(meetingId, number));
  webPaper = (id: string): string => this.page(publicPaths.paper(id));
  webPerson = (id: string): string => this.page(publicPaths.person(id));
  /** The file shown in the browser (OParl accessUrl). */
  access = (id: string, fileName: string): string => this.page(publicPaths.file(id, fileName));
  /** The same file sent as an attachment, `Content-Disposition: attachment` (OParl downloadUrl). */
  download = (id: string, fileName: string): string => `${this.access(id, fileName)}?hent=1`;
  website = (): string => this.page(publicPaths.front());
}

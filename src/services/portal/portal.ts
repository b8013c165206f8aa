// Use cases of the public portal: each returns a view model that holds only what the public
// may see. The rules applied here (and nowhere in the views):
// - an item's content is public once the agenda is (state ≠ planned), and then only through
//   `publicView`, which cuts a closed item down to its neutral title and decision;
// - decisions, attendance and per-item notes only once the minutes are published;
// - a file only when it, its item and its meeting's agenda are all public.
import { type PublicAgendaItem, publicView } from '../../domain/agenda-item.js';
import type { Attendance } from '../../domain/attendance.js';
import { danishDate } from '../../domain/clock.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { type StoredAttachmentFile, isStored } from '../../domain/file.js';
import { type Meeting, agendaIsPublic, meetingStateLabel, minutesArePublic } from '../../domain/meeting.js';
import { type PublicationKind, type PublicationSummary, seenThroughCurrentView } from '../../domain/publication.js';
import {
  type Body,
  type LegislativeTerm,
  type Organization,
  endedBefore,
  inForceOn,
  membershipRoleLabel,
  organizationKindLabel,
  roleRank,
} from '../../domain/organization.js';
import { CaseQueries } from '../../storage/repositories/case-queries.js';
import { PersonQueries } from '../../storage/repositories/person-queries.js';
import type { MeetingListRow, PortalQueries } from '../../storage/repositories/portal-queries.js';
import { type CasePage, CasePortal, type ItemPage } from './cases.js';
import { PeoplePortal, type PersonPage } from './people.js';
import { PeopleDirectory, type PeopleFilter, type PeopleList } from './people-list.js';
import type { MeetingSummary } from './summary.js';
import { type MinutesApprovalRecord, minutesApprovalRecord } from '../lifecycle/minutes-approval-status.js';

/** What the file route needs to serve bytes; FileStore satisfies it. */
export interface FileReader {
  read(sha256: string): Promise<Uint8Array>;
}

export type { MeetingSummary } from './summary.js';

export interface OrganizationLink {
  id: string;
  name: string;
  kindLabel: string;
}

export interface BodyFrontPage {
  body: Body;
  upcoming: MeetingSummary[];
  latestMinutes: MeetingSummary[];
  term: LegislativeTerm | null;
  /** Council and finance committee first, then the rest in Danish alphabetical order. */
  organizations: OrganizationLink[];
}

export type HomePage = { kind: 'single'; page: BodyFrontPage } | { kind: 'many'; bodies: Body[] };

export interface MemberView {
  /** For the link to the person page (web/portal/links.ts#personHref). */
  personId: string;
  name: string;
  roleLabel: string;
  party: string | null;
}

export interface OrganizationPage {
  body: Body;
  organization: OrganizationLink & { shortName: string | null };
  term: LegislativeTerm | null;
  predecessor: OrganizationLink | null;
  successor: OrganizationLink | null;
  members: MemberView[];
  meetingsByYear: { year: string; meetings: MeetingSummary[] }[];
}

export interface AttendeeView {
  personId: string;
  name: string;
  party: string | null;
}
export interface SubstituteView extends AttendeeView {
  forName: string | null;
}

export interface MeetingPage {
  body: Body;
  meeting: MeetingSummary;
  agendaPublic: boolean;
  minutesPublic: boolean;
  /** Null until the minutes are published. */
  attendance: { present: AttendeeView[]; absent: AttendeeView[]; substitutes: SubstituteView[] } | null;
  items: PublicAgendaItem[];
  /** The published versions of the agenda and minutes, oldest first (empty before publication). */
  versions: PublicationSummary[];
  /** Set when the page shows an earlier frozen version instead of the current meeting. */
  shownVersion?: PublicationSummary;
  /** Once the minutes are published: which version is approved and which waits for approval. */
  minutesApproval?: MinutesApprovalRecord | null;
}

export interface PortalServiceOptions {
  /** Today as YYYY-MM-DD in Danish local time; injectable so tests are deterministic. */
  today?: () => string;
}

const UPCOMING_LIMIT = 10;
const LATEST_LIMIT = 10;

/** Today's date in Denmark, whatever the server's time zone. */
const danishToday = (): string => danishDate(new Date());

const kindOrder = (o: Organization): number => (o.kind === 'council' ? 0 : o.kind === 'finance_committee' ? 1 : 2);

const byDanishName = (a: { name: string }, b: { name: string }): number => a.name.localeCompare(b.name, 'da');

function link(o: Organization): OrganizationLink {
  return { id: o.id, name: o.name, kindLabel: organizationKindLabel[o.kind] };
}

function summary(m: Meeting, organizationName: string): MeetingSummary {
  return { ...m, organizationName, stateLabel: m.cancelled ? 'Aflyst' : meetingStateLabel[m.state] };
}

const listSummary = (m: MeetingListRow): MeetingSummary => summary(m, m.organizationName);

export class PortalService {
  private readonly today: () => string;
  private readonly cases: CasePortal;
  private readonly people: PeoplePortal;
  private readonly directory: PeopleDirectory;

  constructor(
    private readonly queries: PortalQueries,
    options: PortalServiceOptions = {},
  ) {
    this.today = options.today ?? danishToday;
    // The case and person pages live in their own files and read through their own
    // query objects on the same connection, so every caller keeps building one PortalService.
    this.cases = new CasePortal(queries, new CaseQueries(queries.db));
    this.people = new PeoplePortal(queries, new PersonQueries(queries.db));
    this.directory = new PeopleDirectory(queries.db, this.today);
  }

  /** /personer: current members first, by party and committee. */
  peopleList(filter: PeopleFilter): Promise<PeopleList> {
    return this.directory.list(filter);
  }

  /** The page header's name: the one municipality's, null when the portal holds several. */
  async municipalityName(): Promise<string | null> {
    const bodies = await this.queries.bodies();
    return bodies.length === 1 ? (bodies[0]?.name ?? null) : null;
  }

  casePage(paperId: string): Promise<CasePage> {
    return this.cases.casePage(paperId);
  }

  itemPage(meetingId: string, number: string): Promise<ItemPage> {
    return this.cases.itemPage(meetingId, number);
  }

  personPage(personId: string): Promise<PersonPage> {
    return this.people.personPage(personId);
  }

  /** One body: its front page directly. Several: the list to choose from. */
  async home(): Promise<HomePage> {
    const bodies = await this.queries.bodies();
    const only = bodies.length === 1 ? bodies[0] : undefined;
    if (only) return { kind: 'single', page: await this.frontPage(only) };
    return { kind: 'many', bodies: [...bodies].sort(byDanishName) };
  }

  async bodyFrontPage(slug: string): Promise<BodyFrontPage> {
    const body = await this.queries.bodyBySlug(slug);
    if (!body) throw notFound('Kommunen', slug);
    return this.frontPage(body);
  }

  private async frontPage(body: Body): Promise<BodyFrontPage> {
    const today = this.today();
    const [upcoming, latest, terms] = await Promise.all([
      this.queries.upcomingMeetings(body.id, today, UPCOMING_LIMIT),
      this.queries.latestMinutes(body.id, LATEST_LIMIT),
      this.queries.terms(body.id),
    ]);
    // The term in force today, else the newest (terms come newest first).
    const term = terms.find((t) => inForceOn(t, today)) ?? terms[0] ?? null;
    const organizations = await this.queries.organizationsOfTerm(body.id, term?.id ?? null);
    organizations.sort((a, b) => kindOrder(a) - kindOrder(b) || byDanishName(a, b));
    return {
      body,
      upcoming: upcoming.map(listSummary),
      latestMinutes: latest.map(listSummary),
      term,
      organizations: organizations.map(link),
    };
  }

  async organizationPage(id: string): Promise<OrganizationPage> {
    const org = await this.queries.organization(id);
    if (!org) throw notFound('Udvalget', id);
    const [body, term, predecessor, successor, meetings] = await Promise.all([
      this.queries.bodyById(org.bodyId),
      org.termId ? this.queries.term(org.termId) : Promise.resolve(null),
      org.predecessorId ? this.queries.organization(org.predecessorId) : Promise.resolve(null),
      this.queries.successor(org.id),
      this.queries.meetingsOfOrganization(org.id),
    ]);
    if (!body) throw notFound('Kommunen', org.bodyId);
    // Members "now"; for a committee of an ended term, the members on its last day.
    const today = this.today();
    const day = term !== null && endedBefore(term, today) ? term.endDate : today;
    const members = (await this.queries.members(org.id, day))
      .sort((a, b) => roleRank(a.role) - roleRank(b.role) || byDanishName(a, b))
      .map((m) => ({ personId: m.personId, name: m.name, roleLabel: membershipRoleLabel[m.role], party: m.party }));

    const meetingsByYear: OrganizationPage['meetingsByYear'] = [];
    for (const m of meetings) {
      const year = m.date.slice(0, 4);
      let group = meetingsByYear.at(-1);
      if (!group || group.year !== year) {
        group = { year, meetings: [] };
        meetingsByYear.push(group);
      }
      group.meetings.push(summary(m, org.name));
    }
    return {
      body,
      organization: { ...link(org), shortName: org.shortName },
      term,
      predecessor: predecessor ? link(predecessor) : null,
      successor: successor ? link(successor) : null,
      members,
      meetingsByYear,
    };
  }

  async meetingPage(id: string): Promise<MeetingPage> {
    const meeting = await this.queries.meeting(id);
    if (!meeting) throw notFound('Mødet', id);
    const org = await this.queries.organization(meeting.organizationId);
    if (!org) throw notFound('Udvalget', meeting.organizationId);
    const body = await this.queries.bodyById(org.bodyId);
    if (!body) throw notFound('Kommunen', org.bodyId);

    const agendaPublic = agendaIsPublic(meeting.state);
    const minutesPublic = minutesArePublic(meeting.state);
    // Nothing of a planned meeting's items is loaded at all, so nothing can leak into a view.
    const items = agendaPublic ? await this.queries.agendaItems(meeting.id) : [];
    const attendance = minutesPublic ? groupAttendance(await this.queries.attendance(meeting)) : null;
    return {
      body,
      meeting: summary(meeting, org.name),
      agendaPublic,
      minutesPublic,
      attendance,
      items: items.map((item) => publicView(item, { decisionsPublished: minutesPublic })),
      versions: agendaPublic ? await this.queries.publications(meeting.id) : [],
      minutesApproval: minutesPublic ? await minutesApprovalRecord(this.queries.db, { ...meeting, bodyId: org.bodyId }) : null,
    };
  }

  /**
   * One published version of the agenda or minutes as it was published, seen through today's
   * public view (`seenThroughCurrentView`: items closed or deleted since, attachments no longer
   * public): the history a correction leaves behind. Not found unless the agenda is public, nor
   * for a withdrawn version.
   */
  async versionPage(meetingId: string, kind: PublicationKind, version: number): Promise<MeetingPage> {
    const current = await this.meetingPage(meetingId);
    const frozen = current.agendaPublic ? await this.queries.publication(meetingId, kind, version) : null;
    const shown = frozen ? seenThroughCurrentView(frozen, current) : null;
    const summary = current.versions.find((v) => v.kind === kind && v.version === version);
    if (!shown || !summary) throw notFound('Versionen', `${kind} ${version}`);
    const m = shown.meeting;
    return {
      ...current,
      meeting: { ...current.meeting, date: m.date, start: m.start, end: m.end, location: m.location },
      minutesPublic: kind === 'minutes',
      attendance: kind === 'minutes' ? groupAttendance(shown.attendance) : null,
      items: shown.items,
      shownVersion: summary,
    };
  }

  /**
   * The file if the public may download it, else not_found: a closed file must not be told
   * apart from a missing one (no 403), so its existence is never confirmed.
   */
  async publicFile(id: string, fileName: string): Promise<StoredAttachmentFile> {
    const row = await this.queries.fileAccess(id);
    const visible =
      row !== null &&
      row.file.public &&
      row.file.fileName === fileName &&
      row.itemPublic !== false &&
      row.meetingState !== null &&
      agendaIsPublic(row.meetingState);
    // A file named in an imported document but never supplied has nothing to serve.
    if (!visible || !isStored(row.file)) throw new DomainError('not_found', 'Filen findes ikke', id);
    return row.file;
  }
}

function groupAttendance(all: Attendance[]): NonNullable<MeetingPage['attendance']> {
  const person = (a: Attendance): AttendeeView => ({ personId: a.personId, name: a.name, party: a.party });
  return {
    present: all.filter((a) => a.status === 'present' && a.substituteForPersonId === null).map(person),
    absent: all.filter((a) => a.status === 'absent').map(person),
    substitutes: all.filter((a) => a.status === 'present' && a.substituteForPersonId !== null).map((a) => ({ ...person(a), forName: a.substituteForName })),
  };
}

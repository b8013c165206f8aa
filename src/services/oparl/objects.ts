// Rows → OParl 1.1 objects (docs/oparl.md has the mapping). Pure functions: the service loads
// what is visible, these decide what of it is shown, through the domain's public-view rules
// (publicView for items, minutesArePublic for decisions and attendance). Fields beyond OParl
// carry the `protokol:` prefix. Nothing empty is written: `clean` drops null, undefined and "".
import { blocksToHtml, sectionBlocks } from '../../domain/text-blocks-html.js';
import { sanitiseHtml } from '../lifecycle/html.js';
import { type AgendaItem, type SectionKind, type VoteChoice, publicView } from '../../domain/agenda-item.js';
import { type MeetingState, agendaIsPublic, meetingStateLabel, minutesArePublic } from '../../domain/meeting.js';
import { type MembershipRole, type OrganizationKind, membershipRoleLabel, organizationKindLabel } from '../../domain/organization.js';
import { type ConsultationRole, consultationRoleLabel } from '../../domain/paper.js';
import type { ConsultationRow, FileRow, ItemRow, MeetingRow, MembershipRow, PaperRow, PersonRow, Tombstone } from '../../storage/repositories/oparl-queries.js';
import { partyLetter, partyName } from './parties.js';
import { localDateTime, oparlDateTime } from './time.js';
import { OPARL_VERSION, type OparlType, type OparlUrls, type segmentOf, typeUrl } from './urls.js';

export type OparlObject = Record<string, unknown>;

/** Drops null, undefined and empty strings (OParl: leave a property out rather than empty). */
export function clean<T>(value: T): T {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined && v !== '').map(clean) as T;
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === null || v === undefined || v === '') continue;
      out[k] = clean(v);
    }
    return out as T;
  }
  return value;
}

const nonEmpty = <T>(list: T[]): T[] | undefined => (list.length > 0 ? list : undefined);
const stamps = (r: { created: string; modified: string }) => ({ created: oparlDateTime(r.created), modified: oparlDateTime(r.modified) });

export function tombstoneObject(urls: OparlUrls, type: keyof typeof segmentOf | 'Location', t: Tombstone): OparlObject {
  // A place's tombstone id is "<body id>/<key>" (oparl-locations.ts); its URL has both parts.
  const slash = t.id.lastIndexOf('/');
  const id = type === 'Location' ? urls.location(t.bodyId ?? t.id.slice(0, slash), t.id.slice(slash + 1)) : urls.object(type, t.id);
  return clean({
    id,
    type: typeUrl(type),
    created: t.created ? oparlDateTime(t.created) : undefined,
    modified: oparlDateTime(t.modified),
    deleted: true,
  });
}

export interface SystemInfo {
  created: string;
  modified: string;
  /** The URL of the licence of the data (OPARL_LICENSE). */
  license: string;
}

export function systemObject(urls: OparlUrls, info: SystemInfo): OparlObject {
  return clean({
    id: urls.system(),
    type: typeUrl('System'),
    oparlVersion: OPARL_VERSION,
    body: urls.bodies(),
    name: 'Protokol',
    website: urls.website(),
    license: info.license,
    created: oparlDateTime(info.created),
    modified: oparlDateTime(info.modified),
  });
}

export interface BodyRowLike {
  id: string;
  slug: string;
  name: string;
  website: string | null;
  created?: string | undefined;
  modified?: string | undefined;
}

/** `license`: the municipality's own choice, else the installation's. */
export function bodyObject(urls: OparlUrls, b: BodyRowLike, terms: OparlObject[], license: string): OparlObject {
  const list = (name: Parameters<OparlUrls['list']>[1]) => urls.list(b.id, name);
  return clean({
    id: urls.object('Body', b.id),
    type: typeUrl('Body'),
    system: urls.system(),
    shortName: b.slug,
    name: b.name,
    website: b.website && /^https?:\/\//.test(b.website) ? b.website : undefined,
    classification: 'Kommune',
    license,
    organization: list('organization'),
    person: list('person'),
    meeting: list('meeting'),
    paper: list('paper'),
    agendaItem: list('agendaItem'),
    consultation: list('consultation'),
    file: list('file'),
    locationList: list('locationList'),
    legislativeTermList: list('legislativeTermList'),
    membership: list('membership'),
    // Required by the schema even when empty; embedded, so not dropped by omit_internal here
    // (the service leaves it out when asked).
    legislativeTerm: terms,
    web: urls.webBody(b.slug),
    ...stamps({ created: b.created ?? '', modified: b.modified ?? '' }),
  });
}

export interface TermRowLike {
  id: string;
  bodyId: string;
  name: string;
  startDate: string;
  endDate: string;
  created?: string | undefined;
  modified?: string | undefined;
}

export function termObject(urls: OparlUrls, t: TermRowLike): OparlObject {
  return clean({
    id: urls.object('LegislativeTerm', t.id),
    type: typeUrl('LegislativeTerm'),
    body: urls.object('Body', t.bodyId),
    name: t.name,
    startDate: t.startDate,
    endDate: t.endDate,
    ...stamps({ created: t.created ?? '', modified: t.modified ?? '' }),
  });
}

export interface OrganizationRowLike {
  id: string;
  bodyId: string;
  termId: string | null;
  name: string;
  shortName: string | null;
  kind: string;
  predecessorId: string | null;
  startDate: string | null;
  endDate: string | null;
  created?: string | undefined;
  modified?: string | undefined;
}

export function organizationObject(urls: OparlUrls, o: OrganizationRowLike, membershipIds: string[]): OparlObject {
  return clean({
    id: urls.object('Organization', o.id),
    type: typeUrl('Organization'),
    body: urls.object('Body', o.bodyId),
    name: o.name,
    shortName: o.shortName,
    membership: nonEmpty(membershipIds.map((id) => urls.object('Membership', id))),
    meeting: urls.organizationMeetings(o.id),
    organizationType: 'Gremium',
    classification: organizationKindLabel[o.kind as OrganizationKind] ?? o.kind,
    startDate: o.startDate,
    endDate: o.endDate,
    web: urls.webOrganization(o.id),
    'protokol:kind': o.kind,
    'protokol:legislativeTerm': o.termId ? urls.object('LegislativeTerm', o.termId) : undefined,
    'protokol:predecessor': o.predecessorId ? urls.object('Organization', o.predecessorId) : undefined,
    ...stamps({ created: o.created ?? '', modified: o.modified ?? '' }),
  });
}

export interface PartyRowLike {
  bodyId: string;
  letter: string;
  created: string;
  modified: string;
}

/** The id of a party organization (not a row: derived from the body and the letter). */
export const partyId = (bodyId: string, letter: string): string => `party:${bodyId}:${letter}`;

export function partyObject(urls: OparlUrls, p: PartyRowLike): OparlObject {
  return clean({
    id: urls.party(p.bodyId, p.letter),
    type: typeUrl('Organization'),
    body: urls.object('Body', p.bodyId),
    name: partyName(p.letter),
    shortName: p.letter,
    organizationType: 'Partei',
    classification: 'Parti',
    ...stamps(p),
  });
}

export function membershipObject(urls: OparlUrls, m: MembershipRow): OparlObject {
  const letter = partyLetter(m.party);
  return clean({
    id: urls.object('Membership', m.id),
    type: typeUrl('Membership'),
    person: urls.object('Person', m.personId),
    organization: urls.object('Organization', m.organizationId),
    role: membershipRoleLabel[m.role as MembershipRole] ?? m.role,
    votingRight: m.role !== 'suppleant',
    startDate: m.startDate,
    endDate: m.endDate,
    onBehalfOf: letter ? urls.party(m.bodyId, letter) : undefined,
    ...stamps(m),
  });
}

export function personObject(urls: OparlUrls, p: PersonRow, memberships: OparlObject[] | undefined): OparlObject {
  return clean({
    id: urls.object('Person', p.id),
    type: typeUrl('Person'),
    body: urls.object('Body', p.bodyId),
    name: p.name,
    membership: memberships && nonEmpty(memberships),
    web: urls.webPerson(p.id),
    ...stamps(p),
  });
}

export interface LocationRowLike {
  bodyId: string;
  key: string;
  description: string;
  created: string;
  modified: string;
}

export function locationObject(urls: OparlUrls, l: LocationRowLike): OparlObject {
  return clean({
    id: urls.location(l.bodyId, l.key),
    type: typeUrl('Location'),
    description: l.description,
    bodies: [urls.object('Body', l.bodyId)],
    // Its own row's (migration 2026_12_02_0003): first use, and the last time it came back.
    ...stamps(l),
  });
}

export function fileObject(urls: OparlUrls, f: FileRow, sha512: string | null): OparlObject {
  const paper = f.paperId ?? f.itemPaperId;
  return clean({
    id: urls.object('File', f.id),
    type: typeUrl('File'),
    name: f.title,
    fileName: f.fileName,
    mimeType: f.mediaType,
    date: f.meetingDate,
    size: f.size === null ? undefined : Number(f.size),
    sha512Checksum: sha512,
    // Only public files of open items reach this function (oparl-queries), so the extracted
    // text is public too.
    text: f.text?.trim(),
    accessUrl: urls.access(f.id, f.fileName),
    downloadUrl: urls.download(f.id, f.fileName),
    meeting: f.meetingId ? [urls.object('Meeting', f.meetingId)] : undefined,
    agendaItem: f.agendaItemId ? [urls.object('AgendaItem', f.agendaItemId)] : undefined,
    paper: paper ? [urls.object('Paper', paper)] : undefined,
    ...stamps(f),
  });
}

/** A section's structure as HTML: its own (sanitised again on the way out), else built from its text. */
function sectionHtml(s: { kind: string; text: string; html?: string | null }): string {
  return s.html ? sanitiseHtml(s.html) : blocksToHtml(sectionBlocks(s));
}

export interface ItemChildren {
  sections: { kind: string; heading: string; text: string; html?: string | null }[];
  notes: { kind: string; personId: string | null; name: string; party: string | null; text: string | null }[];
  votes: { choice: string; label: string; count: number | null; members?: string | null }[];
}

/** The item as the domain sees it, so `publicView` decides what shows. */
function asDomainItem(i: ItemRow, c: ItemChildren): AgendaItem {
  const ref = (n: ItemChildren['notes'][number]) => ({ personId: n.personId, name: n.name, party: n.party });
  return {
    id: i.id,
    meetingId: i.meetingId,
    paperId: i.paperId,
    number: i.number,
    order: Number(i.position),
    title: i.title,
    public: Number(i.public) === 1,
    publicTitle: i.publicTitle,
    sections: c.sections.map((s) => ({ kind: s.kind as SectionKind, heading: s.heading, text: s.text, html: s.html ?? null })),
    decision: i.decision,
    absences: c.notes.filter((n) => n.kind === 'absence').map(ref),
    disqualifications: c.notes.filter((n) => n.kind === 'disqualification').map((n) => ({ ...ref(n), reason: n.text })),
    dissents: c.notes.filter((n) => n.kind === 'dissent').map((n) => ({ ...ref(n), text: n.text ?? '' })),
    votes: c.votes.map((v) => ({ choice: v.choice as VoteChoice, label: v.label, count: v.count === null ? null : Number(v.count) })),
    files: [],
  };
}

const memberRef = (urls: OparlUrls, m: { personId: string | null; name: string; party: string | null }) => ({
  person: m.personId ? urls.object('Person', m.personId) : undefined,
  name: m.name,
  party: partyLetter(m.party),
});

export function agendaItemObject(
  urls: OparlUrls,
  i: ItemRow,
  children: ItemChildren,
  extra: { files: OparlObject[] | undefined; consultation: ConsultationRow | undefined },
): OparlObject {
  const minutesPublic = minutesArePublic(i.meetingState as MeetingState);
  const view = publicView(asDomainItem(i, children), { decisionsPublished: minutesPublic });
  // A closed item keeps only its neutral title and decision: no case link, no files, no text.
  const consultation = view.public && view.paperId ? extra.consultation : undefined;
  return clean({
    id: urls.object('AgendaItem', i.id),
    type: typeUrl('AgendaItem'),
    meeting: urls.object('Meeting', i.meetingId),
    number: view.number,
    order: view.order,
    name: view.title,
    public: view.public,
    consultation: consultation ? urls.object('Consultation', consultation.id) : undefined,
    result: minutesPublic ? consultation?.outcome?.trim() : undefined,
    resolutionText: view.decision?.trim(),
    auxiliaryFile: view.public && extra.files ? nonEmpty(extra.files) : undefined,
    web: urls.webItem(i.meetingId, i.number),
    'protokol:standard': view.public ? i.standard : undefined,
    // The structure beside the plain text: paragraphs, lists and tables as allow-list HTML.
    'protokol:sections': nonEmpty(view.sections.map((s) => ({ kind: s.kind, heading: s.heading, text: s.text.trim(), html: sectionHtml(s) }))),
    'protokol:decision': view.decision?.trim(),
    'protokol:absences': nonEmpty(view.absences.map((a) => memberRef(urls, a))),
    'protokol:disqualifications': nonEmpty(view.disqualifications.map((d) => ({ ...memberRef(urls, d), reason: d.reason }))),
    'protokol:dissents': nonEmpty(view.dissents.map((d) => ({ ...memberRef(urls, d), text: d.text.trim() }))),
    'protokol:votes': nonEmpty(view.votes.map((v) => ({ choice: v.choice, label: v.label, count: v.count }))),
    ...stamps(i),
  });
}

export interface MeetingExtras {
  /** The place of the meeting's `location` text (null: none, or not yet adopted). */
  location: LocationRowLike | null;
  items: OparlObject[] | undefined;
  files: OparlObject[] | undefined;
  attendance: { personId: string; status: string; substituteForPersonId: string | null }[];
  approvals: { personId: string | null; role: string; approvedAt: string; minutesVersion?: number }[];
}

export function meetingObject(urls: OparlUrls, m: MeetingRow, extras: MeetingExtras): OparlObject {
  const state = m.state as MeetingState;
  const cancelled = Number(m.cancelled) === 1;
  const minutesPublic = minutesArePublic(state);
  const person = (id: string) => urls.object('Person', id);
  const present = extras.attendance.filter((a) => a.status === 'present');
  return clean({
    id: urls.object('Meeting', m.id),
    type: typeUrl('Meeting'),
    name: `${m.organizationName} ${m.date}`,
    meetingState: cancelled ? 'Aflyst' : meetingStateLabel[state],
    cancelled,
    start: m.startTime ? localDateTime(m.date, m.startTime) : undefined,
    end: m.endTime ? localDateTime(m.date, m.endTime) : undefined,
    location: extras.location ? locationObject(urls, extras.location) : undefined,
    organization: [urls.object('Organization', m.organizationId)],
    // Who attended is part of the minutes: shown once they are published.
    participant: minutesPublic ? nonEmpty(present.map((a) => person(a.personId))) : undefined,
    agendaItem: agendaIsPublic(state) && extras.items ? nonEmpty(extras.items) : undefined,
    auxiliaryFile: extras.files ? nonEmpty(extras.files) : undefined,
    web: urls.webMeeting(m.id),
    'protokol:date': m.date,
    'protokol:state': m.state,
    'protokol:absent': minutesPublic ? nonEmpty(extras.attendance.filter((a) => a.status === 'absent').map((a) => person(a.personId))) : undefined,
    'protokol:substitutes': minutesPublic
      ? nonEmpty(
          present
            .filter((a) => a.substituteForPersonId !== null)
            .map((a) => ({ person: person(a.personId), substituteFor: person(a.substituteForPersonId ?? '') })),
        )
      : undefined,
    'protokol:approvals': minutesPublic
      ? nonEmpty(
          // The minutes version each approved: a correction's re-approval is never read as approval of other text.
          extras.approvals.map((a) => ({
            person: a.personId ? person(a.personId) : undefined,
            role: a.role,
            approved: oparlDateTime(a.approvedAt),
            minutesVersion: a.minutesVersion ?? 1,
          })),
        )
      : undefined,
    ...stamps(m),
  });
}

export function paperObject(urls: OparlUrls, p: PaperRow, consultations: OparlObject[] | undefined, date: string | null): OparlObject {
  return clean({
    id: urls.object('Paper', p.id),
    type: typeUrl('Paper'),
    body: urls.object('Body', p.bodyId),
    name: p.title,
    reference: p.reference,
    date,
    paperType: 'Sag',
    consultation: consultations && nonEmpty(consultations),
    web: urls.webPaper(p.id),
    'protokol:decisionCompetence': p.decisionCompetence,
    ...stamps(p),
  });
}

export function consultationObject(urls: OparlUrls, c: ConsultationRow): OparlObject {
  const state = c.meetingState as MeetingState | null;
  // A history step ("Sagens forløb") was printed in a published document; a meeting's
  // outcome shows once its minutes are published.
  const outcomePublic = c.meetingId === null || (state !== null && minutesArePublic(state));
  return clean({
    id: urls.object('Consultation', c.id),
    type: typeUrl('Consultation'),
    paper: urls.object('Paper', c.paperId),
    agendaItem: c.agendaItemId ? urls.object('AgendaItem', c.agendaItemId) : undefined,
    meeting: c.meetingId ? urls.object('Meeting', c.meetingId) : undefined,
    organization: c.organizationId ? [urls.object('Organization', c.organizationId)] : undefined,
    authoritative: c.role === 'decides',
    role: consultationRoleLabel[c.role as ConsultationRole] ?? c.role,
    'protokol:organizationName': c.organizationName,
    'protokol:date': c.date ?? c.meetingDate,
    'protokol:outcome': outcomePublic ? c.outcome?.trim() : undefined,
    ...stamps(c),
  });
}

export type { OparlType };

// What the secretariat and the members see of a meeting: everything, including drafts, with
// the closed items in full only for those who may read them (Styrelsesloven § 10). Anyone
// else gets a closed item as the public sees it (`redacted: true`).
import { type Principal, mayEdit } from '../../domain/access.js';
import type { AgendaItem, Disqualification, Dissent, MemberRef, SectionKind, Vote } from '../../domain/agenda-item.js';
import { publicView } from '../../domain/agenda-item.js';
import type { Attendance } from '../../domain/attendance.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { type MeetingState, agendaIsPublic, minutesArePublic } from '../../domain/meeting.js';
import type { PublicationSummary } from '../../domain/publication.js';
import { fileStaffColumns, findMeetingWithOrganization, itemStaffColumns } from '../../storage/repositories/meeting-editor.js';
import { PortalQueries } from '../../storage/repositories/portal-queries.js';
import { publicationsOfMeeting } from '../../storage/repositories/publications.js';
import type { Db } from '../../storage/repositories/upsert.js';
import type { MeetingRef } from './guard.js';
import { canReadClosed } from './guard.js';

/** 'unreadable': stopped by a bound of the extraction sandbox (file.text_problem says which). */
export type TextStatus = 'extracted' | 'empty' | 'unsupported' | 'unreadable';

/** By convention of the `file.text` column: null = nothing extracted (unsupported format or not tried), '' = extractable but empty (a scan). */
export function textStatusOf(text: string | null, textProblem: string | null = null): TextStatus {
  if (textProblem !== null) return 'unreadable';
  if (text === null) return 'unsupported';
  return text.trim() === '' ? 'empty' : 'extracted';
}

export interface StaffAttachment {
  id: string;
  title: string;
  fileName: string;
  mediaType: string;
  size: number | null;
  public: boolean;
  textStatus: TextStatus;
  /** Withdrawn after publication (withdrawal.ts): off every public channel, never public again. */
  withdrawn: boolean;
  /** Why the text could not be read (textStatus 'unreadable'), a Danish sentence; null otherwise. */
  textProblem: string | null;
}

export interface StaffSection {
  kind: SectionKind;
  heading: string;
  text: string;
  html: string | null;
}

export interface StaffItem {
  id: string;
  meetingId: string;
  number: string;
  position: number;
  title: string;
  public: boolean;
  publicTitle: string | null;
  /** Null when redacted. */
  closedReason: string | null;
  standard: string | null;
  caseNumber: string | null;
  paperId: string | null;
  sections: StaffSection[];
  decision: string | null;
  absences: MemberRef[];
  disqualifications: Disqualification[];
  dissents: Dissent[];
  votes: Vote[];
  attachments: StaffAttachment[];
  version: number;
  /** True when the actor may not read this closed item: only its public view is given. */
  redacted: boolean;
}

export interface StaffMeetingSummary {
  id: string;
  organizationId: string;
  organizationName: string;
  bodyId: string;
  date: string;
  start: string | null;
  end: string | null;
  location: string | null;
  state: MeetingState;
  cancelled: boolean;
  version: number;
}

export interface StaffMeeting extends StaffMeetingSummary {
  items: StaffItem[];
  attendance: Attendance[];
  publications: PublicationSummary[];
}

/** Staff views are for signed-in principals of the meeting's municipality. */
export function assertSameBody(actor: Principal, meeting: Pick<MeetingRef, 'bodyId'>): void {
  if (actor.bodyId !== null && actor.bodyId !== meeting.bodyId) {
    throw new DomainError('forbidden', 'Mødet hører til en anden kommune');
  }
}

/**
 * Whether the actor may see the meeting at all: its editors always; others (members) once
 * the agenda is sent out. A draft agenda is the secretariat's work in progress.
 */
export function mayView(actor: Principal, meeting: Pick<MeetingRef, 'bodyId' | 'organizationId' | 'state'>): boolean {
  return mayEdit(actor, meeting) || ((actor.bodyId === null || actor.bodyId === meeting.bodyId) && agendaIsPublic(meeting.state));
}

export function assertMayView(actor: Principal, meeting: Pick<MeetingRef, 'bodyId' | 'organizationId' | 'state'>): void {
  assertSameBody(actor, meeting);
  if (!mayView(actor, meeting)) throw new DomainError('forbidden', 'Dagsordenen er ikke udsendt endnu; kun sekretariatet kan se kladden');
}

type ItemExtra = { closedReason: string | null; standard: string | null; version: number; caseNumber: string | null };
type FileExtra = { text: string | null; withdrawnAt: string | null; textProblem: string | null };

function staffItem(item: AgendaItem, extra: ItemExtra, files: ReadonlyMap<string, FileExtra>, readClosed: boolean, state: MeetingState): StaffItem {
  const full = item.public || readClosed;
  const shown = full ? item : { ...item, ...publicView(item, { decisionsPublished: minutesArePublic(state) }), publicTitle: item.publicTitle };
  return {
    id: item.id,
    meetingId: item.meetingId,
    number: item.number,
    position: item.order,
    title: shown.title,
    public: item.public,
    publicTitle: full ? item.publicTitle : shown.title,
    closedReason: full ? extra.closedReason : null,
    standard: extra.standard,
    caseNumber: full ? extra.caseNumber : null,
    paperId: full ? item.paperId : null,
    sections: shown.sections.map((s) => ({ kind: s.kind, heading: s.heading, text: s.text, html: s.html ?? null })),
    decision: shown.decision,
    absences: shown.absences,
    disqualifications: shown.disqualifications,
    dissents: shown.dissents,
    votes: shown.votes,
    // A closed attachment, on a closed or an open item, is for those who may read closed content.
    attachments: shown.files
      .filter((f) => f.public || readClosed)
      .map((f) => ({
        id: f.id,
        title: f.title,
        fileName: f.fileName,
        mediaType: f.mediaType,
        size: f.size,
        public: f.public,
        textStatus: textStatusOf(files.get(f.id)?.text ?? null, files.get(f.id)?.textProblem ?? null),
        textProblem: files.get(f.id)?.textProblem ?? null,
        withdrawn: (files.get(f.id)?.withdrawnAt ?? null) !== null,
      })),
    version: extra.version,
    redacted: !full,
  };
}

/** Every item of the meeting as the actor may see it. */
export async function staffItems(db: Db, actor: Principal, meeting: MeetingRef): Promise<StaffItem[]> {
  const readClosed = await canReadClosed(db, actor, meeting);
  const [items, extras, files] = await Promise.all([
    new PortalQueries(db).agendaItems(meeting.id),
    itemStaffColumns(db, meeting.id),
    fileStaffColumns(db, meeting.id),
  ]);
  const extraOf = new Map(
    extras.map((e) => [
      e.id,
      { closedReason: e.closedReason ?? null, standard: e.standard ?? null, version: Number(e.version ?? 1), caseNumber: e.caseNumber ?? null },
    ]),
  );
  const fileOf = new Map(files.map((f) => [f.id, { text: f.text, withdrawnAt: f.withdrawnAt ?? null, textProblem: f.textProblem ?? null }]));
  return items.map((i) =>
    staffItem(i, extraOf.get(i.id) ?? { closedReason: null, standard: null, version: 1, caseNumber: null }, fileOf, readClosed, meeting.state),
  );
}

export async function staffMeeting(db: Db, actor: Principal, meeting: MeetingRef): Promise<StaffMeeting> {
  assertMayView(actor, meeting);
  const found = await findMeetingWithOrganization(db, meeting.id);
  if (!found) throw notFound('Mødet', meeting.id);
  const portal = new PortalQueries(db);
  const items = await staffItems(db, actor, meeting);
  const { organizationName, bodyId: _bodyId, version: _version, ...domainMeeting } = found;
  const attendance = await portal.attendance(domainMeeting);
  const publications = (await publicationsOfMeeting(db, meeting.id)).map((p) => ({ ...p, kind: p.kind as PublicationSummary['kind'] }));
  return {
    ...domainMeeting,
    organizationName,
    bodyId: meeting.bodyId,
    version: meeting.version,
    items,
    attendance,
    publications,
  };
}

// Publishing: the first agenda, the first minutes and every correction after them become a
// frozen, numbered version (publication table), built only through `publicView` and checked
// by the CPR guard first. A refused publication writes nothing: the guard throws inside the
// transaction that would have written it.
import { officialContactsOf } from '../../domain/municipality.js';
import { contactOfMeeting } from '../../storage/repositories/body-settings.js';
import { type Principal } from '../../domain/access.js';
import { type CprHit, cprRefusalMessage, scanForCpr } from '../../domain/cpr-guard.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { type OfficialContacts, type PersonalDataWarning, personalDataKindLabel, scanForPersonalData } from '../../domain/personal-data.js';
import { newId } from '../../domain/ids.js';
import { publicView } from '../../domain/agenda-item.js';
import { type MeetingState, agendaIsPublic, minutesArePublic, transition } from '../../domain/meeting.js';
import {
  type PublicationKind,
  type PublicationSummary,
  type PublishedMeeting,
  buildPublishedMeeting,
  seenThroughCurrentView,
} from '../../domain/publication.js';
import { fileStaffColumns, findMeetingWithOrganization, meetingRow, updateMeetingRow } from '../../storage/repositories/meeting-editor.js';
import { insertAlertEvent } from '../../storage/repositories/alert-events.js';
import { PortalQueries } from '../../storage/repositories/portal-queries.js';
import {
  exemptedFingerprints,
  insertCprExemption,
  insertPublication,
  latestPublicationVersion,
  publicationsOfMeeting,
} from '../../storage/repositories/publications.js';
import { papersOfMeeting } from '../../storage/repositories/public-text-queries.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search/indexing.js';
import type { LifecycleDeps } from './deps.js';
import { type MeetingRef, loadMeeting, meetingForEdit } from './guard.js';

export const CHANGE_NOTE_REQUIRED = 'Beskriv ændringen (ændringsnote), da dagsordenen allerede er offentliggjort';
const MAX_CHANGE_NOTE = 2000;

/** The change note of a change to something already published: required, trimmed. */
export function requireChangeNote(changeNote: string | null | undefined): string {
  const note = typeof changeNote === 'string' ? changeNote.trim() : '';
  if (note === '') throw new DomainError('invalid_input', CHANGE_NOTE_REQUIRED, 'changeNote');
  if (note.length > MAX_CHANGE_NOTE) throw new DomainError('invalid_input', `Ændringsnoten må højst være ${MAX_CHANGE_NOTE} tegn`, 'changeNote');
  return note;
}

/** Optional change note (first publications): trimmed, '' → null. */
function optionalNote(changeNote: string | null | undefined): string | null {
  const note = typeof changeNote === 'string' ? changeNote.trim() : '';
  if (note.length > MAX_CHANGE_NOTE) throw new DomainError('invalid_input', `Ændringsnoten må højst være ${MAX_CHANGE_NOTE} tegn`, 'changeNote');
  return note === '' ? null : note;
}

/** What the public would see of this kind of publication now, as the guard and the warnings scan it. */
async function scanInput(db: Db, meetingId: string, kind: PublicationKind, changeNote: string | null | undefined) {
  const [row, items, files, papers, exempted] = await Promise.all([
    meetingRow(db, meetingId),
    new PortalQueries(db).agendaItems(meetingId),
    fileStaffColumns(db, meetingId),
    papersOfMeeting(db, meetingId),
    exemptedFingerprints(db, meetingId),
  ]);
  return {
    kind,
    meeting: { location: row?.location ?? null },
    items,
    attachmentTexts: new Map(files.map((f) => [f.id, { text: f.text, sha256: f.sha256 }])),
    papers,
    changeNote: typeof changeNote === 'string' ? changeNote : null,
    exempted,
  };
}

/** What the CPR guard finds in what the public would see of this kind of publication now (with this change note). */
export async function cprHits(db: Db, meetingId: string, kind: PublicationKind, changeNote?: string | null): Promise<CprHit[]> {
  return scanForCpr(await scanInput(db, meetingId, kind, changeNote));
}

/** E-mail addresses, phone numbers and street addresses in what would be published: warnings, never blocking. */
export async function personalDataHits(db: Db, meetingId: string, kind: PublicationKind, official?: OfficialContacts): Promise<PersonalDataWarning[]> {
  // Left out, the municipality's own contact details (its settings) are the exemptions.
  const own = official ?? (await officialContactsOfMeeting(db, meetingId));
  return scanForPersonalData({ ...(await scanInput(db, meetingId, kind, null)), ...(own ? { official: own } : {}) });
}

async function officialContactsOfMeeting(db: Db, meetingId: string): Promise<OfficialContacts | undefined> {
  const c = await contactOfMeeting(db, meetingId);
  return c ? officialContactsOf({ address: c.contactAddress, phone: c.contactPhone, email: c.contactEmail }) : undefined;
}

function cprRefusal(hits: CprHit[]): DomainError {
  return new DomainError('conflict', cprRefusalMessage(hits), undefined, { reason: 'cpr_found', hits });
}

/** Which kind of publication a change to a public meeting renews. */
const kindForState = (state: MeetingState): PublicationKind => (state === 'minutes_published' ? 'minutes' : 'agenda');

/**
 * Publishes a new version of `kind` from the meeting's current data in `trx`: CPR guard (409
 * `cpr_found`, nothing written), then the publication row and the audit entry. Does not change
 * the meeting's state or the search index: the caller sets the state first (publishMinutes
 * moves to minutes_published, then calls this with 'minutes') and indexes after.
 */
export async function publishVersion(
  trx: Db,
  deps: LifecycleDeps,
  actor: Principal,
  meeting: MeetingRef,
  kind: PublicationKind,
  changeNote: string | null | undefined,
): Promise<{ version: number }> {
  const hits = await cprHits(trx, meeting.id, kind, changeNote);
  if (hits.length > 0) throw cprRefusal(hits);
  const found = await findMeetingWithOrganization(trx, meeting.id);
  if (!found) throw notFound('Mødet', meeting.id);
  const { version: _version, ...domainMeeting } = found;
  const portal = new PortalQueries(trx);
  const [items, attendance] = await Promise.all([portal.agendaItems(found.id), kind === 'minutes' ? portal.attendance(domainMeeting) : Promise.resolve([])]);
  const version = (await latestPublicationVersion(trx, found.id, kind)) + 1;
  const at = deps.now();
  const note = version === 1 ? optionalNote(changeNote) : requireChangeNote(changeNote);
  const snapshot = buildPublishedMeeting(
    { kind, version, publishedAt: at.toISOString(), publishedBy: actor.label, changeNote: note },
    domainMeeting,
    items,
    attendance,
  );
  const id = newId();
  await insertPublication(trx, {
    id,
    meetingId: found.id,
    kind,
    version,
    publishedAt: snapshot.publishedAt,
    publishedBy: actor.label,
    changeNote: note,
    snapshot: JSON.stringify(snapshot),
  });
  // The alerts' outbox: subscribers and members are told after this transaction commits.
  await insertAlertEvent(trx, kind, found.id, version, at);
  await audit(
    trx,
    actor,
    {
      action: `${kind}.publish`,
      entityType: 'publication',
      entityId: id,
      bodyId: found.bodyId,
      before: null,
      after: { meetingId: found.id, kind, version, changeNote: note },
    },
    at,
  );
  return { version };
}

/**
 * For the other services, after a change to a meeting whose agenda is public: a new version
 * of the agenda (or of the minutes once they are published). Requires the change note.
 * Reads the meeting's state from `trx`, so it sees a state change made earlier in it.
 */
export async function republish(
  trx: Db,
  deps: LifecycleDeps,
  actor: Principal,
  meeting: MeetingRef,
  changeNote: string | null | undefined,
): Promise<{ version: number; kind: PublicationKind }> {
  const note = requireChangeNote(changeNote);
  const current = await loadMeeting(trx, meeting.id);
  const kind = kindForState(current.state);
  // Minutes or an agenda published by an import have no version 1 in Protokol: this one is it.
  return { ...(await publishVersion(trx, deps, actor, current, kind, note)), kind };
}

/** After a change to a meeting's agenda data: republish when the agenda is already public. */
export async function republishIfPublic(
  trx: Db,
  deps: LifecycleDeps,
  actor: Principal,
  meeting: MeetingRef,
  changeNote: string | null | undefined,
): Promise<void> {
  const current = await loadMeeting(trx, meeting.id);
  if (agendaIsPublic(current.state)) await republish(trx, deps, actor, current, changeNote);
}

/** Throws the change-note error early (before any write) when the meeting's agenda is public. */
export function assertChangeNoteIfPublic(meeting: MeetingRef, changeNote: string | null | undefined): void {
  if (agendaIsPublic(meeting.state)) requireChangeNote(changeNote);
}

function incompleteProblems(items: { title: string; public: boolean; publicTitle: string | null; number: string }[]): string[] {
  const problems: string[] = [];
  if (!items.some((i) => i.title.trim() !== '')) problems.push('Dagsordenen har ingen punkter');
  for (const i of items) {
    if (i.title.trim() === '') problems.push(`Punkt ${i.number} mangler en titel`);
    if (!i.public && (i.publicTitle ?? '').trim() === '') problems.push(`Punkt ${i.number} er lukket og mangler en neutral titel`);
  }
  return problems;
}

/** Publishes the agenda (version 1), or a new version of a public agenda (changeNote required). */
export async function publishAgenda(
  deps: LifecycleDeps,
  actor: Principal,
  meetingId: string,
  options: { changeNote?: string | null } = {},
): Promise<{ version: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const meeting = await meetingForEdit(trx, actor, meetingId);
    if (meeting.cancelled) throw new DomainError('invalid_transition', 'Mødet er aflyst; dagsordenen kan ikke offentliggøres');
    if (agendaIsPublic(meeting.state)) {
      const { version } = await republish(trx, deps, actor, meeting, options.changeNote);
      await indexMeetings(trx, deps.database, [meeting.id]);
      return { version };
    }
    const items = await new PortalQueries(trx).agendaItems(meeting.id);
    const problems = incompleteProblems(items);
    if (problems.length > 0) {
      throw new DomainError('conflict', `Dagsordenen er ikke færdig: ${problems.join('; ')}`, undefined, { reason: 'incomplete', problems });
    }
    const state = transition(meeting, 'agenda_published');
    const at = deps.now().toISOString();
    await updateMeetingRow(trx, meeting.id, { state, updatedAt: at });
    await audit(
      trx,
      actor,
      { action: 'meeting.state', entityType: 'meeting', entityId: meeting.id, bodyId: meeting.bodyId, before: { state: meeting.state }, after: { state } },
      deps.now(),
    );
    const { version } = await publishVersion(trx, deps, actor, { ...meeting, state }, 'agenda', options.changeNote);
    await indexMeetings(trx, deps.database, [meeting.id]);
    return { version };
  });
}

/** The CPR guard's findings now, for the editor (before pressing publish). Editors only. */
export async function checkCpr(deps: LifecycleDeps, actor: Principal, meetingId: string, kind: PublicationKind): Promise<CprHit[]> {
  const db = deps.database.db;
  await meetingForEdit(db, actor, meetingId);
  return cprHits(db, meetingId, kind);
}

/** The personal-data warnings now, for the editor (before pressing publish). Editors only. */
export async function checkPersonalData(
  deps: LifecycleDeps,
  actor: Principal,
  meetingId: string,
  kind: PublicationKind,
  official?: OfficialContacts,
): Promise<PersonalDataWarning[]> {
  const db = deps.database.db;
  await meetingForEdit(db, actor, meetingId);
  return personalDataHits(db, meetingId, kind, official);
}

/** A current CPR hit or personal-data warning by fingerprint, as the mark stores it. */
async function findingByFingerprint(
  trx: Db,
  meetingId: string,
  fingerprint: string,
): Promise<{ reason: string; masked: string; location: string } | undefined> {
  const hits = [...(await cprHits(trx, meetingId, 'agenda')), ...(await cprHits(trx, meetingId, 'minutes'))];
  const hit = hits.find((h) => h.fingerprint === fingerprint);
  if (hit) return hit;
  const warnings = [...(await personalDataHits(trx, meetingId, 'agenda')), ...(await personalDataHits(trx, meetingId, 'minutes'))];
  const w = warnings.find((h) => h.fingerprint === fingerprint);
  // The value itself is not stored with the mark: "Telefonnummer" and where suffice to audit it.
  return w ? { reason: w.kind, masked: personalDataKindLabel[w.kind], location: w.location } : undefined;
}

/** Marks one current hit as a verified false positive (or an unscanned attachment or a personal-data warning as checked). */
export async function markCprFalsePositive(deps: LifecycleDeps, actor: Principal, meetingId: string, fingerprint: string): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const meeting = await meetingForEdit(trx, actor, meetingId);
    const hit = await findingByFingerprint(trx, meetingId, fingerprint);
    if (!hit) throw new DomainError('not_found', 'Fundet findes ikke (længere) i mødets tekster', 'fingerprint');
    const at = deps.now();
    await insertCprExemption(trx, {
      fingerprint,
      meetingId,
      masked: hit.masked || '(ukontrolleret bilag)',
      location: hit.location,
      markedBy: actor.label,
      markedAt: at.toISOString(),
    });
    await audit(
      trx,
      actor,
      {
        action: 'cpr.false_positive',
        entityType: 'meeting',
        entityId: meetingId,
        bodyId: meeting.bodyId,
        before: null,
        after: { fingerprint, reason: hit.reason, masked: hit.masked, location: hit.location },
      },
      at,
    );
  });
}

export async function listPublications(db: Db, meetingId: string): Promise<PublicationSummary[]> {
  return (await publicationsOfMeeting(db, meetingId)).map((p) => ({ ...p, kind: p.kind as PublicationKind }));
}

/**
 * A standing version for the public, seen through today's public view (the same rule as the
 * portal's versions page): undefined when withdrawn, unknown or no longer public.
 */
export async function getPublication(db: Db, meetingId: string, kind: PublicationKind, version: number): Promise<PublishedMeeting | undefined> {
  const portal = new PortalQueries(db);
  const [frozen, meeting] = await Promise.all([portal.publication(meetingId, kind, version), meetingRow(db, meetingId)]);
  if (!frozen || !meeting) return undefined;
  const state = meeting.state as MeetingState;
  const agendaPublic = agendaIsPublic(state);
  const minutesPublic = minutesArePublic(state);
  const items = agendaPublic ? (await portal.agendaItems(meetingId)).map((i) => publicView(i, { decisionsPublished: minutesPublic })) : [];
  return seenThroughCurrentView(frozen, { agendaPublic, minutesPublic, items }) ?? undefined;
}

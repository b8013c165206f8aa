// What a publication would put out now, before the secretary confirms it: the same public
// view publishVersion freezes (buildPublishedMeeting over the portal's items, so closed items
// are their neutral title and nothing else, closed attachments are left out, decisions and
// attendance only in minutes), plus the CPR guard's findings that would refuse it. Nothing is
// written; the confirm button then calls publishAgenda or publishMinutes as before.
import type { Principal } from '../../domain/access.js';
import type { CprHit } from '../../domain/cpr-guard.js';
import { notFound } from '../../domain/errors.js';
import { type PublicationKind, type PublishedMeeting, buildPublishedMeeting } from '../../domain/publication.js';
import { findMeetingWithOrganization } from '../../storage/repositories/meeting-editor.js';
import { PortalQueries } from '../../storage/repositories/portal-queries.js';
import { latestPublicationVersion } from '../../storage/repositories/publications.js';
import type { LifecycleDeps } from './deps.js';
import { meetingForEdit } from './guard.js';
import { cprHits } from './publication.js';

export interface PublicationPreview {
  /** Exactly what the public would see; version is the one the confirmation would publish. */
  snapshot: PublishedMeeting;
  /** Findings that would refuse the publication (empty: it may go out). */
  hits: CprHit[];
}

/** Editors of the meeting only (403 otherwise). */
export async function publicationPreview(deps: LifecycleDeps, actor: Principal, meetingId: string, kind: PublicationKind): Promise<PublicationPreview> {
  const db = deps.database.db;
  await meetingForEdit(db, actor, meetingId);
  const found = await findMeetingWithOrganization(db, meetingId);
  if (!found) throw notFound('Mødet', meetingId);
  const { version: _version, ...meeting } = found;
  const portal = new PortalQueries(db);
  const [items, attendance, latest, hits] = await Promise.all([
    portal.agendaItems(meetingId),
    kind === 'minutes' ? portal.attendance(meeting) : Promise.resolve([]),
    latestPublicationVersion(db, meetingId, kind),
    cprHits(db, meetingId, kind),
  ]);
  const snapshot = buildPublishedMeeting(
    { kind, version: latest + 1, publishedAt: deps.now().toISOString(), publishedBy: actor.label, changeNote: null },
    meeting,
    items,
    attendance,
  );
  return { snapshot, hits };
}

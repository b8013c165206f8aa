// "Aflys mødet": a meeting that will not be held keeps the state it reached and gets the
// cancelled flag (domain/meeting.ts), so the portal says "Aflyst", the calendars send
// STATUS:CANCELLED with a higher SEQUENCE (the meeting's version), the Atom entry and OParl
// say so. The reason is required: it goes into the audit log and, when the agenda is already
// public, into the change note of the new agenda version, so the public reads why.
import type { Principal } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { agendaIsPublic, cancel } from '../../domain/meeting.js';
import { bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import { meetingRow, updateMeetingRow } from '../../storage/repositories/meeting-editor.js';
import { lockMeeting } from '../../storage/repositories/minutes-writer.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search/indexing.js';
import type { LifecycleDeps } from './deps.js';
import { checkVersion, meetingForEdit } from './guard.js';
import { republish } from './publication.js';

export const MAX_CANCEL_REASON = 500;

export interface CancelMeetingInput {
  reason: unknown;
  version?: number | undefined;
}

/** The reason as the public and the audit log read it: required, trimmed, at most 500 characters. */
export function cancelReason(value: unknown): string {
  const reason = typeof value === 'string' ? value.replace(/\s+/g, ' ').trim() : '';
  if (reason === '') throw new DomainError('invalid_input', 'Skriv, hvorfor mødet aflyses', 'reason');
  if (reason.length > MAX_CANCEL_REASON) throw new DomainError('invalid_input', `Begrundelsen må højst være ${MAX_CANCEL_REASON} tegn`, 'reason');
  return reason;
}

/** Cancels a meeting that has not been held. Editors of the meeting only; 403 before 409. */
export async function cancelMeeting(deps: LifecycleDeps, actor: Principal, meetingId: string, input: CancelMeetingInput): Promise<{ version: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    await lockMeeting(trx, meetingId);
    const meeting = await meetingForEdit(trx, actor, meetingId);
    const reason = cancelReason(input.reason);
    checkVersion('Mødet', input.version, meeting.version);
    if (meeting.cancelled) throw new DomainError('invalid_transition', 'Mødet er allerede aflyst');
    cancel(meeting);
    const before = await meetingRow(trx, meetingId);
    const at = deps.now();
    await updateMeetingRow(trx, meetingId, { cancelled: 1 });
    const version = await bumpMeetingVersion(trx, meetingId, at.toISOString());
    await audit(
      trx,
      actor,
      {
        action: 'meeting.cancel',
        entityType: 'meeting',
        entityId: meetingId,
        bodyId: meeting.bodyId,
        before,
        after: { ...(await meetingRow(trx, meetingId)), reason },
      },
      at,
    );
    // An agenda already out: a new version says why, the versions list shows the note.
    if (agendaIsPublic(meeting.state)) await republish(trx, deps, actor, meeting, `Mødet er aflyst: ${reason}`);
    await indexMeetings(trx, deps.database, [meetingId]);
    return { version };
  });
}

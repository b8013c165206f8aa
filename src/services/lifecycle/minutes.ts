// Publishing the minutes (Styrelsesloven § 8: the decisions must be made public): once they
// are approved and every item has a decision, a frozen minutes version is published through
// the CPR guard, and the decisions become public (portal, search). Corrections afterwards go
// through recordDecision / recordAttendance with a change note (a new minutes version).
import type { Principal } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { danishDate } from '../../domain/clock.js';
import { meetingStateLabel, transition } from '../../domain/meeting.js';
import { formatDateMedium } from '../../render/format.js';
import { bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import { itemsWithoutDecision, lockMeeting, setMeetingState } from '../../storage/repositories/minutes-writer.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search/indexing.js';
import type { LifecycleDeps } from './deps.js';
import { meetingForEdit } from './guard.js';
import { approvalStatusIn } from './minutes-approval-status.js';
import { publishVersion } from './publication.js';

/** Publishes the approved minutes as version 1 of the minutes. Editors only. */
export async function publishMinutes(
  deps: LifecycleDeps,
  actor: Principal,
  meetingId: string,
  options: { changeNote?: string | null | undefined } = {},
): Promise<{ version: number; meetingVersion: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    await lockMeeting(trx, meetingId);
    const meeting = await meetingForEdit(trx, actor, meetingId);
    if (meeting.cancelled) throw new DomainError('invalid_transition', 'Mødet er aflyst; referatet kan ikke offentliggøres');
    // Decisions may be recorded ahead (a prepared draft), but minutes of a meeting that has not
    // taken place yet cannot be true: publishing waits for the meeting's (Danish) day.
    const today = danishDate(deps.now());
    if (meeting.date > today) {
      throw new DomainError(
        'conflict',
        `Mødet holdes først den ${formatDateMedium(meeting.date)}; referatet kan tidligst offentliggøres på mødedagen`,
        undefined,
        { reason: 'not_held_yet', date: meeting.date, today },
      );
    }
    if (meeting.state === 'held') {
      const status = await approvalStatusIn(trx, meeting);
      const names = status.missing.map((m) => m.name).join(', ');
      throw new DomainError('conflict', `Referatet mangler godkendelse fra: ${names}`, undefined, { reason: 'approvals_missing', missing: status.missing });
    }
    if (meeting.state === 'minutes_published') {
      throw new DomainError('invalid_transition', 'Referatet er allerede offentliggjort; ret det med en ændringsnote på beslutningen eller fremmødet');
    }
    if (meeting.state !== 'minutes_approved') {
      throw new DomainError(
        'invalid_transition',
        `Referatet kan ikke offentliggøres, når mødet er "${meetingStateLabel[meeting.state]}"; det skal først afholdes og godkendes`,
      );
    }
    const missing = await itemsWithoutDecision(trx, meeting.id);
    if (missing.length > 0) {
      const list = missing.map((i) => `punkt ${i.number} ${i.title}`).join('; ');
      throw new DomainError('conflict', `Disse punkter mangler en beslutning: ${list}`, undefined, { reason: 'decisions_missing', items: missing });
    }

    const state = transition(meeting, 'minutes_published');
    const at = deps.now();
    await setMeetingState(trx, meeting.id, state, at.toISOString());
    const { version } = await publishVersion(trx, deps, actor, { ...meeting, state }, 'minutes', options.changeNote ?? null);
    const meetingVersion = await bumpMeetingVersion(trx, meeting.id, at.toISOString());
    await audit(
      trx,
      actor,
      { action: 'meeting.state', entityType: 'meeting', entityId: meeting.id, bodyId: meeting.bodyId, before: { state: meeting.state }, after: { state } },
      at,
    );
    await indexMeetings(trx, deps.database, [meeting.id]);
    return { version, meetingVersion };
  });
}

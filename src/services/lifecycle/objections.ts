// A member's objection to the minutes ("Gør indsigelse"): instead of approving, an attendee
// says what is wrong. The secretariat sees it in the approvals screen; it is audit-logged and
// never public. Objecting does not approve: the member stays among those missing.
import type { Principal } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { insertObjection, userExists } from '../../storage/repositories/approvals.js';
import { lockMeeting } from '../../storage/repositories/minutes-writer.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from './deps.js';
import { loadMeeting } from './guard.js';
import { loadApprovalState } from './minutes-approval-status.js';

const MAX_COMMENT = 2000;

export async function objectToMinutes(deps: LifecycleDeps, actor: Principal, meetingId: string, comment: string): Promise<{ createdAt: string }> {
  return deps.database.db.transaction().execute(async (trx) => {
    await lockMeeting(trx, meetingId);
    const meeting = await loadMeeting(trx, meetingId);
    const s = await loadApprovalState(trx, meeting);
    // Permission before state: only one who attended may object.
    const personId = actor.personId;
    if (personId === null || !s.attendees.some((a) => a.personId === personId && a.status === 'present')) {
      throw new DomainError('forbidden', 'Kun medlemmer, der deltog i mødet, kan gøre indsigelse mod referatet');
    }
    const text = comment.trim();
    if (text === '') throw new DomainError('invalid_input', 'Skriv, hvad din indsigelse gælder', 'comment');
    if (text.length > MAX_COMMENT) throw new DomainError('invalid_input', `Indsigelsen må højst være ${MAX_COMMENT} tegn`, 'comment');
    if (!s.open) throw new DomainError('invalid_transition', 'Referatet er ikke til godkendelse nu; kontakt sekretariatet');
    if (s.approvals.some((a) => a.role === 'member' && a.personId === personId)) {
      throw new DomainError('conflict', 'Du har allerede godkendt referatet; kontakt sekretariatet, hvis noget er forkert');
    }
    const at = deps.now();
    const createdAt = at.toISOString();
    const userId = actor.kind === 'user' && (await userExists(trx, actor.id)) ? actor.id : null;
    await insertObjection(trx, { meetingId: meeting.id, personId, userId, actorLabel: actor.label, comment: text, minutesVersion: s.version, createdAt });
    await audit(
      trx,
      actor,
      {
        action: 'minutes.object',
        entityType: 'meeting',
        entityId: meeting.id,
        bodyId: meeting.bodyId,
        before: null,
        after: { personId, comment: text, minutesVersion: s.version },
      },
      at,
    );
    return { createdAt };
  });
}

// Withdrawal (issue 13): an administrator or the meeting's secretary takes back a published
// version or a single attachment, with a required reason in the audit log. The rows stay for
// staff (marked withdrawn); every public reader skips them (publications.ts, the publish flag),
// and the meeting is reindexed in the same transaction, so search drops them at once. PDFs are
// cached by the content hash of what they print, so the next request renders without them.
import type { Principal } from '../../domain/access.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { agendaIsPublic } from '../../domain/meeting.js';
import { type PublicationKind, notPublished, stateAfterWithdrawal } from '../../domain/publication.js';
import { requireReason } from '../../domain/redaction.js';
import { fileRow } from '../../storage/repositories/attachment-editor.js';
import { bumpItemVersion, bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import { updateMeetingRow } from '../../storage/repositories/meeting-editor.js';
import {
  type StaffPublicationRow,
  allPublicationsOfMeeting,
  markPublicationWithdrawn,
  standingPublicationCount,
} from '../../storage/repositories/publications.js';
import { type StaffFileWithdrawalRow, filesWithWithdrawal, markFileWithdrawn } from '../../storage/repositories/withdrawals.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search/indexing.js';
import type { LifecycleDeps } from './deps.js';
import { itemForEdit, meetingForEdit } from './guard.js';

export interface WithdrawalOverview {
  publications: (Omit<StaffPublicationRow, 'kind'> & { kind: PublicationKind })[];
  files: StaffFileWithdrawalRow[];
}

/** What can be (or was) withdrawn of a meeting, for its editors. */
export async function withdrawalOverview(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<WithdrawalOverview> {
  const db = deps.database.db;
  await meetingForEdit(db, actor, meetingId);
  const [publications, files] = await Promise.all([allPublicationsOfMeeting(db, meetingId), filesWithWithdrawal(db, meetingId)]);
  return { publications: publications.map((p) => ({ ...p, kind: p.kind as PublicationKind })), files };
}

/**
 * Withdraws one version. It vanishes from the versions list, its page and the API; when it was
 * the last standing one of its kind the meeting leaves that public state (stateAfterWithdrawal).
 */
export async function withdrawPublication(
  deps: LifecycleDeps,
  actor: Principal,
  meetingId: string,
  input: { kind: PublicationKind; version: number; reason: string },
): Promise<{ state: string }> {
  const reason = requireReason(input.reason);
  if (input.kind !== 'agenda' && input.kind !== 'minutes') throw new DomainError('invalid_input', 'Ukendt slags version', 'kind');
  return deps.database.db.transaction().execute(async (trx) => {
    const meeting = await meetingForEdit(trx, actor, meetingId);
    const row = (await allPublicationsOfMeeting(trx, meetingId)).find((p) => p.kind === input.kind && p.version === input.version);
    if (!row) throw notFound('Versionen', `${input.kind} ${input.version}`);
    if (row.withdrawnAt !== null) {
      throw new DomainError('conflict', 'Versionen er allerede trukket tilbage', undefined, { reason: 'already_withdrawn' });
    }
    const at = deps.now();
    await markPublicationWithdrawn(trx, row.id, { at: at.toISOString(), by: actor.label, reason });
    const standing = { agenda: await standingPublicationCount(trx, meetingId, 'agenda'), minutes: await standingPublicationCount(trx, meetingId, 'minutes') };
    const state = stateAfterWithdrawal(meeting.state, standing);
    if (state !== meeting.state) {
      await updateMeetingRow(trx, meetingId, { state, updatedAt: at.toISOString() });
      await audit(
        trx,
        actor,
        { action: 'meeting.state', entityType: 'meeting', entityId: meetingId, bodyId: meeting.bodyId, before: { state: meeting.state }, after: { state } },
        at,
      );
    }
    await bumpMeetingVersion(trx, meetingId, at.toISOString());
    await audit(
      trx,
      actor,
      {
        action: `${input.kind}.withdraw`,
        entityType: 'publication',
        entityId: row.id,
        bodyId: meeting.bodyId,
        before: { kind: input.kind, version: input.version },
        after: { withdrawn: true, reason },
      },
      at,
    );
    await indexMeetings(trx, deps.database, [meetingId]);
    return { state };
  });
}

/** Withdraws one attachment: off every public channel, kept for staff marked withdrawn. */
export async function withdrawAttachment(deps: LifecycleDeps, actor: Principal, fileId: string, input: { reason: string }): Promise<void> {
  const reason = requireReason(input.reason);
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await fileRow(trx, fileId);
    if (!row || row.agendaItemId === null) throw notFound('Bilaget', fileId);
    const { item, meeting } = await itemForEdit(trx, actor, row.agendaItemId);
    if (!agendaIsPublic(meeting.state)) throw notPublished('Dagsordenen er ikke offentliggjort; gør bilaget lukket eller fjern det i stedet');
    if ((row.withdrawnAt ?? null) !== null)
      throw new DomainError('conflict', 'Bilaget er allerede trukket tilbage', undefined, { reason: 'already_withdrawn' });
    const at = deps.now();
    await markFileWithdrawn(trx, fileId, { at: at.toISOString(), by: actor.label, reason });
    await bumpItemVersion(trx, item.id);
    await bumpMeetingVersion(trx, meeting.id, at.toISOString());
    await audit(
      trx,
      actor,
      {
        action: 'attachment.withdraw',
        entityType: 'file',
        entityId: fileId,
        bodyId: meeting.bodyId,
        before: { public: Number(row.public) === 1 },
        after: { public: false, withdrawn: true, reason },
      },
      at,
    );
    await indexMeetings(trx, deps.database, [meeting.id]);
  });
}

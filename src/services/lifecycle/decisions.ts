// The decision on an item (beslutning) with who was absent for it, who was disqualified, the
// votes and the minority's dissents (Styrelsesloven §§ 13-14). The rules are in
// domain/decision.ts; this service loads the attendance, writes the item's minutes and the
// case's consultation, and moves the meeting (minutes-changes.ts).
import type { Principal } from '../../domain/access.js';
import type { VoteChoice } from '../../domain/agenda-item.js';
import { type PresentMember, consultationRoleFor, resolveDecision } from '../../domain/decision.js';
import { bumpItemVersion, bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import {
  type ItemMinutes,
  consultationOfItem,
  insertConsultation,
  itemMinutes,
  lockMeeting,
  organizationRow,
  paperRow,
  replaceItemMinutes,
  setConsultationOutcome,
} from '../../storage/repositories/minutes-writer.js';
import { attendees } from '../../storage/repositories/attendance-queries.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import type { LifecycleDeps } from './deps.js';
import { type MeetingRef, checkVersion, itemForEdit, loadItem } from './guard.js';
import { completeMinutesChange, planMinutesChange } from './minutes-changes.js';

export interface RecordDecisionInput {
  decision: string;
  /** Present at the meeting but not for this item. */
  absent?: readonly string[] | undefined;
  disqualified?: readonly { personId: string; reason?: string | null | undefined }[] | undefined;
  dissents?: readonly { personId: string; text?: string | null | undefined }[] | undefined;
  votes?:
    | readonly { choice: VoteChoice; personIds?: readonly string[] | undefined; parties?: readonly string[] | undefined; count?: number | null | undefined }[]
    | undefined;
  /** The item's version the edit started from. */
  version?: number | undefined;
  /** Required once the minutes are published (a correction). */
  changeNote?: string | null | undefined;
}

/** Records (replaces) the item's decision, notes and votes. Returns the item's new version. */
export async function recordDecision(
  deps: LifecycleDeps,
  actor: Principal,
  itemId: string,
  input: RecordDecisionInput,
): Promise<{ version: number; meetingVersion: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const located = await loadItem(trx, itemId);
    await lockMeeting(trx, located.meeting.id);
    const { item, meeting } = await itemForEdit(trx, actor, itemId);
    checkVersion('Punktet', input.version, item.version);
    const plan = planMinutesChange(meeting, input.changeNote, 'beslutninger');

    const present: PresentMember[] = (await attendees(trx, meeting))
      .filter((a) => a.status === 'present')
      .map((a) => ({ personId: a.personId, name: a.name, party: a.party }));
    const resolved = resolveDecision(input, present);

    const before = await itemMinutes(trx, item.id);
    const after: ItemMinutes = {
      decision: resolved.decision,
      notes: [
        ...resolved.absences.map((n) => ({ kind: 'absence' as const, ...n })),
        ...resolved.disqualifications.map((n) => ({ kind: 'disqualification' as const, ...n })),
        ...resolved.dissents.map((n) => ({ kind: 'dissent' as const, ...n })),
      ],
      votes: resolved.votes.map(({ choice, label, count, members }) => ({ choice, label, count, members })),
    };
    await replaceItemMinutes(trx, item.id, after);
    await recordConsultation(trx, meeting, item, resolved.decision);
    const version = await bumpItemVersion(trx, item.id);
    const meetingVersion = await bumpMeetingVersion(trx, meeting.id, deps.now().toISOString());
    await audit(trx, actor, { action: 'item.decision', entityType: 'agenda_item', entityId: item.id, bodyId: meeting.bodyId, before, after }, deps.now());
    await completeMinutesChange(trx, deps, actor, meeting, plan);
    return { version, meetingVersion };
  });
}

/**
 * The item as one consideration of its case: the decision becomes the outcome. An item with a
 * case but no consultation yet gets one; its role follows the case's decision competence.
 */
async function recordConsultation(trx: Db, meeting: MeetingRef, item: { id: string; paperId: string | null }, decision: string): Promise<void> {
  const existing = await consultationOfItem(trx, item.id);
  if (!existing && item.paperId === null) return;
  const paperId = item.paperId ?? null;
  const [paper, org] = await Promise.all([paperId === null ? undefined : paperRow(trx, paperId), organizationRow(trx, meeting.organizationId)]);
  if (!org) return;
  const competence = paper?.decisionCompetence ?? null;
  if (existing) {
    // The role follows what is known now: the competence, else the decision's wording.
    await setConsultationOutcome(trx, item.id, decision, consultationRoleFor(competence, org, decision));
    return;
  }
  if (!paper) return;
  await insertConsultation(trx, {
    paperId: paper.id,
    organizationId: org.id,
    organizationName: org.name,
    meetingId: meeting.id,
    agendaItemId: item.id,
    date: meeting.date,
    role: consultationRoleFor(competence, org, decision),
    outcome: decision,
  });
}

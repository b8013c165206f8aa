// Sending a case on (fagudvalg → Økonomiudvalget → Kommunalbestyrelsen): after a body has
// decided on an item, the same case becomes an item on the next body's coming meeting, with
// the agenda text copied and the decision added under "Sagens forløb", as the later bodies
// print it. One transaction: the new item, its consultation, the republished agenda of the
// target when it is already public, the index and the audit entries land together.
import { type Principal, assertMayEdit } from '../../domain/access.js';
import { forwardRoleFor } from '../../domain/decision.js';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { danishDate } from '../../domain/clock.js';
import { forwardFrom, notYetHeld } from '../../domain/meeting.js';
import { formatDateMedium } from '../../render/format.js';
import { bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import { PROTOKOL_SOURCE, type SectionRow, insertItem, itemOrder, renumber, replaceSections } from '../../storage/repositories/meeting-editor.js';
import {
  type ItemForForward,
  forwardableFiles,
  insertConsultation,
  itemForForward,
  itemOfPaperOnMeeting,
  lockMeeting,
  nextOpenMeeting,
  organizationRow,
  paperRow,
} from '../../storage/repositories/minutes-writer.js';
import { insertFile } from '../../storage/repositories/attachment-editor.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search/indexing.js';
import type { LifecycleDeps } from './deps.js';
import { type MeetingRef, itemForEdit, loadMeeting } from './guard.js';
import { trailingStandards } from './meetings.js';
import { republishIfPublic } from './publication.js';

export interface ForwardInput {
  /** The body the case goes to (same municipality). */
  organizationId: string;
  /** Its meeting; by default its next meeting after the source meeting that is not held yet. */
  meetingId?: string | undefined;
  /** The change note when the target agenda is already public; by default "Sag tilføjet fra …". */
  changeNote?: string | null | undefined;
}

const HISTORY_HEADING = 'Sagens forløb';

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "Børne- og Skoleudvalget, 6. februar 2024, punkt 5: Indstillingen anbefales." */
export function historyLine(organizationName: string, date: string, itemNumber: string, decision: string): string {
  let text = decision.replace(/\s+/g, ' ').trim();
  if (!/[.!?]$/.test(text)) text += '.';
  return `${organizationName}, ${formatDateMedium(date)}, punkt ${itemNumber}: ${text}`;
}

/**
 * The sections the new item starts with: the source's agenda text (not its decision section)
 * and "Sagens forløb" with the source body's decision added (a new section before "Bilag"
 * when the source had none).
 */
export function forwardedSections(source: ItemForForward, line: string): SectionRow[] {
  const rows: SectionRow[] = source.sections
    .filter((s) => s.kind !== 'decision')
    .map((s) => ({ id: newId(), kind: s.kind, heading: s.heading, text: s.text, html: s.html }));
  const history = rows.find((s) => s.kind === 'history');
  if (history) {
    history.text = history.text.trim() === '' ? line : `${history.text.replace(/\s+$/u, '')}\n${line}`;
    if (history.html !== null) history.html = `${history.html}<p>${escapeHtml(line)}</p>`;
    return rows;
  }
  const at = rows.findIndex((s) => s.kind === 'attachments');
  const section: SectionRow = { id: newId(), kind: 'history', heading: HISTORY_HEADING, text: line, html: null };
  if (at === -1) rows.push(section);
  else rows.splice(at, 0, section);
  return rows;
}

/** Puts the item's case on the target body's coming meeting. Editors of both meetings. */
export async function forwardCase(deps: LifecycleDeps, actor: Principal, itemId: string, input: ForwardInput): Promise<{ itemId: string; meetingId: string }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const { meeting: sourceMeeting } = await itemForEdit(trx, actor, itemId);
    const source = (await itemForForward(trx, itemId))!;
    if (source.paperId === null) {
      throw new DomainError('conflict', 'Punktet er ikke knyttet til en sag og kan ikke sendes videre', undefined, { reason: 'no_case' });
    }
    if ((source.decision ?? '').trim() === '') {
      throw new DomainError('conflict', 'Registrér beslutningen på punktet, før sagen sendes videre', undefined, { reason: 'decision_missing' });
    }

    const targetOrg = typeof input.organizationId === 'string' ? await organizationRow(trx, input.organizationId) : undefined;
    if (!targetOrg || targetOrg.bodyId !== sourceMeeting.bodyId) {
      throw new DomainError('not_found', `Udvalget ${String(input.organizationId)} findes ikke i kommunen`, 'organizationId');
    }
    const target = await targetMeeting(trx, input, targetOrg, forwardFrom(sourceMeeting.date, danishDate(deps.now())));
    assertMayEdit(actor, target);
    await lockMeeting(trx, target.id);
    const paper = (await paperRow(trx, source.paperId))!;
    const already = await itemOfPaperOnMeeting(trx, target.id, paper.id);
    if (already) {
      throw new DomainError('conflict', 'Sagen står allerede på det møde', undefined, {
        reason: 'already_on_agenda',
        itemId: already.id,
        meetingId: target.id,
      });
    }

    const sourceOrg = (await organizationRow(trx, sourceMeeting.organizationId))!;
    const line = historyLine(sourceOrg.name, sourceMeeting.date, source.number, source.decision!);
    const order = await itemOrder(trx, target.id);
    let at = order.length;
    while (at > 0 && trailingStandards.has(order[at - 1]!.standard ?? '')) at--;
    const id = newId();
    await insertItem(trx, {
      id,
      meetingId: target.id,
      paperId: paper.id,
      number: String(at + 1),
      position: at + 1,
      title: source.title,
      public: source.public ? 1 : 0,
      publicTitle: source.publicTitle,
      closedReason: source.closedReason,
      decision: null,
      standard: null,
      version: 1,
      source: PROTOKOL_SOURCE,
      externalId: null,
    });
    const sections = forwardedSections(source, line);
    await replaceSections(trx, id, sections);
    const ids = order.map((o) => o.id);
    ids.splice(at, 0, id);
    await renumber(trx, ids);
    const files = await copyAttachments(trx, source.id, { itemId: id, meetingId: target.id, paperId: paper.id }, deps.now().toISOString());
    const role = forwardRoleFor(paper.decisionCompetence, targetOrg);
    await insertConsultation(trx, {
      paperId: paper.id,
      organizationId: targetOrg.id,
      organizationName: targetOrg.name,
      meetingId: target.id,
      agendaItemId: id,
      date: target.date,
      role,
      outcome: null,
    });

    const now = deps.now();
    const number = String(at + 1);
    await audit(
      trx,
      actor,
      {
        action: 'item.create',
        entityType: 'agenda_item',
        entityId: id,
        bodyId: target.bodyId,
        before: null,
        after: {
          meetingId: target.id,
          paperId: paper.id,
          number,
          title: source.title,
          public: source.public,
          forwardedFrom: source.id,
          files,
          sections: sections.map(({ kind, heading, text }) => ({ kind, heading, text })),
        },
      },
      now,
    );
    await audit(
      trx,
      actor,
      {
        action: 'case.forward',
        entityType: 'agenda_item',
        entityId: source.id,
        bodyId: sourceMeeting.bodyId,
        before: null,
        after: { paperId: paper.id, organizationId: targetOrg.id, meetingId: target.id, itemId: id, role, history: line },
      },
      now,
    );
    await bumpMeetingVersion(trx, target.id, now.toISOString());
    const note =
      typeof input.changeNote === 'string' && input.changeNote.trim() !== ''
        ? input.changeNote
        : `Sag tilføjet fra ${sourceOrg.name} ${formatDateMedium(sourceMeeting.date)}`;
    await republishIfPublic(trx, deps, actor, target, note);
    await indexMeetings(trx, deps.database, [target.id]);
    return { itemId: id, meetingId: target.id };
  });
}

/**
 * The case's attachments go with it (the next body reads the same bilag): a new file row per
 * attachment on the new item, the same stored bytes (by hash), text and public flag. A
 * withdrawn attachment stays behind. Returns what was copied, for the audit entry.
 */
async function copyAttachments(
  trx: Db,
  sourceItemId: string,
  to: { itemId: string; meetingId: string; paperId: string },
  at: string,
): Promise<{ id: string; from: string; title: string; public: boolean }[]> {
  const copied = [];
  for (const [i, f] of (await forwardableFiles(trx, sourceItemId)).entries()) {
    const id = newId();
    await insertFile(trx, {
      id,
      bodyId: f.bodyId,
      meetingId: to.meetingId,
      agendaItemId: to.itemId,
      paperId: to.paperId,
      position: i + 1,
      title: f.title,
      fileName: f.fileName,
      mediaType: f.mediaType,
      size: f.size,
      sha256: f.sha256,
      text: f.text,
      textProblem: f.textProblem ?? null,
      public: f.public,
      createdAt: at,
      source: PROTOKOL_SOURCE,
      externalId: null,
    });
    copied.push({ id, from: f.id, title: f.title, public: Number(f.public) === 1 });
  }
  return copied;
}

/** The given meeting of the target body, or its first one from `fromDate` on; not held yet. */
async function targetMeeting(trx: Db, input: ForwardInput, org: { id: string; name: string }, fromDate: string): Promise<MeetingRef> {
  if (input.meetingId !== undefined) {
    const meeting = await loadMeeting(trx, input.meetingId).catch((e: unknown) => {
      if (e instanceof DomainError && e.code === 'not_found') throw new DomainError('not_found', `Mødet ${input.meetingId} findes ikke`, 'meetingId');
      throw e;
    });
    if (meeting.organizationId !== org.id) throw new DomainError('invalid_input', `Mødet er ikke et møde i ${org.name}`, 'meetingId');
    if (meeting.cancelled) throw new DomainError('invalid_transition', 'Mødet er aflyst', 'meetingId');
    if (!notYetHeld(meeting.state)) {
      throw new DomainError('invalid_transition', 'Mødet er allerede afholdt; vælg et kommende møde', 'meetingId');
    }
    return meeting;
  }
  const next = await nextOpenMeeting(trx, org.id, fromDate);
  if (!next) {
    throw new DomainError('conflict', `${org.name} har ingen kommende møder; opret mødet først`, 'organizationId', {
      reason: 'no_upcoming_meeting',
      organizationId: org.id,
    });
  }
  return loadMeeting(trx, next.id);
}

// A member's private notes per agenda item: what they want to remember or ask about while
// reading the agenda. Only the note's owner ever reads or writes it, and only on items they
// may read (getItemForStaff's rules: closed items only for the committee's members and the
// secretariat). Only signed-in users have notes: an API token is a program, not a reader.
//
// Deliberately NOT audit-logged: the audit log records changes to the municipality's record
// (agendas, decisions, approvals) and is read by administrators and the audit API. A private
// note is none of that; logging its text would hand a member's working notes to others, and
// logging only that one was written would reveal when a member read what. For the same
// reason notes are never published, indexed for search, put in a PDF, feed or API answer,
// and never copied into a publication snapshot.
import type { Principal } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { deleteNote, notesOfUser, upsertNote } from '../../storage/repositories/private-notes.js';
import type { LifecycleDeps } from './deps.js';
import { getItemForStaff } from './items.js';
import { getMeetingForStaff } from './meetings.js';

/** Generous for notes; anything longer is a paste accident, not a note. */
export const MAX_NOTE_LENGTH = 20_000;

export interface PrivateNote {
  itemId: string;
  text: string;
  updatedAt: string;
}

function ownerOf(actor: Principal): string {
  if (actor.kind !== 'user') throw new DomainError('forbidden', 'Private noter findes kun for brugere, der er logget ind');
  return actor.id;
}

/**
 * Saves the actor's note on the item; an empty text removes it. Returns the note, or null
 * when it was removed.
 */
export async function saveNote(deps: LifecycleDeps, actor: Principal, itemId: string, text: unknown): Promise<PrivateNote | null> {
  const userId = ownerOf(actor);
  if (typeof text !== 'string') throw new DomainError('invalid_input', 'Noten skal være en tekst', 'text');
  if (text.length > MAX_NOTE_LENGTH) {
    throw new DomainError('invalid_input', `Noten er for lang (højst ${MAX_NOTE_LENGTH.toLocaleString('da-DK')} tegn)`, 'text');
  }
  // Throws not_found / forbidden exactly as reading the item would.
  await getItemForStaff(deps, actor, itemId);
  const updatedAt = deps.now().toISOString();
  const clean = text.replace(/\r\n?/g, '\n');
  return deps.database.db.transaction().execute(async (trx) => {
    if (clean.trim() === '') {
      await deleteNote(trx, userId, itemId);
      return null;
    }
    await upsertNote(trx, { userId, agendaItemId: itemId, text: clean, updatedAt });
    return { itemId, text: clean, updatedAt };
  });
}

/** The actor's note on one item they may read, or null. */
export async function getNote(deps: LifecycleDeps, actor: Principal, itemId: string): Promise<PrivateNote | null> {
  const userId = ownerOf(actor);
  await getItemForStaff(deps, actor, itemId);
  const [row] = await notesOfUser(deps.database.db, userId, [itemId]);
  return row ? { itemId: row.agendaItemId, text: row.text, updatedAt: row.updatedAt } : null;
}

/**
 * The actor's notes on the meeting's items, by item id. Items the actor may no longer read
 * (a membership that ended, an item closed since) are left out, their notes kept.
 */
export async function notesForMeeting(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<Map<string, PrivateNote>> {
  if (actor.kind !== 'user') return new Map();
  const meeting = await getMeetingForStaff(deps, actor, meetingId);
  const readable = meeting.items.filter((i) => !i.redacted).map((i) => i.id);
  const rows = await notesOfUser(deps.database.db, actor.id, readable);
  return new Map(rows.map((r) => [r.agendaItemId, { itemId: r.agendaItemId, text: r.text, updatedAt: r.updatedAt }]));
}

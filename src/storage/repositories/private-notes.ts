// A member's private notes (private_note, migration 0005). Every query is keyed by the user:
// there is deliberately no way here to read another user's note or all notes of an item.
import { newId } from '../../domain/ids.js';
import type { Db } from './upsert.js';

export interface PrivateNoteRow {
  agendaItemId: string;
  text: string;
  updatedAt: string;
}

/** The user's notes on the given items (those without a note are absent). */
export async function notesOfUser(db: Db, userId: string, itemIds: readonly string[]): Promise<PrivateNoteRow[]> {
  if (itemIds.length === 0) return [];
  return db
    .selectFrom('privateNote')
    .select(['agendaItemId', 'text', 'updatedAt'])
    .where('userId', '=', userId)
    .where('agendaItemId', 'in', [...itemIds])
    .execute();
}

/** Writes (or replaces) the user's note on the item. */
export async function upsertNote(db: Db, note: { userId: string; agendaItemId: string; text: string; updatedAt: string }): Promise<void> {
  await db
    .insertInto('privateNote')
    .values({ id: newId(), ...note })
    .onConflict((oc) => oc.columns(['userId', 'agendaItemId']).doUpdateSet({ text: note.text, updatedAt: note.updatedAt }))
    .execute();
}

/** Removes the user's note on the item (an emptied note is no note). */
export async function deleteNote(db: Db, userId: string, agendaItemId: string): Promise<void> {
  await db.deleteFrom('privateNote').where('userId', '=', userId).where('agendaItemId', '=', agendaItemId).execute();
}

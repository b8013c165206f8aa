// Attachments uploaded in the editor: file rows (the bytes live in the FileStore).
import type { Insertable } from 'kysely';
import type { FileTable } from '../schema.js';
import type { Db } from './upsert.js';

export const fileRow = (db: Db, id: string) => db.selectFrom('file').selectAll().where('id', '=', id).executeTakeFirst();

export async function nextFilePosition(db: Db, itemId: string): Promise<number> {
  const r = await db
    .selectFrom('file')
    .select((e) => e.fn.max('position').as('p'))
    .where('agendaItemId', '=', itemId)
    .executeTakeFirst();
  return (r?.p === null || r?.p === undefined ? 0 : Number(r.p)) + 1;
}

export async function insertFile(db: Db, row: Insertable<FileTable>): Promise<void> {
  await db.insertInto('file').values(row).execute();
}

export async function updateFileRow(db: Db, id: string, patch: Partial<Pick<FileTable, 'title' | 'public'>>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('file').set(patch).where('id', '=', id).execute();
}

export async function deleteFileRow(db: Db, id: string): Promise<void> {
  await db.deleteFrom('file').where('id', '=', id).execute();
}

/** Where a file belongs and whether it has bytes, for a staff download. */
export const findFileRow = (db: Db, id: string) =>
  db.selectFrom('file').select(['id', 'agendaItemId', 'fileName', 'mediaType', 'sha256']).where('id', '=', id).executeTakeFirst();

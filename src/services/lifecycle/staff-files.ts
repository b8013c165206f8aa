// Attachments for the secretariat and the members: any attachment of an item the actor may
// read (getItemForStaff decides: closed items only for the committee's members and its
// secretariat, drafts only for the secretariat), closed attachments included. The public
// portal has its own, stricter route (portal.publicFile).
import type { Principal } from '../../domain/access.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { findFileRow } from '../../storage/repositories/attachment-editor.js';
import type { LifecycleDeps } from './deps.js';
import { getItemForStaff } from './items.js';

export interface StaffFile {
  fileName: string;
  mediaType: string;
  sha256: string;
  bytes: Uint8Array;
}

export async function fileForStaff(deps: LifecycleDeps, actor: Principal, fileId: string): Promise<StaffFile> {
  const row = await findFileRow(deps.database.db, fileId);
  // A file the archive only names has no bytes; a meeting-level file is no item's attachment.
  if (!row || row.agendaItemId === null || row.sha256 === null) throw notFound('Bilaget', fileId);
  const item = await getItemForStaff(deps, actor, row.agendaItemId);
  if (!item.attachments.some((a) => a.id === row.id)) {
    throw new DomainError('forbidden', 'Bilaget er lukket; kun udvalgets medlemmer og sekretariatet kan åbne det');
  }
  return { fileName: row.fileName, mediaType: row.mediaType, sha256: row.sha256, bytes: await deps.files.read(row.sha256) };
}

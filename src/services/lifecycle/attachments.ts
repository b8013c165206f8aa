// Attachments (bilag) uploaded to an item: bytes to the file store, a file row with the
// extracted text (search, CPR guard) and a publish flag of its own. An attachment marked
// public on a closed item is still never public (publicView drops it).
import type { Principal } from '../../domain/access.js';
import { DomainError, notFound } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { deleteFileRow, fileRow, insertFile, nextFilePosition, updateFileRow } from '../../storage/repositories/attachment-editor.js';
import { bumpItemVersion, bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import { PROTOKOL_SOURCE } from '../../storage/repositories/meeting-editor.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search/indexing.js';
import { MAX_ATTACHMENT_BYTES, sanitiseFileName } from './attachment-text.js';
import type { LifecycleDeps } from './deps.js';
import { itemForEdit } from './guard.js';
import { assertChangeNoteIfPublic, republishIfPublic } from './publication.js';
import { analyseAttachmentSandboxed } from './sandbox/run-sandboxed.js';
import { type TextStatus, textStatusOf } from './staff-views.js';

export { MAX_ATTACHMENT_BYTES };

export interface AddAttachmentInput {
  title: string;
  public: boolean;
  fileName: string;
  mediaType: string;
  bytes: Uint8Array;
  changeNote?: string | null;
}

function title(value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') throw new DomainError('invalid_input', 'Bilaget mangler en titel', 'title');
  const t = value.replace(/\s+/g, ' ').trim();
  if (t.length > 300) throw new DomainError('invalid_input', 'Bilagets titel må højst være 300 tegn', 'title');
  return t;
}

/** The file row for the audit log: never the bytes, nor the extracted text (only its length). */
async function fileForAudit(db: Db, id: string): Promise<unknown> {
  const row = await fileRow(db, id);
  if (!row) return null;
  const { text, ...rest } = row;
  return { ...rest, textLength: text?.length ?? null };
}

async function afterFileChange(
  trx: Db,
  deps: LifecycleDeps,
  actor: Principal,
  itemId: string,
  meeting: Parameters<typeof republishIfPublic>[3],
  changeNote: string | null | undefined,
) {
  await bumpItemVersion(trx, itemId);
  await bumpMeetingVersion(trx, meeting.id, deps.now().toISOString());
  await republishIfPublic(trx, deps, actor, meeting, changeNote);
  await indexMeetings(trx, deps.database, [meeting.id]);
}

/** `textProblem`: why the text could not be read (a bound of the extraction sandbox), a Danish sentence; null when it was. */
export async function addAttachment(
  deps: LifecycleDeps,
  actor: Principal,
  itemId: string,
  input: AddAttachmentInput,
): Promise<{ id: string; textStatus: TextStatus; textProblem: string | null }> {
  const db = deps.database.db;
  // Checks before the (slow) extraction, and again in the transaction.
  const { meeting: before } = await itemForEdit(db, actor, itemId);
  assertChangeNoteIfPublic(before, input.changeNote);
  const t = title(input.title);
  if (typeof input.public !== 'boolean') throw new DomainError('invalid_input', 'Angiv, om bilaget er offentligt', 'public');
  if (!(input.bytes instanceof Uint8Array) || input.bytes.byteLength === 0) throw new DomainError('invalid_input', 'Filen er tom', 'bytes');
  if (input.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new DomainError('invalid_input', `Filen er for stor (højst ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB)`, 'bytes');
  }
  const fileName = sanitiseFileName(typeof input.fileName === 'string' ? input.fileName : '');
  // In a worker under the extraction bounds: a hostile file cannot stall the server, and one
  // over a bound is still stored, as unreadable (it then blocks publishing until checked).
  const analysed = await analyseAttachmentSandboxed(fileName, typeof input.mediaType === 'string' ? input.mediaType : '', input.bytes, deps.extractLimits);
  const stored = await deps.files.put(input.bytes);
  return db.transaction().execute(async (trx) => {
    const { item, meeting } = await itemForEdit(trx, actor, itemId);
    assertChangeNoteIfPublic(meeting, input.changeNote);
    const id = newId();
    await insertFile(trx, {
      id,
      bodyId: meeting.bodyId,
      meetingId: meeting.id,
      agendaItemId: itemId,
      paperId: item.paperId,
      position: await nextFilePosition(trx, itemId),
      title: t,
      fileName,
      mediaType: analysed.mediaType,
      size: stored.size,
      sha256: stored.sha256,
      text: analysed.text,
      textProblem: analysed.problem,
      public: input.public ? 1 : 0,
      source: PROTOKOL_SOURCE,
      externalId: null,
      createdAt: deps.now().toISOString(),
    });
    await audit(
      trx,
      actor,
      { action: 'attachment.create', entityType: 'file', entityId: id, bodyId: meeting.bodyId, before: null, after: await fileForAudit(trx, id) },
      deps.now(),
    );
    await afterFileChange(trx, deps, actor, itemId, meeting, input.changeNote);
    return { id, textStatus: analysed.textStatus, textProblem: analysed.problem };
  });
}

async function fileForEdit(trx: Db, actor: Principal, fileId: string) {
  const row = await fileRow(trx, fileId);
  if (!row || row.agendaItemId === null) throw notFound('Bilaget', fileId);
  const found = await itemForEdit(trx, actor, row.agendaItemId);
  return { row, ...found };
}

export async function updateAttachment(
  deps: LifecycleDeps,
  actor: Principal,
  fileId: string,
  input: { title?: string; public?: boolean; changeNote?: string | null },
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const { row, item, meeting } = await fileForEdit(trx, actor, fileId);
    const patch: { title?: string; public?: number } = {};
    if (input.title !== undefined) patch.title = title(input.title);
    if (input.public !== undefined) {
      if (typeof input.public !== 'boolean') throw new DomainError('invalid_input', 'Angiv, om bilaget er offentligt', 'public');
      // A withdrawal is a decision with a reason on record; a publish flag must not undo it.
      if (input.public && (row.withdrawnAt ?? null) !== null)
        throw new DomainError('conflict', 'Bilaget er trukket tilbage og kan ikke gøres offentligt igen', 'public', { reason: 'withdrawn' });
      patch.public = input.public ? 1 : 0;
    }
    assertChangeNoteIfPublic(meeting, input.changeNote);
    const before = await fileForAudit(trx, row.id);
    await updateFileRow(trx, fileId, patch);
    await audit(
      trx,
      actor,
      { action: 'attachment.update', entityType: 'file', entityId: fileId, bodyId: meeting.bodyId, before, after: await fileForAudit(trx, fileId) },
      deps.now(),
    );
    await afterFileChange(trx, deps, actor, item.id, meeting, input.changeNote);
  });
}

/** Removes the file row; the bytes stay in the content-addressed store (other rows may share them). */
export async function removeAttachment(deps: LifecycleDeps, actor: Principal, fileId: string, input: { changeNote?: string | null } = {}): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const { row, item, meeting } = await fileForEdit(trx, actor, fileId);
    assertChangeNoteIfPublic(meeting, input.changeNote);
    const before = await fileForAudit(trx, row.id);
    await deleteFileRow(trx, fileId);
    await audit(trx, actor, { action: 'attachment.delete', entityType: 'file', entityId: fileId, bodyId: meeting.bodyId, before, after: null }, deps.now());
    await afterFileChange(trx, deps, actor, item.id, meeting, input.changeNote);
  });
}

export { textStatusOf };

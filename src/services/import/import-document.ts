// One parsed document into the archive, in one transaction: a failure leaves nothing of it.
// The same bytes again change nothing (not even timestamps); a different version of the same
// meeting's agenda or minutes supersedes the previous one and updates the meeting.
import { type Transaction, sql } from 'kysely';
import { DomainError } from '../../domain/errors.js';
import { ownCommitteeCode } from '../../importer/map/committee-codes.js';
import { archiveId, documentKey, meetingKey, organizationKey } from '../../importer/map/keys.js';
import { type AttachmentFile, mapMeeting, splitParty } from '../../importer/map/meeting.js';
import { bodyIdentity, foldSpace, normalizePersonName, stripTermSuffix } from '../../importer/map/normalize.js';
import { isoDate } from '../../importer/map/rules.js';
import { type TermSpan, termFor, termInName } from '../../importer/map/terms.js';
import type { ParsedAttachment, ParsedDocument } from '../../importer/model.js';
import type { Database } from '../../storage/db.js';
import type { DB } from '../../storage/schema.js';
import { findBodyBySlug, meetingExists } from '../../storage/repositories/archive-lookup.js';
import { saveMeeting } from '../../storage/repositories/archive-writer.js';
import { currentDocument, findDocumentBySha, saveDocumentVersion } from '../../storage/repositories/source-documents.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { indexMeetings } from '../search/indexing.js';
import { ensurePapers, saveCaseHistory } from './cases.js';
import { ensureBody, ensureOrganization, ensurePeople, ensureTerm, saveMemberships } from './structure.js';

export type DocumentOutcome = 'new' | 'updated' | 'unchanged';

/** What the importer knows of the file beside its parsed content. */
export interface SourceFile {
  fileName: string;
  sha256: string;
  format: string;
}

export interface DocumentResult {
  outcome: DocumentOutcome;
  bodyId: string;
  documentId: string;
  meetingId: string;
  /** False when an agenda arrived for a meeting whose minutes are already imported. */
  meetingUpdated: boolean;
}

/** The facts every document must yield before anything is written. */
function essentials(doc: ParsedDocument, file: SourceFile, municipality: string | undefined) {
  const invalid = (reason: string) => new DomainError('invalid_input', `${file.fileName}: ${reason}`, file.fileName);
  // An attachment, memo or letter read as a document has no items: importing it would make
  // an empty meeting of a committee named after some line of its text.
  // A server's announced or cancelled meeting (sync) has none yet, and that is what it says.
  const itemless = doc.meeting.planned === true || doc.meeting.cancelled === true;
  if (doc.items.length === 0 && !itemless) throw invalid('no agenda items found: this does not look like an agenda or minutes');
  const body = bodyIdentity(municipality ?? doc.municipality);
  if (!body) throw invalid('could not determine the municipality; pass --municipality');
  const date = isoDate(doc.meeting.date);
  if (!date) throw invalid('could not determine the meeting date');
  const organizationName = stripTermSuffix(doc.organization.name);
  if (organizationName === '') throw invalid('could not determine the committee or council');
  const term = termFor(doc.organization.term ?? termInName(doc.organization.name), date);
  if (!term) throw invalid(`could not determine the legislative term for ${date}`);
  return { body, date, organizationName, term };
}

export async function importParsedDocument(
  database: Database,
  doc: ParsedDocument,
  file: SourceFile,
  options: {
    municipality?: string | undefined;
    /** Files of an export stored before the transaction (store-attachments.ts), by attachment. */
    storedFiles?: ReadonlyMap<ParsedAttachment, AttachmentFile> | undefined;
    /**
     * Runs inside the document's transaction once it is saved (not for an unchanged document,
     * which opens none): `protokol sync` writes its state row here, so both or neither land.
     */
    inTransaction?: ((trx: Db, result: DocumentResult) => Promise<void>) | undefined;
    /** A transaction several documents are written in (import-documents.ts): this one under a savepoint. */
    batch?: Transaction<DB> | undefined;
  } = {},
): Promise<DocumentResult> {
  const e = essentials(doc, file, options.municipality);
  const documentId = archiveId(documentKey(e.body.slug, file.sha256));
  const orgKey = organizationKey(e.body.slug, e.term.name, e.organizationName);
  const meetingId = archiveId(meetingKey(orgKey, e.date));

  // Checked before the transaction: an unchanged document must not write a single row.
  // In a batch every read goes through its transaction: SQLite has one connection, held by it.
  const reader = options.batch ?? database.db;
  const knownBody = await findBodyBySlug(reader, e.body.slug);
  const same = knownBody && (await findDocumentBySha(reader, knownBody.id, file.sha256));
  if (same) return { outcome: 'unchanged', bodyId: knownBody.id, documentId: same.id, meetingId: same.meetingId ?? meetingId, meetingUpdated: false };

  const write = async (trx: Db): Promise<DocumentResult> => {
    const bodyId = await ensureBody(trx, e.body);
    const termId = await ensureTerm(trx, bodyId, e.body.slug, e.term);
    const organization = await ensureOrganization(trx, {
      bodyId,
      slug: e.body.slug,
      term: e.term,
      termId,
      name: e.organizationName,
      shortName: ownCommitteeCode(doc.items),
    });

    const known = await meetingExists(trx, meetingId);
    const previous = known ? await currentDocument(trx, meetingId, doc.documentKind) : undefined;
    // Minutes are the fuller record: a late agenda is kept as a document but changes nothing.
    const minutesHeld = doc.documentKind === 'dagsorden' && known && (await currentDocument(trx, meetingId, 'referat')) !== undefined;
    if (!minutesHeld) {
      await saveMeetingContent(trx, doc, { bodyId, slug: e.body.slug, date: e.date, term: e.term, orgKey, organization, storedFiles: options.storedFiles });
      await indexMeetings(trx, database, [meetingId]);
    }
    await saveDocumentVersion(
      trx,
      {
        id: documentId,
        bodyId,
        meetingId,
        kind: doc.documentKind,
        fileName: file.fileName,
        sha256: file.sha256,
        format: file.format,
        layout: doc.layout,
        importedAt: new Date().toISOString(),
        coverage: doc.coverage,
        warnings: doc.warnings.length,
        parsed: JSON.stringify(doc),
      },
      previous?.id ?? null,
    );
    const result: DocumentResult = { outcome: previous ? 'updated' : 'new', bodyId, documentId, meetingId, meetingUpdated: !minutesHeld };
    await options.inTransaction?.(trx, result);
    return result;
  };
  return options.batch ? inSavepoint(options.batch, write) : database.db.transaction().execute(write);
}

/** `write` under a savepoint of `trx`: on failure its writes are undone and the batch goes on. */
async function inSavepoint<T>(trx: Transaction<DB>, write: (trx: Db) => Promise<T>): Promise<T> {
  await sql`savepoint document`.execute(trx);
  try {
    const result = await write(trx);
    await sql`release savepoint document`.execute(trx);
    return result;
  } catch (e) {
    await sql`rollback to savepoint document`.execute(trx);
    await sql`release savepoint document`.execute(trx);
    throw e;
  }
}

interface MeetingContext {
  bodyId: string;
  slug: string;
  date: string;
  term: TermSpan;
  orgKey: string;
  organization: { id: string; name: string };
  storedFiles: ReadonlyMap<ParsedAttachment, AttachmentFile> | undefined;
}

/** People, memberships, cases, the meeting with its items, committee codes and case history. */
async function saveMeetingContent(trx: Db, doc: ParsedDocument, c: MeetingContext): Promise<void> {
  const printedNames = doc.participants.flatMap((p) => (p.substituteFor ? [p.name, p.substituteFor] : [p.name]));
  const people = await ensurePeople(trx, c.bodyId, c.slug, printedNames);
  const personId = (printed: string) => people.get(normalizePersonName(splitParty(printed).name)) ?? null;
  await saveMemberships(trx, { id: c.organization.id, key: c.orgKey }, c.term, doc.participants, personId);

  const papers = await ensurePapers(trx, c.bodyId, c.slug, c.date, doc.items);
  const mapped = mapMeeting(doc, {
    bodyId: c.bodyId,
    organizationId: c.organization.id,
    organizationName: c.organization.name,
    meetingKey: meetingKey(c.orgKey, c.date),
    date: c.date,
    personId,
    paperId: (caseNumber) => papers.get(foldSpace(caseNumber)) ?? null,
    storedFile: (attachment) => c.storedFiles?.get(attachment) ?? null,
  });
  await saveMeeting(trx, mapped.record);
  await saveCaseHistory(trx, c.bodyId, c.slug, { date: c.date, organizationName: c.organization.name }, doc.items, papers);
}

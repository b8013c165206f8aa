// `protokol sync oparl SYSTEM_URL`: mirrors an OParl 1.1 server. System → bodies → each Body's
// committees, people and memberships (the structure, written when it changed) → its meetings
// (with `modified_since` after a complete run), each Meeting with what its items reference
// (consultations, papers) read into a ParsedDocument by the OParl reader and imported through
// the ordinary pipeline, one transaction per meeting with its sync state row. Stops between
// meetings when the signal fires, so a Ctrl-C loses no work and leaves nothing half-written.
import { DomainError } from '../../domain/errors.js';
import type { ParsedDocument } from '../../importer/model.js';
import { parseOparlMeeting } from '../../importer/sources/oparl/meeting.js';
import { sourceWarning } from '../../importer/sources/source.js';
import { type OparlJson, isObject, list, refId, str } from '../../importer/sources/oparl/objects.js';
import type { Database } from '../../storage/db.js';
import type { FileStore } from '../../storage/file-store.js';
import { type SyncSource, lastCompleteRunStart, saveSeenMeeting, seenMeetings } from '../../storage/repositories/sync-state.js';
import { assertNoCprInDocument } from '../import/cpr-guard.js';
import { importParsedDocument } from '../import/import-document.js';
import { analyseAttachmentFile, assertNoCprInAttachment } from '../import/store-attachments.js';
import type { HttpClient } from './http.js';
import { OparlClient } from './oparl-client.js';
import { recordedRun } from './run.js';
import { saveBodyStructure } from './oparl-structure.js';
import { type SyncReport, canonicalJson, emptyReport, sha256Hex, unchanged } from './state.js';

export interface SyncOptions {
  http: HttpClient;
  /** The municipality's name when the Body's name is not it. */
  municipality?: string | undefined;
  /** Stop after the current meeting (Ctrl-C). */
  signal?: AbortSignal | undefined;
  onProgress?: ((done: number, total: number, label: string) => void) | undefined;
  /** Where attachments' bytes go; absent: attachments are imported by name only. */
  files?: FileStore | undefined;
}

/** How far back `modified_since` reaches before the last run's start: the server's clock may differ from ours. */
const CLOCK_MARGIN_MS = 60 * 60 * 1000;
const STRUCTURE = '#structure';

/** Only the meeting's own references: enough to read it, nothing more is fetched. */
async function resolveMeeting(client: OparlClient, meeting: OparlJson): Promise<void> {
  for (const ref of [...list(meeting, 'organization'), ...list(meeting, 'participant'), ...list(meeting, 'protokol:absent')]) {
    if (typeof ref === 'string') await client.maybe(ref);
  }
  for (const ref of list(meeting, 'agendaItem')) {
    const item = isObject(ref) ? ref : await client.maybe(refId(ref));
    const consultation = item && (isObject(item['consultation']) ? item['consultation'] : await client.maybe(refId(item['consultation'])));
    if (consultation && typeof consultation['paper'] === 'string') await client.maybe(consultation['paper']);
  }
}

/**
 * Fetches and stores each attachment's bytes (before the meeting's transaction: a stored file
 * cannot be rolled back, and content addressing makes storing it again a no-op). A file that
 * cannot be fetched stays named-only, with a warning.
 */
async function storeAttachments(http: HttpClient, files: FileStore, doc: ParsedDocument): Promise<void> {
  for (const item of doc.items) {
    for (const a of item.attachments) {
      // Only web addresses: a server's file URL must not make us read anything else.
      if (!a.url || !/^https?:\/\//i.test(a.url)) continue;
      let bytes: Uint8Array;
      try {
        bytes = (await http.get(a.url)).bytes;
      } catch (e) {
        if (!(e instanceof DomainError)) throw e;
        doc.warnings.push(sourceWarning('attachment_unavailable', `${a.title}: ${e.message}`));
        continue;
      }
      // The server's text is kept for search, but what the bytes say is read here, in the
      // sandbox, for the CPR guard (it refuses the meeting): a mirror publishes what it stores.
      if (item.public && a.public !== false) {
        const analysed = await analyseAttachmentFile(a.fileName ?? a.title, bytes);
        assertNoCprInAttachment(analysed.text, a.url, `attachment "${a.title}" of item ${item.number}`);
      }
      a.stored = await files.put(bytes);
    }
  }
}

async function syncStructure(database: Database, client: OparlClient, source: SyncSource, body: OparlJson, municipality: string): Promise<void> {
  const [organizations, persons, memberships] = [
    await client.all(str(body, 'organization')),
    await client.all(str(body, 'person')),
    await client.all(str(body, 'membership')),
  ];
  for (const m of memberships) await client.maybe(typeof m['onBehalfOf'] === 'string' ? m['onBehalfOf'] : null);
  const stamped = (o: OparlJson) => ({ ...o, created: undefined, modified: undefined });
  const sha256 = sha256Hex(canonicalJson({ municipality, body: stamped(body), organizations, persons, memberships }));
  const remoteId = `${str(body, 'id') ?? ''}${STRUCTURE}`;
  const seen = (await seenMeetings(database.db, source)).get(remoteId);
  if (seen?.sha256 === sha256) return;
  await database.db.transaction().execute(async (trx) => {
    await saveBodyStructure(trx, municipality, { body, organizations, persons, memberships }, client.objects);
    await saveSeenMeeting(trx, source, { remoteId, modified: null, etag: null, sha256, meetingId: null });
  });
}

export async function syncOparl(database: Database, systemUrl: string, options: SyncOptions): Promise<SyncReport> {
  const source: SyncSource = { kind: 'oparl', baseUrl: systemUrl };
  const report = emptyReport('oparl', systemUrl);
  const client = new OparlClient(options.http);
  const since = await lastCompleteRunStart(database.db, source);
  return recordedRun(database, source, report, options, async () => {
    const system = await client.object(systemUrl);
    const bodyList = str(system, 'body');
    if (!bodyList) throw new DomainError('invalid_input', `${systemUrl}: not an OParl System (no "body" list)`, systemUrl);
    const seen = await seenMeetings(database.db, source);
    for (const body of await client.all(bodyList)) {
      if (options.signal?.aborted) break;
      const municipality = options.municipality ?? str(body, 'name');
      if (!municipality) throw new DomainError('invalid_input', `${str(body, 'id') ?? bodyList}: the Body has no name; pass --municipality`, bodyList);
      await syncStructure(database, client, source, body, municipality);
      const query: Record<string, string> = since ? { modified_since: new Date(Date.parse(since) - CLOCK_MARGIN_MS).toISOString() } : {};
      const meetings = await client.all(str(body, 'meeting'), query);
      let done = 0;
      options.onProgress?.(0, meetings.length, '');
      for (const meeting of meetings) {
        if (options.signal?.aborted) break;
        await syncMeeting(database, client, source, meeting, { municipality, seen, report, http: options.http, files: options.files });
        options.onProgress?.(++done, meetings.length, str(meeting, 'name') ?? '');
      }
    }
  });
}

interface MeetingRun {
  municipality: string;
  seen: Map<string, { remoteId: string; modified: string | null; etag: string | null; sha256: string; meetingId: string | null }>;
  report: SyncReport;
  http: HttpClient;
  files: FileStore | undefined;
}

async function syncMeeting(database: Database, client: OparlClient, source: SyncSource, meeting: OparlJson, run: MeetingRun): Promise<void> {
  const remoteId = str(meeting, 'id');
  if (!remoteId) return;
  // A tombstone (`modified_since` lists deletions): the mirror keeps what it has; withdrawing
  // it is a person's decision (protokol withdraw), not a sync's.
  if (meeting['deleted'] === true) {
    run.report.skipped++;
    return;
  }
  const modified = str(meeting, 'modified');
  const previous = run.seen.get(remoteId);
  // With `modified`, the cheap test: nothing is fetched for an unchanged meeting.
  if (modified !== null && unchanged(previous, { modified, sha256: '' })) {
    run.report.unchanged++;
    return;
  }
  try {
    await resolveMeeting(client, meeting);
    const doc = parseOparlMeeting(meeting, client.objects, { municipality: run.municipality, url: remoteId });
    assertNoCprInDocument(doc, remoteId);
    if (run.files) await storeAttachments(run.http, run.files, doc);
    const sha256 = sha256Hex(canonicalJson(doc));
    const state = { remoteId, modified, etag: null, sha256 };
    if (doc.items.length === 0 && !doc.meeting.planned && !doc.meeting.cancelled) {
      // Held but with nothing published: remembered, imported once it has items.
      await saveSeenMeeting(database.db, source, { ...state, meetingId: null });
      run.report.skipped++;
      return;
    }
    const result = await importParsedDocument(
      database,
      doc,
      { fileName: remoteId, sha256, format: 'oparl' },
      { municipality: run.municipality, inTransaction: (trx, r) => saveSeenMeeting(trx, source, { ...state, meetingId: r.meetingId }) },
    );
    if (result.outcome === 'unchanged') await saveSeenMeeting(database.db, source, { ...state, meetingId: result.meetingId });
    run.report[result.outcome]++;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    run.report.failed++;
    run.report.failures.push({ meeting: remoteId, reason: e.message });
  }
}

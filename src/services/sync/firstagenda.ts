// `protokol sync firstagenda BASE_URL`: mirrors a FirstAgenda Publication portal
// (dagsordener.<kommune>.dk). The committee list (/api/agenda/udvalgsliste) names every
// committee and its meetings; each meeting's answer (/api/agenda/dagsorden/{id}) is read by
// the same reader as a saved JSON file and imported through the ordinary pipeline, one
// transaction per meeting with its sync state row. Incremental: a meeting whose listing entry
// (release time, name, held) is as last seen is not fetched again; a fetched one whose bytes
// are unchanged writes nothing. Stops between meetings when the signal fires.
import { DomainError } from '../../domain/errors.js';
import { coverageOf, mapAgenda } from '../../importer/sources/firstagenda/document.js';
import { parseAgendaJson } from '../../importer/sources/firstagenda/json-reader.js';
import { COMMITTEE_LIST_PATH, type FirstAgendaMeetingRef, meetingApiPath, parseCommitteeList } from '../../importer/sources/firstagenda/listing.js';
import type { Database } from '../../storage/db.js';
import { type SyncSource, saveSeenMeeting, seenMeetings } from '../../storage/repositories/sync-state.js';
import { assertNoCprInDocument } from '../import/cpr-guard.js';
import { importParsedDocument } from '../import/import-document.js';
import { type StoreOptions, storeAttachmentFiles } from '../import/store-attachments.js';
import type { UnitFiles } from '../../importer/sources/source.js';
import type { HttpClient } from './http.js';
import type { SyncOptions } from './oparl.js';
import { recordedRun } from './run.js';
import { type SyncReport, emptyReport, sha256Hex, unchanged } from './state.js';

const FORMAT = 'firstagenda-json';

/** What the listing says of a meeting that changes when the portal publishes it anew. */
function listingMark(m: FirstAgendaMeetingRef): string | null {
  // Without a release time the listing cannot tell a correction: the answer's hash must.
  return m.releasedAt ? `${m.releasedAt}|${m.name ?? ''}|${m.closed ?? ''}|${m.kind}` : null;
}

export async function syncFirstAgenda(database: Database, baseUrl: string, options: SyncOptions): Promise<SyncReport> {
  let base: URL;
  try {
    base = new URL(baseUrl.replace(/\/+$/, ''));
  } catch {
    throw new DomainError('invalid_input', `${baseUrl}: not a URL (e.g. https://dagsordener.greve.dk)`, 'BASE_URL');
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new DomainError('invalid_input', `${baseUrl}: only http and https`, 'BASE_URL');
  const origin = base.toString().replace(/\/+$/, '');
  const source: SyncSource = { kind: 'firstagenda', baseUrl: origin };
  const report = emptyReport('firstagenda', origin);
  return recordedRun(database, source, report, options, async () => {
    const committees = parseCommitteeList(await options.http.json(`${origin}${COMMITTEE_LIST_PATH}`));
    const refs = committees.flatMap((c) => c.meetings.map((m) => ({ committee: c.name, meeting: m })));
    const seen = await seenMeetings(database.db, source);
    const analysed: MeetingRun['analysed'] = new Map();
    options.onProgress?.(0, refs.length, '');
    let done = 0;
    for (const { committee, meeting } of refs) {
      if (options.signal?.aborted) break;
      await syncMeeting(database, source, origin, meeting, { seen, report, options, analysed });
      options.onProgress?.(++done, refs.length, `${committee} ${meeting.date}`);
    }
  });
}

interface MeetingRun {
  seen: Awaited<ReturnType<typeof seenMeetings>>;
  report: SyncReport;
  options: SyncOptions;
  analysed: NonNullable<StoreOptions['analysed']>;
}

/** The portal's files by URL; other hosts' addresses are not fetched, and a file that cannot be had is absent. */
function portalFiles(http: HttpClient, origin: string): UnitFiles {
  return {
    root: origin,
    list: () => [],
    read: async (url) => {
      if (!url.startsWith(`${origin}/`)) return null;
      try {
        return (await http.get(url)).bytes;
      } catch (e) {
        if (e instanceof DomainError) return null;
        throw e;
      }
    },
    extract: () => Promise.resolve(null),
  };
}

async function syncMeeting(database: Database, source: SyncSource, origin: string, ref: FirstAgendaMeetingRef, run: MeetingRun): Promise<void> {
  const previous = run.seen.get(ref.id);
  const modified = listingMark(ref);
  if (modified !== null && unchanged(previous, { modified, sha256: '' })) {
    run.report.unchanged++;
    return;
  }
  const url = `${origin}${meetingApiPath(ref.id)}`;
  try {
    const text = await run.options.http.text(url);
    const sha256 = sha256Hex(text);
    const state = { remoteId: ref.id, modified, etag: null, sha256 };
    if (previous && previous.sha256 === sha256 && previous.meetingId) {
      // The listing moved but the answer did not: remember the new mark, write nothing else.
      await saveSeenMeeting(database.db, source, { ...state, meetingId: previous.meetingId });
      run.report.unchanged++;
      return;
    }
    const agenda = parseAgendaJson(text, url);
    const { doc: mapped, input } = mapAgenda(agenda, { format: FORMAT, file: url, origin, municipality: run.options.municipality });
    const doc = { ...mapped, coverage: coverageOf(input, mapped), source: mapped.source ? { ...mapped.source, url } : null };
    assertNoCprInDocument(doc, url);
    // The attachments' files from the portal itself (never another host), read in the sandbox
    // and stored before the meeting's transaction, as an export's files are.
    const stored = run.options.files
      ? await storeAttachmentFiles(portalFiles(run.options.http, origin), doc, run.options.files, { locate: (a) => a.url, analysed: run.analysed })
      : null;
    const result = await importParsedDocument(
      database,
      stored && stored.warnings.length > 0 ? { ...doc, warnings: [...doc.warnings, ...stored.warnings] } : doc,
      { fileName: url, sha256, format: FORMAT },
      {
        municipality: run.options.municipality,
        storedFiles: stored?.files,
        inTransaction: (trx, r) => saveSeenMeeting(trx, source, { ...state, meetingId: r.meetingId }),
      },
    );
    if (result.outcome === 'unchanged') await saveSeenMeeting(database.db, source, { ...state, meetingId: result.meetingId });
    run.report[result.outcome]++;
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    run.report.failed++;
    run.report.failures.push({ meeting: url, reason: e.message });
  }
}

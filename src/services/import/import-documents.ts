// `protokol import`: files and folders of agendas and minutes into the archive. Each unit (a
// document file, or an export folder with its manifest and attachments) is read, checked and
// saved on its own (under its own savepoint, committed in batches: write-batch.ts), so one bad
// unit is reported and the rest import.
// The report says what happened to every file: imported, unchanged, skipped and why, failed
// and why, which files of an export were used, stored as attachments, missing or left over.
import { basename } from 'node:path';
import type { ParseWarning } from '../../importer/model.js';
import type { Database } from '../../storage/db.js';
import type { FileStore } from '../../storage/file-store.js';
import { type DocumentOutcome, importParsedDocument } from './import-document.js';
import { assertNoCprInDocument, assertNoCprNumbers } from './cpr-guard.js';
import { type PlannedUnit, planUnits } from './plan-units.js';
import { type ReadUnit, readClaimed, readTextUnit } from './read-source.js';
import { storeAttachmentFiles } from './store-attachments.js';
import { WriteBatch } from './write-batch.js';
import { resolveMunicipalityOption } from './structure.js';
import { danishWarningLine } from './warning-text.js';

export { importParsedDocument } from './import-document.js';
export type { DocumentOutcome, DocumentResult, SourceFile } from './import-document.js';

export interface ImportFailure {
  file: string;
  reason: string;
}

/** What happened to one file of an export folder. */
export interface UnitFileEntry {
  name: string;
  role: 'document' | 'attachment' | 'alternate' | 'missing' | 'unused';
  /** For a missing or alternate file: what the manifest says it is. */
  note: string | null;
}

export interface UnitReport {
  /** The file, or the export folder. */
  path: string;
  /** The reader's format ('edoc-export', 'firstagenda-json', 'pdf' …), null when not read. */
  format: string | null;
  outcome: DocumentOutcome | 'failed' | 'skipped';
  /** Why it failed or was skipped. */
  reason: string | null;
  meeting: { organization: string; date: string; kind: string } | null;
  items: number;
  attachments: number;
  /** Attachment files stored from the unit. */
  storedFiles: number;
  /** Word coverage of the document, 0..1. */
  coverage: number | null;
  /** Every warning, in Danish, with its code and place. */
  warnings: { code: string; line: number | null; page: number | null; text: string }[];
  /** For export folders: every file and what became of it. */
  files: UnitFileEntry[];
}

export interface ImportReport {
  files: number;
  documents: Record<DocumentOutcome | 'failed', number>;
  failures: ImportFailure[];
  /** Files in the given folders that are not documents. */
  skipped: number;
  /** Totals over the documents read successfully (also unchanged ones). */
  meetings: number;
  items: number;
  cases: number;
  attachments: number;
  /** Attachment files stored from exports. */
  storedFiles: number;
  /** Files named by an export that it lacks. */
  missingFiles: number;
  warnings: number;
  /** Word coverage of those documents, 0..1; null when none was read. */
  coverage: { mean: number | null; min: number | null };
  /** One entry per unit and per skipped or unreadable path, in order. */
  units: UnitReport[];
}

export interface ImportOptions {
  municipality?: string | undefined;
  /** Where attachment files of exports are stored; without it they are kept by title only. */
  files?: FileStore | undefined;
  /** Called before each unit (done = units finished so far) and once at the end. */
  onProgress?: (done: number, total: number, file: string | null) => void;
  /** Called after each unit with its report entry (the CLI prints it at once). */
  onUnit?: (unit: UnitReport) => void;
}

/** The reason without the file name the reader already put in front (the report names the path). */
function reasonOf(e: unknown, path: string): string {
  const message = e instanceof Error ? e.message : String(e);
  const prefix = `${basename(path)}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

const danish = (w: ParseWarning) => ({ code: w.code, line: w.line, page: w.page, text: danishWarningLine(w) });

function emptyUnit(path: string, outcome: UnitReport['outcome'], reason: string | null, format: string | null = null): UnitReport {
  return { path, format, outcome, reason, meeting: null, items: 0, attachments: 0, storedFiles: 0, coverage: null, warnings: [], files: [] };
}

function emptyReport(): ImportReport {
  return {
    files: 0,
    documents: { new: 0, updated: 0, unchanged: 0, failed: 0 },
    failures: [],
    skipped: 0,
    meetings: 0,
    items: 0,
    cases: 0,
    attachments: 0,
    storedFiles: 0,
    missingFiles: 0,
    warnings: 0,
    coverage: { mean: null, min: null },
    units: [],
  };
}

/** The files of an export and their fate: used, stored as attachments, missing, or left over. */
function unitFiles(planned: PlannedUnit, read: ReadUnit, stored: ReadonlySet<string>): UnitFileEntry[] {
  if (planned.kind !== 'folder') return [];
  const used = new Set(read.used.map((n) => n.toLowerCase()));
  const attached = new Set([...stored].map((n) => n.toLowerCase()));
  const alternates = new Map(read.alternates.map((a) => [a.name.toLowerCase(), a.role]));
  const entries: UnitFileEntry[] = planned.unit.list().map((name) => {
    const key = name.toLowerCase();
    const alternate = alternates.get(key);
    if (alternate !== undefined) return { name, role: 'alternate', note: alternate };
    return { name, role: used.has(key) ? 'document' : attached.has(key) ? 'attachment' : 'unused', note: null };
  });
  for (const m of read.missing) entries.push({ name: m.name, role: 'missing', note: m.role });
  return entries;
}

async function importUnit(database: Database, planned: Extract<PlannedUnit, { kind: 'file' | 'folder' }>, options: ImportOptions, batch: WriteBatch) {
  const read = planned.reader
    ? await readClaimed(planned.unit, planned.reader.reader, planned.reader.main, { municipality: options.municipality })
    : await readTextUnit(planned.path, { municipality: options.municipality });
  const name = basename(planned.path);
  if (read.text) assertNoCprNumbers(read.text, name);
  else assertNoCprInDocument(read.doc, name);
  const stored = options.files ? await storeAttachmentFiles(planned.unit, read.doc, options.files) : null;
  const doc = stored && stored.warnings.length > 0 ? { ...read.doc, warnings: [...read.doc.warnings, ...stored.warnings] } : read.doc;
  const result = await importParsedDocument(
    database,
    doc,
    { fileName: name, sha256: read.sha256, format: read.format },
    { municipality: options.municipality, storedFiles: stored?.files, batch: await batch.transaction() },
  );
  return { read, doc, result, stored };
}

export async function importDocuments(database: Database, paths: readonly string[], given: ImportOptions = {}): Promise<ImportReport> {
  // An existing municipality by slug or name; never one invented from a slug (import/structure.ts).
  const options: ImportOptions = { ...given, municipality: await resolveMunicipalityOption(database.db, given.municipality) };
  const planned = await planUnits(paths);
  const report = emptyReport();
  const meetings = new Set<string>();
  const cases = new Set<string>();
  const coverages: number[] = [];
  const units = planned.filter((p) => p.kind === 'file' || p.kind === 'folder');
  report.files = units.length;
  let done = 0;
  const batch = new WriteBatch(database.db);
  try {
    await importPlanned();
    await batch.commit();
  } catch (e) {
    await batch.rollback().catch(() => undefined);
    throw e;
  }
  options.onProgress?.(units.length, units.length, null);

  report.meetings = meetings.size;
  report.cases = cases.size;
  if (coverages.length > 0) {
    report.coverage = { mean: coverages.reduce((a, b) => a + b, 0) / coverages.length, min: Math.min(...coverages) };
  }
  return report;

  async function importPlanned(): Promise<void> {
    for (const p of planned) {
      if (p.kind === 'skipped') {
        report.skipped += 1;
        report.units.push(emptyUnit(p.path, 'skipped', p.reason));
        options.onUnit?.(report.units.at(-1)!);
        continue;
      }
      if (p.kind === 'unreadable') {
        // Not a document that failed but a folder whose documents were never seen: reported as
        // a failure so the exit code says the import is incomplete.
        report.documents.failed += 1;
        const reason = `cannot be read (${p.reason})`;
        report.failures.push({ file: p.path, reason });
        report.units.push(emptyUnit(p.path, 'failed', reason));
        options.onUnit?.(report.units.at(-1)!);
        continue;
      }
      options.onProgress?.(done, units.length, p.path);
      let entry: UnitReport;
      try {
        const { read, doc, result, stored } = await importUnit(database, p, options, batch);
        report.documents[result.outcome] += 1;
        meetings.add(result.meetingId);
        for (const item of doc.items) if (item.caseNumber) cases.add(`${result.bodyId} ${item.caseNumber.trim()}`);
        const attachments = doc.items.reduce((n, item) => n + item.attachments.length, 0);
        const storedNames = new Set(doc.items.flatMap((i) => i.attachments.filter((a) => a.file && stored?.files.has(a)).map((a) => a.file ?? '')));
        report.items += doc.items.length;
        report.attachments += attachments;
        report.storedFiles += storedNames.size;
        report.missingFiles += read.missing.length;
        report.warnings += doc.warnings.length;
        coverages.push(doc.coverage);
        entry = {
          ...emptyUnit(p.path, result.outcome, null, read.format),
          meeting: { organization: doc.organization.name, date: doc.meeting.date, kind: doc.documentKind },
          items: doc.items.length,
          attachments,
          storedFiles: storedNames.size,
          coverage: doc.coverage,
          warnings: doc.warnings.map(danish),
          files: unitFiles(p, read, storedNames),
        };
      } catch (e) {
        report.documents.failed += 1;
        const reason = reasonOf(e, p.path);
        report.failures.push({ file: p.path, reason });
        entry = emptyUnit(p.path, 'failed', reason, p.reader?.reader.format ?? null);
      }
      await batch.documentDone();
      report.units.push(entry);
      options.onUnit?.(entry);
      done += 1;
    }
  }
}

// `protokol import`: files and folders of agendas and minutes into the archive. Each
// document is read, parsed and saved on its own (one transaction each), so one bad file is
// reported and the rest still import.
import { basename } from 'node:path';
import type { Database } from '../../storage/db.js';
import { type DocumentOutcome, importParsedDocument } from './import-document.js';
import { assertNoCprNumbers } from './cpr-guard.js';
import { listDocuments, readDocument } from './read-document.js';
import { resolveMunicipalityOption } from './structure.js';

export { importParsedDocument } from './import-document.js';
export type { DocumentOutcome, DocumentResult, SourceFile } from './import-document.js';

export interface ImportFailure {
  file: string;
  reason: string;
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
  warnings: number;
  /** Word coverage of those documents, 0..1; null when none was read. */
  coverage: { mean: number | null; min: number | null };
}

export interface ImportOptions {
  municipality?: string | undefined;
  /** Called before each file (done = files finished so far) and once at the end. */
  onProgress?: (done: number, total: number, file: string | null) => void;
}

/** The reason without the file name the reader already put in front (the report names the path). */
function reasonOf(e: unknown, path: string): string {
  const message = e instanceof Error ? e.message : String(e);
  const prefix = `${basename(path)}: `;
  return message.startsWith(prefix) ? message.slice(prefix.length) : message;
}

export async function importDocuments(database: Database, paths: readonly string[], given: ImportOptions = {}): Promise<ImportReport> {
  // An existing municipality by slug or name; never one invented from a slug (import/structure.ts).
  const options: ImportOptions = { ...given, municipality: await resolveMunicipalityOption(database.db, given.municipality) };
  const { files, skipped } = await listDocuments(paths);
  const report: ImportReport = {
    files: files.length,
    documents: { new: 0, updated: 0, unchanged: 0, failed: 0 },
    failures: [],
    skipped,
    meetings: 0,
    items: 0,
    cases: 0,
    attachments: 0,
    warnings: 0,
    coverage: { mean: null, min: null },
  };
  const meetings = new Set<string>();
  const cases = new Set<string>();
  const coverages: number[] = [];

  for (const [i, path] of files.entries()) {
    options.onProgress?.(i, files.length, path);
    try {
      const { text, doc } = await readDocument(path, { municipality: options.municipality });
      assertNoCprNumbers(text, basename(path));
      const result = await importParsedDocument(
        database,
        doc,
        { fileName: basename(path), sha256: text.sha256, format: text.format },
        { municipality: options.municipality },
      );
      report.documents[result.outcome] += 1;
      meetings.add(result.meetingId);
      for (const item of doc.items) if (item.caseNumber) cases.add(`${result.bodyId} ${item.caseNumber.trim()}`);
      report.items += doc.items.length;
      report.attachments += doc.items.reduce((n, item) => n + item.attachments.length, 0);
      report.warnings += doc.warnings.length;
      coverages.push(doc.coverage);
    } catch (e) {
      report.documents.failed += 1;
      report.failures.push({ file: path, reason: reasonOf(e, path) });
    }
  }
  options.onProgress?.(files.length, files.length, null);

  report.meetings = meetings.size;
  report.cases = cases.size;
  if (coverages.length > 0) {
    report.coverage = { mean: coverages.reduce((a, b) => a + b, 0) / coverages.length, min: Math.min(...coverages) };
  }
  return report;
}

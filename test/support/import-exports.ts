// The fixture exports and how the integration test reads them back: one import run per export
// (with the municipality the export does not name itself), and a meeting as the portal's own
// repositories read it, so the test asserts what the public side really gets.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ImportReport, importDocuments } from '../../src/services/import/import-documents.js';
import type { Database } from '../../src/storage/db.js';
import type { FileStore } from '../../src/storage/file-store.js';
import { CaseQueries } from '../../src/storage/repositories/case-queries.js';
import { PortalQueries } from '../../src/storage/repositories/portal-queries.js';
import type { Dialect } from './databases.js';
import { GREVE_TWO_BODIES } from './firstagenda-portal.js';
import { aarhusWebDir, acadreDir, edocDir, greveDir, sbsysDir } from './fixtures.js';

/** Two Greve bodies a case travels between (19 meetings): PostgreSQL imports more slowly, and the whole set runs on SQLite. */
const greveSubset = GREVE_TWO_BODIES.map((d) => join(greveDir, d));

/** One import run per export, with the municipality the export does not name itself; all of Greve on SQLite. */
export const runsFor = (dialect: Dialect) =>
  [
    dialect === 'sqlite'
      ? { name: 'greve' as const, paths: [greveDir], municipality: undefined, units: 94 }
      : { name: 'greve' as const, paths: greveSubset, municipality: undefined, units: 19 },
    ...otherRuns,
  ] as const;

const otherRuns = [
  { name: 'aarhus', paths: [join(aarhusWebDir, 'aarhus-byraad-2025-10-08-dagsorden.html')], municipality: 'Aarhus Kommune', units: 1 },
  { name: 'sbsys', paths: [sbsysDir], municipality: 'Region Hovedstaden', units: 1 },
  { name: 'edoc', paths: [edocDir], municipality: undefined, units: 1 },
  { name: 'acadre', paths: [acadreDir], municipality: undefined, units: 1 },
] as const;
export type RunName = 'greve' | (typeof otherRuns)[number]['name'];

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export async function importAll(database: Database, files: FileStore, runs: ReturnType<typeof runsFor>): Promise<Map<RunName, ImportReport>> {
  const reports = new Map<RunName, ImportReport>();
  for (const r of runs) reports.set(r.name, await importDocuments(database, r.paths, { municipality: r.municipality, files }));
  return reports;
}

export async function meetingId(database: Database, organization: string, date: string): Promise<string> {
  const row = await database.db
    .selectFrom('meeting')
    .innerJoin('organization', 'organization.id', 'meeting.organizationId')
    .select('meeting.id')
    .where('organization.name', '=', organization)
    .where('meeting.date', '=', date)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A meeting as the portal's repositories read it: meeting, body, items, case numbers, attendance. */
export async function readMeeting(database: Database, organization: string, date: string) {
  const portal = new PortalQueries(database.db);
  const cases = new CaseQueries(database.db);
  const meeting = await portal.meeting(await meetingId(database, organization, date));
  assert.ok(meeting);
  const org = await portal.organization(meeting.organizationId);
  const body = await portal.bodyById(org?.bodyId ?? '');
  const items = await portal.agendaItems(meeting.id);
  const references = await Promise.all(items.map((i) => (i.paperId ? cases.reference(i.paperId) : Promise.resolve(null))));
  return {
    meeting,
    body: body?.name,
    /** number, title, public, case number (the paper's reference) */
    items: items.map((i, n) => [i.number, i.title, i.public, references[n]]),
    decisions: items.map((i) => i.decision),
    files: items.map((i) => i.files.map((f) => [f.title, f.fileName, f.sha256 !== null, f.public])),
    stored: items.flatMap((i) => i.files.filter((f) => f.sha256 !== null)),
    absences: items.map((i) => i.absences.map((a) => a.name)),
    sections: items.map((i) => i.sections),
    attendance: (await portal.attendance(meeting)).map((a) => [a.name, a.status]),
  };
}

/** Every stored file is in the FileStore with the bytes of the export's file of that name. */
export async function assertStoredFrom(dir: string, files: FileStore, stored: { fileName: string; sha256: string | null }[], expected: number) {
  assert.equal(stored.length, expected);
  for (const f of stored) {
    assert.ok(f.sha256 && files.has(f.sha256), f.fileName);
    const bytes = await files.read(f.sha256);
    assert.equal(sha256(bytes), sha256(readFileSync(join(dir, f.fileName))), f.fileName);
  }
}

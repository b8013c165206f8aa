// Bulk export of the public data (`protokol export`, the nightly dump behind /data/): one file
// per OParl type, JSON Lines (the OParl objects with their `protokol:` extensions) and/or CSV
// (flat columns, services/export/columns.ts), and a README of the columns. It reads through
// OparlService, page by page, so it exports exactly what the API shows the public: the same
// visibility rules, nothing closed.
import { randomBytes } from 'node:crypto';
import { type FileHandle, mkdir, open, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as setTimeoutP } from 'node:timers/promises';
import { DomainError } from '../../domain/errors.js';
import type { OparlObject } from '../oparl/objects.js';
import { type ListParams, MAX_LIMIT, type OparlService } from '../oparl/service.js';
import { csvHeader, csvRow, exportFiles, readme } from './columns.js';

export type ExportFormat = 'jsonl' | 'csv';

export interface ExportOptions {
  formats: ExportFormat[];
  /** Municipality slugs; empty = every municipality. */
  municipalities: string[];
  outDir: string;
  /** The time written in the README (ISO); injectable for tests. */
  now?: () => Date;
  /** Stops the export between two pages (server shutdown); it then rejects with the reason. */
  signal?: AbortSignal | undefined;
}

export interface ExportReport {
  outDir: string;
  files: { name: string; rows: number }[];
}

/** Every object of one list of one body, page after page (following the `next` tokens). */
async function* objectsOf(
  oparl: OparlService,
  bodyId: string,
  list: NonNullable<(typeof exportFiles)[number]['list']>,
  signal?: AbortSignal,
): AsyncGenerator<OparlObject> {
  let page: string | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const params: ListParams = { filters: {}, omitInternal: true, limit: MAX_LIMIT, page };
    const result = await oparl.list(bodyId, list, params);
    for (const o of result.data) yield o;
    const next = result.links.next;
    if (!next) return;
    page = new URL(next).searchParams.get('page') ?? undefined;
  }
}

export async function exportOpenData(oparl: OparlService, options: ExportOptions): Promise<ExportReport> {
  const all = (await oparl.bodyList({ filters: {}, omitInternal: false, limit: MAX_LIMIT })).data;
  const wanted = options.municipalities;
  const bodies = wanted.length === 0 ? all : all.filter((b) => wanted.includes(String(b.shortName)));
  const unknown = wanted.filter((slug) => !all.some((b) => b.shortName === slug));
  if (unknown.length > 0) {
    throw new DomainError('not_found', `Kommunen findes ikke: ${unknown.join(', ')} (kendte: ${all.map((b) => b.shortName).join(', ')})`, '--municipality');
  }
  await mkdir(options.outDir, { recursive: true });
  const report: ExportReport = { outDir: options.outDir, files: [] };
  for (const file of exportFiles) {
    const handles: { format: ExportFormat; handle: FileHandle }[] = [];
    for (const format of options.formats) {
      const handle = await open(join(options.outDir, `${file.name}.${format}`), 'w');
      if (format === 'csv') await handle.write(`${csvHeader(file)}\n`);
      handles.push({ format, handle });
    }
    let rows = 0;
    try {
      const write = async (o: OparlObject) => {
        rows++;
        for (const { format, handle } of handles) await handle.write(`${format === 'jsonl' ? JSON.stringify(o) : csvRow(file, o)}\n`);
      };
      for (const body of bodies) {
        if (file.list === null) await write(body);
        else
          for await (const o of objectsOf(oparl, idOf(body), file.list, options.signal)) await write({ ...o, ...(o.body ? {} : { 'protokol:body': body.id }) });
      }
    } finally {
      for (const { handle } of handles) await handle.close();
    }
    report.files.push({ name: file.name, rows });
  }
  const generated = (options.now ?? (() => new Date()))().toISOString();
  await writeFile(join(options.outDir, 'README.md'), readme(options.formats.length === 2 ? 'both' : (options.formats[0] ?? 'jsonl'), generated));
  return report;
}

/** The body's row id from its OParl id (…/body/<id>). */
function idOf(body: OparlObject): string {
  return decodeURIComponent(String(body.id).split('/').at(-1) ?? '');
}

// ----------------------------------------------------------------------- the nightly dump

/** Where the dump lives: FILES_DIR/open-data/latest, replaced whole by each run. */
export const openDataDir = (filesDir: string): string => join(filesDir, 'open-data');
const LATEST = 'latest';

export interface DumpOptions {
  now?: () => Date;
  signal?: AbortSignal | undefined;
  /** The data's change marker read before the export began (OparlService.changeMarker), kept beside the dump. */
  marker?: string | undefined;
}

/** Beside the dump's files, never served (isDumpFileName): the change marker it was written at. */
const MARKER = '.marker';

/**
 * Writes a fresh dump (both formats) into a temporary directory beside the old one and swaps
 * it in by renaming directories, so /data/ never serves a half-written dump: `latest` is
 * always a complete dump (for the instant between the two renames it is missing, and /data/
 * looks once more). Several processes (app servers sharing a database, `protokol export` from
 * cron) may write at the same time: each writes its own temporary directory, and a rename onto
 * a `latest` another process has just put back fails instead of mixing files, so the swap is
 * retried; the last complete dump wins. A failed or aborted run removes its temporary directory.
 */
export async function writeDump(oparl: OparlService, filesDir: string, options: DumpOptions = {}): Promise<ExportReport> {
  const root = openDataDir(filesDir);
  const fresh = join(root, `.tmp-${randomBytes(6).toString('hex')}`);
  try {
    const report = await exportOpenData(oparl, {
      formats: ['jsonl', 'csv'],
      municipalities: [],
      outDir: fresh,
      signal: options.signal,
      ...(options.now ? { now: options.now } : {}),
    });
    if (options.marker !== undefined) await writeFile(join(fresh, MARKER), options.marker);
    options.signal?.throwIfAborted();
    await swapIn(root, fresh);
    return { ...report, outDir: join(root, LATEST) };
  } catch (e) {
    await rm(fresh, { recursive: true, force: true });
    throw e;
  }
}

async function swapIn(root: string, fresh: string): Promise<void> {
  const latest = join(root, LATEST);
  for (let attempt = 1; ; attempt++) {
    const old = join(root, `.old-${randomBytes(6).toString('hex')}`);
    const moved = await rename(latest, old).then(
      () => true,
      (e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return false; // the first dump, or another process is mid-swap
        throw e;
      },
    );
    try {
      await rename(fresh, latest);
      return;
    } catch (e) {
      // Another process put its dump in place between our two renames: go round again.
      const code = (e as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 10) throw e;
    } finally {
      if (moved) await rm(old, { recursive: true, force: true });
    }
  }
}

/** When the latest dump was written (its README's time), or null when there is none. */
export async function latestDumpTime(dumpDir: string): Promise<Date | null> {
  return (await stat(join(dumpDir, LATEST, 'README.md')).catch(() => null))?.mtime ?? null;
}

/** The change marker the latest dump was written at; null when none was recorded (cron, old dumps). */
export async function latestDumpMarker(dumpDir: string): Promise<string | null> {
  return readFile(join(dumpDir, LATEST, MARKER), 'utf8').catch(() => null);
}

export interface DumpListing {
  files: { name: string; size: number }[];
  generated: string | null;
}

/** The files of the latest dump (none before the first `protokol export`). */
export async function latestDump(dumpDir: string): Promise<DumpListing> {
  const dir = join(dumpDir, LATEST);
  // Missing for an instant while a new dump is swapped in: look once more.
  const names = await readdir(dir)
    .catch(() => setTimeoutP(50).then(() => readdir(dir)))
    .catch(() => [] as string[]);
  const files = [];
  for (const name of names.filter(isDumpFileName).sort()) {
    const size = (await stat(join(dir, name)).catch(() => null))?.size;
    if (size !== undefined) files.push({ name, size });
  }
  const generated = files.length > 0 ? ((await stat(join(dir, 'README.md')).catch(() => null))?.mtime.toISOString() ?? null) : null;
  return { files, generated };
}

/** Only names the export writes: nothing else in the directory is ever served. */
export const isDumpFileName = (name: string): boolean => /^(README\.md|[a-z-]+\.(jsonl|csv))$/.test(name);

export const dumpFilePath = (dumpDir: string, name: string): string => join(dumpDir, LATEST, name);

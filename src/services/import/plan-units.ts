// What `protokol import PATH…` will read: each path becomes import units. A folder that a
// reader recognises as an export (its manifest, by content) is one unit with every file below
// it; any other folder is searched: its files are single-file units when they are documents
// (text, PDF, or a format a reader claims) and are skipped otherwise; its subfolders are
// planned the same way. A folder that cannot be read is reported and the walk goes on.
import { stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { DomainError } from '../../domain/errors.js';
import { looksLikePdf } from '../../importer/extract/index.js';
import type { ReadOptions, SourceReader, UnitFiles } from '../../importer/sources/source.js';
import { type ReadUnit, detectSource, readClaimed, readFileUnit, readTextUnit } from './read-source.js';
import { diskUnit, fileUnit, listFolder } from './unit-files.js';

export type PlannedUnit =
  | { kind: 'file'; path: string; unit: UnitFiles; reader: { reader: SourceReader; main: string } | null }
  | { kind: 'folder'; path: string; unit: UnitFiles; reader: { reader: SourceReader; main: string } }
  | { kind: 'skipped'; path: string; reason: string }
  | { kind: 'unreadable'; path: string; reason: string };

const TEXT_EXTENSIONS = new Set(['.txt', '.md', '.markdown', '.pdf']);

/** The units of the given paths, in the order given and each folder's files in name order. */
export async function planUnits(paths: readonly string[]): Promise<PlannedUnit[]> {
  const out: PlannedUnit[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const listing = await listFolder(path);
      for (const u of listing.unreadable) out.push({ kind: 'unreadable', path: u.path, reason: u.reason });
      await planFolder(path, listing.files, out);
    } else {
      // A missing or odd path stays a file unit: reading it reports what is wrong.
      const unit = fileUnit(path);
      out.push({ kind: 'file', path, unit, reader: info?.isFile() ? await detectSource(unit, 'file') : null });
    }
  }
  return out;
}

async function planFolder(root: string, files: readonly string[], out: PlannedUnit[]): Promise<void> {
  const unit = diskUnit(root, files);
  const claimed = await detectSource(unit, 'folder');
  if (claimed) {
    out.push({ kind: 'folder', path: root, unit, reader: claimed });
    return;
  }
  const here = files.filter((f) => !f.includes('/'));
  const below = new Map<string, string[]>();
  for (const f of files) {
    const slash = f.indexOf('/');
    if (slash === -1) continue;
    const dir = f.slice(0, slash);
    below.set(dir, [...(below.get(dir) ?? []), f.slice(slash + 1)]);
  }
  // Files and folders together in name order, as a file manager shows them.
  const entries = [...here.map((name) => ({ name, dir: false })), ...[...below.keys()].map((name) => ({ name, dir: true }))].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  );
  for (const e of entries) {
    const path = join(root, e.name);
    if (e.dir) await planFolder(path, below.get(e.name) ?? [], out);
    else out.push(await planFile(path));
  }
}

async function planFile(path: string): Promise<PlannedUnit> {
  const unit = fileUnit(path);
  const reader = await detectSource(unit, 'file');
  if (reader) return { kind: 'file', path, unit, reader };
  if (TEXT_EXTENSIONS.has(extname(path).toLowerCase())) return { kind: 'file', path, unit, reader: null };
  const head = await unit.readHead?.(unit.list()[0] ?? '', 2048).catch(() => null);
  if (head && looksLikePdf(head)) return { kind: 'file', path, unit, reader: null };
  return { kind: 'skipped', path, reason: 'not a document Protokol reads (not text, PDF or a known export)' };
}

/**
 * `protokol parse PATH`: a file, an export folder, or a folder holding exactly one of those
 * (an export given by its parent), read without a database.
 */
export async function readPath(path: string, options: ReadOptions): Promise<ReadUnit> {
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) return readFileUnit(path, fileUnit(path), options);
  const units = await planUnits([path]);
  const problem = units.find((u) => u.kind === 'unreadable');
  if (problem) throw new DomainError('invalid_input', `${problem.path}: cannot be read (${problem.reason})`, problem.path);
  const readable = units.filter((u) => u.kind === 'file' || u.kind === 'folder');
  const only = readable[0];
  if (readable.length !== 1 || !only) {
    throw new DomainError(
      'invalid_input',
      `${basename(path)}: ${readable.length === 0 ? 'not an export folder Protokol knows (FirstAgenda, SBSYS, eDoc, Acadre), and it holds no document' : `holds ${readable.length} documents; parse reads one (give one of them, or use import)`}`,
      path,
    );
  }
  if (only.kind === 'folder') return readClaimed(only.unit, only.reader.reader, only.reader.main, options);
  return only.reader ? readClaimed(only.unit, only.reader.reader, only.reader.main, options) : readTextUnit(only.path, options);
}

// UnitFiles over the disk: a single file, or an export folder and everything below it. The
// readers in importer/sources see only this, so they never open a path themselves; document
// files are extracted in the sandbox (lifecycle/sandbox), like every archive file.
import { open, readFile, readdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { extractFileSandboxed } from '../lifecycle/sandbox/run-sandboxed.js';
import type { ExtractedText } from '../../importer/model.js';
import type { UnitFiles } from '../../importer/sources/source.js';

/** A folder that could not be listed, with the reason: reported, and the walk goes on. */
export interface UnreadableFolder {
  path: string;
  reason: string;
}

export interface FolderListing {
  /** Relative names ('/'-separated) of every file below the folder, in name order. */
  files: string[];
  unreadable: UnreadableFolder[];
}

const byName = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every file below `root` (symbolic links followed), recursively; unreadable subfolders are noted, not fatal. */
export async function listFolder(root: string): Promise<FolderListing> {
  const out: FolderListing = { files: [], unreadable: [] };
  const walk = async (dir: string, prefix: string): Promise<void> => {
    let entries;
    try {
      entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => byName(a.name, b.name));
    } catch (e) {
      out.unreadable.push({ path: dir, reason: reasonOf(e) });
      return;
    }
    for (const e of entries) {
      const path = join(dir, e.name);
      // Symbolic links are followed (a folder of links to an archive elsewhere is common).
      let info: { isDirectory(): boolean; isFile(): boolean } = e;
      if (e.isSymbolicLink()) {
        try {
          info = await stat(path);
        } catch (err) {
          // A dangling or looping link is a file or folder nobody can read: say so, go on.
          out.unreadable.push({ path, reason: reasonOf(err) });
          continue;
        }
      }
      if (info.isDirectory()) await walk(path, `${prefix}${e.name}/`);
      else if (info.isFile()) out.files.push(`${prefix}${e.name}`);
    }
  };
  await walk(root, '');
  return out;
}

function reasonOf(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOENT') return 'no such file or folder (a dangling link?)';
  if (code === 'ELOOP') return 'a link that points to itself';
  return e instanceof Error ? e.message : String(e);
}

/** The files of a unit by relative name, matched case-insensitively as Windows exports expect. */
function resolver(files: readonly string[]): (name: string) => string | null {
  const exact = new Set(files);
  const folded = new Map(files.map((f) => [f.toLowerCase(), f]));
  return (name) => {
    const clean = name.replace(/\\/g, '/').replace(/^\.?\//, '');
    return exact.has(clean) ? clean : (folded.get(clean.toLowerCase()) ?? null);
  };
}

/** A unit of the files `files` (relative names) below `root`. */
export function diskUnit(root: string, files: readonly string[]): UnitFiles {
  const find = resolver(files);
  return {
    root,
    list: () => files,
    read: async (name) => {
      const found = find(name);
      return found === null ? null : new Uint8Array(await readFile(join(root, found)));
    },
    readHead: async (name, bytes) => {
      const found = find(name);
      if (found === null) return null;
      const handle = await open(join(root, found), 'r');
      try {
        const buffer = new Uint8Array(bytes);
        const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
        return buffer.subarray(0, bytesRead);
      } finally {
        await handle.close();
      }
    },
    extract: async (name): Promise<ExtractedText | null> => {
      const found = find(name);
      return found === null ? null : extractFileSandboxed(join(root, found));
    },
  };
}

/** A single file as a unit of one file, its folder the root. */
export function fileUnit(path: string): UnitFiles {
  return diskUnit(dirname(path), [basename(path)]);
}

// Uploaded and imported files, stored under FILES_DIR by content hash
// (FILES_DIR/ab/abcdef…). The same bytes are stored once however often they are imported,
// and a write is atomic (temp file + rename), so a crash never leaves half a file.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DomainError } from '../domain/errors.js';

export interface StoredFile {
  sha256: string;
  size: number;
}

/** A file in the store's shard folders: a stored file (named by its hash) or a write's temp file. */
export interface StoreEntry {
  path: string;
  kind: 'stored' | 'tmp';
  /** The hash, for a stored file. */
  sha256: string | null;
  modifiedMs: number;
  size: number;
}

const SHARD = /^[0-9a-f]{2}$/;
const HASH = /^[0-9a-f]{64}$/;
const TMP = /^[0-9a-f]{64}\.[0-9a-f]{12}\.tmp$/;

export class FileStore {
  constructor(readonly root: string) {}

  pathFor(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`Not a sha256 digest: ${sha256}`);
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(bytes: Uint8Array): Promise<StoredFile> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const path = this.pathFor(sha256);
    if (!existsSync(path)) {
      // Attachments include closed ones: the owner's alone (dirs 0700, files 0600), set with
      // chmod because a mode given at creation is narrowed by whatever umask is set.
      const dir = join(this.root, sha256.slice(0, 2));
      const created = await mkdir(dir, { recursive: true, mode: 0o700 });
      if (created !== undefined) {
        await chmod(dir, 0o700);
        // The first directory made was above the shard: the store's root is new as well.
        if (created !== dir) await chmod(this.root, 0o700);
      }
      const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(tmp, bytes, { mode: 0o600 });
      await chmod(tmp, 0o600);
      await rename(tmp, path);
    }
    return { sha256, size: bytes.byteLength };
  }

  has(sha256: string): boolean {
    return existsSync(this.pathFor(sha256));
  }

  read(sha256: string): Promise<Buffer> {
    return readFile(this.pathFor(sha256));
  }

  /**
   * Every stored and temp file under the shard folders (ab/…), a folder at a time; anything
   * else under the root (the open-data dump, an operator's own files) is not the store's.
   */
  async *entries(): AsyncGenerator<StoreEntry> {
    const shards = existsSync(this.root) ? await readdir(this.root, { withFileTypes: true }) : [];
    for (const shard of shards) {
      if (!shard.isDirectory() || !SHARD.test(shard.name)) continue;
      const dir = join(this.root, shard.name);
      for (const name of await readdir(dir)) {
        const kind = HASH.test(name) ? 'stored' : TMP.test(name) ? 'tmp' : null;
        if (kind === null) continue;
        const path = join(dir, name);
        const info = await stat(path).catch(() => null);
        if (info?.isFile()) yield { path, kind, sha256: kind === 'stored' ? name : null, modifiedMs: info.mtimeMs, size: info.size };
      }
    }
  }

  /** Removes one entry found by entries(); gone already is fine (another process swept it). */
  async remove(entry: StoreEntry): Promise<void> {
    await unlink(entry.path).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'ENOENT') throw e;
    });
  }

  /**
   * Start-up check: the root can be created and written. Throws a one-line message naming
   * FILES_DIR and why, instead of a stack trace at the first upload.
   */
  async checkWritable(): Promise<void> {
    try {
      const created = await mkdir(this.root, { recursive: true, mode: 0o700 });
      if (created !== undefined) await chmod(this.root, 0o700);
      const probe = join(this.root, `.probe-${randomBytes(6).toString('hex')}`);
      await writeFile(probe, '', { mode: 0o600 });
      await rm(probe, { force: true });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      throw new DomainError('unavailable', `FILES_DIR ${this.root}: cannot write there (${err.code ?? err.message})`, 'FILES_DIR');
    }
  }
}

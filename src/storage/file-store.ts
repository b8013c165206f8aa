// Uploaded and imported files, stored under FILES_DIR by content hash
// (FILES_DIR/ab/abcdef…). The same bytes are stored once however often they are imported,
// and a write is atomic (temp file + rename), so a crash never leaves half a file.
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface StoredFile {
  sha256: string;
  size: number;
}

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
}

// OParl wants a File's SHA-512; we store SHA-256 (the content address). Reads never write: a
// GET that stored the digest would move every change marker and empty the count caches (and
// is a write on a read-only path). So the digest is computed from the bytes on first use and
// kept in memory, keyed by the SHA-256, whose bytes never change; the least recently used
// goes first (a Map keeps insertion order). A digest already in `file.sha512` is used as is.
import { createHash } from 'node:crypto';

export interface FileBytes {
  read(sha256: string): Promise<Uint8Array>;
}

const MAX_DIGESTS = 20_000;

export class Sha512Digests {
  private readonly byContent = new Map<string, string>();

  constructor(
    private readonly files: FileBytes | null,
    private readonly max = MAX_DIGESTS,
  ) {}

  /** The SHA-512 (hex) of the stored bytes, or null when they are missing. */
  async sha512(sha256: string): Promise<string | null> {
    if (!this.files) return null;
    const hit = this.byContent.get(sha256);
    if (hit !== undefined) {
      this.byContent.delete(sha256);
      this.byContent.set(sha256, hit);
      return hit;
    }
    try {
      const digest = createHash('sha512')
        .update(await this.files.read(sha256))
        .digest('hex');
      if (this.byContent.size >= this.max) this.byContent.delete(this.byContent.keys().next().value as string);
      this.byContent.set(sha256, digest);
      return digest;
    } catch {
      return null; // bytes missing from FILES_DIR: leave the checksum out rather than fail the list
    }
  }
}

// Unzipping an untrusted Office/OpenDocument file with a cap on the bytes really inflated.
// A zip's headers state each part's size, but a hostile file can lie there (a 600 KB DOCX
// whose document.xml "is" 1 KB and inflates to 1 GB), so nothing here trusts them: the input
// is fed to fflate's streaming Unzip in small slices, every inflated chunk is counted, and
// the read stops at the first chunk past the cap. A 16 KB slice inflates to at most ~17 MB
// (deflate's ratio tops out near 1:1032), which bounds the overshoot.
import { Unzip, UnzipInflate, type UnzipFile } from 'fflate';
import { ExtractLimitError } from './limits.js';

const SLICE_BYTES = 16 * 1024;

export interface BoundedUnzipOptions {
  /** Which parts to inflate (by name; the sizes given are the archive's claims, for information only). */
  filter: (file: { name: string; size?: number | undefined; originalSize?: number | undefined }) => boolean;
  /** Total inflated bytes of the wanted parts; more throws ExtractLimitError('unpacked'). */
  maxUnpackedBytes: number;
}

/** The wanted parts by name. Throws ExtractLimitError past the cap, Error for a damaged zip. */
export function unzipBounded(bytes: Uint8Array, options: BoundedUnzipOptions): Record<string, Uint8Array> {
  const chunks = new Map<string, Uint8Array[]>();
  const done = new Set<string>();
  let total = 0;
  // Set inside fflate's callbacks; a holder, so TypeScript does not narrow it to null below.
  const state: { failure: Error | null } = { failure: null };
  const unzip = new Unzip((file: UnzipFile) => {
    if (state.failure || !options.filter({ name: file.name, size: file.size, originalSize: file.originalSize })) return;
    const parts: Uint8Array[] = [];
    chunks.set(file.name, parts);
    file.ondata = (err, data, final) => {
      if (state.failure) return;
      if (err) {
        state.failure = err;
        return;
      }
      total += data.length;
      if (total > options.maxUnpackedBytes) {
        state.failure = new ExtractLimitError('unpacked');
        chunks.clear();
        return;
      }
      parts.push(data);
      if (final) done.add(file.name);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    const end = Math.min(at + SLICE_BYTES, bytes.length);
    unzip.push(bytes.subarray(at, end), end === bytes.length);
    if (state.failure) throw state.failure;
  }
  const out: Record<string, Uint8Array> = {};
  for (const [name, parts] of chunks) {
    if (!done.has(name)) throw new Error(`${name} is truncated`);
    out[name] = concat(parts);
  }
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0]!;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

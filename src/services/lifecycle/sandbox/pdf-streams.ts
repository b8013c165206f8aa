// A PDF's compressed streams, inflated and counted before pdfjs sees the file: pdfjs would
// inflate a 300 KB file's 1 GB content stream into memory outside the heap limit, so the
// bound on decompressed bytes is checked here, on the real output of zlib. Images are left
// out (text extraction never decodes them, and a scan's page images are legitimately large).
import { constants, inflateSync } from 'node:zlib';
import { ExtractLimitError } from './limits.js';

/** How far back from "stream" the stream's dictionary is looked for. */
const DICT_WINDOW = 4096;

/** Throws ExtractLimitError('unpacked') when the non-image Flate streams inflate past the cap. */
export function assertPdfStreamsWithin(bytes: Uint8Array, maxUnpackedBytes: number): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let total = 0;
  let at = 0;
  for (;;) {
    const keyword = buf.indexOf('stream', at, 'latin1');
    if (keyword < 0) return;
    at = keyword + 6;
    if (keyword >= 3 && buf.toString('latin1', keyword - 3, keyword) === 'end') continue;
    let start = at;
    if (buf[start] === 0x0d) start++;
    if (buf[start] !== 0x0a && buf[at] !== 0x0d) continue;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf('endstream', start, 'latin1');
    if (end < 0) return;
    at = end + 9;
    const dictStart = Math.max(0, buf.lastIndexOf('obj', keyword, 'latin1'), keyword - DICT_WINDOW);
    const dict = buf.toString('latin1', dictStart, keyword);
    if (!/\/(?:FlateDecode|Fl)\b/.test(dict) || /\/Subtype\s*\/Image\b/.test(dict)) continue;
    total += inflatedLength(buf.subarray(start, end), maxUnpackedBytes - total + 1);
    if (total > maxUnpackedBytes) throw new ExtractLimitError('unpacked');
  }
}

/** Bytes the stream inflates to, stopping just past `budget`; 0 when zlib cannot read it (pdfjs will say). */
function inflatedLength(data: Buffer, budget: number): number {
  try {
    return inflateSync(data, { maxOutputLength: budget, finishFlush: constants.Z_SYNC_FLUSH }).length;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? budget : 0;
  }
}

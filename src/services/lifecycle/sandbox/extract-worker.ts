// The worker thread every parse of an untrusted file runs in (started by run-sandboxed.ts,
// one job per worker). It posts what the file is first, so the runner can store the right
// media type even if a bound stops the extraction later, then the result, a limit, or the
// DomainError the file deserves (a damaged file, a PDF that is not one).
import { readFile, stat } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { DomainError } from '../../../domain/errors.js';
import { MAX_FILE_BYTES, extractFile, looksLikePdf } from '../../../importer/extract/index.js';
import { analyseAttachment } from '../attachment-text.js';
import { ExtractLimitError } from './limits.js';
import { assertPdfStreamsWithin } from './pdf-streams.js';
import type { SandboxJob, WorkerMessage } from './protocol.js';
import { sniffFormat } from './sniff.js';

const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

async function run(job: SandboxJob): Promise<void> {
  const { limits } = job;
  if (job.kind === 'attachment') {
    const format = sniffFormat(job.bytes);
    post({ type: 'format', format });
    if (format === 'pdf') assertPdfStreamsWithin(job.bytes, limits.maxUnpackedBytes);
    const result = await analyseAttachment(job.fileName, job.mediaType, job.bytes, { maxUnpackedBytes: limits.maxUnpackedBytes });
    if (result.text !== null && result.text.length > limits.maxTextChars) throw new ExtractLimitError('text');
    post({ type: 'attachment', result });
    return;
  }
  // The importer's own reader, unchanged; the PDF's streams are counted first (the file is
  // read twice, the second time from the page cache).
  const size = await stat(job.path).then(
    (s) => s.size,
    () => Infinity,
  );
  const bytes = size <= MAX_FILE_BYTES ? await readFile(job.path).catch(() => null) : null;
  if (bytes && looksLikePdf(bytes)) assertPdfStreamsWithin(bytes, limits.maxUnpackedBytes);
  const extraction = await extractFile(job.path);
  const chars = extraction.lines.reduce((n, l) => n + l.text.length, 0);
  if (chars > limits.maxTextChars) throw new ExtractLimitError('text');
  post({ type: 'file', result: extraction });
}

run(workerData as SandboxJob).catch((e: unknown) => {
  if (e instanceof ExtractLimitError) post({ type: 'limit', limit: e.limit });
  else if (e instanceof DomainError) post({ type: 'error', code: e.code, message: e.message, where: e.where ?? null });
  else post({ type: 'limit', limit: 'crash', detail: e instanceof Error ? e.message : String(e) });
});

// Runs one parse of an untrusted file in a worker thread, under ExtractLimits: the time limit
// terminates the worker, the heap limit is V8's own (resourceLimits), the decompressed-bytes
// and text bounds are counted inside. The event loop of the server never parses the file, so
// one hostile upload cannot stall other requests. One worker per job: nothing survives from
// one file to the next, and a job costs a thread start (tens of ms) beside its parse.
import { basename } from 'node:path';
import { Worker } from 'node:worker_threads';
import { DomainError } from '../../../domain/errors.js';
import type { Extraction } from '../../../importer/extract/index.js';
import { type AnalysedAttachment, type AttachmentFormat, mediaTypeOf } from '../attachment-text.js';
import { DEFAULT_EXTRACT_LIMITS, type ExtractLimit, type ExtractLimits, unreadableMessage } from './limits.js';
import type { SandboxJob, WorkerMessage } from './protocol.js';

type Final = Exclude<WorkerMessage, { type: 'format' }>;

export interface JobOutcome {
  final: Final;
  /** What the worker said the file is before it finished or was stopped; undefined if it never said. */
  format: AttachmentFormat | null | undefined;
}

/** Starts a worker for the job and resolves with its last word, or the limit that stopped it. Never rejects. */
export function runJob(job: SandboxJob): Promise<JobOutcome> {
  return new Promise((resolve) => {
    let format: AttachmentFormat | null | undefined;
    let settled = false;
    const worker = new Worker(new URL('./extract-worker.js', import.meta.url), {
      workerData: job,
      resourceLimits: { maxOldGenerationSizeMb: job.limits.memoryMb, stackSizeMb: 4 },
    });
    const finish = (final: Final): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ final, format });
    };
    const timer = setTimeout(() => finish({ type: 'limit', limit: 'time' }), job.limits.timeoutMs);
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'format') format = m.format;
      else finish(m);
    });
    worker.on('error', (e: Error) => {
      const limit: ExtractLimit = (e as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'memory' : 'crash';
      finish({ type: 'limit', limit, detail: e.message });
    });
    worker.on('exit', (code) => finish({ type: 'limit', limit: 'crash', detail: `the worker exited with code ${code}` }));
  });
}

/** An analysed upload; when a bound stopped it, textStatus 'unreadable', text '' and `problem` says which bound. */
export interface SandboxedAttachment extends AnalysedAttachment {
  problem: string | null;
  limit: ExtractLimit | null;
}

/** attachment-text.ts#analyseAttachment in the sandbox. Throws the DomainErrors it throws (wrong type, damaged file). */
export async function analyseAttachmentSandboxed(
  fileName: string,
  declaredMediaType: string,
  bytes: Uint8Array,
  limits: Readonly<ExtractLimits> = DEFAULT_EXTRACT_LIMITS,
): Promise<SandboxedAttachment> {
  const { final, format } = await runJob({ kind: 'attachment', fileName, mediaType: declaredMediaType, bytes, limits: { ...limits } });
  if (final.type === 'attachment') return { ...final.result, problem: null, limit: null };
  if (final.type === 'error') throw new DomainError(final.code, final.message, final.where ?? undefined);
  if (final.type !== 'limit') throw new Error(`unexpected answer from the extraction worker: ${final.type}`);
  const problem = unreadableMessage(final.limit, limits);
  // Not even the kind of file is known: nothing to store it as.
  if (!format) throw new DomainError('invalid_input', `${fileName}: ${problem}`, 'bytes');
  return { format, mediaType: mediaTypeOf[format], text: '', textStatus: 'unreadable', problem, limit: final.limit };
}

const englishReason: Record<ExtractLimit, (l: Readonly<ExtractLimits>) => string> = {
  time: (l) => `reading it took more than ${l.timeoutMs / 1000} s (EXTRACT_TIMEOUT_MS)`,
  memory: (l) => `reading it needed more than ${l.memoryMb} MB of memory (EXTRACT_MEMORY_MB)`,
  unpacked: (l) => `it decompresses to more than ${Math.round(l.maxUnpackedBytes / 1024 / 1024)} MB (EXTRACT_MAX_UNPACKED_MB)`,
  text: (l) => `it holds more than ${l.maxTextChars} characters of text (EXTRACT_MAX_TEXT_CHARS)`,
  crash: () => 'the reader stopped unexpectedly',
};

/** importer/extract#extractFile in the sandbox: an archive document on disk → its lines. A bound passed is invalid_input naming the file and the bound. */
export async function extractFileSandboxed(path: string, limits: Readonly<ExtractLimits> = DEFAULT_EXTRACT_LIMITS): Promise<Extraction> {
  const { final } = await runJob({ kind: 'file', path, limits: { ...limits } });
  if (final.type === 'file') return final.result;
  if (final.type === 'error') throw new DomainError(final.code, final.message, final.where ?? undefined);
  if (final.type !== 'limit') throw new Error(`unexpected answer from the extraction worker: ${final.type}`);
  const detail = final.limit === 'crash' && final.detail ? ` (${final.detail})` : '';
  throw new DomainError('invalid_input', `${basename(path)}: the file could not be read: ${englishReason[final.limit](limits)}${detail}`, path);
}

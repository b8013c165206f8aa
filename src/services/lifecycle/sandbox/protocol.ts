// The messages between the runner and the extraction worker (structured-clone data only).
import type { ErrorCode } from '../../../domain/errors.js';
import type { Extraction } from '../../../importer/extract/index.js';
import type { AnalysedAttachment, AttachmentFormat } from '../attachment-text.js';
import type { ExtractLimit, ExtractLimits } from './limits.js';

export type SandboxJob =
  | { kind: 'attachment'; fileName: string; mediaType: string; bytes: Uint8Array; limits: ExtractLimits }
  /** An archive document on disk, read as the importer reads it. */
  | { kind: 'file'; path: string; limits: ExtractLimits };

export type WorkerMessage =
  | { type: 'format'; format: AttachmentFormat | null }
  | { type: 'attachment'; result: AnalysedAttachment }
  | { type: 'file'; result: Extraction }
  | { type: 'limit'; limit: ExtractLimit; detail?: string }
  | { type: 'error'; code: ErrorCode; message: string; where: string | null };

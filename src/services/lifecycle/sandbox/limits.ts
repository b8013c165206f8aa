// The bounds every parse of an untrusted file runs under (uploads and imported documents):
// wall time, the parser's heap, bytes really decompressed, and characters of text kept.
// A file over one of them is not refused: it is stored as "kunne ikke læses", which blocks
// publishing until a person has looked at it (the CPR guard's unscanned attachment).

export interface ExtractLimits {
  /** Wall-clock time of one extraction; the worker is terminated when it passes. */
  timeoutMs: number;
  /** The worker's V8 heap (old generation), in MB. */
  memoryMb: number;
  /** Bytes decompressed from one file's zip parts or PDF streams, counted while inflating. */
  maxUnpackedBytes: number;
  /** Characters of extracted text kept for one file. */
  maxTextChars: number;
}

/** Twice the largest real attachment we have seen on each axis. */
export const DEFAULT_EXTRACT_LIMITS: Readonly<ExtractLimits> = Object.freeze({
  timeoutMs: 30_000,
  memoryMb: 256,
  maxUnpackedBytes: 100 * 1024 * 1024,
  maxTextChars: 5_000_000,
});

/** Which bound stopped a file ('crash': the reader died for another reason). */
export type ExtractLimit = 'time' | 'memory' | 'unpacked' | 'text' | 'crash';

/** Thrown inside the sandbox when a bound is passed; the runner turns it into `{ unreadable }`. */
export class ExtractLimitError extends Error {
  constructor(readonly limit: ExtractLimit) {
    super(`extraction limit passed: ${limit}`);
    this.name = 'ExtractLimitError';
  }
}

const mb = (bytes: number): string => `${Math.round(bytes / 1024 / 1024)} MB`;

/** The Danish sentence the editor and the API show for a file stopped by a bound. */
export function unreadableMessage(limit: ExtractLimit, limits: Readonly<ExtractLimits>): string {
  const why = {
    time: `læsningen tog mere end ${limits.timeoutMs / 1000} sekunder (tid)`,
    memory: `læsningen brugte mere end ${limits.memoryMb} MB hukommelse (hukommelse)`,
    unpacked: `filen pakker ud til mere end ${mb(limits.maxUnpackedBytes)} (udpakket størrelse)`,
    text: `filen indeholder mere end ${limits.maxTextChars.toLocaleString('da-DK')} tegn tekst (tekstmængde)`,
    crash: 'læseren stoppede uventet',
  }[limit];
  return `Filen er gemt, men kunne ikke læses: ${why}. Den er ikke kontrolleret for CPR-numre og skal kontrolleres, før den kan offentliggøres.`;
}

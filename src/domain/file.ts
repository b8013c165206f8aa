// An attachment (bilag). Each has its own publish flag: a public item may carry a closed
// attachment (e.g. a signed contract), and that one never reaches the portal.
export interface AttachmentFile {
  id: string;
  title: string;
  fileName: string;
  mediaType: string;
  /** Null (with sha256) when a document names the attachment but its file was not supplied. */
  size: number | null;
  sha256: string | null;
  public: boolean;
}

/** An attachment whose bytes we hold and can serve. */
export type StoredAttachmentFile = AttachmentFile & { size: number; sha256: string };

export function isStored(f: AttachmentFile): f is StoredAttachmentFile {
  return f.sha256 !== null && f.size !== null;
}

// Built once: toLocaleString with options builds a new formatter on every call, which was a
// visible share of rendering a meeting page with many attachments.
const sizeFormat = new Intl.NumberFormat('da-DK', { maximumFractionDigits: 1 });

/** Human file size, da-DK: "12,3 kB". */
export function formatFileSize(bytes: number): string {
  const fmt = (n: number) => sizeFormat.format(n);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} kB`;
  return `${fmt(bytes / (1024 * 1024))} MB`;
}

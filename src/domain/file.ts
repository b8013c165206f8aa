// An attachment (bilag). Each has its own publish flag: a public item may carry a closed
// attachment (e.g. a signed contract), and that one never reaches the portal.
export interface AttachmentFile {
  id: string;
  title: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  public: boolean;
}

/** Human file size, da-DK: "12,3 kB". */
export function formatFileSize(bytes: number): string {
  const fmt = (n: number) => n.toLocaleString('da-DK', { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} kB`;
  return `${fmt(bytes / (1024 * 1024))} MB`;
}

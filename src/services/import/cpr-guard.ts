// Imported minutes are published at once, so a document with a CPR number is refused whole,
// naming every line (and page) where one stands: the municipality removes it and imports again.
// The same scanner as the publication guard (domain/cpr.ts), run over the document's lines
// joined, so a number broken across two lines is found too (reported at the line it starts).
// The message shows the birth date part only, never the full number.
import { type CprFinding, findCprNumbers } from '../../domain/cpr.js';
import { DomainError } from '../../domain/errors.js';
import type { ExtractedText, ParsedDocument } from '../../importer/model.js';

const MAX_LISTED = 10;

/** Characters scanned at a time: the scanner's offset tables cost many times the text, so a
 * large document is scanned in windows (each starting on the previous window's last line, so
 * a number broken across two lines is still found) and memory stays bounded. */
const WINDOW_CHARS = 256 * 1024;

/** Each finding once, with the line it starts on. */
function scanLines(lines: ExtractedText['lines']): { finding: CprFinding; line: number }[] {
  const out: { finding: CprFinding; line: number }[] = [];
  const seen = new Set<string>();
  let start = 0;
  while (start < lines.length) {
    let end = start;
    let chars = 0;
    while (end < lines.length && (end === start || chars + (lines[end]?.text.length ?? 0) < WINDOW_CHARS)) chars += (lines[end++]?.text.length ?? 0) + 1;
    const starts: number[] = [];
    let offset = 0;
    for (let i = start; i < end; i++) {
      starts.push(offset);
      offset += (lines[i]?.text.length ?? 0) + 1;
    }
    const joined = lines
      .slice(start, end)
      .map((l) => l.text)
      .join('\n');
    let k = 0;
    for (const f of findCprNumbers(joined)) {
      while (k + 1 < starts.length && starts[k + 1]! <= f.index) k++;
      const key = `${start + k}:${f.index - starts[k]!}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ finding: f, line: start + k });
    }
    if (end >= lines.length) break;
    // The next window starts on this one's last line (unless that would not move on).
    start = end - 1 > start ? end - 1 : end;
  }
  return out;
}

export function assertNoCprNumbers(text: ExtractedText, fileName: string): void {
  const findings = scanLines(text.lines);
  if (findings.length === 0) return;
  const places: string[] = [];
  for (const { finding, line } of findings.slice(0, MAX_LISTED)) {
    const l = text.lines[line]!;
    places.push(`line ${l.line}${l.page === null ? '' : ` (page ${l.page})`}: ${finding.masked}`);
  }
  const more = findings.length > places.length ? `; and ${findings.length - places.length} more` : '';
  throw new DomainError(
    'invalid_input',
    `${fileName}: contains what looks like a CPR number, which must never be published — ${places.join('; ')}${more}. Remove it from the document and import it again.`,
    fileName,
  );
}

/** The same guard for a document read from a structured source (no lines): names the item and field. */
export function assertNoCprInDocument(doc: ParsedDocument, fileName: string): void {
  const places: string[] = [];
  let total = 0;
  const scan = (where: string, text: string | null): void => {
    if (!text) return;
    for (const f of findCprNumbers(text)) {
      total += 1;
      if (places.length < MAX_LISTED) places.push(`${where}: ${f.masked}`);
    }
  };
  scan('meeting location', doc.meeting.location);
  for (const item of doc.items) {
    const at = `item ${item.number}`;
    scan(`${at} title`, item.title);
    scan(`${at} decision`, item.decision);
    for (const s of item.sections) scan(`${at} section "${s.heading}"`, s.text);
    for (const a of item.attachments) {
      scan(`${at} attachment title`, a.title);
      // A source that serves an attachment's text (OParl File.text) publishes it with the file.
      if (item.public && a.public !== false) scan(`${at} attachment "${a.title}"`, a.text ?? null);
    }
  }
  if (total === 0) return;
  const more = total > places.length ? `; and ${total - places.length} more` : '';
  throw new DomainError(
    'invalid_input',
    `${fileName}: contains what looks like a CPR number, which must never be published — ${places.join('; ')}${more}. Remove it at the source and import again.`,
    fileName,
  );
}

// Imported minutes are published at once, so a document with a CPR number is refused whole,
// naming every line (and page) where one stands: the municipality removes it and imports again.
// The same scanner as the publication guard (domain/cpr.ts), run over the document's lines
// joined, so a number broken across two lines is found too (reported at the line it starts).
// The message shows the birth date part only, never the full number.
import { findCprNumbers } from '../../domain/cpr.js';
import { DomainError } from '../../domain/errors.js';
import type { ExtractedText, ParsedDocument } from '../../importer/model.js';

const MAX_LISTED = 10;

export function assertNoCprNumbers(text: ExtractedText, fileName: string): void {
  const starts: number[] = [];
  let offset = 0;
  for (const l of text.lines) {
    starts.push(offset);
    offset += l.text.length + 1;
  }
  const joined = text.lines.map((l) => l.text).join('\n');
  const findings = findCprNumbers(joined);
  if (findings.length === 0) return;
  const places: string[] = [];
  let k = 0;
  for (const f of findings.slice(0, MAX_LISTED)) {
    while (k + 1 < starts.length && starts[k + 1]! <= f.index) k++;
    const l = text.lines[k]!;
    places.push(`line ${l.line}${l.page === null ? '' : ` (page ${l.page})`}: ${f.masked}`);
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

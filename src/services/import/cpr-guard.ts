// Imported minutes are published at once, so a document with a CPR number is refused whole,
// naming every line (and page) where one stands: the municipality removes it and imports again.
// The message shows the birth date part only, never the full number.
import { findCprNumbers } from '../../domain/cpr.js';
import { DomainError } from '../../domain/errors.js';
import type { ExtractedText } from '../../importer/model.js';

const MAX_LISTED = 10;

export function assertNoCprNumbers(text: ExtractedText, fileName: string): void {
  const places: string[] = [];
  let count = 0;
  for (const l of text.lines) {
    for (const f of findCprNumbers(l.text)) {
      count++;
      if (places.length < MAX_LISTED) places.push(`line ${l.line}${l.page === null ? '' : ` (page ${l.page})`}: ${f.masked}`);
    }
  }
  if (count === 0) return;
  const more = count > places.length ? `; and ${count - places.length} more` : '';
  throw new DomainError(
    'invalid_input',
    `${fileName}: contains what looks like a CPR number, which must never be published — ${places.join('; ')}${more}. Remove it from the document and import it again.`,
    fileName,
  );
}

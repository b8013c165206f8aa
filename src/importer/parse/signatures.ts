// The approval block at the end of minutes ("Underskrifter" followed by names).
import type { Line, ParseContext } from './lines.js';

const headingRe = /^(?:underskrifter|underskrift|underskriftsblad|underskrevet af|godkendt af|referatet (?:er )?godkendt af|underskrifter\/godkendelse)\s*:?$/i;

/** Index of the signature heading at or after `from`, else -1. */
export function findSignatureHeading(lines: readonly Line[], from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) if (headingRe.test(lines[i]!.text)) return i;
  return -1;
}

/** Names after the heading; lines that are not names become 'unparsed_line' warnings. */
export function parseSignatures(ctx: ParseContext, heading: number, to: number): string[] {
  const names: string[] = [];
  for (let i = heading + 1; i < to; i++) {
    const l = ctx.lines[i]!;
    const t = l.text.replace(/\t+/g, ', ').trim();
    if (t === '') continue;
    const parts = t
      .split(/\s*,\s*/)
      .map((p) => p.replace(/\s*\([^)]{0,30}\)\s*/g, ' ').trim())
      .filter(Boolean);
    const ok = parts.length > 0 && parts.every((p) => p.length <= 60 && /^\p{Lu}[\p{L}.'-]*(?:\s+[\p{L}.'-]+){0,5}$/u.test(p));
    if (ok) names.push(...parts);
    else ctx.unparsed(l, 'after signatures');
  }
  return names;
}

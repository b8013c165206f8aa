// Redaction (issue 13): an exact passage of published text (a name, a CPR number that slipped
// through, a personal detail) is replaced by "[fjernet: <reason>]" wherever it was published:
// the current text and every frozen version. Pure string work; the service decides where.
import { DomainError } from './errors.js';

export const MIN_REDACTION_PASSAGE = 3;
export const MAX_REDACTION_PASSAGE = 5000;
const MAX_REASON = 500;

/** The reason, required and short: it is printed in the public text. */
export function requireReason(reason: unknown): string {
  const r = typeof reason === 'string' ? reason.replace(/\s+/g, ' ').trim() : '';
  if (r === '') throw new DomainError('invalid_input', 'Angiv en begrundelse', 'reason');
  if (r.length > MAX_REASON) throw new DomainError('invalid_input', `Begrundelsen må højst være ${MAX_REASON} tegn`, 'reason');
  return r;
}

/** The passage to remove: exact (not trimmed inside), at least a few characters. */
export function requirePassage(passage: unknown): string {
  const p = typeof passage === 'string' ? passage.trim() : '';
  if (p.length < MIN_REDACTION_PASSAGE)
    throw new DomainError('invalid_input', `Angiv den tekst, der skal fjernes (mindst ${MIN_REDACTION_PASSAGE} tegn)`, 'text');
  if (p.length > MAX_REDACTION_PASSAGE) throw new DomainError('invalid_input', `Teksten må højst være ${MAX_REDACTION_PASSAGE} tegn`, 'text');
  return p;
}

/** What the public sees instead of the passage. */
export const redactionMark = (reason: string): string => `[fjernet: ${reason}]`;

const escapeHtml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every occurrence replaced; the count says whether anything was found. */
export function redactText(value: string, passage: string, mark: string): { text: string; count: number } {
  const parts = value.split(passage);
  return { text: parts.join(mark), count: parts.length - 1 };
}

/** In sanitised HTML the passage may appear as typed or with its entities escaped. */
export function redactHtml(html: string, passage: string, mark: string): { text: string; count: number } {
  const raw = redactText(html, passage, escapeHtml(mark));
  const escaped = escapeHtml(passage);
  if (escaped === passage) return raw;
  const again = redactText(raw.text, escaped, escapeHtml(mark));
  return { text: again.text, count: raw.count + again.count };
}

// Keys whose values are identifiers, hashes or codes, never published prose: a short passage
// must not turn a checksum or a state into something else.
const notText = new Set(['id', 'sha256', 'mediaType', 'kind', 'state', 'date', 'start', 'end', 'publishedAt', 'choice', 'status']);

/** Every string inside a JSON value (a frozen version's item), redacted; ids are never text. */
export function redactDeep<T>(value: T, passage: string, mark: string): { value: T; count: number } {
  let count = 0;
  const walk = (v: unknown, key: string | null): unknown => {
    if (typeof v === 'string') {
      if (key !== null && (notText.has(key) || key.endsWith('Id'))) return v;
      const r = key === 'html' ? redactHtml(v, passage, mark) : redactText(v, passage, mark);
      count += r.count;
      return r.text;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, null));
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k)]));
    return v;
  };
  return { value: walk(value, null) as T, count };
}

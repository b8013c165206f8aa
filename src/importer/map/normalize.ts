// Normalised keys for matching what documents print differently: the same committee as
// "Udvalget for Børn og Ungdom - 2022-2025" and "Udvalget for Børn & Ungdom", the same person
// as "Carsten Helles  Rasmussen" broken over a line. Keys feed the external ids, so a
// re-import (or another document naming the same thing) lands on the same row.

/** Lower case, NFC, whitespace runs collapsed to one space, trimmed. */
export function foldSpace(s: string): string {
  return s.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** Danish letters folded the way Danes write them in ASCII (æ→ae, ø→oe, å→aa); other accents dropped. */
export function foldAscii(s: string): string {
  return s.toLowerCase().replace(/æ/gu, 'ae').replace(/ø/gu, 'oe').replace(/å/gu, 'aa').normalize('NFD').replace(/\p{M}/gu, '');
}

/** "Lejre Kommune" → "lejre-kommune": lower-case ASCII, words joined by '-'. */
export function slugify(s: string): string {
  return foldAscii(s)
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-+|-+$/gu, '');
}

// A term printed after a committee name: " - 2022-2025", " 2022 - 2025", " – 2022–2025".
const TRAILING_TERM = /[\s,]*[-–]?\s*(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\s*$/u;

/** The committee name as printed, without a trailing term. */
export function stripTermSuffix(name: string): string {
  return foldSpace(foldSpace(name).replace(TRAILING_TERM, ''));
}

/** Matching key of a committee: case-folded, "&" ≡ "og", whitespace collapsed, no term suffix. */
export function normalizeOrganizationName(name: string): string {
  return foldSpace(
    stripTermSuffix(name)
      .toLocaleLowerCase('da-DK')
      .replace(/\s*&\s*/gu, ' og '),
  );
}

/** Matching key of a person: case-folded, whitespace collapsed (party and role are separate fields). */
export function normalizePersonName(name: string): string {
  return foldSpace(name).toLocaleLowerCase('da-DK');
}

export interface BodyIdentity {
  name: string;
  slug: string;
}

/**
 * The municipality from a printed or given name. "Lejre" and "Lejre Kommune" are the same
 * body, so a bare name gets " Kommune" and the slug is built from the full name (the demo's
 * "demo-kommune" has the same shape). Null when nothing usable was given.
 */
export function bodyIdentity(raw: string | null | undefined): BodyIdentity | null {
  if (!raw) return null;
  const printed = foldSpace(raw);
  if (slugify(printed) === '') return null;
  const bare = printed.replace(/\s+kommune$/iu, '');
  const name = /^(region|regionsrådet)\b/iu.test(bare) ? bare : `${bare} Kommune`;
  return { name, slug: slugify(name) };
}

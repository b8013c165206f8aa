// A decision's text as units (paragraphs, list entries, lines ending a label) and sentences,
// for the decision-data readers. Wrapped lines of a PDF are joined again; "1. …", "Ad 2)" and
// "- " start a unit of their own, and the numbering is kept apart: it says which point of the
// proposal the unit is about.

export interface Sentence {
  text: string;
  /** Index of the unit (paragraph) the sentence is in. */
  unit: number;
  /** The unit's numbering ("1", "1-2", "2.b"), or null. */
  number: string | null;
  /** Position in the whole text, in reading order. */
  index: number;
}

const numberingRe = /^(?:ad\s+)?(\d{1,2}(?:\.\d{1,2})*[a-z]?)(?:\s*[.)]|\s*(?=[-–]))(?:\s*[-–]\s*(\d{1,2})[.)]?)?\s+(?=\S)/iu;
const bulletRe = /^(?:[-–•*▪◦·])\s+/u;
/** A list entry, a numbered point, or a label ("Imod stemte:", "Fraværende:") starts a unit. */
const startsUnitRe = /^(?:[-–•*▪◦·]\s|(?:[Aa]d\s+)?\d{1,2}(?:\.\d{1,2})*[a-z]?[.)]\s|\p{Lu}[\p{L} ]{1,40}:(?:\s|$))/u;

/** Text → units: blank lines end a unit; so does a line ending a sentence or a label, or a short line; a list entry starts one. */
export function units(text: string): string[] {
  const out: string[] = [];
  for (const para of text.split(/\n\s*\n/u)) {
    let cur = '';
    let prev = '';
    let inList = false;
    for (const raw of para.split('\n')) {
      const line = raw.replace(/\s+/g, ' ').trim();
      if (line === '') continue;
      // A short line before a capital is a heading or a list entry, not a wrapped line.
      const short = prev.length < 40 && /^[\p{Lu}(]/u.test(line);
      if (cur !== '' && (inList || short || /[:.!?”"]$/u.test(prev) || startsUnitRe.test(line))) {
        out.push(cur);
        cur = '';
      }
      cur = cur === '' ? line : `${cur} ${line}`;
      if (/:$/.test(line)) inList = true;
      prev = line;
    }
    if (cur !== '') out.push(cur);
  }
  return out;
}

/** A unit's numbering removed: "1.-2. V og A undlader." → number "1-2" and "V og A undlader.". */
export function splitNumbering(unit: string): { number: string | null; text: string } {
  const m = numberingRe.exec(unit);
  if (m) return { number: m[2] ? `${m[1]}-${m[2]}` : m[1]!, text: unit.slice(m[0].length) };
  return { number: null, text: unit.replace(bulletRe, '') };
}

const abbreviations = new Set([
  'pkt',
  'nr',
  'jf',
  'ca',
  'mio',
  'mia',
  'kr',
  'stk',
  'evt',
  'inkl',
  'ekskl',
  'vedr',
  'dvs',
  'mht',
  'kl',
  'tlf',
  'bl.a',
  'f.eks',
  'm.fl',
  'o.l',
  'hhv',
  'iht',
  'pga',
  'vha',
]);

/** Sentences of a unit: split after ".", "!" or "?" before a capital or "(", not after an initial or an abbreviation. */
export function sentencesOf(unit: string): string[] {
  const out: string[] = [];
  let from = 0;
  for (const m of unit.matchAll(/[.!?]+["”]?\s+(?=[\p{Lu}(„"”])/gu)) {
    const end = m.index + m[0].length;
    const before = unit.slice(from, m.index + 1);
    const token = /(\S+)$/u.exec(before)?.[1] ?? '';
    const bare = token.replace(/[.!?"”]+$/u, '').toLowerCase();
    // "John T. Olsen", "pkt. 3", "1. behandling": no sentence ends there.
    if (/^\p{Lu}\.$/u.test(token) || abbreviations.has(bare) || /^\d{1,3}\.$/u.test(token)) continue;
    out.push(unit.slice(from, end).trim());
    from = end;
  }
  const rest = unit.slice(from).trim();
  if (rest !== '') out.push(rest);
  return out;
}

/** Every sentence of a text with its unit and numbering. */
export function sentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  units(text).forEach((u, unit) => {
    const { number, text: body } = splitNumbering(u);
    for (const s of sentencesOf(body)) out.push({ text: s, unit, number, index: out.length });
  });
  return out;
}

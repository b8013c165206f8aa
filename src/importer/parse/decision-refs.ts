// Who a decision sentence names: party letters ("(A)", "A"), party names ("Enhedslisten"),
// members with their letter ("Ivan Mott (V)") and members of the meeting's participant list.
// Pure. A list is read only when every part of it is one of these: anything else (a body,
// "Udvalget", a pronoun) makes the sentence ambiguous, and it stays in the text only.
import type { ParsedParticipant } from '../model.js';

export type Ref = { kind: 'party'; party: string | null; printed: string } | { kind: 'member'; name: string; party: string | null };

/** The national lists' names as minutes print them, with their letters. */
const partyNames: Record<string, string> = {
  socialdemokratiet: 'A',
  socialdemokraterne: 'A',
  'radikale venstre': 'B',
  'det radikale venstre': 'B',
  'det konservative folkeparti': 'C',
  'konservative folkeparti': 'C',
  'de konservative': 'C',
  konservative: 'C',
  'nye borgerlige': 'D',
  'socialistisk folkeparti': 'F',
  sf: 'F',
  'liberal alliance': 'I',
  kristendemokraterne: 'K',
  moderaterne: 'M',
  'dansk folkeparti': 'O',
  venstre: 'V',
  danmarksdemokraterne: 'Æ',
  enhedslisten: 'Ø',
  alternativet: 'Å',
};
const partyNameRe = new RegExp(
  `^(?:${Object.keys(partyNames)
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/ /g, '\\s+'))
    .join('|')})(?![\\p{L}\\p{N}])`,
  'iu',
);

const fold = (s: string): string => s.toLocaleLowerCase('da-DK').replace(/[.]/g, '').replace(/\s+/g, ' ').trim();

/** The meeting's participants, for matching printed names ("Maria Holdt Witthøft" → "Maria Witthøft"). */
export class Roster {
  private readonly people: { name: string; party: string | null; key: string; tokens: string[] }[];

  constructor(participants: readonly Pick<ParsedParticipant, 'name' | 'party'>[]) {
    this.people = participants
      .filter((p) => p.name.trim() !== '')
      .map((p) => ({ name: p.name.replace(/\s+/g, ' ').trim(), party: p.party, key: fold(p.name), tokens: fold(p.name).split(' ') }));
  }

  /** The participant a printed name means, when exactly one fits: same name, or same first and last name. */
  find(printed: string): { name: string; party: string | null } | null {
    const key = fold(printed);
    const exact = this.people.filter((p) => p.key === key);
    if (exact.length === 1) return exact[0]!;
    const t = key.split(' ');
    if (t.length < 2) return null;
    const ends = this.people.filter((p) => p.tokens.length >= 2 && p.tokens[0] === t[0] && p.tokens.at(-1) === t.at(-1));
    return ends.length === 1 ? ends[0]! : null;
  }

  /** The longest participant name printed at the start of `text` (names printed without a party letter). */
  nameAt(text: string): string | null {
    let best: string | null = null;
    for (const p of this.people) {
      if (p.name.length <= (best?.length ?? 0)) continue;
      if (text.startsWith(p.name) && !/^[\p{L}\p{N}]/u.test(text.slice(p.name.length))) best = p.name;
    }
    return best;
  }
}

const word = String.raw`\p{Lu}[\p{L}'’-]*\.?`;
const nameWithPartyRe = new RegExp(String.raw`^(${word}(?:\s+(?:${word}|af|de|la|van|von))*?)\s*\(([A-ZÆØÅ]{1,3})\)`, 'u');
const partyParenRe = /^\(([A-ZÆØÅ]{1,3})\)/u;
const bareLetterRe = /^([A-ZÆØÅ]{1,3})(?![\p{L}\p{N}(])/u;
const separatorRe = /^(?:\s*,\s*(?:og\s+|samt\s+)?|\s+og\s+|\s+samt\s+|\s*&\s*)/u;

/** One reference at the start of `text`, and how many characters it took. */
function refAt(text: string, roster: Roster): { ref: Ref; length: number } | null {
  let m = partyParenRe.exec(text);
  if (m) return { ref: { kind: 'party', party: m[1]!, printed: m[1]! }, length: m[0].length };
  m = partyNameRe.exec(text);
  if (m) {
    const printed = m[0].replace(/\s+/g, ' ');
    // "Det Konservative Folkeparti (C)": the letter printed after the name belongs to it.
    const letter = /^\s*\(([A-ZÆØÅ]{1,3})\)/u.exec(text.slice(m[0].length));
    const party = letter?.[1] ?? partyNames[fold(printed)] ?? null;
    return { ref: { kind: 'party', party, printed }, length: m[0].length + (letter?.[0].length ?? 0) };
  }
  m = nameWithPartyRe.exec(text);
  if (m) {
    const printed = m[1]!.replace(/\s+/g, ' ');
    // Up to six words: a longer run of capitalised words is a sentence, not a name.
    if (printed.split(' ').length <= 6) {
      const known = roster.find(printed);
      return { ref: { kind: 'member', name: known?.name ?? printed, party: m[2]! }, length: m[0].length };
    }
  }
  const listed = roster.nameAt(text);
  if (listed) {
    const known = roster.find(listed);
    return { ref: { kind: 'member', name: listed, party: known?.party ?? null }, length: listed.length };
  }
  m = bareLetterRe.exec(text);
  if (m) return { ref: { kind: 'party', party: m[1]!, printed: m[1]! }, length: m[0].length };
  return null;
}

/** Words before a list that say nothing of who: "Et flertal bestående af", "Partierne", "Medlemmet". */
const leadRe =
  /^(?:(?:et|der\s+var\s+et)\s+(?:enigt\s+)?(?:flertal|mindretal)\s*(?:bestående\s+af|[(:]|$)\s*|(?:partierne|partiet|medlemmerne|medlemmet|gruppen|grupperne|byrådsmedlem(?:met)?|udvalgsmedlem(?:met)?)\s+)/iu;

/** References from the start of `text` while they are separated by ",", "og", "samt": the refs and where the list ends. */
export function scanRefs(text: string, roster: Roster): { refs: Ref[]; end: number } {
  let pos = 0;
  const lead = leadRe.exec(text);
  if (lead) pos = lead[0].length;
  const refs: Ref[] = [];
  let end = 0;
  for (;;) {
    const r = refAt(text.slice(pos), roster);
    if (!r) break;
    refs.push(r.ref);
    pos += r.length;
    // "Et flertal (A, V)": the closing parenthesis of the lead.
    if (lead && /^\s*\)/.test(text.slice(pos)) && /\($/.test(lead[0].trim())) pos += /^\s*\)/.exec(text.slice(pos))![0].length;
    end = pos;
    const sep = separatorRe.exec(text.slice(pos));
    if (!sep) break;
    pos += sep[0].length;
  }
  return { refs: dedupe(refs), end };
}

/** The references of a whole subject ("(Ø) og (F)", "Liselott Blixt (UP)"), or null when any part is something else. */
export function refList(text: string, roster: Roster): Ref[] | null {
  const t = text.trim().replace(/[.:;,]+$/u, '');
  if (t === '') return null;
  const { refs, end } = scanRefs(t, roster);
  return refs.length > 0 && t.slice(end).trim() === '' ? refs : null;
}

function dedupe(refs: Ref[]): Ref[] {
  const seen = new Set<string>();
  return refs.filter((r) => {
    const k = refKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export const refKey = (r: Ref): string => (r.kind === 'party' ? `p:${r.party ?? r.printed}` : `m:${fold(r.name)}`);

/** The label the meeting room writes: letters as printed, members as "Name (X)". */
export function refLabel(r: Ref): string {
  if (r.kind === 'party') return r.printed;
  return r.party ? `${r.name} (${r.party})` : r.name;
}

/**
 * A reference as a member record. A party alone ("(Ø)", "Enhedslisten kunne ikke tiltræde")
 * is recorded with the party as printed for its name and its letter as party: the minutes
 * name no member, and no member is invented for it.
 */
export function refMember(r: Ref): { name: string; party: string | null } {
  return r.kind === 'party' ? { name: r.printed, party: r.party } : { name: r.name, party: r.party };
}

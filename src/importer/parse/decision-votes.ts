// Votes in a decision's sentences: counts ("Godkendt med 42 stemmer mod 4", "Med stemmerne 11
// for og 9 imod", "8 medlemmer undlod at stemme") and who voted how ("For stemte: A, V",
// "(Ø) og (F) stemte imod", "Et flertal bestående af A, V og F stemte for", "V og A undlader").
// Pure. Statements are gathered into ballots; a text that holds more than one ballot (an
// amendment voted on beside the proposal, numbered points voted apart) is ambiguous as one
// item's vote, and its votes stay in the text only.
import type { VoteChoice } from '../../domain/agenda-item.js';
import { type Ref, type Roster, refKey, refLabel, refList, scanRefs } from './decision-refs.js';

export interface VoteStatement {
  choice: VoteChoice;
  refs: Ref[];
  /** "For stemte: …" (labelled) rather than "(A) stemte for" (subject first). */
  labelled: boolean;
  /** A labelled choice with nothing after its colon: the names follow on the next lines. */
  open: boolean;
  /** What the sentence says after the names or the verb, as printed ("med bemærkning om, at …"). */
  remark: string;
  /** The predicate as printed, from the verb on, for a dissent ("stemte imod med bemærkning …"). */
  predicate: string;
}

export interface CountStatement {
  counts: Partial<Record<VoteChoice, number>>;
  /** Names printed with the counts ("3 stemmer (A, F) mod 6 (V, C, O)"). */
  refs: Partial<Record<VoteChoice, Ref[]>>;
}

const subjectVerbRe =
  /(?<![\p{L}])(?:(?:stemte|stemmer|stemmede)\s+(for|imod|ja|nej|hverken\s+for\s+eller\s+imod|blankt)(?![\p{L}])|(undlod\s+at\s+(?:stemme|tage\s+stilling)|undlader(?:\s+at\s+(?:stemme|tage\s+stilling))?|undlod(?!\s+at\s)|afstod\s+fra\s+at\s+stemme)(?![\p{L}]))/giu;

const labelRe =
  /^(?:(for|imod)\s+stemte|stemte\s+(for|imod)|(undlod\s+at\s+stemme|undlod|undlader|hverken\s+for\s+eller\s+imod|stemte\s+hverken\s+for\s+eller\s+imod|blanke?\s+stemmer))(?:\s*:\s*|\s+(?=\(|\p{Lu}))/iu;

function choiceOf(word: string): VoteChoice {
  const w = word.toLowerCase();
  if (w === 'for' || w === 'ja') return 'for';
  if (w === 'imod' || w === 'nej') return 'against';
  return 'abstain';
}

/** Markers of a reason given with the vote: such an against-vote is the minority's statement. */
export const reasonRe =
  /\bmed\s+(?:den\s+|følgende\s+)?bemærkning|\bmed\s+(?:et\s+)?ønske\s+om|\bmed\s+(?:den\s+)?begrundelse|(?:^|[\s,])(?:da|idet|fordi)\s/iu;

/** The vote statements of one sentence (numbering already removed); [] when it states none. */
export function voteStatements(sentence: string, roster: Roster): VoteStatement[] {
  const s = sentence.trim();
  const label = labelRe.exec(s);
  if (label) {
    const choice = choiceOf(label[1] ?? label[2] ?? label[3] ?? '');
    const rest = s.slice(label[0].length);
    const { refs, end } = scanRefs(rest, roster);
    const remark = rest
      .slice(end)
      .replace(/^[\s,.;]+/u, '')
      .trim();
    if (refs.length === 0) {
      // "For stemte:" alone: the names are on the lines that follow.
      const open = /:\s*$/.test(label[0]) && rest.trim() === '';
      return open ? [{ choice, refs: [], labelled: true, open, remark: '', predicate: '' }] : [];
    }
    // The list must end the sentence or give way to a remark; "Stemte for at …" is no list.
    if (remark !== '' && !/^(?:med\b|da\b|idet\b|fordi\b|,|at\b|til\b)/iu.test(rest.slice(end).replace(/^\s+/u, ''))) return [];
    return [{ choice, refs, labelled: true, open: false, remark, predicate: remark }];
  }
  const out: VoteStatement[] = [];
  let cursor = 0;
  for (const m of s.matchAll(subjectVerbRe)) {
    const before = s.slice(cursor, m.index);
    const subject = out.length === 0 ? before : (/^\s*,?\s*(?:og|mens|medens|samt|,)\s+(.*)$/su.exec(before)?.[1] ?? null);
    const refs = subject === null ? null : refList(subject, roster);
    if (!refs) break; // Not a subject: the words belong to the previous statement's remark.
    out.push({ choice: choiceOf(m[1] ?? m[2] ?? ''), refs, labelled: false, open: false, remark: '', predicate: '' });
    cursor = m.index + m[0].length;
    const last = out.at(-1)!;
    last.predicate = s.slice(m.index).trim();
  }
  if (out.length > 0) {
    const last = out.at(-1)!;
    last.remark = s
      .slice(cursor)
      .replace(/^[\s,.;]+/u, '')
      .trim();
    // Earlier statements of a compound sentence end where the next subject starts.
    for (let i = 0; i < out.length - 1; i++) out[i]!.predicate = out[i]!.predicate.split(/,?\s+(?:og|mens|medens|samt)\s+/u)[0] ?? '';
  }
  return out;
}

const num = String.raw`(\d{1,3})`;
const paren = String.raw`(?:\s*\(([^()]{1,80})\))?`;
const countPatterns: { re: RegExp; map: (m: RegExpExecArray) => [VoteChoice, string | undefined, string | undefined][] }[] = [
  // "med stemmerne 11 for og 9 imod", "med stemmer 19 for, 1 imod og 2 undlod"
  {
    re: new RegExp(
      String.raw`stemmer(?:ne)?\s+${num}\s+for${paren}(?:\s*(?:,|og)\s*${num}\s+imod${paren})?(?:\s*(?:,|og)\s*${num}\s+(?:undlod|undlader|hverken|blanke?))?`,
      'iu',
    ),
    map: (m) => [
      ['for', m[1], m[2]],
      ['against', m[3], m[4]],
      ['abstain', m[5], undefined],
    ],
  },
  // "med 42 stemmer mod 4", "med 3 stemmer (A, F) mod 6 (V, C, O)", "med 7 stemmer for og 2 imod"
  {
    re: new RegExp(String.raw`${num}\s+stemmer?(?:\s+for)?${paren}\s*(?:mod|og|,)\s*${num}(?:\s+stemmer?)?(?:\s+imod)?${paren}`, 'iu'),
    map: (m) => [
      ['for', m[1], m[2]],
      ['against', m[3], m[4]],
    ],
  },
  // "med 42 mod 4 stemmer"
  {
    re: new RegExp(String.raw`med\s+${num}\s+mod\s+${num}\s+stemmer`, 'iu'),
    map: (m) => [
      ['for', m[1], undefined],
      ['against', m[2], undefined],
    ],
  },
  // "5 for, 2 imod og 1 undlod" (only in a sentence that speaks of votes)
  {
    re: new RegExp(String.raw`(?<![\d.,])${num}\s+for\s*(?:,|og)\s*${num}\s+imod(?:\s*(?:,|og)\s*${num}\s+(?:undlod|undlader|hverken|blanke?))?`, 'iu'),
    map: (m) => [
      ['for', m[1], undefined],
      ['against', m[2], undefined],
      ['abstain', m[3], undefined],
    ],
  },
];
const singleCounts: [VoteChoice, RegExp][] = [
  ['for', new RegExp(String.raw`(?<![\d.,])${num}\s+(?:medlemmer\s+)?stemte\s+for(?![\p{L}])`, 'iu')],
  ['against', new RegExp(String.raw`(?<![\d.,])${num}\s+(?:medlemmer\s+)?stemte\s+imod(?![\p{L}])`, 'iu')],
  ['abstain', new RegExp(String.raw`(?<![\d.,])${num}\s+(?:medlemmer\s+)?(?:undlod|undlader|afstod\s+fra)(?:\s+at\s+stemme)?(?![\p{L}])`, 'iu')],
];

/** The counts a sentence prints, or null when it prints none. */
export function countStatement(sentence: string, roster: Roster): CountStatement | null {
  if (!/stem|undl/iu.test(sentence)) return null;
  const out: CountStatement = { counts: {}, refs: {} };
  for (const p of countPatterns) {
    const m = p.re.exec(sentence);
    if (!m) continue;
    for (const [choice, n, names] of p.map(m)) {
      if (n === undefined || out.counts[choice] !== undefined) continue;
      out.counts[choice] = Number(n);
      const refs = names === undefined ? null : refList(names.replace(/\s*,\s*/g, ', '), roster);
      if (refs) out.refs[choice] = refs;
    }
    break;
  }
  for (const [choice, re] of singleCounts) {
    const m = re.exec(sentence);
    if (m && out.counts[choice] === undefined) out.counts[choice] = Number(m[1]);
  }
  return Object.keys(out.counts).length > 0 ? out : null;
}

export type VoteEvent = { kind: 'count'; count: CountStatement; number: string | null } | { kind: 'vote'; vote: VoteStatement; number: string | null };

interface Ballot {
  number: string | null;
  counts: Partial<Record<VoteChoice, number>>;
  refs: Record<VoteChoice, Ref[]>;
  labelled: Set<VoteChoice>;
  empty: boolean;
}

const newBallot = (): Ballot => ({ number: null, counts: {}, refs: { for: [], against: [], abstain: [] }, labelled: new Set(), empty: true });
const choices: readonly VoteChoice[] = ['for', 'against', 'abstain'];

function conflicts(b: Ballot, e: VoteEvent): boolean {
  if (b.empty) return false;
  if (e.number !== null && b.number !== null && e.number !== b.number) return true;
  if (e.number !== null && b.number === null) return true;
  const named = new Set(choices.flatMap((c) => b.refs[c].map(refKey)));
  if (e.kind === 'count') {
    return choices.some((c) => e.count.counts[c] !== undefined && b.counts[c] !== undefined && b.counts[c] !== e.count.counts[c]);
  }
  if (e.vote.labelled && b.labelled.has(e.vote.choice)) return true;
  return e.vote.refs.some((r) => named.has(refKey(r)));
}

function add(b: Ballot, e: VoteEvent): void {
  b.empty = false;
  b.number ??= e.number;
  if (e.kind === 'count') {
    for (const c of choices) {
      if (e.count.counts[c] !== undefined) b.counts[c] = e.count.counts[c];
      b.refs[c].push(...(e.count.refs[c] ?? []));
    }
  } else {
    if (e.vote.labelled) b.labelled.add(e.vote.choice);
    b.refs[e.vote.choice].push(...e.vote.refs);
  }
}

/** The item's votes from its vote events in printed order: one ballot's, or none when there are several. */
export function ballotVotes(events: readonly VoteEvent[]): { choice: VoteChoice; label: string; count: number | null }[] {
  const ballots: Ballot[] = [newBallot()];
  for (const e of events) {
    if (e.kind === 'vote' && e.vote.refs.length === 0) continue;
    if (conflicts(ballots.at(-1)!, e)) ballots.push(newBallot());
    add(ballots.at(-1)!, e);
  }
  const real = ballots.filter((b) => !b.empty);
  if (real.length !== 1) return [];
  const b = real[0]!;
  const out: { choice: VoteChoice; label: string; count: number | null }[] = [];
  for (const c of choices) {
    const seen = new Set<string>();
    const labels = b.refs[c].filter((r) => !seen.has(refKey(r)) && seen.add(refKey(r))).map(refLabel);
    const count = b.counts[c] ?? null;
    if (labels.length > 0 || count !== null) out.push({ choice: c, label: labels.join(', '), count });
  }
  return out;
}

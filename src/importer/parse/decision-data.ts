// Decisions as data: the votes, dissents, disqualifications and per-item absences a decision
// prints in its text, as the records the meeting room writes (domain/agenda-item.ts). Pure, no
// I/O; used by the text/PDF parser and the structured readers whose decision fields are text.
// It never invents: a sentence is read only when every name in it is a party letter, a party
// or a member, and a text with several ballots keeps its votes in the text. The decision text
// itself is not changed — the records are extra data beside it.
import type { ParsedItem, ParsedParticipant } from '../model.js';
import { absenceNames } from './item-fields.js';
import { type Ref, Roster, refKey, refList, refMember } from './decision-refs.js';
import { type Sentence, sentences } from './decision-sentences.js';
import { type VoteEvent, ballotVotes, countStatement, reasonRe, voteStatements } from './decision-votes.js';

type Vote = NonNullable<ParsedItem['votes']>[number];
type Dissent = NonNullable<ParsedItem['dissents']>[number];
type Disqualified = NonNullable<ParsedItem['disqualified']>[number];

export interface DecisionData {
  votes: Vote[];
  dissents: Dissent[];
  disqualified: Disqualified[];
  /** Printed names absent for the item, as ParsedItem.absent holds them. */
  absent: string[];
}

/** Keywords of every reader below: a text without any of them is not read further. */
const anyRe = /stem|undl|forbehold|tiltræd|støtte|protokol|mindretal|inhabil|deltog|fravær|afbud|til stede|forlod|forfald/iu;

const dissentVerbRe =
  /(?<![\p{L}])(?:(?:tog|tager|tage)\s+(?:et\s+)?(?:generelt\s+)?forbehold|(?:kunne|kan)\s+ikke\s+(?:tiltræde|støtte)|ønsked?e\s+(?:at\s+tage\s+forbehold|(?:sin|sit|deres|hans|hendes)\s+(?:stemme|holdning|standpunkt|mindretalsudtalelse|bemærkning)\s+(?:ført|tilført)\s+(?:til\s+)?protokol|(?:følgende\s+)?(?:ført|tilført)\s+(?:til\s+)?protokol|en\s+(?:protokolbemærkning|protokoltilførsel|mindretalsudtalelse))|afgav\s+(?:følgende\s+)?(?:en\s+)?(?:mindretalsudtalelse|protokolbemærkning|protokoltilførsel)|fik\s+(?:følgende\s+)?(?:ført|tilført)\s+(?:til\s+)?protokol)/iu;
const dissentHeadingRe = /^(?:mindretalsudtalelser?|protokolbemærkning(?:er)?|protokoltilførsel(?:er)?)\s*:?$/iu;
const dissentLabelRe = /^(?:mindretalsudtalelse|protokolbemærkning|protokoltilførsel)(?:\s+fra\s+([^:]{1,160}?))?\s*:\s*(.*)$/iu;

const selfDisqualifiedRe = /(?<![\p{L}])(?:erklærede\s+sig|meldte\s+sig|anmeldte\s+sig|blev\s+erklæret|var|er|blev)\s+(?:for\s+)?inhabile?(?![\p{L}])/iu;
const declaredRe = /(?<![\p{L}])erklærede\s+(?!sig\s)(.{2,160}?)\s+(?:for\s+)?inhabile?(?![\p{L}])/iu;
const labelDisqualifiedRe = /^(?:inhabilitet|inhabil|inhabile)\s*:\s*(.+?)(?:\s+[-–]\s+(.*))?$/iu;
const leftForDisqualificationRe =
  /(?<![\p{L}])(?:deltog\s+ikke|forlod\s+(?:mødet|lokalet))(?![\p{L}]).{0,120}?(?:på\s+grund\s+af|pga\.?|grundet|som\s+følge\s+af)\s+(?:sin\s+|hans\s+|hendes\s+)?inhabilitet/iu;
const toldRe =
  /^(.{2,160}?)\s+(?:gjorde\s+opmærksom\s+på|oplyste|meddelte|tilkendegav),?\s+at\s+(?:han|hun|vedkommende|de)\s+(?:var|er)\s+inhabile?(?![\p{L}])/iu;
const questionRe = /^(.{2,160}?)\s+spurgte\b.{0,80}?\b(?:om|hvorvidt)\s+(?:han|hun|vedkommende|.{2,120}?)\s+(?:var|er|kunne\s+være)\s+inhabil/iu;
const cannotTakePartRe =
  /(?<![\p{L}])(?:erklærede|besluttede|fandt),?\s+at\s+(.{2,160}?)\s+ikke\s+(?:kan|kunne|måtte)\s+deltage\s+i\s+(?:sagens|punktets)\s+behandling/iu;
const reasonClauseRe = /(?:^|[\s,])(?:da|idet|fordi|grundet|på\s+grund\s+af|pga\.?|som\s+følge\s+af)\s+(.{3,300}?)[.\s]*$/iu;

/** "Afbud fra X (A)" and "Fraværende X" without a colon read as the labelled forms. */
const unlabelledAbsenceRe = /^(Afbud\s+fra|Fraværende)\s+(?=\p{Lu}|\()/u;

/** A person's name as printed: capitalised words (absenceNames keeps whatever precedes "deltog ikke"). */
const nameRe = /^\p{Lu}[\p{L}'’.-]*(?:\s(?:\p{Lu}[\p{L}'’.-]*|af|de|la|van|von)){0,5}$/u;

const clean = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** A quotation opened in a sentence runs on over the next sentences of its unit until it closes. */
function withQuote(text: string, s: Sentence, all: readonly Sentence[]): string {
  const open = (t: string) => (t.match(/["”“]/gu) ?? []).length % 2 === 1 || (t.match(/«/gu) ?? []).length > (t.match(/»/gu) ?? []).length;
  let out = text;
  for (const next of all.filter((x) => x.unit === s.unit && x.index > s.index)) {
    if (!open(out)) break;
    out = `${out} ${next.text}`;
  }
  return out;
}

function reasonOf(text: string): string | null {
  const m = reasonClauseRe.exec(text);
  return m ? clean(m[1]!).replace(/[.]$/u, '') : null;
}

/** The disqualified members one sentence declares, with the reason it gives; the questions asked are noted. */
function disqualifiedIn(s: string, roster: Roster, questions: Map<string, string | null>): { refs: Ref[]; reason: string | null }[] {
  if (!/inhabil|deltage\s+i\s+(?:sagens|punktets)/iu.test(s)) return [];
  if (/(?<![\p{L}])ikke\s+inhabil/iu.test(s)) return [];
  const q = questionRe.exec(s);
  if (q) {
    const refs = refList(q[1]!, roster);
    for (const r of refs ?? []) questions.set(refKey(r), reasonOf(s));
    return [];
  }
  const label = labelDisqualifiedRe.exec(s);
  if (label) {
    const refs = refList(label[1]!, roster);
    return refs ? [{ refs, reason: label[2] ? clean(label[2]).replace(/[.]$/u, '') : null }] : [];
  }
  const declared = declaredRe.exec(s);
  if (declared) {
    const refs = refList(declared[1]!, roster);
    return refs ? [{ refs, reason: reasonOf(s.slice(declared.index + declared[0].length)) }] : [];
  }
  const told = toldRe.exec(s);
  if (told) {
    const refs = refList(told[1]!, roster);
    return refs ? [{ refs, reason: reasonOf(s.slice(told[0].length)) }] : [];
  }
  const self = selfDisqualifiedRe.exec(s) ?? leftForDisqualificationRe.exec(s);
  if (self) {
    const refs = refList(s.slice(0, self.index), roster);
    return refs ? [{ refs, reason: reasonOf(s.slice(self.index + self[0].length)) }] : [];
  }
  // "Udvalget erklærede, at X ikke kan deltage i sagens behandling" — after X asked whether X was disqualified.
  const cannot = cannotTakePartRe.exec(s);
  if (cannot) {
    const refs = refList(cannot[1]!, roster)?.filter((r) => questions.has(refKey(r))) ?? [];
    return refs.length > 0 ? [{ refs, reason: null }] : [];
  }
  return [];
}

/** A dissent stated in a sentence: "(Ø) tog forbehold for …", "X kunne ikke tiltræde …", "Mindretalsudtalelse fra X: …". */
function dissentIn(s: Sentence, all: readonly Sentence[], roster: Roster): { refs: Ref[]; text: string } | null {
  // What follows a closing colon ("… ønskede følgende ført til protokols:") is on the next unit.
  const withNext = (text: string): string => {
    if (!/:\s*$/.test(text)) return text;
    const next = all.filter((x) => x.unit === s.unit + 1).map((x) => x.text);
    return next.length > 0 ? `${text} ${next.join(' ')}` : text;
  };
  const rest = all
    .filter((x) => x.unit === s.unit && x.index >= s.index)
    .map((x) => x.text)
    .join(' ');
  // "Mindretalsudtalelse" as a heading, then "Jens Hansen (Ø): …".
  const underHeading = all.some((x) => x.unit < s.unit && dissentHeadingRe.test(x.text));
  const entry = underHeading ? /^([^:]{2,160}):\s*(\S.*)$/u.exec(rest) : null;
  const entryRefs = entry ? refList(entry[1]!, roster) : null;
  if (entry && entryRefs) return { refs: entryRefs, text: clean(entry[2]!) };
  const label = dissentLabelRe.exec(s.text);
  if (label && label[1]) {
    const refs = refList(label[1], roster);
    const text = clean(withNext(rest.slice(rest.indexOf(':') + 1)));
    return refs && text !== '' ? { refs, text } : null;
  }
  const m = dissentVerbRe.exec(s.text);
  if (!m) return null;
  const refs = refList(s.text.slice(0, m.index), roster);
  if (!refs) return null;
  return { refs, text: clean(withNext(rest.slice(m.index))) };
}

/** The records one decision text holds; `participants` names the meeting's members when known. */
export function decisionData(text: string, participants: readonly Pick<ParsedParticipant, 'name' | 'party'>[] = []): DecisionData {
  const out: DecisionData = { votes: [], dissents: [], disqualified: [], absent: [] };
  if (!anyRe.test(text)) return out;
  const roster = new Roster(participants);
  const all = sentences(text);
  const questions = new Map<string, string | null>();
  const events: { at: number; event: VoteEvent }[] = [];
  const dissents: { at: number; key: string; dissent: Dissent }[] = [];
  const addDissent = (at: number, r: Ref, text: string) => {
    const key = `${refKey(r)}\u0000${text}`;
    if (!dissents.some((d) => d.key === key)) dissents.push({ at, key, dissent: { ...refMember(r), text } });
  };
  const disqualifiedKeys = new Set<string>();
  // A vote printed after someone asked whether they were disqualified, and before the answer,
  // is the vote on the disqualification, not on the case.
  let questionAt = -1;
  const disqualificationVotes: [number, number][] = [];
  let open: VoteEvent | null = null;
  let openUnit = -1;
  for (const s of all) {
    // Names on the lines after "For stemte:".
    if (open?.kind === 'vote' && s.unit > openUnit) {
      const refs = refList(s.text, roster);
      if (refs) {
        open.vote.refs.push(...refs);
        openUnit = s.unit;
        continue;
      }
      open = null;
    }
    const asked = questions.size;
    const disq = disqualifiedIn(s.text, roster, questions);
    if (questions.size > asked && questionAt < 0) questionAt = s.index;
    if (disq.length > 0) {
      if (questionAt >= 0) disqualificationVotes.push([questionAt, s.index]);
      questionAt = -1;
      for (const d of disq) {
        for (const r of d.refs) {
          if (disqualifiedKeys.has(refKey(r))) continue;
          disqualifiedKeys.add(refKey(r));
          out.disqualified.push({ ...refMember(r), reason: d.reason ?? questions.get(refKey(r)) ?? null });
        }
      }
      continue;
    }
    const count = countStatement(s.text, roster);
    if (count) events.push({ at: s.index, event: { kind: 'count', count, number: s.number } });
    const votes = count ? [] : voteStatements(s.text, roster);
    for (const v of votes) {
      const event: VoteEvent = { kind: 'vote', vote: v, number: s.number };
      events.push({ at: s.index, event });
      if (v.open) {
        open = event;
        openUnit = s.unit;
      }
      // An against-vote with its reason is the minority's statement.
      if (v.choice === 'against' && reasonRe.test(v.remark)) for (const r of v.refs) addDissent(s.index, r, clean(withQuote(v.predicate, s, all)));
    }
    if (votes.length > 0 || count) continue;
    const dissent = dissentIn(s, all, roster);
    if (dissent) {
      for (const r of dissent.refs) addDissent(s.index, r, dissent.text);
      continue;
    }
    const names = absenceNames(s.text.replace(unlabelledAbsenceRe, '$1: '));
    for (const n of names ?? []) {
      if (!nameRe.test(n)) continue;
      const name = roster.find(n)?.name ?? n;
      if (!out.absent.includes(name)) out.absent.push(name);
    }
  }
  // Votes and statements given on a disqualification are none on the case.
  const onCase = (at: number) => !disqualificationVotes.some(([a, b]) => at > a && at < b);
  out.votes = ballotVotes(events.filter((e) => onCase(e.at)).map((e) => e.event));
  out.dissents = dissents.filter((d) => onCase(d.at)).map((d) => d.dissent);
  return out;
}

/** Headings of sections that print votes or statements apart from the decision. */
const votingSectionRe = /^(?:afstemning(?:sresultat)?|mindretalsudtalelser?|protokoltilførsel(?:er)?|protokolbemærkning(?:er)?|forbehold)\s*:?$/iu;

/** Sections printed after the decision under a voting heading ("Afstemning", "Mindretalsudtalelse"). */
function votingSections(item: ParsedItem): string[] {
  const from = item.sections.findIndex((s) => s.kind === 'decision');
  if (from < 0) return [];
  return item.sections
    .slice(from + 1)
    .filter((s) => s.kind === 'other' && votingSectionRe.test(s.heading.trim()))
    .map((s) => s.text);
}

/**
 * Fills the items' votes, dissents, disqualifications and absences from their decision text
 * (and the voting sections after it). Records a source states itself are kept; an agenda item
 * without a decision has none to read (votes printed in its history or its case presentation
 * are other bodies' and stay there).
 */
export function addDecisionData(items: ParsedItem[], participants: readonly Pick<ParsedParticipant, 'name' | 'party'>[]): void {
  for (const item of items) {
    if (item.decision === null || !item.public) continue;
    const extra = votingSections(item);
    const data = decisionData([item.decision, ...extra].join('\n\n'), participants);
    if (data.votes.length > 0 && !item.votes?.length) item.votes = data.votes;
    if (data.dissents.length > 0 && !item.dissents?.length) item.dissents = data.dissents;
    if (data.disqualified.length > 0 && !item.disqualified?.length) item.disqualified = data.disqualified;
    const fold = (n: string) => n.toLocaleLowerCase('da-DK').replace(/\s+/g, ' ');
    for (const n of data.absent) if (!item.absent.some((a) => fold(a) === fold(n))) item.absent.push(n);
  }
}

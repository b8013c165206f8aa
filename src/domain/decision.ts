// A decision on an agenda item as the secretary records it during or after the meeting: the
// decision text, who was not there for the item, who was disqualified (forvaltningsloven § 3,
// Styrelsesloven § 14), how they voted and the dissents of the minority (§ 13: "kort
// tilkendegivelse", protokoltilførsel). Pure rules: the service loads the attendance and calls
// `resolveDecision`, which validates the input and resolves party groups to members.
import type { VoteChoice } from './agenda-item.js';
import { DomainError } from './errors.js';
import type { OrganizationKind } from './organization.js';
import type { ConsultationRole } from './paper.js';

/** Suggestions for the decision field; any text is allowed. */
export const decisionQuickPicks = ['Godkendt', 'Indstillingen anbefales', 'Indstillingen tiltrådt', 'Taget til efterretning', 'Udsat'] as const;

/**
 * A quick pick added to what is typed, never in its place: an empty field gets the pick, a
 * field that already says it is left alone, else the pick follows on a new line (its own
 * paragraph). The meeting room's script applies the same rule in the browser.
 */
export function withQuickPick(typed: string, pick: string): string {
  if (pick === '') return typed;
  if (typed.trim() === '') return pick;
  if (typed.includes(pick)) return typed;
  return `${typed.replace(/\s+$/u, '')}\n${pick}`;
}

export const voteChoices = ['for', 'against', 'abstain'] as const satisfies readonly VoteChoice[];

export const voteChoiceLabel: Record<VoteChoice, string> = { for: 'For', against: 'Imod', abstain: 'Undlod at stemme' };

/** A member present at the meeting (attendance status present), with the party of their membership. */
export interface PresentMember {
  personId: string;
  name: string;
  party: string | null;
}

export interface VoteInput {
  choice: VoteChoice;
  /** Members who voted so (by name). */
  personIds?: readonly string[] | undefined;
  /** Party groups who voted so: letters as printed, "A", "V". */
  parties?: readonly string[] | undefined;
  /** How many; defaults to the number of members the vote names or its party groups resolve to. */
  count?: number | null | undefined;
}

export interface DecisionInput {
  decision: string;
  /** Present at the meeting, but not for this item. */
  absent?: readonly string[] | undefined;
  disqualified?: readonly { personId: string; reason?: string | null | undefined }[] | undefined;
  dissents?: readonly { personId: string; text?: string | null | undefined }[] | undefined;
  votes?: readonly VoteInput[] | undefined;
}

/** A member named on the item, with the name and party as they were at the meeting. */
export interface MemberNote {
  personId: string;
  name: string;
  party: string | null;
  /** Disqualification reason or dissent text. */
  text: string | null;
}

export interface ResolvedVote {
  choice: VoteChoice;
  /** As the minutes print it: "A, V", or names with party. */
  label: string;
  count: number | null;
  /** The person ids named by member (stored), or null for a vote by party or count only. */
  members: string[] | null;
  /** Everyone the vote covers: named members plus the present members of its party groups. */
  voters: string[];
}

export interface ResolvedDecision {
  decision: string;
  absences: MemberNote[];
  disqualifications: MemberNote[];
  dissents: MemberNote[];
  votes: ResolvedVote[];
  /** The choice that carried; null without votes. */
  winning: 'for' | 'against' | null;
}

export const DISSENT_MINORITY_ONLY = 'Der kan kun tages mindretalsudtalelse (protokoltilførsel) for medlemmer, der stemte imod flertallet';

const invalid = (message: string, where: string): DomainError => new DomainError('invalid_input', message, where);

/** "(A)", " a " → "A": party letters compared as printed, without parentheses. */
export function normalizeParty(party: string | null | undefined): string {
  return (party ?? '').replace(/[()]/gu, '').trim().toLocaleUpperCase('da-DK');
}

const withParty = (m: PresentMember): string => (m.party ? `${m.name} (${m.party})` : m.name);

/**
 * The winning choice: 'for' when more voted for than against; otherwise the proposal falls
 * ('against'), a tie included. Abstentions count for neither.
 */
export function winningChoice(votes: readonly { choice: VoteChoice; count: number | null; voters?: readonly string[] }[]): 'for' | 'against' | null {
  if (votes.length === 0) return null;
  const total = (choice: VoteChoice) => votes.filter((v) => v.choice === choice).reduce((sum, v) => sum + (v.count ?? v.voters?.length ?? 0), 0);
  return total('for') > total('against') ? 'for' : 'against';
}

/**
 * Validates a decision against who was present and resolves it for storage. Throws
 * invalid_input naming the field (`absent[1]`, `votes[0].personIds[2]`, `dissents[0].personId`).
 */
export function resolveDecision(input: DecisionInput, present: readonly PresentMember[]): ResolvedDecision {
  const decision = (input.decision ?? '').trim();
  if (decision === '') throw invalid('Skriv beslutningen', 'decision');

  const byId = new Map(present.map((m) => [m.personId, m]));
  const presentMember = (personId: string, where: string): PresentMember => {
    const m = byId.get(personId);
    if (!m) throw invalid('Personen er ikke registreret som til stede på mødet; registrér fremmødet først', where);
    return m;
  };
  const note = (m: PresentMember, text: string | null | undefined): MemberNote => ({
    personId: m.personId,
    name: m.name,
    party: m.party,
    text: text === undefined || text === null || text.trim() === '' ? null : text.trim(),
  });

  const absentIds = new Set<string>();
  const absences = (input.absent ?? []).map((personId, i) => {
    const m = presentMember(personId, `absent[${i}]`);
    if (absentIds.has(personId)) throw invalid(`${m.name} er nævnt to gange`, `absent[${i}]`);
    absentIds.add(personId);
    return note(m, null);
  });

  const disqualifiedIds = new Set<string>();
  const disqualifications = (input.disqualified ?? []).map((d, i) => {
    const where = `disqualified[${i}].personId`;
    const m = presentMember(d.personId, where);
    if (absentIds.has(d.personId)) throw invalid(`${m.name} deltog ikke i behandlingen af punktet og kan ikke også være inhabil`, where);
    if (disqualifiedIds.has(d.personId)) throw invalid(`${m.name} er nævnt to gange`, where);
    disqualifiedIds.add(d.personId);
    return note(m, d.reason);
  });

  // Who may vote on the item: present at the meeting, there for the item and not disqualified.
  const mayVote = (personId: string, where: string): PresentMember => {
    const m = presentMember(personId, where);
    if (absentIds.has(personId)) throw invalid(`${m.name} deltog ikke i behandlingen af punktet og kan ikke stemme`, where);
    if (disqualifiedIds.has(personId)) throw invalid(`${m.name} er inhabil i punktet og må ikke stemme`, where);
    return m;
  };

  const inputVotes = input.votes ?? [];
  // Members named explicitly, across all choices: each votes once, and is left out of the
  // party groups (a member who votes against the rest of the party is named by name).
  const named = new Map<string, VoteChoice>();
  const choicesSeen = new Set<VoteChoice>();
  for (const [i, v] of inputVotes.entries()) {
    if (!(voteChoices as readonly string[]).includes(v.choice)) throw invalid('Stemmen skal være for, imod eller undlod', `votes[${i}].choice`);
    if (choicesSeen.has(v.choice)) throw invalid(`"${voteChoiceLabel[v.choice]}" er angivet to gange; saml stemmerne i én`, `votes[${i}].choice`);
    choicesSeen.add(v.choice);
    for (const [j, personId] of (v.personIds ?? []).entries()) {
      const where = `votes[${i}].personIds[${j}]`;
      const m = mayVote(personId, where);
      if (named.has(personId)) throw invalid(`${m.name} kan kun stemme én gang`, where);
      named.set(personId, v.choice);
    }
  }

  const votes: ResolvedVote[] = inputVotes.map((v, i) => {
    const personIds = v.personIds ?? [];
    const parties = (v.parties ?? []).map((p, j) => {
      const party = normalizeParty(p);
      if (party === '') throw invalid('Angiv partiets bogstav', `votes[${i}].parties[${j}]`);
      if (!present.some((m) => normalizeParty(m.party) === party)) {
        throw invalid(`Ingen fra parti ${party} er registreret som til stede på mødet`, `votes[${i}].parties[${j}]`);
      }
      return party;
    });
    if (new Set(parties).size !== parties.length) throw invalid('Et parti er nævnt to gange', `votes[${i}].parties`);
    if (v.count !== undefined && v.count !== null && (!Number.isInteger(v.count) || v.count < 0)) {
      throw invalid('Antallet skal være et helt tal, 0 eller derover', `votes[${i}].count`);
    }
    if (personIds.length === 0 && parties.length === 0 && (v.count === undefined || v.count === null)) {
      throw invalid('Angiv hvem der stemte (medlemmer eller partier) eller antallet', `votes[${i}]`);
    }
    const partyVoters = present
      .filter((m) => parties.includes(normalizeParty(m.party)))
      .filter((m) => !named.has(m.personId) && !absentIds.has(m.personId) && !disqualifiedIds.has(m.personId))
      .map((m) => m.personId);
    const voters = [...personIds, ...partyVoters];
    if (v.count !== undefined && v.count !== null && v.count < personIds.length) {
      throw invalid(`Antallet (${v.count}) er mindre end antallet af navngivne medlemmer (${personIds.length})`, `votes[${i}].count`);
    }
    const count = v.count ?? (voters.length > 0 ? voters.length : null);
    const label = [...parties, ...personIds.map((id) => withParty(byId.get(id)!))].join(', ');
    return { choice: v.choice, label, count, members: personIds.length > 0 ? [...personIds] : null, voters };
  });

  const winning = winningChoice(votes);
  const minority = winning === null ? null : winning === 'for' ? 'against' : 'for';
  const dissentIds = new Set<string>();
  const dissents = (input.dissents ?? []).map((d, i) => {
    const where = `dissents[${i}].personId`;
    const m = presentMember(d.personId, where);
    if (dissentIds.has(d.personId)) throw invalid(`${m.name} er nævnt to gange`, where);
    dissentIds.add(d.personId);
    const inMinority = minority !== null && votes.some((v) => v.choice === minority && v.voters.includes(d.personId));
    if (!inMinority) throw invalid(`${DISSENT_MINORITY_ONLY} (${m.name})`, where);
    return note(m, d.text);
  });

  return { decision, absences, disqualifications, dissents, votes, winning };
}

/** Lower case, "&" as "og", a trailing term ("- 2022 - 2025") and extra spaces removed. */
function normalizeBodyName(name: string): string {
  return name
    .toLocaleLowerCase('da-DK')
    .replace(/\s*&\s*/gu, ' og ')
    .replace(/[\s-]*\d{4}\s*-\s*\d{4}\s*$/u, '')
    .replace(/[.:;,]+\s*$/u, '')
    .replace(/\s+/gu, ' ')
    .trim();
}

export interface CompetenceOrganization {
  name: string;
  shortName: string | null;
  kind: OrganizationKind;
}

/** Whether the printed decision competence ("Kommunalbestyrelsen", "BU") names the organization. */
export function competenceNames(competence: string | null, org: CompetenceOrganization): boolean {
  if (competence === null) return false;
  const c = normalizeBodyName(competence);
  if (c === '') return false;
  const name = normalizeBodyName(org.name);
  if (name !== '' && c.includes(name)) return true;
  const short = org.shortName?.toLocaleLowerCase('da-DK').trim();
  if (short && c.split(/[^\p{L}\p{N}]+/u).includes(short)) return true;
  if (org.kind === 'council' && /kommunalbestyrelse|byråd|borgerrepræsentation/u.test(c)) return true;
  if (org.kind === 'finance_committee' && /økonomiudvalg/u.test(c)) return true;
  return false;
}

/**
 * The role of a body's consideration of a case: it decides when the case's decision competence
 * names it, else it recommends. Without a recorded competence the decision's wording tells
 * ("anbefales" recommends, "til efterretning" is informed, anything else decides).
 */
export function consultationRoleFor(competence: string | null, org: CompetenceOrganization, decision: string | null): ConsultationRole {
  if (competence !== null && competence.trim() !== '') return competenceNames(competence, org) ? 'decides' : 'recommends';
  return roleFromWording(decision);
}

/** A body passing a case on: "anbefales", or the body itself "anbefaler overfor Byrådet …". */
const PASSES_ON = /\b(anbefales|indstilles|videresendes|oversendes)\b/u;
const PASSES_TO = /\b(anbefaler|indstiller|videresender|oversender)\b[^.]*?\b(byråd|kommunalbestyrelse|økonomiudvalg|regionsråd)/u;

/**
 * The role a decision's wording shows, when nothing else tells: passing the case on
 * (recommends); "til efterretning", "orientering", "drøftet" (informed); anything else
 * ("Godkendt", "Tiltrådt", "Udsat", "godkendt, som administrationen anbefaler") decides.
 */
export function roleFromWording(decision: string | null | undefined): ConsultationRole {
  const d = (decision ?? '').toLocaleLowerCase('da-DK');
  if (PASSES_ON.test(d) || PASSES_TO.test(d)) return 'recommends';
  if (/til efterretning|orientering|drøftet/u.test(d)) return 'informed';
  return 'decides';
}

/** The role of the body a case is sent on to: the council, or the body the competence names, decides. */
export function forwardRoleFor(competence: string | null, org: CompetenceOrganization): ConsultationRole {
  return org.kind === 'council' || competenceNames(competence, org) ? 'decides' : 'recommends';
}

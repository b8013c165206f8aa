// A FirstAgenda agenda model → ParsedDocument. Both readers end here: the JSON reader with the
// API's answer, the page reader with the model it rebuilt from the page's markup, so the same
// meeting gives the same document whichever the municipality published.
import { addDecisionData } from '../../parse/decision-data.js';
import { DomainError } from '../../../domain/errors.js';
import { participantOf } from '../../parse/header.js';
import { addWords, collect, type WordCounts } from '../../parse/coverage.js';
import type { ParsedDocument, ParsedParticipant, ParseWarning } from '../../model.js';
import { sourceWarning } from '../source.js';
import { hasItemPdf, mapItem } from './items.js';
import { committeeNameAndTerm, localDateTime, municipalityOfHost, originOf } from './meeting.js';
import { type FaAgenda, realId } from './model.js';

export interface MapOptions {
  /** Reader format: the document's layout and source.system. */
  format: string;
  /** File name for error messages. */
  file: string;
  /** The portal's origin when the caller knows it better than the model's links. */
  origin?: string | null;
  /** --municipality, used when the source does not name one. */
  municipality?: string | undefined;
}

/** The portal's origin from the first absolute link of the model (Felter[].Link). */
export function modelOrigin(agenda: FaAgenda): string | null {
  for (const item of agenda.Dagsordenpunkter) for (const f of item.Felter ?? []) if (originOf(f.Link)) return originOf(f.Link);
  return null;
}

function participantsOf(agenda: FaAgenda): ParsedParticipant[] {
  const out: ParsedParticipant[] = [];
  for (const p of agenda.Moede.Moededeltagere ?? []) {
    const absent = p.Absent === true || p.ParticipationCancelled === true;
    const parsed = participantOf(p.Name, absent);
    const name = p.Name.replace(/\s+/g, ' ').trim();
    if (name === '') continue;
    out.push(parsed ?? { name, absent, substituteFor: null, party: null, role: null });
  }
  return out;
}

/** The input's words as a multiset and their number, for coverage. */
export interface InputWords {
  counts: WordCounts;
  total: number;
}

export function newInputWords(): InputWords & { add: (s: string | null | undefined) => void } {
  const w = {
    counts: new Map() as WordCounts,
    total: 0,
    add: (s: string | null | undefined): void => {
      if (s) w.total += addWords(s, w.counts);
    },
  };
  return w;
}

/**
 * The document, and the words of the model's text fields it was read from (HTML as text; ids,
 * links and time stamps are no words) — counted while mapping, so each HTML field is parsed once.
 */
export function mapAgenda(agenda: FaAgenda, options: MapOptions): { doc: Omit<ParsedDocument, 'coverage'>; input: InputWords } {
  const input = newInputWords();
  for (const s of [agenda.Udvalg.Navn, agenda.Moede.Navn, agenda.Moede.Sted, agenda.Moede.Description]) input.add(s);
  for (const p of agenda.Moede.Moededeltagere ?? []) input.add(p.Name);
  const warnings: ParseWarning[] = [];
  const moede = agenda.Moede;
  const begin = localDateTime(moede.MeetingBeginUtc) ?? localDateTime(moede.Dato);
  const day = localDateTime(moede.Dato) ?? begin;
  if (day === null) {
    const raw = moede.Dato ?? moede.MeetingBeginUtc;
    throw new DomainError('invalid_input', `${options.file}: Moede.Dato ${raw ? `"${raw}" is not a date` : 'is missing'}`, options.file);
  }
  const end = localDateTime(moede.MeetingEndUtc);
  if (end !== null && end.date !== day.date) warnings.push(sourceWarning('end_other_day', `Mødet slutter ${end.date} ${end.time ?? ''}, ikke samme dag`));
  const origin = options.origin ?? modelOrigin(agenda);
  const meetingHasItemPdfs = agenda.Dagsordenpunkter.some(hasItemPdf);
  const ordered = agenda.Dagsordenpunkter.map((item, i) => ({ item, i })).sort((a, b) => (a.item.Sorting ?? a.i) - (b.item.Sorting ?? b.i) || a.i - b.i);
  const items = ordered.map(({ item }, i) => mapItem(item, i + 1, { origin, meetingHasItemPdfs, words: input.add }, warnings));
  if (items.length === 0) warnings.push(sourceWarning('no_items', 'Dagsordenen har ingen punkter'));
  // The decision fields are HTML turned text: their votes and statements as records.
  const participants = participantsOf(agenda);
  addDecisionData(items, participants);
  // The portals keep Navn "Dagsorden" after the meeting and fill in the decisions: content decides.
  const named = (moede.Navn ?? '').toLowerCase();
  const decided = items.some((i) => i.public && i.decision !== null);
  const documentKind = /referat/.test(named) || decided ? 'referat' : 'dagsorden';
  if (documentKind === 'referat' && !/referat/.test(named)) {
    warnings.push(sourceWarning('kind_from_decisions', `Mødet hedder "${moede.Navn ?? ''}", men punkterne har beslutninger: læst som referat`));
  }
  const host = origin === null ? null : new URL(origin).hostname;
  const municipality = (host === null ? null : municipalityOfHost(host)) ?? options.municipality ?? null;
  const doc = {
    documentKind,
    municipality,
    organization: committeeNameAndTerm(agenda.Udvalg.Navn),
    meeting: {
      date: day.date,
      start: begin?.time ?? day.time ?? null,
      end: end?.time ?? null,
      location: moede.Sted?.replace(/\s+/g, ' ').trim() || null,
    },
    participants,
    items,
    toc: [],
    signatures: [],
    warnings,
    layout: options.format,
    source: { system: options.format, meetingId: realId(agenda.Id) ?? realId(moede.Id), organizationId: realId(agenda.Udvalg.Id), url: null },
  } satisfies Omit<ParsedDocument, 'coverage'>;
  return { doc, input };
}

/** Share of the input's words (a multiset) found in the document's strings. */
export function coverageOf(input: InputWords, doc: Omit<ParsedDocument, 'coverage'>): number {
  if (input.total === 0) return 1;
  const output: WordCounts = new Map();
  const { warnings, ...rest } = doc;
  collect(rest, output);
  for (const w of warnings) addWords(w.message, output);
  let covered = 0;
  for (const [w, n] of input.counts) covered += Math.min(n, output.get(w) ?? 0);
  return covered / input.total;
}

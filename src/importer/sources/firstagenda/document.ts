// A FirstAgenda agenda model → ParsedDocument. Both readers end here: the JSON reader with the
// API's answer, the page reader with the model it rebuilt from the page's markup, so the same
// meeting gives the same document whichever the municipality published.
import { DomainError } from '../../../domain/errors.js';
import { participantOf } from '../../parse/header.js';
import { addWords, collect, type WordCounts } from '../../parse/coverage.js';
import { htmlText } from '../html-text.js';
import type { ParsedDocument, ParsedParticipant, ParseWarning } from '../../model.js';
import { sourceWarning } from '../source.js';
import { hasItemPdf, itemTitle, mapItem } from './items.js';
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

export function mapAgenda(agenda: FaAgenda, options: MapOptions): Omit<ParsedDocument, 'coverage'> {
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
  const items = ordered.map(({ item }, i) => mapItem(item, i + 1, { origin, meetingHasItemPdfs }, warnings));
  if (items.length === 0) warnings.push(sourceWarning('no_items', 'Dagsordenen har ingen punkter'));
  // The portals keep Navn "Dagsorden" after the meeting and fill in the decisions: content decides.
  const named = (moede.Navn ?? '').toLowerCase();
  const decided = items.some((i) => i.public && i.decision !== null);
  const documentKind = /referat/.test(named) || decided ? 'referat' : 'dagsorden';
  if (documentKind === 'referat' && !/referat/.test(named)) {
    warnings.push(sourceWarning('kind_from_decisions', `Mødet hedder "${moede.Navn ?? ''}", men punkterne har beslutninger: læst som referat`));
  }
  const host = origin === null ? null : new URL(origin).hostname;
  const municipality = (host === null ? null : municipalityOfHost(host)) ?? options.municipality ?? null;
  return {
    documentKind,
    municipality,
    organization: committeeNameAndTerm(agenda.Udvalg.Navn),
    meeting: {
      date: day.date,
      start: begin?.time ?? day.time ?? null,
      end: end?.time ?? null,
      location: moede.Sted?.replace(/\s+/g, ' ').trim() || null,
    },
    participants: participantsOf(agenda),
    items,
    toc: [],
    signatures: [],
    warnings,
    layout: options.format,
    source: { system: options.format, meetingId: realId(agenda.Id) ?? realId(moede.Id), organizationId: realId(agenda.Udvalg.Id), url: null },
  };
}

/** The words of the model's text fields (HTML as text; ids, links and time stamps are no words). */
export function modelWords(agenda: FaAgenda): { counts: WordCounts; total: number } {
  const counts: WordCounts = new Map();
  let total = 0;
  const add = (s: string | null | undefined): void => {
    if (s) total += addWords(s, counts);
  };
  add(agenda.Udvalg.Navn);
  add(agenda.Moede.Navn);
  add(agenda.Moede.Sted);
  add(agenda.Moede.Description);
  for (const p of agenda.Moede.Moededeltagere ?? []) add(p.Name);
  for (const item of agenda.Dagsordenpunkter) {
    add(item.Punktnummer ?? item.Number);
    add(itemTitle(item));
    add(item.SagsNummer ?? item.CaseNumber);
    for (const f of item.Felter ?? []) {
      add(f.Navn);
      add(f.Html ? htmlText(f.Html) : f.Tekst);
    }
    for (const b of item.Bilag ?? []) add(b.Navn);
    for (const a of item.ExternalAgendaItemAttendees ?? []) add(a.Name);
  }
  return { counts, total };
}

/** Share of the input's words (a multiset) found in the document's strings. */
export function coverageOf(input: { counts: WordCounts; total: number }, doc: Omit<ParsedDocument, 'coverage'>): number {
  if (input.total === 0) return 1;
  const output: WordCounts = new Map();
  const { warnings, ...rest } = doc;
  collect(rest, output);
  for (const w of warnings) addWords(w.message, output);
  let covered = 0;
  for (const [w, n] of input.counts) covered += Math.min(n, output.get(w) ?? 0);
  return covered / input.total;
}

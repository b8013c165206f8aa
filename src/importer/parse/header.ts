// The meeting header: document kind, municipality, organization and term, date, times,
// place and participants, from the lines before the first item (TOC excluded).
import type { ParsedParticipant } from '../model.js';
import { findDate, findTimes } from './dates.js';
import type { Line, ParseContext } from './lines.js';
import { addParticipants, namesOf, participantOf } from './header-participants.js';
import { isSubstituteLine } from './item-fields.js';

export { participantOf } from './header-participants.js';

export interface Header {
  kind: 'dagsorden' | 'referat' | null;
  municipality: string | null;
  organization: string | null;
  term: string | null;
  date: string | null;
  start: string | null;
  end: string | null;
  location: string | null;
  participants: ParsedParticipant[];
}

const labelRe =
  /^(mødedato|dato|mødetidspunkt|tidspunkt|mødetid|tid|mødested|sted|mødelokale|deltagere|mødedeltagere|medlemmer|til stede|tilstede|fremmødte|deltog|fraværende\/afbud|fraværende|afbud fra|afbud\/fraværende|afbud|bemærkninger|bemærkning|mødets sluttidspunkt|sluttidspunkt|mødet sluttede|mødet slut|mødet hævet|mødet afsluttet|mødets starttidspunkt|starttidspunkt|mødet startede|mødet begyndt|mødet start|sekretær|referent|protokolfører|udvalg|mødeforum|forum)(?![\p{L}])\s*:?\s*(.*)$/iu;
const kindRe = /^(?:(åben|åbent|lukket)\s+)?(referat|dagsorden|beslutningsprotokol|mødereferat|protokol)\b\s*[:\-–]?\s*(.*)$/iu;
const orgRe = /(udvalg|byråd|kommunalbestyrelse|regionsråd|borgerrepræsentation|råd(?:et)?\b|bestyrelse|forvaltning|komité|forum)/iu;
const municipalityRe = /^((?:\p{Lu}[\p{L}-]+\s){1,3})(Kommune|Regionskommune)$/u;

function termOf(s: string): { name: string; term: string | null } {
  const m = /^(.*?)\s*[-–,]?\s*\(?((?:19|20)\d{2})\s?[-–]\s?((?:19|20)\d{2})\)?$/u.exec(s.trim());
  if (m && m[1]!.length > 2) return { name: m[1]!.replace(/[\s\-–,]+$/, ''), term: `${m[2]}-${m[3]}` };
  return { name: s.trim(), term: null };
}

function substituteOf(text: string): ParsedParticipant | null {
  const m = /^(.+?)\s+(?:deltog som suppleant for|indtrådte som suppleant for)\s+(.+?)\.?$/iu.exec(text.trim());
  if (!m) return null;
  const who = participantOf(m[1]!);
  const forWhom = participantOf(m[2]!);
  if (!who) return null;
  return { ...who, substituteFor: forWhom?.name ?? m[2]!.trim() };
}

/** A line that is a date (and time) only: "tirsdag den 4. december 2012, kl. 13:00". */
function isDateLine(t: string): boolean {
  const d = findDate(t);
  if (!d) return false;
  const rest = (t.slice(0, d.index) + ' ' + t.slice(d.index + d.length)).replace(
    /\b(?:man|tirs|ons|tors|fre|lør|søn)dag\b|\bden\b|\bd\.|\bkl\.?|\d{1,2}[:.]\d{2}|\b(?:fra|til)\b|[-–,.\s]/giu,
    '',
  );
  return rest.length <= 3;
}

/** A line that is a time (or a range) only: "Kl. 10:30", "kl. 16.00-18.00", "10:30 - 13:00". */
function isTimeLine(t: string): boolean {
  if (t.length > 40 || !findTimes(t).start) return false;
  return t.replace(/\bkl\.?|\d{1,2}[:.]\d{2}|\b\d{1,2}\b|\b(?:fra|til|ca)\b|[-–,.\s]/giu, '').length === 0;
}

/** Words that name a place or an address ("Rådhuset, mødelokale 2", "Lundevej 2, 8500 Grenaa"). */
const placeRe =
  /(?:rådhus|lokale|salen\b|sal\b|center|centret|kursus|skole|bibliotek|huset\b|kontor|vej\b|vej\s+\d|gade\b|allé|plads\b|torv\b|teams|online|virtuel|(?<!\p{N})\d{4}\s+\p{Lu})/iu;

/**
 * A line of a venue printed without a label (after the date or time) or continuing one
 * ("Kaløvig Kursuscenter" / "Præstekravevej 46" / "8410 Rønde"): short, not a sentence, not
 * a committee's name unless it names a room ("Byrådssalen").
 */
function isPlaceLine(t: string, first: boolean): boolean {
  if (t.length > 90 || /[.!?:;]$/.test(t) || !/^[\p{Lu}\d]/u.test(t)) return false;
  if (placeRe.test(t)) return true;
  if (orgRe.test(t)) return false;
  // A first line needs more than its shape; a continuation follows a place already read.
  return !first && t.split(/\s+/).length <= 6;
}

type Field = 'date' | 'time' | 'end' | 'place';

/** A label's field when its value may stand on the next line ("Mødested:" then the venue). */
function fieldOfLabel(label: string): Field | null {
  if (/dato/.test(label)) return 'date';
  if (/slut|hævet|afsluttet/.test(label)) return 'end';
  if (/tid|start/.test(label)) return 'time';
  if (/sted|lokale/.test(label)) return 'place';
  return null;
}

/**
 * Splits a line at a label: "Mødested: Rådhuset", "Mødested:\tRådhuset" (label and value in
 * columns). The value keeps its tabs (names in columns).
 */
function labelled(text: string): { label: string; printed: string; value: string } | null {
  const cells = text.split('\t');
  const lab = labelRe.exec(cells[0]!.trim());
  if (!lab) return null;
  const value = [lab[2]!.trim(), ...cells.slice(1).map((c) => c.trim())].filter((c) => c !== '').join('\t');
  return { label: lab[1]!.toLowerCase(), printed: lab[1]!, value };
}

/** Reads the header lines; lines it cannot place become 'unparsed_line' warnings. */
export function parseHeader(ctx: ParseContext, lines: readonly Line[]): Header {
  const h: Header = { kind: null, municipality: null, organization: null, term: null, date: null, start: null, end: null, location: null, participants: [] };
  const setTimes = (s: string) => {
    const t = findTimes(s);
    if (t.start && !h.start) h.start = t.start;
    if (t.end && !h.end) h.end = t.end;
  };
  const setDate = (s: string) => {
    const d = findDate(s);
    if (d && !h.date) h.date = d.iso;
    return d;
  };
  const place: string[] = [];
  const addPlace = (s: string) => {
    place.push(s.replace(/\t+/g, ' ').trim());
    h.location = place.join(', ');
  };
  let listMode: { absent: boolean } | null = null;
  /** What the previous line gave: a date or time (a venue may follow unlabelled), a venue
   * (it may continue), or a label whose value is on the next line. */
  let after: 'date' | 'place' | null = null;
  let pendingLabel: Field | null = null;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.replace(/\t+/g, ' ').trim();
    if (t === '') {
      listMode = null;
      if (after === 'place') after = null;
      continue;
    }
    const prevAfter = after;
    const pending = pendingLabel;
    after = null;
    pendingLabel = null;
    const before = JSON.stringify(h);
    const warned = ctx.warnings.length;
    /** A line that added nothing (a repeat) is reported, not dropped. */
    const kept = (hasValue: boolean) => {
      if (hasValue && JSON.stringify(h) === before && ctx.warnings.length === warned) ctx.unparsed(l, 'header (repeated)');
    };
    const lab = labelled(l.text);
    if (lab) {
      listMode = null;
      const label = lab.label;
      const value = lab.value.replace(/\t+/g, ' ');
      const field = fieldOfLabel(label);
      if (/deltage|medlemmer|stede|fremmødte|^deltog$/.test(label)) {
        addParticipants(h.participants, namesOf(lab.value, false));
        listMode = { absent: false };
      } else if (/fravær|afbud/.test(label)) {
        addParticipants(h.participants, namesOf(lab.value, true));
        listMode = { absent: true };
      } else if (field !== null && value === '') {
        pendingLabel = field;
      } else if (field === 'date') {
        setDate(value);
        setTimes(value);
      } else if (field === 'end') h.end = findTimes(value).start ?? h.end;
      else if (field === 'time') setTimes(value);
      else if (field === 'place') {
        if (!h.location) {
          addPlace(value);
          after = 'place';
        }
      } else if (/bemærk/.test(label)) {
        const end = /sluttidspunkt|slut|hævet/i.test(value) ? findTimes(value.replace(/^.*?(sluttidspunkt|slut|hævet)/i, '')).start : null;
        if (end) h.end = end;
        else if (value) ctx.warn('header_note', `${lab.printed}: ${value}`, l);
      } else if (/udvalg|forum/.test(label)) {
        const o = termOf(value);
        h.organization = o.name;
        h.term = o.term;
      } else {
        // Secretary, minute-taker: not members; kept as a note.
        const n = ctx.nextNonBlank(i + 1, Math.min(lines.length, i + 2));
        const v = value || (n === i + 1 ? lines[n]!.text : '');
        if (!value && v) i = n;
        ctx.warn('header_note', `${lab.printed}: ${v}`, l);
      }
      kept(value !== '');
      continue;
    }
    if (pending !== null && readPending(pending, t)) {
      kept(true);
      continue;
    }
    if (isSubstituteLine(t)) {
      const s = substituteOf(t);
      if (s) {
        h.participants.push(s);
        const absentee = h.participants.find((p) => p.name === s.substituteFor);
        if (absentee) absentee.absent = true;
        continue;
      }
    }
    if (listMode) {
      // Continuation of a comma list, names in columns, or one name per line ("Tilstede").
      const prev = lines[i - 1];
      const last = h.participants.at(-1);
      if (!l.text.includes('\t') && prev && prev.text !== '' && last && /[^,]$/.test(prev.text.trim()) && prev.text.includes(',') && !t.includes('(')) {
        // "Carsten Helles" + "Rasmussen, Bente …": the name wrapped.
        const [first, ...rest] = t.split(',');
        last.name = `${last.name} ${first!.trim()}`;
        addParticipants(h.participants, namesOf(rest.join(','), listMode.absent));
      } else addParticipants(h.participants, namesOf(l.text, listMode.absent));
      kept(true);
      continue;
    }
    const k = kindRe.exec(t);
    if (k) {
      h.kind ??= /dagsorden/i.test(k[2]!) ? 'dagsorden' : 'referat';
      let rest = k[3]!.trim();
      if (rest) {
        const d = setDate(rest);
        if (d)
          rest = rest
            .slice(0, d.index)
            .replace(/\s+(?:d\.|den|af|fra)?\s*$/i, '')
            .trim();
        setTimes(k[3]!);
        if (rest && !h.organization) {
          const o = termOf(rest);
          h.organization = o.name;
          h.term = o.term;
        }
      }
      kept(k[3]!.trim() !== '');
      continue;
    }
    const mu = municipalityRe.exec(t);
    if (mu) {
      h.municipality ??= t;
      kept(true);
      continue;
    }
    const d = findDate(t);
    if (d && isDateLine(t)) {
      setDate(t);
      setTimes(t);
      after = 'date';
      kept(true);
      continue;
    }
    if (isTimeLine(t)) {
      // A lone "Kl. 10:30" under the date: the start (and end) time.
      setTimes(t);
      after = 'date';
      kept(true);
      continue;
    }
    if (prevAfter === 'date' && /^(?:i|på)\s+\S/iu.test(t) && !h.location) {
      addPlace(t.replace(/^(?:i|på)\s+/iu, ''));
      after = 'place';
      continue;
    }
    if ((prevAfter === 'date' && !h.location && isPlaceLine(t, true)) || (prevAfter === 'place' && isPlaceLine(t, false))) {
      addPlace(t);
      after = 'place';
      continue;
    }
    if (!h.organization && orgRe.test(t) && t.length < 120 && !/[.!?]$/.test(t)) {
      const o = termOf(t);
      h.organization = o.name;
      h.term = o.term;
      continue;
    }
    ctx.unparsed(l, 'header');
  }
  return h;

  /** The value of a label printed alone on the line before ("Dato:" / "20. juni 2013"). */
  function readPending(field: Field, t: string): boolean {
    if (field === 'date' && findDate(t)) {
      setDate(t);
      setTimes(t);
      after = 'date';
      return true;
    }
    if ((field === 'time' || field === 'end') && findTimes(t).start && t.length <= 60) {
      if (field === 'end') h.end = findTimes(t).start ?? h.end;
      else setTimes(t);
      after = 'date';
      return true;
    }
    if (field === 'place' && !h.location && t.length <= 120) {
      addPlace(t);
      after = 'place';
      return true;
    }
    return false;
  }
}

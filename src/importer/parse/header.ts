// The meeting header: document kind, municipality, organization and term, date, times,
// place and participants, from the lines before the first item (TOC excluded).
import type { ParsedParticipant } from '../model.js';
import { findDate, findTimes } from './dates.js';
import type { Line, ParseContext } from './lines.js';
import { isSubstituteLine } from './item-fields.js';

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

/** "Lolan Ottesen (A) - formand", "Nanna Lohman (Afbud)", "Ole Vind". */
export function participantOf(entry: string, absent = false): ParsedParticipant | null {
  let s = entry.replace(/\t+/g, ' ').trim().replace(/[.;]$/, '');
  if (!s) return null;
  let isAbsent = absent;
  let party: string | null = null;
  let role: string | null = null;
  s = s.replace(/\((afbud|fraværende|fravær|forfald)\)/giu, () => {
    isAbsent = true;
    return '';
  });
  const r = /\s*(?:[-–,]\s*)(formand|næstformand|borgmester|viceborgmester|medlem|suppleant|sekretær|referent)\s*$/iu.exec(s);
  if (r) {
    role = r[1]!.toLowerCase();
    s = s.slice(0, r.index);
  }
  const p = /\s*\(([A-ZÆØÅ]{1,3}|[A-ZÆØÅ][\p{L}]{1,20})\)\s*/u.exec(s);
  if (p) {
    party = p[1]!;
    s = (s.slice(0, p.index) + ' ' + s.slice(p.index + p[0].length)).trim();
  }
  s = s.replace(/\s+/g, ' ').trim();
  if (s.length < 2 || s.length > 80 || !/^\p{Lu}/u.test(s)) return null;
  return { name: s, absent: isAbsent, substituteFor: null, party, role };
}

function namesOf(list: string, absent: boolean): ParsedParticipant[] {
  return list
    .split(/,|;|\s+og\s+/u)
    .map((e) => participantOf(e, absent))
    .filter((p): p is ParsedParticipant => p !== null);
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
  let listMode: { absent: boolean } | null = null;
  let lastWasDate = false;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const t = l.text.replace(/\t+/g, ' ').trim();
    if (t === '') {
      listMode = null;
      continue;
    }
    const prevLastWasDate = lastWasDate;
    lastWasDate = false;
    const before = JSON.stringify(h);
    const warned = ctx.warnings.length;
    /** A line that added nothing (a repeat) is reported, not dropped. */
    const kept = (hasValue: boolean) => {
      if (hasValue && JSON.stringify(h) === before && ctx.warnings.length === warned) ctx.unparsed(l, 'header (repeated)');
    };
    const lab = labelRe.exec(t);
    if (lab) {
      listMode = null;
      const label = lab[1]!.toLowerCase();
      const value = lab[2]!.trim();
      if (/deltage|medlemmer|stede|fremmødte|^deltog$/.test(label)) {
        h.participants.push(...namesOf(value, false));
        listMode = { absent: false };
      } else if (/fravær|afbud/.test(label)) {
        h.participants.push(...namesOf(value, true));
        listMode = { absent: true };
      } else if (/dato/.test(label)) {
        setDate(value);
        setTimes(value);
      } else if (/slut|hævet|afsluttet/.test(label)) h.end = findTimes(value).start ?? h.end;
      else if (/tid|start/.test(label)) setTimes(value);
      else if (/sted|lokale/.test(label)) h.location = value || h.location;
      else if (/bemærk/.test(label)) {
        const end = /sluttidspunkt|slut|hævet/i.test(value) ? findTimes(value.replace(/^.*?(sluttidspunkt|slut|hævet)/i, '')).start : null;
        if (end) h.end = end;
        else if (value) ctx.warn('header_note', `${lab[1]}: ${value}`, l);
      } else if (/udvalg|forum/.test(label)) {
        const o = termOf(value);
        h.organization = o.name;
        h.term = o.term;
      } else {
        // Secretary, minute-taker: not members; kept as a note.
        const n = ctx.nextNonBlank(i + 1, Math.min(lines.length, i + 2));
        const v = value || (n === i + 1 ? lines[n]!.text : '');
        if (!value && v) i = n;
        ctx.warn('header_note', `${lab[1]}: ${v}`, l);
      }
      kept(value !== '');
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
      // Continuation of a comma list, or one name per line ("Tilstede" block).
      const list = t;
      const prev = lines[i - 1];
      const last = h.participants.at(-1);
      if (prev && prev.text !== '' && last && /[^,]$/.test(prev.text.trim()) && prev.text.includes(',') && !t.includes('(')) {
        // "Carsten Helles" + "Rasmussen, Bente …": the name wrapped.
        const [first, ...rest] = list.split(',');
        last.name = `${last.name} ${first!.trim()}`;
        h.participants.push(...namesOf(rest.join(','), listMode.absent));
      } else h.participants.push(...namesOf(list, listMode.absent));
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
      lastWasDate = true;
      kept(true);
      continue;
    }
    if (prevLastWasDate && /^(?:i|på)\s+\S/iu.test(t) && !h.location) {
      h.location = t.replace(/^(?:i|på)\s+/iu, '');
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
}

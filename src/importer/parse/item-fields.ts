// Fields of one item read from its printed text: committee prefix codes, case number,
// absences, attachments and the case's history ("Sagens forløb").
import { parseCaseReference } from '../../domain/paper.js';
import type { ParsedHistoryEntry } from '../model.js';
import { findDate, leadingDate } from './dates.js';
import type { Line } from './lines.js';

const codeRe = /^[A-ZÆØÅ][A-ZÆØÅ\u00c0-\u00ff†&]{0,6}$/u;

/** Splits "SSÆ/BU/JAI – Title" into codes and title; codes kept as printed. */
export function splitCommittees(title: string): { committees: string[]; title: string; misDecoded: string[] } {
  const m = /^([^\s/]{1,8}(?:\s?\/\s?[^\s/]{1,8}){0,12})\s+[-–—]\s+(\S.*)$/u.exec(title);
  if (!m) return { committees: [], title, misDecoded: [] };
  const codes = m[1]!.split('/').map((c) => c.trim());
  if (!codes.every((c) => codeRe.test(c))) return { committees: [], title, misDecoded: [] };
  // A lone short word like "KL" could be a title word; accept only when all-caps and ≤ 6.
  const misDecoded = codes.filter((c) => !/^[A-ZÆØÅ]+$/u.test(c));
  return { committees: codes, title: m[2]!.trim(), misDecoded };
}

/** Typical mojibake: UTF-8 read as Latin-1/MacRoman ("Ã¦", "Ã¸", "â€“", "SSÅ†"). */
export function looksMisDecoded(s: string): boolean {
  return /Ã[\u0080-\u00bf¦¸¥†]|â€|Å†|Ã˜|Ã…|\ufffd/u.test(s);
}

const caseLabelRe = /^(?:Sagsnr|Sags nr|Sagsnummer|Sag nr|Journalnr|Journal nr|J\.\s?nr|Jnr|Sags[- ]?id)\.?\s*:?\s*(\S.{0,60})$/iu;

/** A case number on a line of its own ("23-002364", "00.00.00-I02-1-21", "EMN-2025-009242"). */
export function bareCaseNumber(text: string): string | null {
  const t = text.trim();
  if (t.length < 5 || t.length > 40 || /\s/.test(t)) return null;
  if (parseCaseReference(t)) return t;
  // Unknown shapes: digits with separators, at least 4 digits, no date.
  if (!/^[A-ZÆØÅ0-9][A-Za-zÆØÅæøå0-9]*(?:[-./][A-Za-zÆØÅæøå0-9]+){1,6}$/u.test(t)) return null;
  if ((t.match(/\d/g) ?? []).length < 4 || findDate(t)) return null;
  if (/^\d+(?:[.,]\d+)*$/.test(t)) return null; // a number like 1.316.000
  return t;
}

/** "Sagsnr.: 2012-28504" → "2012-28504". */
export function labelledCaseNumber(text: string): string | null {
  const m = caseLabelRe.exec(text.trim());
  return m ? m[1]!.trim() : null;
}

export function isCaseLine(text: string): boolean {
  return bareCaseNumber(text) !== null || labelledCaseNumber(text) !== null;
}

/** Names from "A (V), B og C" with party letters and roles stripped. */
export function splitNames(list: string): string[] {
  return list
    .split(/,|;|\s+og\s+|\s+samt\s+/u)
    .map((n) =>
      n
        .replace(/\([^)]{0,30}\)/g, '')
        .replace(/\s[-–]\s.*$/, '')
        .replace(/[.\s]+$/, '')
        .trim(),
    )
    .filter((n) => n.length > 1 && /\p{Lu}/u.test(n[0]!) && !/^(ingen|intet)$/i.test(n));
}

/** Per-item absence in a line: "Afbud: Ivan Mott", "Fraværende: A (A), B", "X (F) deltog ikke under dette punkt." */
export function absenceNames(text: string): string[] | null {
  const t = text.trim();
  const lab = /^(?:Afbud(?:\s+fra)?|Fraværende(?:\s+var)?|Ikke til stede|Ikke mødt|Forfald)\s*:\s*(.*)$/iu.exec(t);
  if (lab) return splitNames(lab[1]!);
  // Cheap keyword check first: the lazy prefix pattern below is costly on every line of text.
  if (!/deltog|fravær|til stede|afbud|forlod/.test(t)) return null;
  const did = /^(.{3,200}?)\s+(?:deltog ikke|var fraværende|var ikke til stede|havde meldt afbud|forlod mødet)\b/u.exec(t);
  if (did && /^\p{Lu}/u.test(did[1]!)) {
    const names = splitNames(did[1]!);
    return names.length ? names : null;
  }
  return null;
}

export function isSubstituteLine(text: string): boolean {
  return /\bdeltog som suppleant for\b|\bindtrådte som suppleant\b/i.test(text);
}

/** An attachment as a Bilag section lists it; `public` and `externalId` (the document
 * number) only where a row prints them. */
export interface AttachmentEntry {
  title: string;
  public?: boolean;
  externalId?: string;
}

/** A document number at a row's end: "222359/12", "2013-012345", "1234567". */
const docNumberRe = /^(?:\d{1,8}\/\d{2,4}|\d{4}-\d{3,8}|\d{5,9})$/u;
/** "1 Åben Notat om X 222359/12", "2\tLukket\tNotat\t73288/09": number, access, title, document number. */
const accessRowRe = /^(\d{1,3})[.)]?\s+(åben|åbent|offentlig|lukket|lukkede|fortrolig)\s+(\S.*)$/iu;
const rowHeaderRe = /^(?:nr\.?|bilag|adgang|åben\/lukket|titel|navn|dok\.?\s?nr\.?|dokumentnr\.?|dokument)$/iu;

/** An attachment row with its access and document number, or null. */
export function attachmentRow(text: string): AttachmentEntry | null {
  const cells = text
    .split('\t')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const m = accessRowRe.exec(cells.join(' '));
  if (!m) return null;
  let title = m[3]!.trim();
  let externalId: string | undefined;
  const last = cells.length >= 2 ? cells.at(-1)! : title.split(' ').at(-1)!;
  if (docNumberRe.test(last) && title.length > last.length) {
    externalId = last;
    title = title.slice(0, title.length - last.length).trim();
  }
  const entry: AttachmentEntry = { title, public: !/^(?:lukket|lukkede|fortrolig)$/iu.test(m[2]!) };
  if (externalId) entry.externalId = externalId;
  return entry;
}

function isRowHeader(text: string): boolean {
  const cells = text
    .split('\t')
    .map((c) => c.trim())
    .filter((c) => c !== '');
  return cells.length >= 2 && cells.every((c) => rowHeaderRe.test(c));
}

/** Attachment titles in a Bilag section's lines. */
export function attachmentTitles(lines: readonly Line[]): string[] {
  return attachmentEntries(lines).map((a) => a.title);
}

/** Attachments in a Bilag section's lines: rows with access and document number, numbered
 * or bulleted entries, or one title per line. */
export function attachmentEntries(lines: readonly Line[]): AttachmentEntry[] {
  const entryRe = [/^Bilag\s*(?:nr\.?\s*)?\d+[a-z]?\s*[-–:.)]\s*(\S.*)$/iu, /^(?:[-•*▪◦·]|\d+[.)])\s+(\S.*)$/u, /^\d{4}[-–]\d{3,}\s+[-–]\s+(\S.*)$/u];
  const entries: AttachmentEntry[] = [];
  const append = (t: string) => {
    const last = entries.at(-1);
    if (last) last.title += ' ' + t;
  };
  let patterned = false;
  let lastWasEntry = false;
  let prevBlank = true;
  for (const l of lines) {
    const t = l.text.trim();
    if (t === '') {
      prevBlank = true;
      continue;
    }
    if (/^(?:ingen|ingen bilag|intet|-)\.?$/i.test(t) || isRowHeader(t)) {
      lastWasEntry = false;
      prevBlank = false;
      continue;
    }
    const row = attachmentRow(t);
    let m: RegExpExecArray | null = null;
    if (!row) for (const re of entryRe) if ((m = re.exec(t))) break;
    if (row || m) {
      patterned = true;
      entries.push(row ?? { title: m![1]!.trim() });
      lastWasEntry = true;
    } else if (lastWasEntry && !prevBlank) {
      append(t.replace(/\t+/g, ' ')); // a wrapped title (PDF)
    } else if (!patterned) {
      if (!prevBlank && entries.length && lastWasEntry) append(t);
      else entries.push({ title: t });
      lastWasEntry = true;
    } else {
      lastWasEntry = false;
    }
    prevBlank = false;
  }
  return entries.filter((x) => x.title.length > 0);
}

/** History entries from a "Sagens forløb" section: a date line, then the decision. */
export function historyEntries(lines: readonly Line[]): ParsedHistoryEntry[] {
  const out: ParsedHistoryEntry[] = [];
  let cur: { entry: ParsedHistoryEntry; paras: string[][] } | null = null;
  let para: string[] = [];
  const flush = () => {
    if (cur && para.length) cur.paras.push(para);
    para = [];
  };
  const close = () => {
    flush();
    if (cur) {
      cur.entry.decision = cur.paras.map((p) => p.join('\n')).join('\n\n');
      out.push(cur.entry);
    }
    cur = null;
  };
  for (const l of lines) {
    const t = l.text;
    const d = t ? leadingDate(t) : null;
    if (d) {
      close();
      let rest = t.slice(d.index + d.length).trim();
      let decision = '';
      const slash = /^(.*?)\s+\/\s+(.+)$/.exec(rest);
      if (slash) {
        rest = slash[1]!;
        decision = slash[2]!;
      }
      cur = { entry: { date: d.iso, organization: rest, decision: '' }, paras: decision ? [[decision]] : [] };
      continue;
    }
    if (!cur) continue;
    if (t === '') flush();
    else para.push(t);
  }
  close();
  return out;
}

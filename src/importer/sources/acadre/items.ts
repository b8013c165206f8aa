// Acadre items: <table name="agendaitemparents"> (its sort) around <table name="agendaitem">
// with the item's fields, its bullets (<table name="bullet">: bulletname, bulletcontent as
// HTML, bullettype; 8 is a decision "Beslutning i <udvalg> den <dato>") and its enclosures
// (<table name="enclosure">: name, access, filename by document id, fusionID, file type).
import type { Element } from 'domhandler';
import type { ParsedAttachment, ParsedHistoryEntry, ParsedItem, ParsedSection, ParseWarning } from '../../model.js';
import { findDate } from '../../parse/dates.js';
import { sectionKindForHeading } from '../../parse/sections.js';
import { htmlSections, htmlText } from '../html-text.js';
import { absentInText, personOf, unitName } from '../folder-export.js';
import { sourceWarning, type UnitFileNote, type UnitFiles } from '../source.js';
import { namedRow, type Row, table, tables } from './tables.js';

export interface ItemContext {
  unit: UnitFiles;
  /** Folder of the main XML ('' at the top) and the export's files folder, where enclosures may be. */
  folders: string[];
  meetingDate: string;
  /** The committee, for earlier decisions that do not name their body. */
  committee: string;
  warnings: ParseWarning[];
  missing: UnitFileNote[];
  /** Files of the unit not used because another holds the same: a PDF copy, or an original we cannot read. */
  renditions: UnitFileNote[];
  words: string[];
}

/** Acadre's access 1 is "Åben"; anything else (or an accessname saying "Lukket") is closed. */
export function isOpen(row: Row): boolean {
  if (/lukket|fortrolig/iu.test(row['accessname'] ?? '')) return false;
  const access = row['access'] ?? '1';
  return access === '' || access === '1' || /åben/iu.test(row['accessname'] ?? '');
}

const DECISION = /^(?:beslutning|afgørelse)\b/iu;

/** "Beslutning i Udvalget for … (PUK) den 10-04-2013" → the body and the date, when it names them. */
function decisionHeading(name: string): { organization: string | null; date: string | null } {
  const m = /^(?:beslutning|afgørelse)\s+(?:i|fra)\s+(.+?)\s+(?:den|d\.)\s+(.+)$/iu.exec(name.trim());
  if (m) return { organization: m[1]!.trim(), date: findDate(m[2]!)?.iso ?? null };
  return { organization: null, date: findDate(name)?.iso ?? null };
}

function bulletsOf(item: Element, ctx: ItemContext): { sections: ParsedSection[]; decision: string | null; history: ParsedHistoryEntry[] } {
  const sections: ParsedSection[] = [];
  const history: ParsedHistoryEntry[] = [];
  const decisions: string[] = [];
  const bullets = tables(item, 'bullet')
    .map(namedRow)
    .sort((a, b) => Number(a['bulletsortorder'] ?? 0) - Number(b['bulletsortorder'] ?? 0));
  for (const b of bullets) {
    const heading = (b['bulletname'] ?? '').trim();
    const html = b['bulletcontent'] ?? '';
    const text = htmlText(html);
    ctx.words.push(heading, text);
    if (text === '') continue;
    if (b['bullettype'] === '8' || DECISION.test(heading)) {
      const { organization, date } = decisionHeading(heading);
      if (date !== null && date < ctx.meetingDate) {
        history.push({ date, organization: organization ?? ctx.committee, decision: text });
        continue;
      }
      decisions.push(text);
      sections.push({ kind: 'decision', heading, text });
      continue;
    }
    // The bullet is the section: its name gives the kind, sub-headings inside keep it.
    const kind = sectionKindForHeading(heading);
    const found = htmlSections(html, heading);
    if (found[0] && found[0].heading !== heading) found.unshift({ kind, heading, text: '' });
    sections.push(...found.map((s) => ({ ...s, kind })));
  }
  return { sections, decision: decisions.length > 0 ? decisions.join('\n\n') : null, history };
}

/** The enclosure's file: its document-id name, else its title with its file type, in the agenda's folder or the files folder. */
function enclosureFile(e: Row, ctx: ItemContext): { file: string | null; wanted: string } {
  const title = (e['name'] ?? '').trim();
  const ext = (e['EnclosureFileType'] ?? '').trim().replace(/^\.?/u, '.');
  const names = [e['filename'] ?? '', ext.length > 1 && title ? `${title}${ext}` : ''].filter((n) => n !== '');
  for (const name of names) {
    for (const folder of ctx.folders) {
      const found = unitName(ctx.unit, `${folder}${name}`);
      if (found !== null) return { file: found, wanted: name };
    }
  }
  return { file: null, wanted: `${ctx.folders[0] ?? ''}${names[0] ?? title}` };
}

/** A PDF made from the enclosure (same base name, or its document id), noted beside the original. */
function renditionOf(e: Row, file: string, ctx: ItemContext): string | null {
  if (/\.pdf$/iu.test(file)) return null;
  const bases = [
    file.replace(/\.[^./]+$/u, ''),
    ...ctx.folders.map((f) => `${f}${(e['name'] ?? '').trim()}`),
    ...ctx.folders.map((f) => `${f}${e['fusionID'] ?? ''}`),
  ];
  for (const base of bases) {
    const found = base.endsWith('/') ? null : unitName(ctx.unit, `${base}.pdf`);
    if (found !== null) return found;
  }
  return null;
}

/** Old binary Office formats and others whose text Protokol does not read. */
const UNREADABLE_ORIGINAL = /\.(doc|xls|ppt|rtf|msg)$/iu;

function enclosuresOf(item: Element, number: string, ctx: ItemContext): ParsedAttachment[] {
  return tables(item, 'enclosure')
    .map(namedRow)
    .sort((a, b) => Number(a['sort'] ?? 0) - Number(b['sort'] ?? 0))
    .map((e) => {
      const title = (e['name'] ?? '').trim() || (e['description'] ?? '').trim() || (e['filename'] ?? 'Bilag');
      ctx.words.push(title);
      const { file, wanted } = enclosureFile(e, ctx);
      if (file === null) ctx.missing.push({ name: wanted, role: `Bilag til punkt ${number}: ${title}` });
      const pdf = file === null ? null : renditionOf(e, file, ctx);
      // An original whose text cannot be read (old binary Office) would be kept unpublished:
      // its PDF copy is the same document, readable, so that one is the attachment.
      const useCopy = pdf !== null && file !== null && UNREADABLE_ORIGINAL.test(file);
      if (pdf !== null && file !== null) {
        ctx.renditions.push(
          useCopy ? { name: file, role: `original til ${pdf}, som er brugt (filtypen kan ikke læses)` } : { name: pdf, role: `PDF-udgave af ${file}` },
        );
      }
      return { title, file: useCopy ? pdf : file, url: null, externalId: e['fusionID'] || e['sysid'] || null, public: isOpen(e) };
    });
}

/** Names in the item's "absent"/"excuse" fields, and in its decision's "deltog ikke" note. */
function absentOf(row: Row, decision: string | null): string[] {
  const listed = `${row['absent'] ?? ''},${row['excuse'] ?? ''}`
    .split(/,|;|\n|\s+og\s+/u)
    .map((s) => personOf(s.replace(/<[^>]*>/gu, ' ')).name)
    .filter((s) => s.length >= 3);
  return [...new Set([...listed, ...(decision ? absentInText(decision) : [])])];
}

/** One item; `number` as the agenda numbers it. */
export function readItem(parent: Element, number: string, order: number, ctx: ItemContext): ParsedItem | null {
  const el = table(parent, 'agendaitem');
  if (!el) return null;
  const row = namedRow(el);
  const base = { number, order, committees: [], caseNumber: row['caseno'] || null, line: null, page: null, externalId: row['sysid'] || null };
  ctx.words.push(number);
  if (!isOpen(row)) {
    // Closed text never enters public fields: a neutral title only, no bullets or enclosures.
    const n = tables(el, 'enclosure').length;
    ctx.warnings.push(sourceWarning('closed_item', `Punkt ${number} er lukket: kun en neutral titel er læst${n > 0 ? `, ${n} bilag er udeladt` : ''}.`));
    const title = (row['publicname'] || row['publictitle'] || '').trim() || 'Lukket punkt';
    return { ...base, public: false, title, decision: null, absent: [], sections: [], attachments: [], history: [] };
  }
  const title = (row['name'] ?? '').trim();
  ctx.words.push(title, row['caseno'] ?? '');
  const { sections, decision, history } = bulletsOf(el, ctx);
  return { ...base, public: true, title, decision, absent: absentOf(row, decision), sections, attachments: enclosuresOf(el, number, ctx), history };
}

// The eDoc publishing manifest (eDocAgendaPublishing.xml): <Meeting> with Committee,
// MeetingDate, MeetingState and MeetingAgendaTypes; each MeetingAgendaType ("Åben dagsorden",
// "Lukket dagsorden") names its complete PDF and holds MeetingAgendaItems, each with its own
// PDF and a <Document> (Title, NeutralTitle, access fields, Case, Attachments). This file
// reads that structure into plain records; what is closed is decided here, once.
import type { Element } from 'domhandler';
import { child, children, text } from './xml.js';

export interface EdocAttachment {
  id: string | null;
  /** The title to show: the neutral one for a closed attachment. */
  title: string;
  pdf: string | null;
  closed: boolean;
}

export interface EdocItem {
  number: string;
  documentId: string | null;
  /** Title for an open item, NeutralTitle for a closed one (never the closed title). */
  title: string;
  closed: boolean;
  pdf: string | null;
  caseNumber: string | null;
  attachments: EdocAttachment[];
  /** The item's text as the manifest carries it (FullText), null when absent or closed. */
  fullText: string | null;
}

export interface EdocAgendaType {
  name: string;
  closed: boolean;
  pdf: string | null;
  /** The id in the agenda type's eDoc address (…&id=4110&type=minute): eDoc's meeting id. */
  meetingId: string | null;
  items: EdocItem[];
  fullText: string | null;
}

export interface EdocManifest {
  committee: string | null;
  /** 'YYYY-MM-DD' or null. */
  date: string | null;
  /** 'HH:MM' or null (a midnight time stamp is a date without time). */
  start: string | null;
  state: string | null;
  agendaTypes: EdocAgendaType[];
}

/** An item number as a key: "01", "1." and "1" are the same item. */
export const numberKey = (n: string): string =>
  n
    .trim()
    .replace(/[.\s]+$/u, '')
    .replace(/^0+(?=\d)/u, '');

/** An agenda type or an item's placement is closed when its name says so ("Lukket dagsorden"). */
const closedName = /\b(?:lukket|lukkede|lukke|fortrolig|closed)\b/iu;
/** PublicAccess / PublishingType values that forbid publishing ("MÅ IKKE PUBLICERES", "Nej"). */
const denies = /\b(?:ikke|nej|no|false|lukket|fortrolig)\b|^0$/iu;

/** "04-12-2012 13:00:00", "04.12.2012 13:00", "2012-12-04T13:00:00" → date and time. */
export function meetingDateTime(raw: string | null): { date: string | null; start: string | null } {
  if (!raw) return { date: null, start: null };
  const dmy = /^(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:[ T]+(\d{1,2})[:.](\d{2}))?/u.exec(raw);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]+(\d{1,2}):(\d{2}))?/u.exec(raw);
  const [y, m, d, hh, mm] = dmy ? [dmy[3], dmy[2], dmy[1], dmy[4], dmy[5]] : ymd ? [ymd[1], ymd[2], ymd[3], ymd[4], ymd[5]] : [];
  if (!y || !m || !d) return { date: null, start: null };
  const month = Number(m);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return { date: null, start: null };
  const date = `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const start = hh && mm && !(Number(hh) === 0 && Number(mm) === 0) ? `${hh.padStart(2, '0')}:${mm}` : null;
  return { date, start };
}

/** A case number as eDoc prints it: prefix, logic identifier, suffix (all optional). */
function caseNumberOf(doc: Element | null): string | null {
  const kase = child(doc, 'Case');
  for (const [e, id, pre, suf] of [
    [kase, 'CaseLogicIdentifier', 'CaseLogicIdentifierPrefix', 'CaseLogicIdentifierSuffix'],
    [doc, 'CaseLogicIdentifier', 'CaseLogicIdentifierPrefix', 'CaseLogicIdentifierSuffix'],
  ] as const) {
    const core = text(e, id);
    if (core) return `${text(e, pre) ?? ''}${core}${text(e, suf) ?? ''}`;
  }
  return null;
}

/** Access fields of a Document or Attachment that forbid publishing it. */
function accessDenied(e: Element | null): boolean {
  const access = text(e, 'PublicAccess');
  const publishing = text(e, 'PublishingType');
  return (access !== null && denies.test(access)) || (publishing !== null && denies.test(publishing));
}

/** The title to publish: the neutral title when closed (the closed title never leaves here). */
function titleOf(e: Element | null, closed: boolean): string | null {
  const neutral = text(e, 'NeutralTitle');
  return closed ? neutral : (text(e, 'Title') ?? neutral);
}

function attachmentOf(e: Element, itemClosed: boolean): EdocAttachment {
  const closed = itemClosed || accessDenied(e);
  return {
    id: e.attribs['attachmentid'] ?? null,
    title: titleOf(e, closed) ?? (closed ? 'Lukket bilag' : 'Bilag'),
    pdf: text(e, 'PDFDocument'),
    closed,
  };
}

/** Whether the item's own placement on this meeting (Document/AgendaItems) says it is closed. */
function placedClosed(doc: Element | null, number: string, committee: string | null): boolean {
  const placements = children(child(doc, 'AgendaItems'), 'AgendaItem');
  const here = placements.filter((p) => numberKey(text(p, 'AgendaItemNumber') ?? '') === number && (!committee || text(p, 'Committee') === committee));
  return here.some((p) => closedName.test(text(p, 'AgendaType') ?? ''));
}

function itemOf(e: Element, typeClosed: boolean, committee: string | null): EdocItem | null {
  const raw = text(e, 'AgendaItemNumber');
  if (!raw) return null;
  const number = numberKey(raw);
  const doc = child(e, 'Document');
  const closed = typeClosed || accessDenied(doc) || placedClosed(doc, number, committee);
  return {
    number,
    documentId: doc?.attribs['documentid'] ?? null,
    title: titleOf(doc, closed) ?? (closed ? 'Lukket punkt' : ''),
    closed,
    pdf: text(e, 'PDFDocument'),
    caseNumber: caseNumberOf(doc),
    attachments: children(child(doc, 'Attachments'), 'Attachment').map((a) => attachmentOf(a, closed)),
    fullText: closed ? null : text(e, 'FullText'),
  };
}

function agendaTypeOf(e: Element, committee: string | null): EdocAgendaType {
  const name = text(e, 'AgendaType') ?? '';
  const closed = closedName.test(name);
  const url = text(e, 'UrlShowCompleteAgendaType');
  return {
    name,
    closed,
    pdf: text(e, 'PDFDocument'),
    meetingId: url ? (/[?&]id=([^&#]+)/i.exec(url)?.[1] ?? null) : null,
    items: children(child(e, 'MeetingAgendaItems'), 'MeetingAgendaItem').flatMap((i) => itemOf(i, closed, committee) ?? []),
    fullText: closed ? null : text(e, 'FullText'),
  };
}

/** The manifest's records from its root <Meeting> element. */
export function readManifest(meeting: Element): EdocManifest {
  const committee = text(meeting, 'Committee');
  const { date, start } = meetingDateTime(text(meeting, 'MeetingDate'));
  return {
    committee,
    date,
    start,
    state: text(meeting, 'MeetingState'),
    agendaTypes: children(child(meeting, 'MeetingAgendaTypes'), 'MeetingAgendaType').map((t) => agendaTypeOf(t, committee)),
  };
}

// SBSYS items: <Item> with <Caption>, <Number>, <IsPublic>, <Case>, <Fields> (HTML or plain
// text, each with a <Caption>; <IsFeedback> marks the decision fields a meeting fills in),
// <Members> (per-item attendance) and <Enclosures>. A decision field accumulates one entry
// per meeting ("<b>18. september 2012:</b> Sagen udsat …"): the entry of this meeting is the
// decision, earlier ones are the item's history.
import type { Element } from 'domhandler';
import type { ParsedAttachment, ParsedHistoryEntry, ParsedItem, ParsedSection, ParseWarning } from '../../model.js';
import { normalizeOrganizationName } from '../../map/normalize.js';
import { leadingDate } from '../../parse/dates.js';
import { sectionKindForHeading } from '../../parse/sections.js';
import { htmlSections, htmlText } from '../html-text.js';
import { absentInText, folderOf, personOf, unitName, unshout } from '../folder-export.js';
import { sourceWarning, type UnitFileNote, type UnitFiles } from '../source.js';
import { kid, kids, textAt, textIn } from '../xml-tree.js';

export interface ItemContext {
  unit: UnitFiles;
  /** The manifest's relative name: enclosure paths are relative to its folder. */
  main: string;
  /** Relative folder of the enclosures as the publication states it ("Enclosures"). */
  enclosureFolder: string;
  meetingDate: string;
  committee: string;
  warnings: ParseWarning[];
  missing: UnitFileNote[];
  /** Words of the source's text fields, for coverage. */
  words: string[];
}

const isTrue = (s: string): boolean => /^(true|1|ja|yes)$/iu.test(s.trim());
/** SBSYS writes this into a decision field nobody filled in. */
const PLACEHOLDER = /^tomt indhold\.?$/iu;
const ABSENT_STATUS = /absent|afbud|fravær|forfald|excused|declined|notattending|notparticipating|ikke til stede/iu;

interface Field {
  caption: string;
  html: boolean;
  feedback: boolean;
  content: string;
}

function fieldsOf(item: Element): Field[] {
  const fields = kids(kid(item, 'Fields'), 'ItemField').map((f, i) => ({
    index: Number(textAt(f, 'Index')) || i + 1,
    caption: textAt(f, 'Caption'),
    html: !/multiline|text|plain/iu.test(textAt(f, 'FieldTypeAsEnum')),
    feedback: isTrue(textAt(f, 'IsFeedback')),
    content: textAt(f, 'Content'),
  }));
  return fields.sort((a, b) => a.index - b.index);
}

/** "FORRETNINGSUDVALGETS BESLUTNING" → "Forretningsudvalget": the body whose decision the field holds. */
function fieldBody(caption: string): string {
  const m = /^(.+?)s?\s+beslutning(?:er)?$/iu.exec(caption.trim());
  return unshout(m ? m[1]! : caption.trim());
}

interface Entry {
  date: string | null;
  text: string;
}

/** A decision field's text split at paragraphs that start with a date and a colon. */
function entriesOf(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const para of text.split(/\n{2,}/u)) {
    const d = leadingDate(para);
    const rest = d ? para.slice(d.index + d.length) : '';
    if (d && /^\s*:/u.test(rest)) entries.push({ date: d.iso, text: rest.replace(/^\s*:\s*/u, '') });
    else if (entries.length > 0) entries[entries.length - 1]!.text += `\n\n${para}`;
    else entries.push({ date: null, text: para });
  }
  return entries.map((e) => ({ ...e, text: e.text.trim() })).filter((e) => e.date !== null || e.text !== '');
}

function fieldText(f: Field): string {
  return f.html ? htmlText(f.content) : f.content.replace(/\r\n?/gu, '\n').trim();
}

/**
 * A field's sections. The field is the section: its caption gives the kind, and sub-headings
 * inside it ("Baggrund", or "Beslutning" quoting another board) stay sections of that kind,
 * so a quoted decision is never taken for the item's decision.
 */
function fieldSections(f: Field): ParsedSection[] {
  const kind = sectionKindForHeading(f.caption);
  if (!f.html) return fieldText(f) === '' ? [] : [{ kind, heading: f.caption, text: fieldText(f) }];
  const found = htmlSections(f.content, f.caption);
  if (found.length === 0) return [];
  // The field's own heading when its text starts at a sub-heading.
  if (found[0]!.heading !== f.caption) found.unshift({ kind, heading: f.caption, text: '' });
  return found.map((s) => ({ ...s, kind }));
}

/** Sections, decision and history of an open item's fields. */
function readFields(fields: readonly Field[], ctx: ItemContext): { sections: ParsedSection[]; decision: string | null; history: ParsedHistoryEntry[] } {
  const sections: ParsedSection[] = [];
  const history: ParsedHistoryEntry[] = [];
  const decisions: string[] = [];
  const own = normalizeOrganizationName(ctx.committee);
  const feedback = fields.filter((f) => f.feedback);
  // The meeting's own decision field is the one its committee's name heads; failing that, the first.
  const ownField = feedback.find((f) => normalizeOrganizationName(fieldBody(f.caption)) === own) ?? feedback[0];
  for (const f of fields) {
    ctx.words.push(f.caption, fieldText(f));
    if (PLACEHOLDER.test(fieldText(f))) continue;
    if (!f.feedback) {
      sections.push(...fieldSections(f));
      continue;
    }
    for (const e of entriesOf(fieldText(f))) {
      const current = e.date === null || e.date === ctx.meetingDate;
      if (current && e.text !== '' && f === ownField) {
        decisions.push(e.text);
        sections.push({ kind: 'decision', heading: f.caption, text: e.text });
      } else if (!current && e.date! < ctx.meetingDate && e.text !== '') {
        history.push({ date: e.date!, organization: fieldBody(f.caption), decision: e.text });
      } else if (e.text !== '') {
        // Another body's decision (or one dated after this meeting): kept as text under its heading.
        sections.push({ kind: 'other', heading: f.caption, text: e.date ? `${e.date}: ${e.text}` : e.text });
      }
    }
  }
  return { sections, decision: decisions.length > 0 ? decisions.join('\n\n') : null, history };
}

function enclosuresOf(item: Element, number: string, ctx: ItemContext): ParsedAttachment[] {
  const base = folderOf(ctx.main);
  return kids(kid(item, 'Enclosures'), 'Enclosure').map((e) => {
    const title = textAt(e, 'Name') || textAt(e, 'InstantiationFileName') || `Bilag ${textAt(e, 'Number')}`.trim();
    ctx.words.push(title);
    const relative =
      textAt(e, 'InstantiationFilePathRelative') || (textAt(e, 'InstantiationFileName') ? `${ctx.enclosureFolder}/${textAt(e, 'InstantiationFileName')}` : '');
    const wanted = relative ? `${base}${relative.replace(/\\/g, '/').replace(/^\/+/u, '')}` : '';
    const file = wanted ? unitName(ctx.unit, wanted) : null;
    if (wanted && file === null) ctx.missing.push({ name: wanted, role: `Bilag til punkt ${number}: ${title}` });
    const url = textAt(e, 'DownloadUrl');
    const access = textAt(e, 'IsPublic');
    return {
      title,
      file,
      url: /^https?:\/\//iu.test(url) ? url : null,
      externalId: e.attribs['ID'] ?? null,
      public: access === '' ? true : isTrue(access),
    };
  });
}

/** Names the item's attendance marks absent (status or note). */
function itemAbsent(item: Element): string[] {
  return kids(kid(item, 'Members'), 'ItemMember')
    .filter((m) => ABSENT_STATUS.test(`${textAt(m, 'ParticipationStatusAsText')} ${textAt(m, 'ParticipationNote')}`))
    .map((m) => personOf(textAt(m, 'Name') || textAt(m, 'Member/Name')).name)
    .filter((n) => n !== '');
}

/** A neutral title for a closed item: the publication's public caption when it has one. */
function closedTitle(item: Element): string {
  for (const name of ['PublicCaption', 'NeutralCaption', 'ClosedCaption', 'AnonymousCaption']) {
    const t = textAt(item, name);
    if (t) return t;
  }
  return 'Lukket punkt';
}

export function readItem(item: Element, order: number, ctx: ItemContext): ParsedItem {
  const number = textAt(item, 'Number') || String(order);
  const open = textAt(item, 'IsPublic') === '' || isTrue(textAt(item, 'IsPublic'));
  const caseNumber = textAt(item, 'Case/Number') || null;
  const base = { number, order, committees: [], public: open, caseNumber, line: null, page: null, externalId: item.attribs['ID'] ?? null };
  ctx.words.push(number);
  if (!open) {
    // Closed text never enters public fields: no caption, fields or enclosures, only a neutral title.
    const n = kids(kid(item, 'Enclosures'), 'Enclosure').length;
    ctx.warnings.push(sourceWarning('closed_item', `Punkt ${number} er lukket: kun en neutral titel er læst${n > 0 ? `, ${n} bilag er udeladt` : ''}.`));
    return { ...base, title: closedTitle(item), decision: null, absent: [], sections: [], attachments: [], history: [] };
  }
  const title = textIn(kid(item, 'Caption'));
  ctx.words.push(title, caseNumber ?? '');
  const { sections, decision, history } = readFields(fieldsOf(item), ctx);
  const absent = [...new Set([...itemAbsent(item), ...(decision ? absentInText(decision) : [])])];
  return { ...base, title, decision, absent, sections, attachments: enclosuresOf(item, number, ctx), history };
}

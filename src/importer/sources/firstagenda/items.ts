// One FirstAgenda agenda item (Dagsordenpunkt) → ParsedItem. Fields are HTML: their headings
// ("Beslutning", "Resume", "Indstilling" …) make the sections, as in a printed agenda. Closed
// items keep their number and the neutral title the portal shows — never their text.
import { blocksSections, blocksText, type HtmlBlock, htmlBlocks } from '../html-text.js';
import { absenceNames } from '../../parse/item-fields.js';
import type { ParsedAttachment, ParsedItem, ParsedSection, ParseWarning } from '../../model.js';
import { sourceWarning } from '../source.js';
import { type FaItem, realId } from './model.js';

/** "Lukket: Orientering", "Lukket punkt", "LUKKET - Salg af grund": the portal's closed marker. */
const CLOSED_TITLE = /^\s*lukket(?:\s+punkt)?\s*(?:[:\-–.]\s*|$)/iu;

/** The input's words, counted while the item is read (each field's HTML is parsed once). */
export type WordSink = (text: string | null | undefined) => void;

export interface ItemContext {
  /** The portal's origin (https://dagsordener.greve.dk) for attachment URLs; null when unknown. */
  origin: string | null;
  /**
   * True when other items of the meeting have their PDF rendering (Felter[].Link): an item
   * without one is then withheld by the portal, which is what it does to closed items.
   */
  meetingHasItemPdfs: boolean;
  words: WordSink;
}

export function itemTitle(item: FaItem): string {
  return (item.Navn ?? item.Caption ?? '').replace(/\s+/g, ' ').trim();
}

/** Whether the portal serves the item as a PDF (a field with a Link or document id). */
export function hasItemPdf(item: FaItem): boolean {
  return (item.Felter ?? []).some((f) => (f.Link ?? '').trim() !== '' || realId(f.DocumentId) !== null);
}

/** Why an item is closed, or null when it is open. */
export function closedReason(item: FaItem, ctx: ItemContext): string | null {
  if (CLOSED_TITLE.test(itemTitle(item))) return 'its title marks it closed';
  if (item.IsOpen !== true && ctx.meetingHasItemPdfs && !hasItemPdf(item)) return 'the portal withholds its PDF, as for closed items';
  return null;
}

/** Names the item's attendee list gives as absent ("Fraværende", "Afbud", attendance type 2). */
function attendeesAbsent(item: FaItem): string[] {
  const out: string[] = [];
  for (const a of item.ExternalAgendaItemAttendees ?? []) {
    const absent = a.AttendanceType === 2 || /fravær|afbud|forfald|ikke\s+(?:til\s+stede|mødt)|deltog\s+ikke/iu.test(a.Reason ?? '');
    const name = a.Name.replace(/\s+/g, ' ').trim();
    if (absent && name !== '' && !out.includes(name)) out.push(name);
  }
  return out;
}

function attachmentUrl(origin: string | null, id: string): string | null {
  return origin === null ? null : `${origin}/Vis/Pdf/bilag/${encodeURIComponent(id)}`;
}

function attachmentsOf(item: FaItem, origin: string | null): ParsedAttachment[] {
  const list = [...(item.Bilag ?? [])].sort((a, b) => (a.Order ?? 0) - (b.Order ?? 0));
  return list.map((b) => ({
    title: (b.Navn ?? '').replace(/\s+/g, ' ').trim() || 'Bilag',
    file: null,
    url: attachmentUrl(origin, b.Id),
    externalId: realId(b.Id),
    public: true,
  }));
}

/**
 * Word pasted into the case system marks whole paragraphs as headings (<h4><span>Tune Bibliotek
 * har gennem …</span></h4>): a "heading" that reads as prose is a paragraph, or its text would
 * end up as a section heading with an empty section.
 */
function proseHeadingsAsParagraphs(blocks: HtmlBlock[]): HtmlBlock[] {
  return blocks.map((b) =>
    b.kind === 'heading' && (b.text.length > 90 || /[.!?;]\s+\p{L}/u.test(b.text) || (b.text.length > 40 && /[.!?]$/.test(b.text)))
      ? { ...b, kind: 'paragraph', level: 0 }
      : b,
  );
}

function sectionsOf(item: FaItem, words: WordSink): ParsedSection[] {
  const out: ParsedSection[] = [];
  for (const f of item.Felter ?? []) {
    const lead = f.Navn?.trim() || null;
    words(lead);
    if ((f.Html ?? '').trim() !== '') {
      const blocks = proseHeadingsAsParagraphs(htmlBlocks(f.Html ?? ''));
      words(blocksText(blocks));
      out.push(...blocksSections(blocks, lead));
    } else if ((f.Tekst ?? '').trim() !== '') {
      words(f.Tekst);
      out.push({ kind: 'other', heading: lead ?? '', text: f.Tekst!.trim() });
    }
  }
  // Wrapper headings ("Fremstilling" above the h2 sections) leave empty sections: no content.
  return out.filter((s) => s.text.trim() !== '');
}

/** The decision sections' text without its absence lines, and the names those lines give. */
function decisionOf(sections: readonly ParsedSection[]): { decision: string | null; absent: string[] } {
  const lines: string[] = [];
  const absent: string[] = [];
  for (const s of sections.filter((x) => x.kind === 'decision')) {
    for (const line of s.text.split('\n')) {
      const names = absenceNames(line);
      if (names) for (const n of names) if (!absent.includes(n)) absent.push(n);
      if (!names) lines.push(line);
    }
    lines.push('');
  }
  const decision = lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  return { decision: decision === '' ? null : decision, absent };
}

export function mapItem(item: FaItem, order: number, ctx: ItemContext, warnings: ParseWarning[]): ParsedItem {
  const number = (item.Punktnummer ?? item.Number ?? '').trim() || String(order);
  const title = itemTitle(item);
  const caseNumber = (item.SagsNummer ?? item.CaseNumber ?? '').trim() || null;
  for (const s of [number, title, caseNumber]) ctx.words(s);
  for (const b of item.Bilag ?? []) ctx.words(b.Navn);
  for (const a of item.ExternalAgendaItemAttendees ?? []) ctx.words(a.Name);
  const base = { number, order, committees: [], caseNumber, history: [], line: null, page: null, externalId: realId(item.Id) };
  const closed = closedReason(item, ctx);
  // Read (and counted as input) even when closed: the text is withheld, and coverage says so.
  const sections = sectionsOf(item, ctx.words);
  if (closed !== null) {
    const neutral = title.replace(CLOSED_TITLE, '').trim() || title || 'Lukket punkt';
    if (sections.length > 0 || (item.Bilag ?? []).length > 0) {
      warnings.push(sourceWarning('closed_item', `Punkt ${number} er lukket (${closed}): tekst og bilag er ikke importeret`));
    }
    // Attendance is no closed content: the list says who took part, not what was said.
    return { ...base, title: neutral, public: false, decision: null, absent: attendeesAbsent(item), sections: [], attachments: [] };
  }
  const { decision, absent } = decisionOf(sections);
  for (const n of attendeesAbsent(item)) if (!absent.includes(n)) absent.push(n);
  return { ...base, title, public: true, decision, absent, sections, attachments: attachmentsOf(item, ctx.origin) };
}

// Manifest + parsed text → the document's items. The manifest wins for structure (numbers,
// titles, closed flags, case numbers when it has them, attachments); the parsed PDF text
// gives sections, decisions, attendance and history, matched by item number. A closed item
// keeps only its number and neutral title: nothing parsed is attached to it.
import type { ParsedAttachment, ParsedItem, ParseWarning } from '../../model.js';
import { normTitle } from '../../parse/lines.js';
import { sourceWarning, type UnitFileNote } from '../source.js';
import { type EdocAgendaType, type EdocAttachment, type EdocItem, numberKey } from './manifest.js';

/** The meeting's items across its agenda types, by number: closed wherever any type closes it. */
export function meetingItems(types: readonly EdocAgendaType[], warnings: ParseWarning[]): EdocItem[] {
  const byNumber = new Map<string, EdocItem>();
  // Open types first, so an open item's attachments and texts are the ones kept.
  const ordered = [...types.filter((t) => !t.closed), ...types.filter((t) => t.closed)];
  for (const type of ordered) {
    for (const item of type.items) {
      const known = byNumber.get(item.number);
      if (!known) byNumber.set(item.number, item);
      else if (item.closed && !known.closed) {
        // The same number on a closed agenda: the item is closed, and only its neutral title shows.
        byNumber.set(item.number, item);
        warnings.push(sourceWarning('closed_item', `Item ${item.number} is on a closed agenda (${type.name}): read as closed`));
      }
    }
  }
  const num = (n: string): number => Number.parseInt(n, 10);
  // Printed order is number order; the manifest lists items in any order.
  return [...byNumber.values()].sort((a, b) => (Number.isFinite(num(a.number)) && Number.isFinite(num(b.number)) ? num(a.number) - num(b.number) : 0));
}

/** Resolves a manifest file name to the unit's own relative name (case-insensitively), or null. */
export type FileResolver = (name: string) => string | null;

function attachmentOf(a: EdocAttachment, resolve: FileResolver, missing: UnitFileNote[]): ParsedAttachment {
  if (a.closed) return { title: a.title, file: null, url: null, externalId: a.id, public: false };
  const file = a.pdf ? resolve(a.pdf) : null;
  if (a.pdf && file === null) missing.push({ name: a.pdf, role: `Bilag: ${a.title}` });
  return { title: a.title, file, url: null, externalId: a.id, public: true };
}

/** A closed item: number and neutral title; no text, no case number (it can name the matter). */
function closedItem(m: EdocItem, order: number): ParsedItem {
  return {
    number: m.number,
    order,
    title: m.title,
    committees: [],
    public: false,
    caseNumber: null,
    decision: null,
    absent: [],
    sections: [],
    attachments: m.attachments.map((a) => ({ title: a.title, file: null, url: null, externalId: a.id, public: false })),
    history: [],
    line: null,
    page: null,
    externalId: m.documentId,
  };
}

export function mergeItems(
  manifest: readonly EdocItem[],
  parsed: ReadonlyMap<string, ParsedItem>,
  resolve: FileResolver,
  missing: UnitFileNote[],
  warnings: ParseWarning[],
): ParsedItem[] {
  return manifest.map((m, i) => {
    if (m.closed) return closedItem(m, i + 1);
    const p = parsed.get(m.number) ?? null;
    if (p && m.title && p.title && normTitle(p.title) !== normTitle(m.title)) {
      warnings.push(sourceWarning('title_mismatch', `Item ${m.number}: the manifest's title "${m.title}" is kept; the PDF prints "${p.title}"`));
    }
    return {
      number: m.number,
      order: i + 1,
      title: m.title || p?.title || '',
      committees: p?.committees ?? [],
      public: true,
      caseNumber: m.caseNumber ?? p?.caseNumber ?? null,
      decision: p?.decision ?? null,
      absent: p?.absent ?? [],
      sections: p?.sections ?? [],
      attachments: m.attachments.map((a) => attachmentOf(a, resolve, missing)),
      history: p?.history ?? [],
      line: p?.line ?? null,
      page: p?.page ?? null,
      externalId: m.documentId,
    };
  });
}

/** Items the PDF prints that the manifest does not list: left out, named by number and title only. */
export function unlistedItems(manifest: readonly EdocItem[], parsed: readonly ParsedItem[], source: string, warnings: ParseWarning[]): void {
  const listed = new Set(manifest.map((m) => m.number));
  for (const p of parsed) {
    if (!listed.has(numberKey(p.number))) {
      warnings.push(sourceWarning('unlisted_item', `${source}: item ${p.number} "${p.title}" is not in the manifest and was left out`));
    }
  }
}

// One item's lines → ParsedItem: case number, sections, decision, absences, attachments, history.
import type { ParsedHistoryEntry, ParsedItem, ParsedSection } from '../model.js';
import { findDate } from './dates.js';
import type { Line, ParseContext } from './lines.js';
import { joinParagraphs } from './lines.js';
import { blocksToText } from '../../domain/text-blocks.js';
import type { TextBlock } from '../../domain/text-blocks.js';
import { linesToBlocks, printedWidth } from './text-structure.js';
import {
  absenceNames,
  attachmentEntries,
  bareCaseNumber,
  historyEntries,
  isSubstituteLine,
  labelledCaseNumber,
  splitCommittees,
  splitNames,
} from './item-fields.js';
import type { AttachmentEntry } from './item-fields.js';
import type { ItemStart } from './items.js';
import { isOpenCloseMarker } from './items.js';
import { matchHeading } from './sections.js';
import type { HeadingMatch } from './sections.js';

interface Draft {
  match: HeadingMatch | null;
  heading: string;
  kind: string;
  lines: Line[];
  inline: string;
}

/** The draft's text as blocks: the inline text after "Heading:" first, then its lines rebuilt. */
function blocksOf(d: Draft, width: number | null): TextBlock[] {
  const body = linesToBlocks(trimBlank(d.lines), width);
  return d.inline ? [{ kind: 'paragraph', text: d.inline }, ...body] : body;
}

function trimBlank(lines: Line[]): Line[] {
  let a = 0;
  let b = lines.length;
  while (a < b && lines[a]!.text === '') a++;
  while (b > a && lines[b - 1]!.text === '') b--;
  return lines.slice(a, b);
}

/**
 * A decision block that names its body and day ("Beslutning i <udvalg> den <dato>") is this
 * meeting's decision when dated the meeting's day; blocks of other days are the case's
 * history. Without a meeting date, eDoc's "<Udvalg>s beslutning den …" stays the decision
 * and, of the named blocks, the latest is — unless an undated "Beslutning" heading is there.
 */
function resolveDated(drafts: Draft[], meetingDate: string | null): void {
  const dated = drafts.filter((d) => d.match?.dated && d.match.date);
  if (dated.length === 0) return;
  if (meetingDate) {
    for (const d of dated) if (d.match!.date !== meetingDate) d.kind = 'history';
    return;
  }
  const named = dated.filter((d) => d.match!.dated === 'named');
  const plain = drafts.some((d) => d.kind === 'decision' && !d.match?.dated);
  let latest: Draft | null = null;
  if (!plain) for (const d of named) if (latest === null || d.match!.date! >= latest.match!.date!) latest = d;
  for (const d of named) if (d !== latest) d.kind = 'history';
}

/** Builds an item from its lines [start.start, end); `meetingDate` tells this meeting's
 * decision from earlier ones. */
export function parseItemBody(ctx: ParseContext, s: ItemStart, end: number, order: number, meetingDate: string | null = null): ParsedItem {
  const lines = ctx.lines;
  const { committees, title, misDecoded } = splitCommittees(s.title);
  const headerLine = lines[s.index]!;
  if (misDecoded.length) {
    ctx.warn('mis_decoded', `Committee code(s) ${misDecoded.join(', ')} look mis-decoded (kept as printed) in item ${s.number}.`, headerLine);
  }
  let caseNumber: string | null = null;
  const consumed = new Set<number>();
  if (s.start < s.index) {
    const t = lines[s.start]!.text;
    caseNumber = labelledCaseNumber(t) ?? bareCaseNumber(t);
    consumed.add(s.start);
    for (let i = s.start + 1; i < s.index; i++) if (lines[i]!.text !== '') ctx.unparsed(lines[i]!, `item ${s.number} header`);
  }
  // A case number within the first few lines after the header.
  for (let i = s.headerEnd, seen = 0; i < end && seen < 4; i++) {
    const l = lines[i]!;
    if (l.text === '') continue;
    seen++;
    if (matchHeading(l)) break;
    const c = labelledCaseNumber(l.text) ?? (seen <= 2 ? bareCaseNumber(l.text) : null);
    if (c) {
      if (!caseNumber) caseNumber = c;
      consumed.add(i);
      if (!labelledCaseNumber(l.text)) break;
    }
  }
  const drafts: Draft[] = [];
  let cur: Draft = { match: null, heading: '', kind: 'other', lines: [], inline: '' };
  const history: ParsedHistoryEntry[] = [];
  for (let i = s.headerEnd; i < end; i++) {
    const l = lines[i]!;
    if (consumed.has(i)) {
      // Keep the label's words ("Sagsnr.:") only where they are not the bare number.
      if (labelledCaseNumber(l.text) && caseNumber !== null) cur.lines.push(l);
      continue;
    }
    if (isOpenCloseMarker(l.text)) {
      ctx.warn('section_marker', l.text, l);
      continue;
    }
    const m = matchHeading(l);
    const isHeading =
      m !== null &&
      !(m.soft && cur.kind === 'presentation') &&
      !(m.kind === 'recommendation' && m.heading === l.text && /indstiller/i.test(l.text) && cur.kind === 'recommendation');
    if (isHeading) {
      if (cur.match || cur.lines.some((x) => x.text !== '')) drafts.push(cur);
      cur = { match: m, heading: m.heading, kind: m.kind, lines: [], inline: m.inline };
      continue;
    }
    // eDoc preamble: "Kommunalbestyrelsen den 30. januar 2012 Punkt 5" — an earlier consideration.
    if (!cur.match) {
      const prior = /^(.{3,100}?)\s+(?:den|d\.)\s+(.{6,30}?)\s+(?:Punkt|Pkt\.?)\s*\d+\s*$/u.exec(l.text);
      const d = prior ? findDate(prior[2]!) : null;
      if (prior && d) history.push({ date: d.iso, organization: prior[1]!.trim(), decision: '' });
    }
    cur.lines.push(l);
  }
  if (cur.match || cur.lines.some((x) => x.text !== '')) drafts.push(cur);
  resolveDated(drafts, meetingDate);

  const absent: string[] = [];
  const addAbsent = (names: string[]) => {
    for (const n of names) if (!absent.includes(n)) absent.push(n);
  };
  let decision: string | null = null;
  const attachments: AttachmentEntry[] = [];
  const sections: ParsedSection[] = [];
  const width = printedWidth(lines);
  for (const d of drafts) {
    const blocks = blocksOf(d, width);
    sections.push({ kind: d.kind, heading: d.heading, text: blocksToText(blocks), blocks });
    const inHistory = d.kind === 'history';
    if (d.match?.absence) {
      for (const l of d.lines) if (l.text) addAbsent(splitNames(l.text));
    } else if (!inHistory) {
      for (const l of d.lines) {
        const a = l.text ? absenceNames(l.text) : null;
        if (a && !isSubstituteLine(l.text)) addAbsent(a);
      }
    }
    if (d.kind === 'decision' && decision === null) {
      const kept = d.lines.filter((l) => !(l.text && absenceNames(l.text)));
      const t = blocksToText(blocksOf({ ...d, lines: kept }, width));
      decision = t === '' ? null : t;
    }
    if (d.kind === 'attachments') attachments.push(...attachmentEntries(d.lines));
    if (inHistory) {
      if (d.match?.date && d.match.organization) {
        const kept = d.lines.filter((l) => !(l.text && (absenceNames(l.text) || isSubstituteLine(l.text))));
        history.push({ date: d.match.date, organization: d.match.organization, decision: joinParagraphs(trimBlank(kept)) });
      } else history.push(...historyEntries(d.lines));
    }
  }
  return {
    number: s.number,
    order,
    title,
    committees,
    public: s.public,
    caseNumber,
    decision,
    absent,
    sections,
    attachments,
    history,
    line: lines[s.start]?.line ?? headerLine.line,
    page: lines[s.start]?.page ?? headerLine.page,
  };
}

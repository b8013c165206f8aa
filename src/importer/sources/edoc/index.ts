// eDoc (Fujitsu) publishing export: a folder with the XML manifest (root <Meeting>, with
// MeetingAgendaTypes …) and the meeting's PDFs beside it: each agenda type's complete PDF,
// one PDF per item, the attachments. The manifest is the truth for the meeting's structure;
// the text comes from the open agenda's PDFs through the text parser (texts.ts, merge.ts).
import { addDecisionData } from '../../parse/decision-data.js';
import { isTag } from 'domhandler';
import { DomainError } from '../../../domain/errors.js';
import type { ParsedDocument, ParseWarning } from '../../model.js';
import { type ReadOptions, type SourceReader, type SourceResult, sourceWarning, type UnitFiles } from '../source.js';
import { edocCoverage } from './coverage.js';
import { type EdocManifest, readManifest } from './manifest.js';
import { type FileResolver, meetingItems, mergeItems, unlistedItems } from './merge.js';
import { gatherTexts } from './texts.js';
import { decodeXml, parseXml } from './xml.js';

const FORMAT = 'edoc-export';

/** The root element is <Meeting> (after the declaration, comments, a doctype). */
const meetingRoot = /^(?:\s|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*<Meeting[\s>/]/u;
/** Elements only eDoc's publishing manifest has. */
const edocElements = /<(?:MeetingAgendaTypes|MeetingAgendaType|MeetingAgendaItems)[\s>/]/u;

/** "Byråd 2022-2025" → name and term; a name without a term as it is. */
function termOf(s: string): { name: string; term: string | null } {
  const m = /^(.*?)\s*[-–,]?\s*\(?((?:19|20)\d{2})\s?[-–]\s?((?:19|20)\d{2})\)?$/u.exec(s.trim());
  if (m && (m[1] ?? '').length > 2) return { name: (m[1] ?? '').replace(/[\s\-–,]+$/u, ''), term: `${m[2]}-${m[3]}` };
  return { name: s.trim(), term: null };
}

/** The state names the document: "Referat endeligt godkendt" is minutes, "Dagsorden …" an agenda. */
function kindOf(state: string | null, parsed: ParsedDocument | null): 'dagsorden' | 'referat' {
  if (state && /referat|protokol|beslutning/iu.test(state)) return 'referat';
  if (state && /dagsorden/iu.test(state)) return 'dagsorden';
  return parsed?.documentKind ?? 'dagsorden';
}

function resolverOf(unit: UnitFiles): FileResolver {
  const files = unit.list();
  const folded = new Map(files.map((f) => [f.toLowerCase(), f]));
  return (name) => {
    const clean = name.replace(/\\/g, '/').replace(/^\.?\//u, '');
    return files.includes(clean) ? clean : (folded.get(clean.toLowerCase()) ?? null);
  };
}

async function manifestOf(unit: UnitFiles, main: string): Promise<EdocManifest> {
  const bytes = await unit.read(main);
  if (bytes === null) throw new DomainError('invalid_input', `${main}: the eDoc manifest cannot be read`, main);
  const parsed = parseXml(decodeXml(bytes));
  if ('error' in parsed) throw new DomainError('invalid_input', `${main}: not well-formed XML: ${parsed.error}`, main);
  const root = parsed.doc.children.find(isTag);
  if (root?.name !== 'Meeting') throw new DomainError('invalid_input', `${main}: not an eDoc manifest (root <${root?.name ?? ''}>, expected <Meeting>)`, main);
  return readManifest(root);
}

async function read(unit: UnitFiles, main: string, options: ReadOptions): Promise<SourceResult> {
  const manifest = await manifestOf(unit, main);
  const warnings: ParseWarning[] = [];
  if (manifest.agendaTypes.length === 0) warnings.push(sourceWarning('no_agenda', `${main}: no MeetingAgendaType; the meeting has no items`));
  const closedTypes = manifest.agendaTypes.filter((t) => t.closed);
  if (closedTypes.length > 0) {
    warnings.push(
      sourceWarning(
        'closed_agenda',
        `Closed agenda types not read (only their items' numbers and neutral titles): ${closedTypes.map((t) => t.name).join(', ')}`,
      ),
    );
  }
  const resolve = resolverOf(unit);
  const open = manifest.agendaTypes.filter((t) => !t.closed);
  // The open agenda whose complete PDF is in the folder, else the first open one.
  const content = open.find((t) => t.pdf && resolve(t.pdf)) ?? open[0] ?? null;
  const items = meetingItems(manifest.agendaTypes, warnings);
  const openItems = items.filter((i) => !i.closed);
  const texts = await gatherTexts(unit, content, openItems, options.municipality);
  const full = texts.full?.doc ?? null;
  // The parser's own notes on the complete agenda; those the manifest answers are dropped.
  const headerBefore = texts.full?.headerBefore;
  for (const w of full?.warnings ?? []) {
    if ((w.code === 'no_date' && manifest.date) || (w.code === 'no_organization' && manifest.committee)) continue;
    if (headerBefore !== undefined && w.line !== null && w.line >= headerBefore) continue;
    warnings.push({ ...w, message: `${texts.full?.source ?? ''}: ${w.message}` });
  }
  warnings.push(...texts.warnings);
  const missing = [...texts.missing];
  let docItems = mergeItems(items, texts.items, resolve, missing, warnings);
  if (full && items.length > 0) unlistedItems(items, full.items, texts.full?.source ?? '', warnings);
  if (full && items.length === 0 && full.items.length > 0) {
    // A manifest without items: the open agenda's PDF is all there is.
    docItems = full.items;
    warnings.push(
      sourceWarning('no_manifest_items', `${main} lists no items; the ${full.items.length} items of ${texts.full?.source ?? ''} are used as printed`),
    );
  }
  if (!manifest.date && !full?.meeting.date) warnings.push(sourceWarning('no_date', `${main}: no MeetingDate`));
  // Items are rebuilt from the manifest and the PDFs' text: their decisions are read again.
  addDecisionData(docItems, full?.participants ?? []);
  const org = manifest.committee ? termOf(manifest.committee) : (full?.organization ?? { name: '', term: null });
  const given = options.municipality?.trim();
  const doc: Omit<ParsedDocument, 'coverage'> = {
    documentKind: kindOf(manifest.state, full),
    municipality: given ? given : (full?.municipality ?? null),
    organization: org,
    meeting: {
      date: manifest.date ?? full?.meeting.date ?? '',
      start: manifest.start ?? full?.meeting.start ?? null,
      end: full?.meeting.end ?? null,
      location: full?.meeting.location ?? null,
    },
    participants: full?.participants ?? [],
    items: docItems,
    toc: full?.toc ?? [],
    signatures: full?.signatures ?? [],
    warnings,
    layout: FORMAT,
    source: {
      system: FORMAT,
      meetingId: content?.meetingId ?? manifest.agendaTypes.find((t) => t.meetingId)?.meetingId ?? null,
      organizationId: null,
      url: null,
    },
  };
  const coverage = edocCoverage(manifest.committee, items, texts.read, doc);
  const used = [main, ...texts.used];
  // Open items' own PDFs the complete agenda made unnecessary: reported as such, not as unused.
  const alternates = openItems
    .map((i) => ({ name: i.pdf ? resolve(i.pdf) : null, number: i.number }))
    .filter((a): a is { name: string; number: string } => a.name !== null && !used.includes(a.name))
    .map((a) => ({ name: a.name, role: `Punkt ${a.number}: samme tekst som mødets samlede PDF` }));
  return { doc: { ...doc, coverage }, used, missing, alternates };
}

export const edocReader: SourceReader = {
  format: FORMAT,
  label: 'eDoc-eksport',
  unit: 'folder',
  async detect(unit, head) {
    for (const name of unit.list()) {
      // The manifest sits at the top of the export, beside the PDFs it names.
      if (name.includes('/') || !/\.xml$/iu.test(name)) continue;
      const text = await head(name);
      if (text !== null && meetingRoot.test(text) && edocElements.test(text)) return name;
    }
    return null;
  },
  read,
};

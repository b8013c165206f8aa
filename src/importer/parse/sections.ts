// Section headings inside an item → SectionKind. Only whole-line headings from a known set
// (or a known pattern) start a section; any other sub-heading stays in the section's text.
import type { SectionKind } from '../../domain/agenda-item.js';
import { findDate, findDates } from './dates.js';
import type { Line } from './lines.js';

export interface HeadingMatch {
  kind: SectionKind;
  heading: string;
  /** Text after "Heading:" on the same line ("Beslutning: Godkendt."). */
  inline: string;
  /** Extra meaning for history/decision headings with a body and date. */
  organization?: string;
  date?: string;
  /** Per-item absence list heading ("Følgende deltog ikke i behandlingen af punktet:"). */
  absence?: boolean;
  /** Soft headings start a section only outside a case presentation. */
  soft?: boolean;
  /** A decision heading naming a body and a day ("Beslutning i <udvalg> den <dato>"): the
   * item decides which is this meeting's decision and which are history. 'possessive' for
   * eDoc's "<Udvalg>s beslutning den <dato>", which was this meeting's before dates were compared. */
  dated?: 'named' | 'possessive';
}

const exact: Record<string, SectionKind> = {
  beslutning: 'decision',
  beslutninger: 'decision',
  afgørelse: 'decision',
  'udvalgets beslutning': 'decision',
  'beslutning i udvalget': 'decision',
  resumé: 'summary',
  resume: 'summary',
  'kort resumé': 'summary',
  beslutningstema: 'summary',
  sammendrag: 'summary',
  'baggrund og formål': 'summary',
  indstilling: 'recommendation',
  indstillinger: 'recommendation',
  'forslag til beslutning': 'recommendation',
  'forvaltningens indstilling': 'recommendation',
  'administrationens indstilling': 'recommendation',
  'direktionens indstilling': 'recommendation',
  'direktørens indstilling': 'recommendation',
  forslag: 'recommendation',
  'forslag til indstilling': 'recommendation',
  'forvaltningens forslag': 'recommendation',
  'administrationens forslag': 'recommendation',
  beslutningskompetence: 'competence',
  'beslutningen træffes af': 'competence',
  kompetence: 'competence',
  sagsfremstilling: 'presentation',
  'supplerende sagsfremstilling': 'presentation',
  sagsbeskrivelse: 'presentation',
  'sagens indhold': 'presentation',
  udtalelser: 'statements',
  udtalelse: 'statements',
  høringssvar: 'statements',
  høring: 'statements',
  'administrationens vurdering': 'assessment',
  'forvaltningens vurdering': 'assessment',
  vurdering: 'assessment',
  'økonomi og finansiering': 'economy',
  økonomi: 'economy',
  'økonomiske konsekvenser': 'economy',
  'økonomiske konsekvenser og finansiering': 'economy',
  'økonomiske forhold': 'economy',
  finansiering: 'economy',
  'bevillingsmæssige konsekvenser': 'economy',
  'økonomi og personale': 'economy',
  'økonomi og organisatoriske konsekvenser': 'economy',
  'sagens forløb': 'history',
  historik: 'history',
  'tidligere beslutninger': 'history',
  'tidligere behandling': 'history',
  'sagens tidligere behandling': 'history',
  kommunikation: 'communication',
  'kommunikation og inddragelse': 'communication',
  lovgrundlag: 'legal_basis',
  lovhjemmel: 'legal_basis',
  retsgrundlag: 'legal_basis',
  'lovgrundlag og retningslinjer': 'legal_basis',
  bilag: 'attachments',
  bilagsliste: 'attachments',
  'vedlagte bilag': 'attachments',
  'bilag til sagen': 'attachments',
};

/** Headings that are usually sub-headings inside a case presentation ("### Baggrund"). */
const soft: Record<string, SectionKind> = { baggrund: 'other', tidsplan: 'other', 'videre proces': 'other' };

const recommenderRe =
  /^(?:Administrationen|Direktionen|Forvaltningen|Borgmesteren|Kommunaldirektøren|Kommunaldirektionen|Direktøren|Sekretariatet|Centret|Centeret|Center for [^,:;]{1,80}|Fagcenter [^,:;]{1,80}|Økonomiudvalget|Fagudvalget|[A-ZÆØÅ][\p{L}-]{1,40}forvaltningen)\s+indstiller(?:\s*,?\s*at)?\s*[,:;]?$/u;

function key(s: string): string {
  return s
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s:.]+$/, '')
    .trim();
}

/** The kind of a section heading written in the editor ("Økonomi:" → economy); `other` when unknown. */
export function sectionKindForHeading(heading: string): SectionKind {
  return lookup(exact, key(heading)) ?? lookup(soft, key(heading)) ?? 'other';
}

const headingCache = new WeakMap<Line, HeadingMatch | null>();

/** Recognises a section heading on a clean line; null when the line is text. Lines are asked
 * several times (item detection, then the item body), so the answer is kept per line. */
export function matchHeading(l: Line): HeadingMatch | null {
  let m = headingCache.get(l);
  if (m === undefined) {
    m = recognise(l);
    headingCache.set(l, m);
  }
  return m;
}

function lookup<T>(table: Record<string, T>, k: string): T | undefined {
  // Own keys only: "constructor" or "toString" in a document are not headings.
  return Object.hasOwn(table, k) ? table[k] : undefined;
}

function recognise(l: Line): HeadingMatch | null {
  const t = l.text;
  if (t === '' || t.length > 160 || t.includes('\t')) return null;
  const k = key(t);
  const kind = lookup(exact, k);
  if (kind) return { kind, heading: t.replace(/\s*:$/, ''), inline: '' };
  const softKind = lookup(soft, k);
  if (softKind) return { kind: softKind, heading: t.replace(/\s*:$/, ''), inline: '', soft: true };
  // "Beslutning: Godkendt." — a known heading with its text on the same line.
  const colon = /^([^:]{3,45}):\s+(\S.*)$/.exec(t);
  if (colon) {
    const kk = lookup(exact, key(colon[1]!));
    if (kk === 'decision' || kk === 'competence' || kk === 'economy' || kk === 'legal_basis') {
      return { kind: kk, heading: colon[1]!, inline: colon[2]! };
    }
  }
  if (recommenderRe.test(t)) return { kind: 'recommendation', heading: t, inline: '' };
  const named = namedBlock(t);
  if (named) return named;
  // eDoc: "Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 1".
  const edoc = /beslutning/iu.test(t) ? /^(.{3,120}?)\s+beslutning(?:er)?\s+(?:den|d\.)\s+(.{6,30}?)(?:\s+(?:Punkt|Pkt\.?)\s*\S+)?\s*:?$/iu.exec(t) : null;
  if (edoc) {
    const d = findDate(edoc[2]!);
    if (d) return { kind: 'decision', heading: t, inline: '', organization: edoc[1]!.replace(/s$/, ''), date: d.iso, dated: 'possessive' };
  }
  // "Økonomiudvalgets indstilling den 12-06-2013": an earlier body's recommendation.
  const rec = /indstilling/iu.test(t) ? /^(.{3,120}?)s\s+indstilling\s+(?:den|d\.)\s+(.{6,30}?)\s*:?$/iu.exec(t) : null;
  if (rec) {
    const d = findDate(rec[2]!);
    if (d) return { kind: 'history', heading: t, inline: '', organization: rec[1]!, date: d.iso };
  }
  if (/^Følgende deltog ikke i (?:behandlingen|behandling) af (?:punktet|sagen)\s*:?$/i.test(t)) {
    return { kind: 'other', heading: t, inline: '', absence: true };
  }
  return null;
}

/** What may follow the date in a dated heading: ", pkt. 145:", " kl. 13:00", "Punkt 3". */
const datedTailRe = /^(?:[\s,.:]|kl\.?\s*\d{1,2}[:.]\d{2}|(?:pkt|punkt)\.?\s*\d{1,4}[a-z]?)*$/iu;

/**
 * "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013", "Beslutning fra
 * Byrådet 2018-2021, 25. august 2021, pkt. 145:", "Indstilling fra Økonomiudvalget den
 * 12.06.2013": a body's decision (or recommendation) on a day. The body's name runs up to the
 * date phrase, commas and all: the date, not a comma, ends it.
 */
function namedBlock(t: string): HeadingMatch | null {
  const m = /^(beslutning|indstilling|behandling)(?:en)?\s+(?:fra|i|af)\s+(\S.{1,200})$/iu.exec(t);
  if (!m) return null;
  const rest = m[2]!;
  const d = findDates(rest).at(-1);
  if (!d || !datedTailRe.test(rest.slice(d.index + d.length))) return null;
  const organization = rest
    .slice(0, d.index)
    .replace(/[\s,]*(?:(?:den|d\.)\s*)?$/iu, '')
    .replace(/[\s,]+$/u, '')
    .trim();
  if (organization.length < 2) return null;
  // Only a decision can be this meeting's; a recommendation or a consideration named by
  // body and day is always an earlier step of the case.
  const kind = /^beslutning/i.test(m[1]!) ? 'decision' : 'history';
  return { kind, heading: t, inline: '', organization, date: d.iso, ...(kind === 'decision' ? { dated: 'named' as const } : {}) };
}

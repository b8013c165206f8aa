// A FirstAgenda Publication meeting page (/vis?…&id=…) → the agenda model the JSON API gives,
// so the page and the API answer map to one document. A page that embeds the model in a
// script is read from that; a rendered page (the portal's script has filled in the items) is
// read from its markup: the info table (.udvalg, .dato, .sted, .deltagere) and one
// tr.punktrow per item (label, h2.overskrift, .sagsnummer, div.punkt, a.bilag-link).
import { type Element, isTag } from 'domhandler';
import { findAll, findOne, getAttributeValue, getInnerHTML, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { type FaAgenda, type FaItem, faAgenda } from './model.js';

const hasClass = (e: Element, c: string): boolean => (getAttributeValue(e, 'class') ?? '').split(/\s+/).includes(c);
const byClass = (c: string) => (e: Element) => hasClass(e, c);
const clean = (s: string): string => s.replace(/[\s\u00a0]+/g, ' ').trim();
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The page's markers: the items table or an embedded model. */
export function looksLikeAgendaPage(head: string): boolean {
  if (!/<(?:!doctype\s+html|html|body)\b/i.test(head)) return false;
  return /id=["']dagsordenDetaljer["']|class=["'][^"']*\bpunktrow\b|"Dagsordenpunkter"\s*:/.test(head);
}

/** The end of the JSON object or array starting at `start` (string-aware brace matching), or -1. */
function jsonEnd(s: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** An agenda model a script of the page carries (`var model = {"Dagsordenpunkter": …}`), or null. */
export function embeddedAgenda(scripts: readonly string[]): FaAgenda | null {
  for (const script of scripts) {
    let at = script.indexOf('"Dagsordenpunkter"');
    while (at >= 0) {
      // The object holding the key opens at one of the nearest braces before it.
      let open = script.lastIndexOf('{', at);
      for (let tries = 0; open >= 0 && tries < 8; tries++, open = script.lastIndexOf('{', open - 1)) {
        const end = jsonEnd(script, open);
        if (end < at) continue;
        try {
          const parsed = faAgenda.safeParse(JSON.parse(script.slice(open, end)));
          if (parsed.success) return parsed.data;
        } catch {
          // Not JSON from this brace: try the next one out.
        }
      }
      at = script.indexOf('"Dagsordenpunkter"', at + 1);
    }
  }
  return null;
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "onsdag den 8. oktober 2025 kl. 16.00" → "2025-10-08T16:00:00" (Danish wall clock), or null. */
export function danishDateText(s: string): string | null {
  const m = /(\d{1,2})\.\s*([a-zæøå]+)\s+(\d{4})(?:\D{0,8}?(\d{1,2})[.:](\d{2}))?/iu.exec(s);
  const month = m ? MONTHS.indexOf(m[2]!.toLowerCase()) + 1 : 0;
  if (!m || month === 0) {
    const n = /(\d{1,2})[-./](\d{1,2})[-./](\d{4})(?:\D{0,8}?(\d{1,2})[.:](\d{2}))?/.exec(s);
    if (!n) return null;
    return `${n[3]}-${n[2]!.padStart(2, '0')}-${n[1]!.padStart(2, '0')}${n[4] ? `T${n[4].padStart(2, '0')}:${n[5]}:00` : ''}`;
  }
  const date = `${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return m[4] ? `${date}T${m[4].padStart(2, '0')}:${m[5]}:00` : date;
}

export interface PageModel {
  agenda: FaAgenda;
  /** Whether the model came from an embedded script (else from the markup). */
  embedded: boolean;
  /** The page's agenda text (title, info values, items), for coverage: no menus or dialogs. */
  text: string[];
  /** The portal's origin when the page names it (canonical link, base, og:url). */
  origin: string | null;
}

function pageOrigin(root: ReturnType<typeof parseDocument>): string | null {
  const link = findOne((e) => (e.name === 'link' && getAttributeValue(e, 'rel') === 'canonical') || e.name === 'base', root.children, true);
  const og = findOne((e) => e.name === 'meta' && getAttributeValue(e, 'property') === 'og:url', root.children, true);
  for (const href of [link && getAttributeValue(link, 'href'), og && getAttributeValue(og, 'content')]) {
    try {
      if (href) return new URL(href).origin;
    } catch {
      // A relative or broken address names no host.
    }
  }
  return null;
}

/** The text of an element without the portal's chrome (menus, PDF labels, buttons). */
function contentText(e: Element): string {
  const chrome = (n: Element): boolean =>
    ['dropdown-menu', 'pdf-label', 'expand'].some((c) => hasClass(n, c)) || (/^h[1-6]$/.test(n.name) && clean(textContent(n)) === 'Bilag');
  const walk = (nodes: Element['children']): string => nodes.map((n) => (isTag(n) ? (chrome(n) ? ' ' : `${walk(n.children)} `) : textContent(n))).join('');
  return clean(walk(e.children));
}

function itemOf(row: Element): FaItem {
  const label = findOne(byClass('label'), row.children);
  const title = findOne((e) => e.name === 'h2' && hasClass(e, 'overskrift'), row.children) ?? findOne((e) => /^h[1-6]$/.test(e.name), row.children);
  const caseNo = findOne(byClass('sagsnummer'), row.children);
  const body = findOne(byClass('punkt'), row.children);
  const pdf = findOne((e) => getAttributeValue(e, 'data-type') === 'dagsordenpunkt', row.children);
  const id = GUID.exec(getAttributeValue(row, 'id') ?? '')?.[0] ?? (pdf ? (getAttributeValue(pdf, 'data-id') ?? null) : null);
  const links = findAll((e) => e.name === 'a' && hasClass(e, 'bilag-link'), row.children);
  const number = label ? clean(textContent(label)) : null;
  return {
    Id: id,
    Punktnummer: number,
    Number: number,
    Navn: title ? clean(textContent(title)) : null,
    SagsNummer: caseNo ? clean(textContent(caseNo)) || null : null,
    // The portal offers "Hent som PDF" for the items it publishes in full, not for closed ones.
    Felter: body ? [{ Navn: '', Html: getInnerHTML(body), DocumentId: pdf ? id : null }] : [],
    Bilag: links.map((a, i) => ({
      Id: GUID.exec(`${getAttributeValue(a, 'id') ?? ''} ${getAttributeValue(a, 'href') ?? ''}`)?.[0] ?? '',
      Navn: clean(textContent(a)),
      Order: i + 1,
    })),
  };
}

function participantsOf(cell: Element | null): { Name: string }[] {
  if (!cell) return [];
  const entries = findAll((e) => e.name === 'li' || e.name === 'p' || e.name === 'div', cell.children).map((e) => clean(textContent(e)));
  const list = entries.length > 0 ? entries : textContent(cell).split(/\n|,|;/);
  return list
    .map(clean)
    .filter((n) => n !== '')
    .map((Name) => ({ Name }));
}

/** The page's agenda model, or null when the page has neither an embedded model nor item rows. */
export function readAgendaPage(html: string): PageModel | null {
  const root = parseDocument(html, { decodeEntities: true });
  const origin = pageOrigin(root);
  const scripts = findAll((e) => e.name === 'script', root.children).map((s) => textContent(s));
  const embedded = embeddedAgenda(scripts);
  const rows = findAll((e) => e.name === 'tr' && hasClass(e, 'punktrow'), root.children);
  const text: string[] = [];
  if (embedded) return { agenda: embedded, embedded: true, text, origin };
  if (rows.length === 0) return null;
  const one = (c: string): string | null => {
    const e = findOne(byClass(c), root.children);
    return e ? clean(textContent(e)) || null : null;
  };
  const h1 = findOne((e) => e.name === 'h1', root.children);
  const heading = h1 ? clean(textContent(h1)) : '';
  const info = findOne((e) => e.name === 'table' && hasClass(e, 'dagsordeninfo'), root.children);
  const dateText = one('dato') ?? heading;
  text.push(heading);
  if (info) for (const tr of findAll((e) => e.name === 'tr', info.children)) text.push(contentText(tr.children.filter(isTag).at(-1) ?? tr));
  for (const row of rows) text.push(contentText(row));
  const agenda: FaAgenda = {
    Id: null,
    Udvalg: { Id: null, Navn: one('udvalg') ?? '' },
    Moede: {
      Dato: danishDateText(dateText) ?? danishDateText(heading),
      Sted: one('sted'),
      Navn: clean(heading.split(/\s\d/)[0] ?? '') || null,
      Moededeltagere: participantsOf(findOne(byClass('deltagere'), root.children)),
    },
    Dagsordenpunkter: rows.map(itemOf),
  };
  const whole = findOne((e) => getAttributeValue(e, 'data-type') === 'dagsorden' && GUID.test(getAttributeValue(e, 'data-id') ?? ''), root.children);
  if (whole) agenda.Id = GUID.exec(getAttributeValue(whole, 'data-id') ?? '')?.[0] ?? null;
  return { agenda, embedded: false, text, origin };
}

// What the sync needs to find a portal's meetings: the committee list of
// /api/agenda/udvalgsliste, the meetings a listing page (the portal's front page and its
// search results) links to, and the URL shapes of an agenda's API answer and page. Pure.
//
// /api/agenda/udvalgsliste answers { "Udvalg": { "<period>": [committee …] } }, periods
// named like "Udvalg 2022-2025"; each committee { Id, Navn, OrganisationId, Historisk,
// Moeder: [{ Id, Dato, MeetingBeginUtc, ReleasedDate, Sted, Afsluttet, Navn, IsSupplementaryAgenda }] }.
import { findAll, getAttributeValue, textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { z } from 'zod';
import { DomainError } from '../../../domain/errors.js';
import { localDateTime } from './meeting.js';
import { firstIssue, realId } from './model.js';

export interface FirstAgendaMeetingRef {
  id: string;
  /** Danish date YYYY-MM-DD. */
  date: string;
  /** HH:MM or null. */
  start: string | null;
  /** "Dagsorden", "Referat", "Tillægsdagsorden" … as the portal names it, or null. */
  name: string | null;
  kind: 'dagsorden' | 'referat';
  location: string | null;
  closed: boolean | null;
  supplementary: boolean;
  releasedAt: string | null;
}

export interface FirstAgendaCommittee {
  id: string;
  name: string;
  /** The period group the portal lists the committee under ("Udvalg 2022-2025"), or null. */
  period: string | null;
  historic: boolean;
  meetings: FirstAgendaMeetingRef[];
}

const flag = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().nullish());
const meetingSchema = z.object({
  Id: z.string(),
  Dato: z.string().nullish(),
  MeetingBeginUtc: z.string().nullish(),
  ReleasedDate: z.string().nullish(),
  Sted: z.string().nullish(),
  Afsluttet: flag,
  Navn: z.string().nullish(),
  IsSupplementaryAgenda: flag,
});
const committeeSchema = z.object({ Id: z.string(), Navn: z.string(), Historisk: flag, Moeder: z.array(meetingSchema).nullish() });
// Periods map to committee lists; an older or smaller portal may answer with a plain list,
// read as one group without a period (a preprocess, not a union, so errors keep their path).
const listSchema = z.object({
  Udvalg: z.preprocess((v) => (Array.isArray(v) ? { '': v } : v), z.record(z.string(), z.array(committeeSchema))),
});

const kindOf = (name: string | null): 'dagsorden' | 'referat' => (/referat/i.test(name ?? '') ? 'referat' : 'dagsorden');

/** The committees and their meetings of an /api/agenda/udvalgsliste answer; throws naming the bad field. */
export function parseCommitteeList(json: unknown): FirstAgendaCommittee[] {
  const parsed = listSchema.safeParse(json);
  if (!parsed.success) throw new DomainError('invalid_input', `udvalgsliste: ${firstIssue(parsed.error)}`, 'udvalgsliste');
  const groups = Object.entries(parsed.data.Udvalg).map(([k, v]) => [k === '' ? null : k, v] as const);
  const out: FirstAgendaCommittee[] = [];
  for (const [period, committees] of groups) {
    for (const [ci, c] of committees.entries()) {
      const meetings: FirstAgendaMeetingRef[] = [];
      for (const [mi, m] of (c.Moeder ?? []).entries()) {
        const when = localDateTime(m.Dato) ?? localDateTime(m.MeetingBeginUtc);
        const where = `udvalgsliste: Udvalg${period === null ? '' : `["${period}"]`}[${ci}].Moeder[${mi}]`;
        if (when === null) throw new DomainError('invalid_input', `${where}.Dato: not a date (${m.Dato ?? 'missing'})`, where);
        const name = m.Navn?.trim() || null;
        meetings.push({
          id: m.Id,
          date: when.date,
          start: (localDateTime(m.MeetingBeginUtc) ?? when).time,
          name,
          kind: kindOf(name),
          location: m.Sted?.trim() || null,
          closed: /^lukket/i.test(name ?? '') || null,
          supplementary: m.IsSupplementaryAgenda === true || /^tillæg/i.test(name ?? ''),
          releasedAt: m.ReleasedDate ?? null,
        });
      }
      out.push({ id: c.Id, name: c.Navn.trim(), period, historic: c.Historisk === true, meetings });
    }
  }
  return out;
}

export interface FirstAgendaListingEntry {
  id: string;
  /** Absolute URL of the meeting page. */
  url: string;
  committee: string | null;
  /** YYYY-MM-DD, or null when the entry shows none. */
  date: string | null;
  kind: 'dagsorden' | 'referat' | null;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/**
 * The meetings a listing page links to: every link to /vis?…&id=<guid>. The link's slug
 * ("Referat-Teknisk-Udvalg-d.06-10-2025-kl.16.00") and its text give kind, committee and date.
 */
export function parseListingPage(html: string, baseUrl: string): FirstAgendaListingEntry[] {
  const root = parseDocument(html, { decodeEntities: true });
  const seen = new Set<string>();
  const out: FirstAgendaListingEntry[] = [];
  for (const a of findAll((e) => e.name === 'a' && /\/vis\b[^#]*[?&]id=/i.test(getAttributeValue(e, 'href') ?? ''), root.children)) {
    const href = getAttributeValue(a, 'href') ?? '';
    const url = new URL(href, baseUrl);
    const id = GUID.exec(url.searchParams.get('id') ?? '')?.[0]?.toLowerCase();
    if (!id || seen.has(id)) continue;
    seen.add(id);
    const slug = decodeURIComponent(url.search.replace(/^\?/, '').split('&')[0] ?? '');
    const strong = findAll((e) => e.name === 'strong', a.children).map((e) => textContent(e).replace(/\s+/g, ' ').trim());
    const label = `${getAttributeValue(a, 'aria-label') ?? ''} ${textContent(a)}`;
    const d = /(\d{2})[-/.](\d{2})[-/.](\d{4})/.exec(slug) ?? /(\d{2})[-/.](\d{2})[-/.](\d{4})/.exec(label);
    const kindWord = /^(dagsorden|referat)/i.exec(slug)?.[1] ?? /\b(dagsorden|referat)\b/i.exec(strong.join(' '))?.[1];
    out.push({
      id,
      url: url.toString(),
      committee: strong.find((s) => !/^(dagsorden|referat|tillægsdagsorden)$/i.test(s)) ?? null,
      date: d ? `${d[3]}-${d[2]}-${d[1]}` : null,
      kind: kindWord ? (kindWord.toLowerCase() as 'dagsorden' | 'referat') : null,
    });
  }
  return out;
}

const idPart = (id: string): string => {
  if (realId(id) === null || !/^[\w-]+$/.test(id)) throw new DomainError('invalid_input', `FirstAgenda id "${id}" is not an id`, 'id');
  return encodeURIComponent(id);
};

/** The API path of a meeting's agenda: /api/agenda/dagsorden/{id}. */
export const meetingApiPath = (id: string): string => `/api/agenda/dagsorden/${idPart(id)}`;

/** The portal page of a meeting: /vis?id={id} (the slug the portal adds before the id is decoration). */
export const meetingPagePath = (id: string): string => `/vis?id=${idPart(id)}`;

/** The API path of the committee list. */
export const COMMITTEE_LIST_PATH = '/api/agenda/udvalgsliste';

/** Where the portal serves a document (attachment or item PDF) by its id. */
export const documentPath = (id: string): string => `/Vis/Pdf/bilag/${idPart(id)}`;

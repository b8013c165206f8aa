// Meeting-level fields of a FirstAgenda agenda: Danish local date and times from the API's
// offset-carrying strings, the committee's name and term, the municipality from the portal's
// host name.
import { danishWallClock } from '../../../domain/clock.js';

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A FirstAgenda time stamp ("2022-01-31T19:00:00+01:00", despite the field name "…Utc") as the
 * Danish date and HH:MM. With an offset (or Z) the instant is converted to Europe/Copenhagen,
 * so a summer meeting sent as UTC lands on the right hour; without one it is already local.
 */
export function localDateTime(value: string | null | undefined): { date: string; time: string | null } | null {
  const m = DATE_TIME.exec(value?.trim() ?? '');
  if (!m) return null;
  const [, date = '', h, min, offset] = m;
  if (h === undefined) return { date, time: null };
  if (offset === undefined) return { date, time: `${h}:${min}` };
  const at = new Date(value!.trim().replace(' ', 'T'));
  if (Number.isNaN(at.getTime())) return null;
  const wall = danishWallClock(at);
  return { date: wall.date, time: wall.time };
}

/** "Byråd 2022-2025" → { name: "Byråd", term: "2022-2025" }; names without a period stay whole. */
export function committeeNameAndTerm(raw: string): { name: string; term: string | null } {
  const s = raw.replace(/\s+/g, ' ').trim();
  const m = /^(.*?)[\s,–-]*\(?((?:19|20)\d{2})\s?[-–]\s?((?:19|20)\d{2})\)?$/u.exec(s);
  if (m && (m[1] ?? '').length > 2) return { name: m[1]!.trim(), term: `${m[2]}-${m[3]}` };
  return { name: s, term: null };
}

/** Host labels that name the portal, not the municipality ("dagsordener", "referater", "www"). */
const PORTAL_LABEL =
  /^(?:www\d?|dagsorden(?:er)?|referat(?:er)?|dagsordener-referater|dagsordenerogreferater|politiskagenda|politik|publication|firstagenda|agenda|moeder|kommune|dk|no|com)$/i;

/**
 * The municipality a portal host names: dagsordener.greve.dk → "Greve Kommune",
 * dagsordener.vardekommune.dk → "Varde Kommune". Null when no label is left (firstagenda.com).
 * Host names carry no æ/ø/å: "koege" stays "Koege" — a caller who knows better passes --municipality.
 */
export function municipalityOfHost(host: string): string | null {
  const labels = host.toLowerCase().replace(/\.$/, '').split('.');
  const own = labels.slice(0, -1).filter((l) => !PORTAL_LABEL.test(l) && !/firstagenda/.test(l));
  const label = own.at(-1)?.replace(/-?kommune$/, '');
  if (!label || label.length < 2) return null;
  const name = label
    .split('-')
    .filter((p) => p !== '')
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('-');
  return `${name} Kommune`;
}

/** The origin (https://host) of a URL, or null when it is not an absolute http(s) URL. */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.origin : null;
  } catch {
    return null;
  }
}

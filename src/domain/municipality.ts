// The municipality's own settings made in the administration: the header colour (a fixed
// palette, so every choice keeps DKFDS's look and WCAG contrast with white text), the logo
// (PNG, JPEG or an SVG without scripts) and the standard items a new meeting gets. Pure.
import { DomainError } from './errors.js';

/** Dark colours only: white text on each has a contrast of at least 7:1 (WCAG AAA, so AA with room). */
export const headerColours = {
  dkfds: { label: 'DKFDS blå (standard)', hex: '#004993' },
  navy: { label: 'Mørkeblå', hex: '#1a3e6f' },
  green: { label: 'Mørkegrøn', hex: '#1b5e20' },
  bordeaux: { label: 'Bordeaux', hex: '#7a1c35' },
  grey: { label: 'Mørkegrå', hex: '#3d3d3d' },
} as const;
export type HeaderColour = keyof typeof headerColours;
export const isHeaderColour = (v: string): v is HeaderColour => Object.hasOwn(headerColours, v);

export const MAX_LOGO_BYTES = 512 * 1024;
export type LogoMediaType = 'image/png' | 'image/jpeg' | 'image/svg+xml';

// An SVG is a document that can run scripts and fetch from elsewhere. Rather than rewrite it
// (and risk leaving a way through), anything active is refused with a message.
const SVG_ACTIVE: readonly [RegExp, string][] = [
  [/<script[\s>/]/i, 'script'],
  [/\son[a-z]+\s*=/i, 'hændelsesattributter (onload= o.l.)'],
  [/javascript\s*:/i, 'javascript:-adresser'],
  [/<foreignObject[\s>/]/i, 'foreignObject'],
  [/<!ENTITY/i, 'XML-entiteter'],
  [/<(?:iframe|embed|object)[\s>/]/i, 'indlejrede dokumenter'],
  [/(?:xlink:)?href\s*=\s*["']\s*(?!#|data:image\/)[^"']/i, 'henvisninger til andre filer'],
  [/url\(\s*["']?\s*(?!#)/i, 'url() til andre filer'],
];

/** The logo's media type from its bytes (not its name), or a refusal naming the field `logo`. */
export function checkLogo(bytes: Uint8Array): LogoMediaType {
  if (bytes.byteLength === 0) throw new DomainError('invalid_input', 'Vælg en billedfil til logoet', 'logo');
  if (bytes.byteLength > MAX_LOGO_BYTES) throw new DomainError('invalid_input', 'Logoet må højst fylde 512 kB', 'logo');
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (/^\s*(?:<\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*(?:<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) {
    for (const [re, what] of SVG_ACTIVE) {
      if (re.test(text)) throw new DomainError('invalid_input', `SVG-logoet indeholder ${what}, som ikke er tilladt i et logo`, 'logo');
    }
    return 'image/svg+xml';
  }
  throw new DomainError('invalid_input', 'Logoet skal være en PNG-, JPEG- eller SVG-fil', 'logo');
}

/** The standard items' kinds, in agenda order: the first opens the meeting, the last two close it. */
export const standardKinds = ['agenda_approval', 'any_other_business', 'minutes_approval'] as const;
export type StandardKind = (typeof standardKinds)[number];

export interface StandardItem {
  standard: StandardKind;
  title: string;
}

export const DEFAULT_STANDARD_ITEMS: readonly StandardItem[] = Object.freeze([
  { standard: 'agenda_approval', title: 'Godkendelse af dagsorden' },
  { standard: 'any_other_business', title: 'Eventuelt' },
  { standard: 'minutes_approval', title: 'Godkendelse af referat' },
]);

/** A list of standard items: each kind at most once, in the kinds' order, titles 1–200 characters. */
export function validateStandardItems(value: unknown): StandardItem[] {
  if (!Array.isArray(value)) throw new DomainError('invalid_input', 'Standardpunkterne skal være en liste', 'standardItems');
  const out: StandardItem[] = [];
  for (const [i, v] of value.entries()) {
    const r = v as { standard?: unknown; title?: unknown } | null;
    const kind = r?.standard;
    if (typeof kind !== 'string' || !(standardKinds as readonly string[]).includes(kind)) {
      throw new DomainError('invalid_input', 'Ukendt slags standardpunkt', `standardItems[${i}].standard`);
    }
    if (out.some((o) => o.standard === kind)) throw new DomainError('invalid_input', 'Hvert standardpunkt kan kun stå én gang', `standardItems[${i}].standard`);
    const title = typeof r?.title === 'string' ? r.title.trim() : '';
    if (title === '' || title.length > 200) throw new DomainError('invalid_input', 'Titlen skal være 1–200 tegn', `${kind}.title`);
    out.push({ standard: kind as StandardKind, title });
  }
  return out.sort((a, b) => standardKinds.indexOf(a.standard) - standardKinds.indexOf(b.standard));
}

/** The stored list, or the default when none (or an unreadable one) is stored. */
export function parseStoredStandardItems(stored: string | null | undefined): StandardItem[] {
  if (stored === null || stored === undefined) return [...DEFAULT_STANDARD_ITEMS];
  try {
    return validateStandardItems(JSON.parse(stored));
  } catch {
    return [...DEFAULT_STANDARD_ITEMS];
  }
}

/** The municipality's own contact details as the personal-data scanner's exemptions. */
export function officialContactsOf(c: { address: string | null; phone: string | null; email: string | null }): {
  emailDomains: string[];
  phones: string[];
  addresses: string[];
} {
  const domain = c.email?.includes('@') ? c.email.slice(c.email.lastIndexOf('@') + 1) : null;
  return {
    emailDomains: domain ? [domain] : [],
    phones: c.phone ? [c.phone] : [],
    // "Rådhuset, Torvet 1, 4000 Roskilde": the whole line and each part with a number (the street).
    addresses: c.address
      ? [
          c.address,
          ...c.address
            .split(',')
            .map((p) => p.trim())
            .filter((p) => /\d/.test(p)),
        ]
      : [],
  };
}

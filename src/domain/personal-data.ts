// Other personal data, as warnings: e-mail addresses, phone numbers and street addresses in
// what a publication would expose. They do not block (a council's texts legitimately name
// companies, associations and the town hall), but a secretary sees them listed before
// publishing and marks each as checked. Pure: the same walk as the CPR guard (publicTexts).
//
// Heuristics, chosen for few false positives at little cost:
// - e-mail: any address, except the municipality's own domains (`official.emailDomains`, e.g.
//   from CONTACT_EMAIL), domains ending in "kommune.dk", and role addresses (post@, info@,
//   kontakt@, borgerservice@, …) which are never a private person's;
// - phone: a Danish number (8 digits, first 2–9) written "+45 …"/"0045 …", grouped "12 34 56 78"
//   or "1234 5678", or 8 digits in a row only right after "tlf.", "telefon", "mobil", "ring";
//   numbers in `official.phones` are left out;
// - address: a capitalised street name ending in a Danish street word (-gade, -vej, allé,
//   -stræde, plads, torv, …) followed by a house number, with floor/side ("2. th.") and a
//   postcode and town ("4000 Roskilde") taken along when present; `official.addresses` and
//   the meeting's location (where the council meets) are left out.
import { createHash } from 'node:crypto';
import type { FindingPlace } from './cpr-guard.js';
import { type Place, type PublicTextInput, attachmentPartAt, describe, publicTexts } from './public-texts.js';
import { lineAndColumn, normaliseForScan } from './scan-text.js';

export type PersonalDataKind = 'email' | 'phone' | 'address';

export const personalDataKindLabel: Record<PersonalDataKind, string> = { email: 'E-mailadresse', phone: 'Telefonnummer', address: 'Adresse' };

export interface PersonalDataWarning extends FindingPlace {
  /** What a "kontrolleret" mark stores (the same table as CPR false positives). */
  fingerprint: string;
  kind: PersonalDataKind;
  /** The text found, as written (staff only: the editor's warnings list). */
  value: string;
}

/** The municipality's own contact details: never a private person's. */
export interface OfficialContacts {
  emailDomains?: readonly string[];
  phones?: readonly string[];
  addresses?: readonly string[];
}

export interface PersonalDataScanInput extends PublicTextInput {
  exempted: ReadonlySet<string>;
  official?: OfficialContacts;
}

export interface PersonalDataFinding {
  kind: PersonalDataKind;
  index: number;
  value: string;
}

const EMAIL = /(?<![\w.+-])[\w.+-]*\w@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w-])/g;
const ROLE_LOCAL =
  /^(?:post|postkasse|info|kontakt|mail|kommune|raadhus|radhus|borgerservice|sekretariat|byraad|byrad|direktion|presse|noreply|no-reply|support|digitalpost|servicedesk|webmaster)$/i;
const PHONE = /(?<![\d+.,/-])(?:(?:\+|00)45 ?)?(?:[2-9]\d(?: \d\d){3}|[2-9]\d{3} \d{4}|[2-9]\d{7})(?![\d]|[.,-]\d)/g;
const PHONE_CUE = /(?:tlf|telefon|telefonnr|mobil|mobilnr|mob|ring|sms|phone)\.?(?: ?nr\.?)?:? ?$/i;
const STREET_WORD =
  '(?:gade|vej|allé|alle|stræde|plads|torv|vænge|vænget|have|haven|parken|bakke|bakken|toften|stien|boulevard|vangen|gyde|løkke|løkken|højen|engen|marken|kvarter|passage|kaj|brygge)';
/** A street word standing alone after a name: "H.C. Andersens Boulevard", "Vester Allé". */
const STREET_NOUN = '(?:Allé|Alle|Boulevard|Plads|Torv|Vej|Gade|Vænge|Have|Park|Bakke|Stræde|Kvarter|Passage|Kaj|Brygge)';
const ADDRESS = new RegExp(
  `(?<![\\p{L}\\d])(?:(?:[A-ZÆØÅ][\\p{L}.-]* )?[A-ZÆØÅ][\\p{L}-]*${STREET_WORD}|(?:[A-ZÆØÅ][\\p{L}.-]* ){1,3}${STREET_NOUN}) \\d{1,4}[A-Za-z]?(?![\\p{L}\\d]|[.,]\\d)(?:,? (?:st|kl|kld|\\d{1,2})\\.(?: ?(?:th|tv|mf|\\d{1,3})\\.?)?)?(?:,? \\d{4} [A-ZÆØÅ][\\p{L}]+)?`,
  'gu',
);

const digitsOnly = (s: string): string => s.replace(/\D/g, '').replace(/^(?:0045|45)(?=\d{8}$)/, '');
const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\d]/gu, '');

/** E-mail addresses, phone numbers and street addresses in `text`, offsets into `text`. */
export function findPersonalData(
  text: string,
  official: OfficialContacts = {},
  kinds: readonly PersonalDataKind[] = ['email', 'phone', 'address'],
): PersonalDataFinding[] {
  const { text: norm, origin } = normaliseForScan(text);
  const out: PersonalDataFinding[] = [];
  const domains = (official.emailDomains ?? []).map((d) => d.toLowerCase().replace(/^.*@/, ''));
  const phones = new Set((official.phones ?? []).map(digitsOnly));
  const addresses = (official.addresses ?? []).map(squash).filter((a) => a !== '');
  const add = (kind: PersonalDataKind, index: number, value: string): void => {
    out.push({ kind, index: origin[index]!, value });
  };
  if (kinds.includes('email')) {
    for (const m of norm.matchAll(EMAIL)) {
      const [local = '', domain = ''] = m[0].toLowerCase().split('@');
      if (ROLE_LOCAL.test(local) || domain.endsWith('kommune.dk') || domains.some((d) => domain === d || domain.endsWith(`.${d}`))) continue;
      add('email', m.index, m[0]);
    }
  }
  if (kinds.includes('phone')) {
    for (const m of norm.matchAll(PHONE)) {
      const compact = /^[2-9]\d{7}$/.test(m[0]);
      if (compact && !PHONE_CUE.test(norm.slice(Math.max(0, m.index - 16), m.index))) continue;
      if (phones.has(digitsOnly(m[0]))) continue;
      add('phone', m.index, m[0]);
    }
  }
  if (kinds.includes('address')) {
    for (const m of norm.matchAll(ADDRESS)) {
      const value = m[0];
      if (addresses.some((a) => squash(value).startsWith(a) || a.startsWith(squash(value)))) continue;
      add('address', m.index, value);
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

export function personalDataFingerprint(where: string, field: string, kind: PersonalDataKind, value: string): string {
  return sha256(`personal-data\u0000${kind}\u0000${where}\u0000${field}\u0000${squash(value)}`);
}

/** The warnings of everything the publication would expose; exempted (checked) ones left out. */
export function scanForPersonalData(input: PersonalDataScanInput): PersonalDataWarning[] {
  const warnings: PersonalDataWarning[] = [];
  const seen = new Set<string>();
  for (const t of publicTexts(input)) {
    if (t.text === null || t.text.trim() === '') continue;
    // Where the council meets is an official place, not a private address.
    const kinds: PersonalDataKind[] = t.type === 'field' && t.field === 'mødested' ? ['email', 'phone'] : ['email', 'phone', 'address'];
    const place: Place = t.place;
    for (const f of findPersonalData(t.text, input.official, kinds)) {
      const fingerprint = personalDataFingerprint(place.attachmentId ?? place.itemId ?? 'meeting', t.field, f.kind, f.value);
      if (input.exempted.has(fingerprint) || seen.has(fingerprint)) continue;
      seen.add(fingerprint);
      const { line, column } = lineAndColumn(t.text, f.index);
      const part = t.type === 'attachment' ? attachmentPartAt(t.text, f.index) : null;
      warnings.push({
        fingerprint,
        kind: f.kind,
        value: f.value,
        itemId: place.itemId,
        itemNumber: place.itemNumber,
        itemTitle: place.itemTitle,
        attachmentId: place.attachmentId,
        attachmentTitle: place.attachmentTitle,
        field: t.field,
        line,
        column,
        location: describe(place, t.field, line, column, part),
      });
    }
  }
  return warnings;
}

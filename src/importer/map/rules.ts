// Small rules that turn printed Danish into domain values: what a decision phrase says about
// the body's role in the case, which kind of body a name denotes, a member's role, a date.
import type { MembershipRole, OrganizationKind } from '../../domain/organization.js';
import { roleFromWording } from '../../domain/decision.js';
import type { ConsultationRole } from '../../domain/paper.js';
import { foldSpace, normalizeOrganizationName } from './normalize.js';

/** First non-empty line of a text, trimmed; null when there is none. */
export function firstLine(text: string | null | undefined): string | null {
  for (const line of (text ?? '').split(/\r?\n/u)) {
    const t = foldSpace(line);
    if (t !== '') return t;
  }
  return null;
}

/** The role a decision phrase shows (domain/decision.ts, one rule for the editor and the importer). */
export const consultationRole = (decision: string | null | undefined): ConsultationRole => roleFromWording(decision);

/** Council, finance committee or an ordinary committee, from the name as printed. */
export function organizationKind(name: string): OrganizationKind {
  const n = normalizeOrganizationName(name);
  if (/^(kommunalbestyrelsen|byrådet|byråd)\b/u.test(n)) return 'council';
  if (/^økonomiudvalget\b/u.test(n)) return 'finance_committee';
  return 'committee';
}

/** A printed role ("Formand", "næstformand", "Suppleant") as a membership role; null when unknown. */
export function membershipRole(printed: string | null | undefined): MembershipRole | null {
  const r = foldSpace(printed ?? '').toLocaleLowerCase('da-DK');
  if (r === '') return null;
  if (/n(æ|ae)stformand/u.test(r)) return 'naestformand';
  if (/formand|forperson/u.test(r)) return 'formand';
  if (/suppleant|stedfortræder/u.test(r)) return 'suppleant';
  if (/medlem/u.test(r)) return 'medlem';
  return null;
}

/**
 * A printed date as ISO: "2024-08-12", "12/08/2024", "12-08-2024", "12.08.2024", "5.2.2024".
 * Null when it is none of those or not a real day (history dates come from free text).
 */
export function isoDate(printed: string | null | undefined): string | null {
  const s = foldSpace(printed ?? '');
  let y: number;
  let m: number;
  let d: number;
  let match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else {
    match = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/u.exec(s);
    if (!match) return null;
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

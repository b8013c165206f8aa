// A case (sag, OParl Paper) and its case number. Case numbers are opaque strings kept exactly
// as printed; we parse the shapes we recognise so cases can be grouped by year or subject.
export type ConsultationRole = 'decides' | 'recommends' | 'informed';

export const consultationRoleLabel: Record<ConsultationRole, string> = {
  decides: 'Beslutter',
  recommends: 'Indstiller',
  informed: 'Orienteres',
};

export interface Paper {
  id: string;
  bodyId: string;
  /** The case number as printed, or null when the document had none. */
  reference: string | null;
  referenceParts: CaseReferenceParts | null;
  title: string;
  /** Which body finally decides (beslutningskompetence), as printed. */
  decisionCompetence: string | null;
}

/** One consideration of a case by one body, in a meeting we hold or only know of by date. */
export interface Consultation {
  id: string;
  paperId: string;
  organizationId: string | null;
  organizationName: string;
  meetingId: string | null;
  agendaItemId: string | null;
  date: string | null;
  role: ConsultationRole;
  outcome: string | null;
}

export type CaseReferenceParts =
  | { scheme: 'year-serial'; year: number; serial: string } // 23-002364, 2012-28504, 12/27845
  | { scheme: 'prefixed'; prefix: string; year: number; serial: string } // EMN-2025-009242
  | {
      scheme: 'kle';
      mainGroup: string;
      group: string;
      topic: string;
      facet: string;
      serial: string;
      year: number;
    }; // 28.09.40-G01-44-21

/** Two-digit years: 00-69 are 2000s, 70-99 are 1900s (ESDH case numbers began in the 1990s). */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

export function parseCaseReference(raw: string): CaseReferenceParts | null {
  const s = raw.trim();
  let m = /^(\d{2})\.(\d{2})\.(\d{2})-([A-ZÆØÅ]\d{2})-(\d+)-(\d{2})$/u.exec(s);
  if (m) {
    const [, mainGroup, group, topic, facet, serial, year] = m as unknown as [string, string, string, string, string, string, string];
    return { scheme: 'kle', mainGroup, group, topic, facet, serial, year: fullYear(year) };
  }
  m = /^([A-ZÆØÅ]{2,5})-(\d{4})-(\d+)$/u.exec(s);
  if (m) return { scheme: 'prefixed', prefix: m[1]!, year: fullYear(m[2]!), serial: m[3]! };
  m = /^(\d{2}|\d{4})[-/](\d{3,})$/u.exec(s);
  if (m) return { scheme: 'year-serial', year: fullYear(m[1]!), serial: m[2]! };
  return null;
}

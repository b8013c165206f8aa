// The FirstAgenda Publication agenda model: the answer of /api/agenda/dagsorden/{id}, as the
// portal's own client reads it. The API is undocumented, so the schema is lenient where the
// portals differ (null or missing arrays, absent optional keys) and strict only on what a
// document cannot do without: the items array, the committee and the meeting's date.
import { z } from 'zod';

const text = z.string().nullish();
// Portals send some flags and numbers as strings ("HarPdfVersion": "true"): accept both.
const flag = z.preprocess((v) => (v === 'true' ? true : v === 'false' ? false : v), z.boolean().nullish());
const num = z.preprocess((v) => (typeof v === 'string' && /^\s*-?\d+(?:\.\d+)?\s*$/.test(v) ? Number(v) : v), z.number().nullish());

export const faField = z.object({
  Navn: text,
  Html: text,
  Tekst: text,
  Id: text,
  /** The field rendered as PDF: its host is the portal's (dagsordener.<kommune>.dk). */
  Link: text,
  DocumentId: text,
});

export const faAttachment = z.object({
  Id: z.string(),
  Navn: text,
  Order: num,
  HarPdfVersion: flag,
});

export const faItemAttendee = z.object({
  Name: z.string(),
  AttendanceType: num,
  Reason: text,
});

export const faItem = z.object({
  Id: text,
  Punktnummer: text,
  Number: text,
  Sorting: num,
  Navn: text,
  Caption: text,
  SagsNummer: text,
  CaseNumber: text,
  IsOpen: flag,
  Felter: z.array(faField).nullish(),
  Bilag: z.array(faAttachment).nullish(),
  ExternalAgendaItemAttendees: z.array(faItemAttendee).nullish(),
});

export const faParticipant = z.object({
  Name: z.string(),
  Absent: flag,
  ParticipationCancelled: flag,
  AttendanceType: num,
});

export const faMeeting = z.object({
  Id: text,
  Dato: text,
  MeetingBeginUtc: text,
  MeetingEndUtc: text,
  ReleasedDate: text,
  Sted: text,
  Afsluttet: flag,
  Navn: text,
  Description: text,
  IsSupplementaryAgenda: flag,
  Moededeltagere: z.array(faParticipant).nullish(),
});

export const faCommittee = z.object({
  Id: text,
  Navn: z.string(),
  Historisk: flag,
});

export const faAgenda = z.object({
  /** The meeting's id (the path parameter); Moede.Id is a zero GUID in the portals seen. */
  Id: text,
  Udvalg: faCommittee,
  Moede: faMeeting,
  TillaegsDagsorden: flag,
  Dagsordenpunkter: z.array(faItem),
});

export type FaAgenda = z.infer<typeof faAgenda>;
export type FaItem = z.infer<typeof faItem>;
export type FaField = z.infer<typeof faField>;
export type FaAttachment = z.infer<typeof faAttachment>;

/** The GUID FirstAgenda uses for "none". */
export const ZERO_GUID = '00000000-0000-0000-0000-000000000000';

/** A real id, or null for the zero GUID and empty values. */
export function realId(id: string | null | undefined): string | null {
  const s = id?.trim() ?? '';
  return s === '' || s === ZERO_GUID ? null : s;
}

/** The first issue of a failed parse as "Moede.Dato: expected string", for error messages. */
export function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const path = issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : String(p))).join('.');
  return `${path.replace(/\.\[/g, '[') || '(root)'}: ${issue.message}`;
}

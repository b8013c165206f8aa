// The integration API's request shapes: one zod schema per body and query, strict (an unknown
// field is a 400 naming it; parse.ts reads and checks requests with them). The same schemas give the OpenAPI
// document's request bodies (openapi.ts, through z.toJSONSchema), so the two cannot drift.
// Field names are English; ids are the services' ids (`person` → personId).
import { copenhagenDateTime } from '../../render/format.js';
import { z } from 'zod';
import { sectionKinds } from '../../domain/agenda-item.js';
import { approvalManners } from '../../domain/approval.js';
import { DomainError } from '../../domain/errors.js';

const id = z.string().trim().min(1).max(200).describe('Id (as returned by this API or /api/v1/organizations, /api/v1/persons)');
const version = z.number().int().min(1).optional().describe('The version the change starts from (optimistic locking); left out, not checked');
const changeNote = z.string().trim().min(1).max(2000).optional().describe('Why the published agenda or minutes change; required once they are published');
const text = (max: number) => z.string().trim().min(1).max(max);

/** 2026-12-01, 2026-12-01T16:00, 2026-12-01T16:00:00, optionally with Z or ±hh:mm. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;
const TIME = /^(\d{2}):(\d{2})$/;

const validDate = (date: string): boolean => {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(date);
};
const validTime = (h: string, m: string): boolean => Number(h) <= 23 && Number(m) <= 59;

const dateTime = z
  .string()
  .regex(DATE_TIME, 'Skal være en dato (ÅÅÅÅ-MM-DD) eller dato og tid (ÅÅÅÅ-MM-DDTTT:MM)')
  .refine((v) => {
    const m = DATE_TIME.exec(v);
    return m !== null && validDate(m[1] ?? '') && (m[2] === undefined || validTime(m[2], m[3] ?? ''));
  }, 'Ugyldig dato eller tid');
const timeOrDateTime = z.string().refine((v) => {
  const t = TIME.exec(v);
  if (t) return validTime(t[1] ?? '', t[2] ?? '');
  const m = DATE_TIME.exec(v);
  return m !== null && m[2] !== undefined && validDate(m[1] ?? '') && validTime(m[2], m[3] ?? '');
}, 'Skal være en tid (TT:MM) eller dato og tid (ÅÅÅÅ-MM-DDTTT:MM)');

/**
 * A date-time as the meeting's local Danish date and HH:MM. Without an offset the value is
 * already Danish wall-clock time; with one (Z, +02:00) it is converted to Europe/Copenhagen.
 */
export function splitDateTime(value: string): { date: string; time: string | null } {
  const m = DATE_TIME.exec(value);
  if (!m) throw new DomainError('invalid_input', `Ugyldig dato: ${value}`);
  const [, date = '', h, min, , offset] = m;
  if (h === undefined) return { date, time: null };
  if (offset === undefined) return { date, time: `${h}:${min}` };
  return copenhagenDateTime(new Date(value));
}

/** An end given as HH:MM, or as a date-time (whose date must then be the meeting's). */
export function endTime(value: string, meetingDate: string, field = 'end'): string {
  if (TIME.test(value)) return value;
  const { date, time } = splitDateTime(value);
  if (date !== meetingDate) throw new DomainError('invalid_input', `${field}: mødet skal slutte samme dag, som det begynder`, field);
  return time ?? '';
}

// ── Meetings ────────────────────────────────────────────────────────────────────────────

export const createMeetingBody = z.strictObject({
  organization: id.describe('The committee (or council) whose meeting this is'),
  start: dateTime.describe('Local Danish date-time ("2026-12-01T16:00") or date ("2026-12-01")'),
  end: timeOrDateTime.optional().describe('"18:00" or "2026-12-01T18:00"'),
  location: text(500).optional(),
});

const dateOnly = z.string().refine((v) => /^\d{4}-\d{2}-\d{2}$/.test(v) && validDate(v), 'Skal være en dato (ÅÅÅÅ-MM-DD)');
const timeOnly = z.string().refine((v) => {
  const t = TIME.exec(v);
  return t !== null && validTime(t[1] ?? '', t[2] ?? '');
}, 'Skal være en tid (TT:MM)');

export const createSeriesBody = z
  .strictObject({
    organization: id.describe('The committee (or council) whose meetings these are'),
    dates: z.array(dateOnly).min(1).max(60).optional().describe('The dates of the meetings'),
    repeat: z
      .strictObject({
        first: dateOnly,
        count: z.number().int().min(1).max(60),
        everyWeeks: z.number().int().min(1).max(52),
      })
      .optional()
      .describe('Instead of dates: the first date, how many meetings, and every how many weeks'),
    start: timeOnly.optional().describe('"16:00", the same on every date'),
    end: timeOnly.optional(),
    location: text(500).optional(),
  })
  .refine((b) => (b.dates === undefined) !== (b.repeat === undefined), { message: 'Angiv enten dates eller repeat', path: ['dates'] });

export const updateMeetingBody = z.strictObject({
  version,
  start: dateTime.optional().describe('A new date-time or date; a date alone keeps the start time'),
  end: timeOrDateTime.nullable().optional().describe('null removes the end time'),
  location: text(500).nullable().optional(),
  cancelled: z.boolean().optional(),
  changeNote,
});

export const meetingListQuery = z.strictObject({
  organization: id.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const auditQuery = z.strictObject({
  entityType: z.enum(['meeting', 'agenda_item', 'file', 'publication', 'body', 'user', 'api_token']).optional(),
  entityId: id.optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const reorderBody = z.strictObject({
  items: z.array(id).min(1).max(500).describe('Every item of the meeting, in the new order'),
  version,
  changeNote,
});

export const cprCheckQuery = z.strictObject({
  kind: z.enum(['agenda', 'minutes']).default('agenda'),
});

export const falsePositiveBody = z.strictObject({
  fingerprint: text(200).describe('The fingerprint of a hit from cpr-check or a refused publication'),
});

export const publishBody = z.strictObject({ changeNote });

// ── Items ───────────────────────────────────────────────────────────────────────────────

const section = z.strictObject({
  heading: text(200),
  kind: z.enum(sectionKinds).optional().describe('By default from the heading ("Indstilling" → recommendation), else other'),
  text: z.string().max(200_000).optional().describe('Plain text; paragraphs separated by blank lines'),
  html: z.string().max(400_000).optional().describe('HTML; sanitised (paragraphs, lists, tables, links)'),
});

export const createItemBody = z.strictObject({
  title: text(500),
  public: z.boolean(),
  publicTitle: text(500).optional().describe('The neutral title the public sees of a closed item'),
  closedReason: text(500).optional().describe('Why the item is closed (Styrelsesloven § 10); never public'),
  caseNumber: text(100).optional().describe('The case (sag) this item is about: an existing or a new case number'),
  caseTitle: text(500).optional(),
  sections: z.array(section).max(50).default([]),
  position: z.number().int().min(1).optional().describe('1-based place on the agenda; default: before "Eventuelt"'),
  changeNote,
});

export const updateItemBody = z.strictObject({
  version,
  title: text(500).optional(),
  public: z.boolean().optional(),
  publicTitle: text(500).nullable().optional(),
  closedReason: text(500).nullable().optional(),
  sections: z.array(section).max(50).optional().describe('Replaces every section'),
  changeNote,
});

export const deleteItemQuery = z.strictObject({ changeNote });

export const moveItemBody = z.strictObject({
  meeting: id.describe('The meeting the item moves to (same committee or another of the municipality)'),
  changeNote,
});

// ── Attachments ─────────────────────────────────────────────────────────────────────────

const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

/** The text fields of the multipart upload (the file itself is checked in the route). */
export const attachmentForm = z.strictObject({
  title: text(300),
  public: flag,
  changeNote,
});

export const updateAttachmentBody = z.strictObject({
  title: text(300).optional(),
  public: z.boolean().optional(),
  changeNote,
});

export const removeAttachmentQuery = z.strictObject({ changeNote });

// ── Minutes ─────────────────────────────────────────────────────────────────────────────

const attendanceEntry = z.strictObject({
  person: id,
  status: z.enum(['present', 'absent']),
  substituteFor: id.optional().describe('The absent member this person sits in for'),
});
export const attendanceList = z.array(attendanceEntry).max(200);
export const attendanceBody = z.strictObject({ attendance: attendanceList, version, changeNote });

export const decisionBody = z.strictObject({
  decision: text(100_000),
  absent: z.array(id).max(200).optional().describe('Members absent from this item'),
  disqualified: z
    .array(z.strictObject({ person: id, reason: text(2000).optional() }))
    .max(200)
    .optional()
    .describe('Members disqualified (inhabil) on this item'),
  dissents: z
    .array(z.strictObject({ person: id, text: text(20_000).optional() }))
    .max(200)
    .optional()
    .describe('Dissents (only members who voted in the minority)'),
  votes: z
    .array(
      z.strictObject({
        choice: z.enum(['for', 'against', 'abstain']),
        persons: z.array(id).max(200).optional(),
        parties: z.array(text(20)).max(50).optional(),
        count: z.number().int().min(0).max(1000).optional(),
      }),
    )
    .max(3)
    .optional(),
  version,
  changeNote,
});

export const forwardBody = z.strictObject({
  organization: id.describe('The body with the decision competence'),
  meeting: id.optional().describe('Its meeting to put the case on; default: its next meeting that is not held yet'),
  changeNote: changeNote.describe('When the target agenda is already public; default "Sag tilføjet fra …"'),
});

export const emptyBody = z.strictObject({});

export const onBehalfBody = z.strictObject({
  person: id.describe('The attending member (or chair) who approved'),
  givenHow: z.enum(approvalManners).describe('How the member approved: meeting (at the meeting), paper, oral'),
});

export const objectionBody = z.strictObject({
  comment: text(2000).describe('What the member objects to'),
});

// ── Directory ───────────────────────────────────────────────────────────────────────────

export const organizationsQuery = z.strictObject({
  municipality: text(200).optional().describe('Municipality slug (e.g. "lejre") or id'),
});
export const personsQuery = z.strictObject({
  municipality: text(200).optional(),
  organization: id.optional().describe('Only people who are or were members of this organization'),
});

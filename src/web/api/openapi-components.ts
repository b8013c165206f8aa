// The reusable parts of the OpenAPI document (openapi.ts): the JSON Schemas of the answers,
// the error responses and the search API's parameters. Hand-written: the answers are the
// services' types, which TypeScript cannot turn into JSON Schema at run time.
import { meetingStates } from '../../domain/meeting.js';

export type JsonSchema = Record<string, unknown>;

export const ref = (name: string): JsonSchema => ({ $ref: `#/components/schemas/${name}` });
export const arrayOf = (item: JsonSchema): JsonSchema => ({ type: 'array', items: item });
export const obj = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema => ({
  type: 'object',
  properties,
  required,
});
export const str: JsonSchema = { type: 'string' };
const nullableStr: JsonSchema = { type: ['string', 'null'] };
const int: JsonSchema = { type: 'integer' };

export const errorText: Record<number, string> = {
  400: 'Invalid input: `field` names the parameter or JSON path ("sections.0.heading")',
  401: 'No valid token or session',
  403: 'The caller may not do this (or, for a cookie session, the X-CSRF-Token header is missing)',
  404: 'No such resource (or not public)',
  409: 'Conflict: a stale `version`, a state that does not allow it, CPR numbers found, or something missing; see `details`',
  413: 'The body is too large (1 MB JSON, 50 MB upload)',
  503: 'Search is not available',
};

export const searchParameters = [
  { name: 'q', description: 'Words; "phrase", -word, word*, OR', schema: str },
  { name: 'committee', description: 'Committee id (repeatable)', schema: str },
  { name: 'municipality', description: 'Municipality slug or id (repeatable)', schema: str },
  { name: 'year', description: 'Meeting year (repeatable)', schema: int },
  {
    name: 'decision',
    description: 'Kind of decision (repeatable)',
    schema: { type: 'string', enum: ['approved', 'recommended', 'noted', 'postponed', 'other'] },
  },
  { name: 'attachments', description: 'Only items with (true) or without (false) attachments', schema: { type: 'string', enum: ['true', 'false'] } },
  { name: 'from', description: 'Meetings on or after (YYYY-MM-DD)', schema: { type: 'string', format: 'date' } },
  { name: 'to', description: 'Meetings on or before (YYYY-MM-DD)', schema: { type: 'string', format: 'date' } },
  { name: 'sort', description: 'relevance (default) or date', schema: { type: 'string', enum: ['relevance', 'date'] } },
  { name: 'page', description: '1..1000', schema: { type: 'integer', minimum: 1, maximum: 1000 } },
].map((p) => ({ ...p, in: 'query', required: false }));

export const schemas: Record<string, JsonSchema> = {
  Error: obj(
    {
      error: obj(
        {
          code: {
            type: 'string',
            description: 'Stable code: invalid_input, unauthenticated, forbidden, not_found, conflict, invalid_transition, payload_too_large, …',
          },
          message: { type: 'string', description: 'For people (Danish)' },
          field: { type: 'string', description: 'Where: a parameter, a JSON path, "version"' },
          details: { description: 'For programs: CPR hits, what is missing, the current version' },
        },
        ['code', 'message'],
      ),
    },
    ['error'],
  ),
  Version: obj({ version: int }),
  Me: obj(
    {
      kind: { type: 'string', enum: ['user', 'token', 'system'] },
      label: str,
      role: { type: 'string', enum: ['admin', 'secretary', 'member'] },
      bodyId: nullableStr,
      committeeIds: { type: ['array', 'null'], items: str },
      personId: nullableStr,
      csrfToken: { type: 'string', description: 'Only for a cookie session' },
    },
    ['kind', 'label', 'role', 'bodyId', 'committeeIds', 'personId'],
  ),
  AuditEntry: obj({
    id: str,
    at: str,
    actor: obj({ kind: { type: 'string', enum: ['user', 'token', 'system'] }, id: str, label: str }),
    action: str,
    entityType: str,
    entityId: str,
    bodyId: nullableStr,
    before: { description: 'The entity before (JSON), or null' },
    after: { description: 'The entity after (JSON), or null' },
  }),
  SeriesCreated: obj({ meetings: arrayOf(obj({ id: str, date: str, items: arrayOf(str) })) }),
  MeetingCreated: obj({ id: str, version: int, items: { ...arrayOf(str), description: 'The standard items, in order' } }),
  ItemCreated: obj({ id: str, version: int, case: { ...nullableStr, description: 'The case (paper) id when a case number was given' } }, ['id', 'version']),
  AttachmentCreated: obj({
    id: str,
    textStatus: ref('TextStatus'),
    textProblem: { ...nullableStr, description: 'Why the text could not be read (textStatus unreadable): the bound that stopped it, in Danish' },
  }),
  Organization: obj({
    id: str,
    name: str,
    shortName: nullableStr,
    kind: { type: 'string', enum: ['council', 'finance_committee', 'committee', 'special_committee'] },
    bodyId: str,
    municipality: { type: 'string', description: 'The municipality slug' },
    term: { oneOf: [obj({ id: str, name: str, startDate: str, endDate: str }), { type: 'null' }] },
  }),
  Person: obj({
    id: str,
    name: str,
    municipality: str,
    memberships: arrayOf(
      obj({
        organizationId: str,
        role: { type: 'string', enum: ['formand', 'naestformand', 'medlem', 'suppleant'] },
        party: nullableStr,
        startDate: str,
        endDate: nullableStr,
      }),
    ),
  }),
  MeetingSummary: obj({
    id: str,
    organizationId: str,
    organizationName: str,
    bodyId: str,
    date: { type: 'string', format: 'date' },
    start: { ...nullableStr, description: 'HH:MM, Danish local time' },
    end: nullableStr,
    location: nullableStr,
    state: { type: 'string', enum: [...meetingStates] },
    cancelled: { type: 'boolean' },
    version: int,
  }),
  StaffMeeting: {
    allOf: [
      ref('MeetingSummary'),
      obj({
        items: arrayOf(ref('StaffItem')),
        attendance: arrayOf(
          obj({
            personId: str,
            name: str,
            party: nullableStr,
            status: { type: 'string', enum: ['present', 'absent'] },
            substituteForPersonId: nullableStr,
            substituteForName: nullableStr,
          }),
        ),
        publications: arrayOf(
          obj({
            id: str,
            meetingId: str,
            kind: { type: 'string', enum: ['agenda', 'minutes'] },
            version: int,
            publishedAt: str,
            publishedBy: str,
            changeNote: nullableStr,
          }),
        ),
      }),
    ],
    description: 'The whole meeting for staff and members; closed items in full only for those who may read them',
  },
  StaffItem: obj({
    id: str,
    meetingId: str,
    number: str,
    position: int,
    title: { type: 'string', description: 'The real title; the neutral title when `redacted`' },
    public: { type: 'boolean' },
    publicTitle: nullableStr,
    closedReason: nullableStr,
    standard: { type: ['string', 'null'], enum: ['agenda_approval', 'any_other_business', 'minutes_approval', null] },
    caseNumber: nullableStr,
    paperId: nullableStr,
    sections: arrayOf(obj({ kind: str, heading: str, text: str, html: nullableStr })),
    decision: nullableStr,
    absences: arrayOf(ref('MemberRef')),
    disqualifications: arrayOf({ allOf: [ref('MemberRef'), obj({ reason: nullableStr })] }),
    dissents: arrayOf({ allOf: [ref('MemberRef'), obj({ text: str })] }),
    votes: arrayOf(obj({ choice: { type: 'string', enum: ['for', 'against', 'abstain'] }, label: str, count: { type: ['integer', 'null'] } })),
    attachments: arrayOf(
      obj({
        id: str,
        title: str,
        fileName: str,
        mediaType: str,
        size: { type: ['integer', 'null'] },
        public: { type: 'boolean' },
        textStatus: ref('TextStatus'),
        withdrawn: { type: 'boolean' },
        textProblem: nullableStr,
      }),
    ),
    version: int,
    redacted: { type: 'boolean', description: 'True when the caller may not read this closed item: only its public view is given' },
  }),
  MemberRef: obj({ personId: nullableStr, name: str, party: nullableStr }),
  TextStatus: {
    type: 'string',
    enum: ['extracted', 'empty', 'unsupported', 'unreadable'],
    description:
      'Whether text could be extracted (search, CPR guard); unreadable: a bound of the extraction (time, memory, decompressed size, amount of text) stopped it. A public attachment without text blocks publishing until marked checked',
  },
  CprHit: obj({
    fingerprint: { type: 'string', description: 'Send to cpr-false-positives once a person has verified it is not a CPR number' },
    masked: { type: 'string', description: 'The number with its serial masked ("130824-xxxx"); the full number is never sent' },
    reason: { type: 'string', enum: ['cpr', 'unscanned'] },
    itemId: nullableStr,
    itemNumber: nullableStr,
    itemTitle: nullableStr,
    attachmentId: nullableStr,
    attachmentTitle: nullableStr,
    field: { type: 'string', description: '"titel", a section heading, "bilagstekst", "beslutning", …' },
    line: int,
    column: int,
    location: { type: 'string', description: 'A Danish sentence: Punkt 3 »Titel«, bilag »budget.pdf«, linje 12, kolonne 5' },
  }),
  Approval: obj({ approvedAt: str, status: ref('ApprovalStatus') }),
  Approver: obj({
    personId: { ...nullableStr, description: 'null for the secretariat' },
    name: str,
    role: { type: 'string', enum: ['member', 'chair', 'secretary'] },
  }),
  ApprovalStatus: obj({
    rule: { type: 'string', enum: ['all_attending', 'chair_and_secretary'] },
    approved: arrayOf({
      allOf: [
        ref('Approver'),
        obj({
          approvedAt: str,
          by: { type: 'string', description: 'Who pressed approve (e-mail or token name); the recorder for an approval given on the member’s behalf' },
          givenHow: {
            type: ['string', 'null'],
            enum: ['meeting', 'paper', 'oral', null],
            description: 'How the member approved when the secretariat recorded it; null when they approved themselves',
          },
        }),
      ],
    }),
    missing: arrayOf(ref('Approver')),
    complete: { type: 'boolean' },
  }),
  Objection: obj({ personId: str, name: str, comment: str, minutesVersion: int, createdAt: str, by: str }),
  PublicationSummary: obj({ kind: { type: 'string', enum: ['agenda', 'minutes'] }, version: int, publishedAt: str, changeNote: nullableStr }),
  PublishedVersion: obj({
    kind: { type: 'string', enum: ['agenda', 'minutes'] },
    version: int,
    publishedAt: str,
    changeNote: nullableStr,
    meeting: obj({ id: str, organizationId: str, organizationName: str, date: str, start: nullableStr, end: nullableStr, location: nullableStr }, [
      'id',
      'organizationId',
      'date',
    ]),
    items: {
      ...arrayOf(obj({ id: str, number: str, title: str, public: { type: 'boolean' }, decision: nullableStr }, ['id', 'number', 'title', 'public'])),
      description: 'Public views of the items: a closed item only as its neutral title and published decision',
    },
    attendance: arrayOf(obj({ personId: str, name: str, status: { type: 'string', enum: ['present', 'absent'] } }, ['personId', 'name', 'status'])),
  }),
  SearchResponse: obj({
    total: int,
    counts: { type: 'string', enum: ['exact', 'estimate'] },
    partial: { type: 'boolean' },
    page: int,
    hits: arrayOf(obj({ type: { const: 'item' }, title: str, url: str, snippet: str, meetingDate: str, organization: str, caseNumber: nullableStr })),
    facets: { type: 'object', additionalProperties: arrayOf(obj({ value: str, count: int, label: str })) },
  }),
};

// Row types as Kysely sees them (camelCase; CamelCasePlugin maps to the snake_case columns).
// Booleans are 0/1 integers and dates ISO text in both databases (see the first migration).

interface Importable {
  source: string;
  externalId: string | null;
}

export interface BodyTable extends Importable {
  id: string;
  slug: string;
  name: string;
  website: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface LegislativeTermTable extends Importable {
  id: string;
  bodyId: string;
  name: string;
  startDate: string;
  endDate: string;
}

export interface OrganizationTable extends Importable {
  id: string;
  bodyId: string;
  termId: string | null;
  name: string;
  shortName: string | null;
  kind: string;
  predecessorId: string | null;
}

export interface PersonTable extends Importable {
  id: string;
  bodyId: string;
  name: string;
}

export interface MembershipTable extends Importable {
  id: string;
  personId: string;
  organizationId: string;
  role: string;
  party: string | null;
  startDate: string;
  endDate: string | null;
}

export interface MeetingTable extends Importable {
  id: string;
  organizationId: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  state: string;
  cancelled: number;
  createdAt: string;
  updatedAt: string;
}

export interface MeetingAttendanceTable {
  id: string;
  meetingId: string;
  personId: string;
  position: number;
  status: string;
  substituteForPersonId: string | null;
}

export interface PaperTable extends Importable {
  id: string;
  bodyId: string;
  reference: string | null;
  /** JSON of CaseReferenceParts. */
  referenceParts: string | null;
  title: string;
  decisionCompetence: string | null;
}

export interface AgendaItemTable extends Importable {
  id: string;
  meetingId: string;
  paperId: string | null;
  number: string;
  position: number;
  title: string;
  public: number;
  publicTitle: string | null;
  decision: string | null;
  /** JSON array of the committee prefix codes printed in the title ("SSÆ/BU" → ["SSÆ","BU"]).
   * Optional so writers that do not know codes (archive-writer, demo) need not name it. */
  committeeCodes?: string | null;
}

export interface AgendaItemSectionTable {
  id: string;
  agendaItemId: string;
  position: number;
  kind: string;
  heading: string;
  text: string;
}

export interface AgendaItemMemberNoteTable {
  id: string;
  agendaItemId: string;
  position: number;
  /** 'absence' | 'disqualification' | 'dissent' */
  kind: string;
  personId: string | null;
  name: string;
  party: string | null;
  /** Dissent text or disqualification reason. */
  text: string | null;
}

export interface AgendaItemVoteTable {
  id: string;
  agendaItemId: string;
  position: number;
  choice: string;
  label: string;
  count: number | null;
}

export interface ConsultationTable extends Importable {
  id: string;
  paperId: string;
  organizationId: string | null;
  organizationName: string;
  meetingId: string | null;
  agendaItemId: string | null;
  date: string | null;
  role: string;
  outcome: string | null;
}

export interface FileTable extends Importable {
  id: string;
  bodyId: string;
  meetingId: string | null;
  agendaItemId: string | null;
  paperId: string | null;
  position: number;
  title: string;
  fileName: string;
  mediaType: string;
  size: number | null;
  sha256: string | null;
  text: string | null;
  public: number;
  createdAt: string;
}

/** One imported version of a source document (agenda or minutes); see migration 0002. */
export interface SourceDocumentTable {
  id: string;
  bodyId: string;
  meetingId: string | null;
  /** 'dagsorden' | 'referat' */
  kind: string;
  fileName: string;
  sha256: string;
  format: string;
  layout: string;
  importedAt: string;
  /** Word coverage in permille (0..1000). */
  coverage: number;
  warnings: number;
  /** The ParsedDocument as JSON. */
  parsed: string;
  supersededById: string | null;
}

export interface AppUserTable {
  id: string;
  email: string;
  name: string | null;
  passwordHash: string;
  role: string;
  createdAt: string;
}

export interface DB {
  body: BodyTable;
  legislativeTerm: LegislativeTermTable;
  organization: OrganizationTable;
  person: PersonTable;
  membership: MembershipTable;
  meeting: MeetingTable;
  meetingAttendance: MeetingAttendanceTable;
  paper: PaperTable;
  agendaItem: AgendaItemTable;
  agendaItemSection: AgendaItemSectionTable;
  agendaItemMemberNote: AgendaItemMemberNoteTable;
  agendaItemVote: AgendaItemVoteTable;
  consultation: ConsultationTable;
  file: FileTable;
  sourceDocument: SourceDocumentTable;
  appUser: AppUserTable;
}

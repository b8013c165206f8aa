// Row types as Kysely sees them (camelCase; CamelCasePlugin maps to the snake_case columns).
// Booleans are 0/1 integers and dates ISO text in both databases (see the first migration).
import type { AlertTables } from './schema-alerts.js';

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
  /** 'all_attending' | 'chair_and_secretary' (migration 0004; defaulted, so optional to writers). */
  approvalRule?: string;
  /** 'marked' | 'reapprove' (migration 2026_12_04_0002; defaulted, so optional to writers). */
  correctionPolicy?: string;
  /** JSON [{ kind, heading }] or null for the default template. */
  sectionTemplate?: string | null;
  /** 'called_in' | 'always' (migration 2026_12_02_0004; defaulted, so optional to writers). */
  substituteClosedAccess?: string;
  /** OParl timestamps (migration 0006): set and kept current by triggers, so optional to writers. */
  created?: string;
  modified?: string;
  /** The municipality's own licence URL for its open data (OParl Body.license); null: OPARL_LICENSE. */
  oparlLicense?: string | null;
}

export interface LegislativeTermTable extends Importable {
  id: string;
  bodyId: string;
  name: string;
  startDate: string;
  endDate: string;
  /** OParl timestamps (migration 0006): set and kept current by triggers, so optional to writers. */
  created?: string;
  modified?: string;
}

export interface OrganizationTable extends Importable {
  id: string;
  bodyId: string;
  termId: string | null;
  name: string;
  shortName: string | null;
  kind: string;
  predecessorId: string | null;
  /** First and last day of the committee (migration 2026_12_04_0001; optional to writers). */
  startDate?: string | null;
  endDate?: string | null;
  /** OParl timestamps (migration 0006): set and kept current by triggers, so optional to writers. */
  created?: string;
  modified?: string;
}

export interface PersonTable extends Importable {
  id: string;
  bodyId: string;
  name: string;
  /** For the secretariat only, never public (migration 2026_12_04_0001; optional to writers). */
  email?: string | null;
  /** OParl timestamps (migration 0006): set and kept current by triggers, so optional to writers. */
  created?: string;
  modified?: string;
}

export interface MembershipTable extends Importable {
  id: string;
  personId: string;
  organizationId: string;
  role: string;
  party: string | null;
  startDate: string;
  endDate: string | null;
  /** A substitute's membership: whom they stand in for (migration 2026_12_04_0001). */
  substituteForPersonId?: string | null;
  /** OParl timestamps (migration 0006): set and kept current by triggers, so optional to writers. */
  created?: string;
  modified?: string;
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
  /** Optimistic-locking version, raised by every save (defaulted to 1; optional to writers). */
  version?: number;
  /** The minutes version whose approvals are gathered (migration 2026_12_04_0002; defaulted to 1). */
  approvalVersion?: number;
  /** OParl timestamps (migration 0006): set and kept current by triggers, so optional to writers. */
  created?: string;
  modified?: string;
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
  /** OParl timestamps (migration 0006): set and kept current by triggers, so optional to writers. */
  created?: string;
  modified?: string;
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
  /** Optimistic-locking version (defaulted to 1). */
  version?: number;
  /** Why the item is closed; never public. */
  closedReason?: string | null;
  /** 'agenda_approval' | 'any_other_business' | 'minutes_approval' for the standard items. */
  standard?: string | null;
  /** OParl timestamps (migration 0006): set and kept current by triggers, so optional to writers. */
  created?: string;
  modified?: string;
}

export interface AgendaItemSectionTable {
  id: string;
  agendaItemId: string;
  position: number;
  kind: string;
  heading: string;
  text: string;
  /** Sanitised HTML written in the editor; null for plain-text (imported) sections. */
  html?: string | null;
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
  /** JSON array of the person ids who voted so, when recorded by member. */
  members?: string | null;
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
  /** OParl timestamps (migration 0006): set and kept current by triggers, so optional to writers. */
  created?: string;
  modified?: string;
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
  /** Why the text could not be read: the extraction bound that stopped it (migration 2026_12_02_1720); null otherwise. */
  textProblem?: string | null;
  public: number;
  createdAt: string;
  /** SHA-512 (hex) for OParl's sha512Checksum, computed lazily from the bytes (migration 0006). */
  sha512?: string | null;
  /** OParl timestamps (migration 0006): set and kept current by triggers, so optional to writers. */
  created?: string;
  modified?: string;
  /** Withdrawn after publication (migration 2026_12_02_0002); `public` is 0 from then on. */
  withdrawnAt?: string | null;
  withdrawnBy?: string | null;
  withdrawnReason?: string | null;
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
  /** scrypt hash; '' for an account that signs in only through SSO. */
  passwordHash: string;
  role: string;
  createdAt: string;
  personId?: string | null;
  /** The municipality; null = every municipality (an installation administrator). */
  bodyId?: string | null;
  oidcIssuer?: string | null;
  oidcSubject?: string | null;
  disabled?: number;
  /** Migration 2026_12_02_0004: when disabled, last signed in, deleted (an anonymised tombstone). */
  disabledAt?: string | null;
  lastSignInAt?: string | null;
  deletedAt?: string | null;
}

export interface UserCommitteeTable {
  userId: string;
  organizationId: string;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie token. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  lastSeenAt: string;
}

export interface LoginAttemptTable {
  id: string;
  key: string;
  at: string;
}

export interface AuthRequestTable {
  state: string;
  nonce: string;
  codeVerifier: string;
  returnTo: string;
  createdAt: string;
}

export interface ApiTokenTable {
  id: string;
  /** SHA-256 (hex) of the token. */
  tokenHash: string;
  name: string;
  role: string;
  bodyId: string | null;
  personId: string | null;
  /** JSON array of organization ids, or null = the whole municipality. */
  committeeIds: string | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** The account the token belongs to (migration 2026_12_02_0004); null = an integration's own. */
  userId?: string | null;
}

export interface AuditLogTable {
  id: string;
  at: string;
  /** 'user' | 'token' | 'system' */
  actorKind: string;
  actorId: string;
  actorLabel: string;
  bodyId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  /** JSON, or null when the entity did not exist before / no longer exists. */
  before: string | null;
  after: string | null;
}

export interface MeetingApprovalTable {
  id: string;
  meetingId: string;
  personId: string | null;
  userId: string | null;
  /** 'member' | 'secretary' */
  role: string;
  actorLabel: string;
  approvedAt: string;
  /** 'meeting' | 'paper' | 'oral' when the secretariat recorded it on the member's behalf (migration 2026_12_04_0002). */
  givenHow?: string | null;
  /** The minutes version approved (defaulted to 1; optional to writers). */
  minutesVersion?: number;
}

/** A member's objection to the minutes instead of approving (migration 2026_12_04_0002). */
export interface MeetingObjectionTable {
  id: string;
  meetingId: string;
  personId: string;
  userId: string | null;
  actorLabel: string;
  comment: string;
  minutesVersion: number;
  createdAt: string;
}

export interface PublicationTable {
  id: string;
  meetingId: string;
  /** 'agenda' | 'minutes' */
  kind: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  changeNote: string | null;
  /** The public view (PublishedMeeting) as JSON: never closed content. */
  snapshot: string;
  /** Withdrawn after publication (migration 2026_12_02_0002): hidden from every public reader. */
  withdrawnAt?: string | null;
  withdrawnBy?: string | null;
  withdrawnReason?: string | null;
}

export interface CprExemptionTable {
  fingerprint: string;
  meetingId: string | null;
  masked: string;
  /** Where the number was, in words ("Punkt 3, Sagsfremstilling, linje 4"). */
  location: string;
  markedBy: string;
  markedAt: string;
}

/** A member's own note on an agenda item (migration 0005); never public, never exported. */
export interface PrivateNoteTable {
  id: string;
  userId: string;
  agendaItemId: string;
  text: string;
  updatedAt: string;
}

/** A deleted (or depublished) object's tombstone for OParl's `modified_since` (migration 0006). */
/** Meetings a writer is saving whole: their depublication runs once, when the row is deleted (migration 2026_12_03_0002). */
export interface OparlDeferredTable {
  meetingId: string;
}

export interface DeletedObjectTable {
  /** The OParl type name: 'Meeting', 'AgendaItem', 'File' … */
  type: string;
  id: string;
  bodyId: string | null;
  created: string | null;
  deletedAt: string;
}

/** A meeting place (OParl Location; migration 2026_12_02_0003): kept by triggers on meeting writes. */
export interface LocationTable {
  bodyId: string;
  /** The place's key in its URL, unique within the body. */
  key: string;
  description: string;
  created: string;
  modified: string;
}

/** What `protokol sync` last saw of one remote meeting (migration 2026_12_03_0001). */
export interface SyncMeetingTable {
  kind: string;
  baseUrl: string;
  remoteId: string;
  modified: string | null;
  etag: string | null;
  sha256: string;
  meetingId: string | null;
  syncedAt: string;
}

/** One `protokol sync` run (migration 2026_12_03_0001). */
export interface SyncRunTable {
  id: string;
  kind: string;
  baseUrl: string;
  startedAt: string;
  finishedAt: string | null;
  status: string;
  newCount: number;
  updatedCount: number;
  unchangedCount: number;
  failedCount: number;
  requests: number;
}

/** The municipality's settings made in the administration (migration 2026_12_04_0001). */
export interface BodySettingTable {
  bodyId: string;
  logoSha256: string | null;
  logoMediaType: string | null;
  colour: string | null;
  contactAddress: string | null;
  contactPhone: string | null;
  contactEmail: string | null;
  accessibilityStatement: string | null;
  /** JSON [{ standard, title }] or null for the built-in list. */
  standardItems: string | null;
  updatedAt: string;
}

export interface DB extends AlertTables {
  bodySetting: BodySettingTable;
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
  userCommittee: UserCommitteeTable;
  session: SessionTable;
  loginAttempt: LoginAttemptTable;
  authRequest: AuthRequestTable;
  apiToken: ApiTokenTable;
  auditLog: AuditLogTable;
  meetingApproval: MeetingApprovalTable;
  meetingObjection: MeetingObjectionTable;
  publication: PublicationTable;
  cprExemption: CprExemptionTable;
  privateNote: PrivateNoteTable;
  deletedObject: DeletedObjectTable;
  oparlDeferred: OparlDeferredTable;
  location: LocationTable;
  syncMeeting: SyncMeetingTable;
  syncRun: SyncRunTable;
}

// Meetings made and edited by the secretariat: create (with the standard items), update,
// cancel, list and read (the staff view, closed items only for those who may read them).
import { type Principal, assertMayEdit } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { cancel, notYetHeld } from '../../domain/meeting.js';
import { DEFAULT_STANDARD_ITEMS, parseStoredStandardItems } from '../../domain/municipality.js';
import { bodySettingRow } from '../../storage/repositories/body-settings.js';
import { bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import {
  PROTOKOL_SOURCE,
  type OrganizationScopeRow,
  findOrganization,
  insertItem,
  insertMeeting,
  listMeetingsWithOrganization,
  meetingRow,
  updateMeetingRow,
} from '../../storage/repositories/meeting-editor.js';
import type { Db } from '../../storage/repositories/upsert.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search/indexing.js';
import type { LifecycleDeps } from './deps.js';
import { checkVersion, loadMeeting, meetingForEdit } from './guard.js';
import { assertChangeNoteIfPublic, republishIfPublic } from './publication.js';
import { type StaffMeeting, type StaffMeetingSummary, mayView, staffMeeting } from './staff-views.js';

export type { StaffMeeting, StaffMeetingSummary };

/** The built-in standard items, in agenda order; a municipality may store its own (admin/standard-items). */
export const standardItems = DEFAULT_STANDARD_ITEMS;
/** Standard items that stay at the end of the agenda; new items go before them. */
export const trailingStandards: ReadonlySet<string> = new Set(['any_other_business', 'minutes_approval']);

export function validDate(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    throw new DomainError('invalid_input', 'Datoen skal skrives ÅÅÅÅ-MM-DD', field);
  }
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value) throw new DomainError('invalid_input', `${value} er ikke en gyldig dato`, field);
  return value;
}

function validTime(value: unknown, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string' || !/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
    throw new DomainError('invalid_input', 'Klokkeslæt skal skrives TT:MM (00:00–23:59)', field);
  }
  return value;
}

function validLocation(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || value.length > 300) throw new DomainError('invalid_input', 'Mødestedet skal være en tekst på højst 300 tegn', 'location');
  return value.trim() === '' ? null : value.trim();
}

function checkTimes(start: string | null, end: string | null): void {
  if (start !== null && end !== null && end < start) throw new DomainError('invalid_input', 'Sluttidspunktet ligger før starttidspunktet', 'end');
}

export interface CreateMeetingInput {
  organizationId: string;
  date: string;
  start?: string | null;
  end?: string | null;
  location?: string | null;
}

export async function createMeeting(
  deps: LifecycleDeps,
  actor: Principal,
  input: CreateMeetingInput,
): Promise<{ id: string; version: number; itemIds: string[] }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const org = await editableOrganization(trx, actor, input.organizationId);
    const date = validDate(input.date, 'date');
    const created = await insertNewMeeting(trx, deps, actor, org, { ...validTimes(input), date });
    await indexMeetings(trx, deps.database, [created.id]);
    return { ...created, version: 1 };
  });
}

/** At most this many meetings in one series (a year of weekly meetings). */
export const MAX_SERIES = 60;

export interface CreateSeriesInput extends Omit<CreateMeetingInput, 'date'> {
  /** The dates, or a repetition: `first`, then every `everyWeeks` weeks, `count` meetings. */
  dates?: string[];
  repeat?: { first: string; count: number; everyWeeks: number };
}

/**
 * A committee's meetings for a period in one go (the meeting plan): the same time and place
 * on each date, each with the standard items. All or nothing, in one transaction.
 */
export async function createMeetingSeries(
  deps: LifecycleDeps,
  actor: Principal,
  input: CreateSeriesInput,
): Promise<{ meetings: { id: string; date: string; itemIds: string[] }[] }> {
  const dates = seriesDates(input);
  return deps.database.db.transaction().execute(async (trx) => {
    const org = await editableOrganization(trx, actor, input.organizationId);
    const times = validTimes(input);
    const meetings = [];
    for (const date of dates) meetings.push({ ...(await insertNewMeeting(trx, deps, actor, org, { ...times, date })), date });
    await indexMeetings(
      trx,
      deps.database,
      meetings.map((m) => m.id),
    );
    return { meetings: meetings.map(({ id, date, itemIds }) => ({ id, date, itemIds })) };
  });
}

function seriesDates(input: CreateSeriesInput): string[] {
  if ((input.dates === undefined) === (input.repeat === undefined)) {
    throw new DomainError('invalid_input', 'Angiv enten datoerne eller en gentagelse (første dato, antal og interval)', 'dates');
  }
  let dates: string[];
  if (input.dates !== undefined) {
    dates = input.dates.map((d, i) => validDate(d, `dates[${i}]`));
  } else {
    const r = input.repeat!;
    const first = validDate(r.first, 'repeat.first');
    if (!Number.isInteger(r.everyWeeks) || r.everyWeeks < 1 || r.everyWeeks > 52)
      throw new DomainError('invalid_input', 'Intervallet skal være 1–52 uger', 'repeat.everyWeeks');
    if (!Number.isInteger(r.count) || r.count < 1) throw new DomainError('invalid_input', 'Antallet skal være mindst 1', 'repeat.count');
    const t0 = Date.parse(`${first}T00:00:00Z`);
    dates = Array.from({ length: Math.min(r.count, MAX_SERIES + 1) }, (_, i) => new Date(t0 + i * r.everyWeeks * 7 * 86_400_000).toISOString().slice(0, 10));
  }
  if (dates.length === 0) throw new DomainError('invalid_input', 'Serien skal have mindst én dato', 'dates');
  if (dates.length > MAX_SERIES) throw new DomainError('invalid_input', `Højst ${MAX_SERIES} møder i én serie`, 'dates');
  if (new Set(dates).size !== dates.length) throw new DomainError('invalid_input', 'Den samme dato står flere gange', 'dates');
  return [...dates].sort();
}

async function editableOrganization(trx: Db, actor: Principal, organizationId: unknown): Promise<OrganizationScopeRow> {
  const org = typeof organizationId === 'string' ? await findOrganization(trx, organizationId) : undefined;
  if (!org) throw new DomainError('not_found', `Udvalget ${String(organizationId)} findes ikke`, 'organizationId');
  assertMayEdit(actor, { bodyId: org.bodyId, organizationId: org.id });
  return org;
}

function validTimes(input: { start?: string | null; end?: string | null; location?: string | null }) {
  const start = validTime(input.start, 'start');
  const end = validTime(input.end, 'end');
  checkTimes(start, end);
  return { start, end, location: validLocation(input.location) };
}

/** A planned meeting with its standard items, audited; the caller indexes and commits. */
async function insertNewMeeting(
  trx: Db,
  deps: LifecycleDeps,
  actor: Principal,
  org: OrganizationScopeRow,
  m: { date: string; start: string | null; end: string | null; location: string | null },
): Promise<{ id: string; itemIds: string[] }> {
  const at = deps.now().toISOString();
  const id = newId();
  await insertMeeting(trx, {
    id,
    organizationId: org.id,
    date: m.date,
    startTime: m.start,
    endTime: m.end,
    location: m.location,
    state: 'planned',
    cancelled: 0,
    createdAt: at,
    updatedAt: at,
    source: PROTOKOL_SOURCE,
    externalId: null,
    version: 1,
  });
  const itemIds: string[] = [];
  const standards = parseStoredStandardItems((await bodySettingRow(trx, org.bodyId))?.standardItems);
  for (const [i, s] of standards.entries()) {
    const itemId = newId();
    itemIds.push(itemId);
    await insertItem(trx, {
      id: itemId,
      meetingId: id,
      paperId: null,
      number: String(i + 1),
      position: i + 1,
      title: s.title,
      public: 1,
      publicTitle: null,
      decision: null,
      standard: s.standard,
      version: 1,
      source: PROTOKOL_SOURCE,
      externalId: null,
    });
  }
  await audit(
    trx,
    actor,
    { action: 'meeting.create', entityType: 'meeting', entityId: id, bodyId: org.bodyId, before: null, after: await meetingRow(trx, id) },
    deps.now(),
  );
  return { id, itemIds };
}

export interface UpdateMeetingInput {
  version?: number;
  date?: string;
  start?: string | null;
  end?: string | null;
  location?: string | null;
  cancelled?: boolean;
  changeNote?: string | null;
}

export async function updateMeeting(deps: LifecycleDeps, actor: Principal, meetingId: string, input: UpdateMeetingInput): Promise<{ version: number }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const meeting = await meetingForEdit(trx, actor, meetingId);
    checkVersion('Mødet', input.version, meeting.version);
    const before = await meetingRow(trx, meetingId);
    if (!before) throw new DomainError('not_found', `Mødet ${meetingId} findes ikke`, meetingId);
    const patch: Parameters<typeof updateMeetingRow>[2] = {};
    if (input.date !== undefined) patch.date = validDate(input.date, 'date');
    if (input.start !== undefined) patch.startTime = validTime(input.start, 'start');
    if (input.end !== undefined) patch.endTime = validTime(input.end, 'end');
    checkTimes(patch.startTime !== undefined ? patch.startTime : before.startTime, patch.endTime !== undefined ? patch.endTime : before.endTime);
    if (input.location !== undefined) patch.location = validLocation(input.location);
    if (input.cancelled !== undefined) {
      if (typeof input.cancelled !== 'boolean') throw new DomainError('invalid_input', 'cancelled skal være sand eller falsk', 'cancelled');
      if (input.cancelled && !meeting.cancelled) cancel({ state: meeting.state, cancelled: meeting.cancelled });
      patch.cancelled = input.cancelled ? 1 : 0;
    }
    if (input.date !== undefined && !notYetHeld(meeting.state)) {
      throw new DomainError('invalid_transition', 'Datoen for et afholdt møde kan ikke ændres', 'date');
    }
    assertChangeNoteIfPublic(meeting, input.changeNote);
    const at = deps.now().toISOString();
    await updateMeetingRow(trx, meetingId, patch);
    const version = await bumpMeetingVersion(trx, meetingId, at);
    await audit(
      trx,
      actor,
      { action: 'meeting.update', entityType: 'meeting', entityId: meetingId, bodyId: meeting.bodyId, before, after: await meetingRow(trx, meetingId) },
      deps.now(),
    );
    await republishIfPublic(trx, deps, actor, meeting, input.changeNote);
    await indexMeetings(trx, deps.database, [meetingId]);
    return { version };
  });
}

/** Meetings the actor may edit, or (members) the meetings of their municipality. */
export async function listMeetings(
  deps: LifecycleDeps,
  actor: Principal,
  filter: { organizationId?: string; from?: string; to?: string } = {},
): Promise<StaffMeetingSummary[]> {
  if (filter.from !== undefined) validDate(filter.from, 'from');
  if (filter.to !== undefined) validDate(filter.to, 'to');
  const meetings = await listMeetingsWithOrganization(deps.database.db, {
    bodyId: actor.bodyId,
    organizationIds: actor.role === 'secretary' ? actor.committeeIds : null,
    ...filter,
  });
  return meetings.filter((m) => mayView(actor, m));
}

/** The whole meeting for the secretariat and members; closed items redacted for those who may not read them. */
export async function getMeetingForStaff(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<StaffMeeting> {
  const db = deps.database.db;
  return staffMeeting(db, actor, await loadMeeting(db, meetingId));
}

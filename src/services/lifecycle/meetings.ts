// Meetings made and edited by the secretariat: create (with the standard items), update,
// cancel, list and read (the staff view, closed items only for those who may read them).
import { type Principal, assertMayEdit } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { newId } from '../../domain/ids.js';
import { cancel } from '../../domain/meeting.js';
import { bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import {
  PROTOKOL_SOURCE,
  findOrganization,
  insertItem,
  insertMeeting,
  listMeetingRows,
  meetingRow,
  updateMeetingRow,
} from '../../storage/repositories/meeting-editor.js';
import type { MeetingState } from '../../domain/meeting.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search-indexing.js';
import type { LifecycleDeps } from './deps.js';
import { checkVersion, loadMeeting, meetingForEdit } from './guard.js';
import { assertChangeNoteIfPublic, republishIfPublic } from './publication.js';
import { type StaffMeeting, type StaffMeetingSummary, staffMeeting } from './staff-views.js';

export type { StaffMeeting, StaffMeetingSummary };

/** The standard items, in agenda order: the first opens the meeting, the last two close it. */
export const standardItems = [
  { standard: 'agenda_approval', title: 'Godkendelse af dagsorden' },
  { standard: 'any_other_business', title: 'Eventuelt' },
  { standard: 'minutes_approval', title: 'Godkendelse af referat' },
] as const;
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

export async function createMeeting(deps: LifecycleDeps, actor: Principal, input: CreateMeetingInput): Promise<{ id: string; version: number; itemIds: string[] }> {
  return deps.database.db.transaction().execute(async (trx) => {
    const org = typeof input.organizationId === 'string' ? await findOrganization(trx, input.organizationId) : undefined;
    if (!org) throw new DomainError('not_found', `Udvalget ${String(input.organizationId)} findes ikke`, 'organizationId');
    assertMayEdit(actor, { bodyId: org.bodyId, organizationId: org.id });
    const date = validDate(input.date, 'date');
    const start = validTime(input.start, 'start');
    const end = validTime(input.end, 'end');
    checkTimes(start, end);
    const location = validLocation(input.location);
    const at = deps.now().toISOString();
    const id = newId();
    await insertMeeting(trx, {
      id,
      organizationId: org.id,
      date,
      startTime: start,
      endTime: end,
      location,
      state: 'planned',
      cancelled: 0,
      createdAt: at,
      updatedAt: at,
      source: PROTOKOL_SOURCE,
      externalId: null,
      version: 1,
    });
    const itemIds: string[] = [];
    for (const [i, s] of standardItems.entries()) {
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
    await audit(trx, actor, { action: 'meeting.create', entityType: 'meeting', entityId: id, bodyId: org.bodyId, before: null, after: await meetingRow(trx, id) }, deps.now());
    await indexMeetings(trx, deps.database, [id]);
    return { id, version: 1, itemIds };
  });
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
      if (input.cancelled && !meeting.cancelled) cancel({ state: meeting.state as MeetingState, cancelled: meeting.cancelled });
      patch.cancelled = input.cancelled ? 1 : 0;
    }
    if (input.date !== undefined && meeting.state !== 'planned' && meeting.state !== 'agenda_published') {
      throw new DomainError('invalid_transition', 'Datoen for et afholdt møde kan ikke ændres', 'date');
    }
    assertChangeNoteIfPublic(meeting, input.changeNote);
    const at = deps.now().toISOString();
    await updateMeetingRow(trx, meetingId, patch);
    const version = await bumpMeetingVersion(trx, meetingId, at);
    await audit(trx, actor, { action: 'meeting.update', entityType: 'meeting', entityId: meetingId, bodyId: meeting.bodyId, before, after: await meetingRow(trx, meetingId) }, deps.now());
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
  const rows = await listMeetingRows(deps.database.db, {
    bodyId: actor.bodyId,
    organizationIds: actor.role === 'secretary' ? actor.committeeIds : null,
    ...filter,
  });
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    organizationName: r.organizationName,
    bodyId: r.bodyId,
    date: r.date,
    start: r.startTime,
    end: r.endTime,
    location: r.location,
    state: r.state as MeetingState,
    cancelled: Number(r.cancelled) === 1,
    version: Number(r.version ?? 1),
  }));
}

/** The whole meeting for the secretariat and members; closed items redacted for those who may not read them. */
export async function getMeetingForStaff(deps: LifecycleDeps, actor: Principal, meetingId: string): Promise<StaffMeeting> {
  const db = deps.database.db;
  return staffMeeting(db, actor, await loadMeeting(db, meetingId));
}

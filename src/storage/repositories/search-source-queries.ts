// What the search index is built from: meetings with their organization and municipality, the
// case numbers of their papers, and the extracted text of files. Portable Kysely; lists of ids
// are chunked so a reindex batch never exceeds a driver's parameter limit.
import type { MeetingState } from '../../domain/meeting.js';
import type { Db } from './upsert.js';

export interface SearchSourceMeeting {
  id: string;
  date: string;
  state: MeetingState;
  organizationId: string;
  organizationName: string;
  bodyId: string;
  bodyName: string;
}

const CHUNK = 500;

async function chunked<T>(ids: readonly string[], load: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await load(ids.slice(i, i + CHUNK))));
  return out;
}

export function searchSourceMeetings(db: Db, meetingIds: readonly string[]): Promise<SearchSourceMeeting[]> {
  return chunked(meetingIds, async (ids) => {
    const rows = await db
      .selectFrom('meeting')
      .innerJoin('organization', 'organization.id', 'meeting.organizationId')
      .innerJoin('body', 'body.id', 'organization.bodyId')
      .select([
        'meeting.id',
        'meeting.date',
        'meeting.state',
        'meeting.organizationId',
        'organization.name as organizationName',
        'body.id as bodyId',
        'body.name as bodyName',
      ])
      .where('meeting.id', 'in', ids)
      .execute();
    return rows.map((r) => ({ ...r, state: r.state as MeetingState }));
  });
}

/** Case number (paper reference) by paper id. */
export async function caseNumbers(db: Db, paperIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await chunked(paperIds, (ids) => db.selectFrom('paper').select(['id', 'reference']).where('id', 'in', ids).execute());
  return new Map(rows.flatMap((r) => (r.reference ? [[r.id, r.reference] as const] : [])));
}

/** Extracted text by file id; files without text are left out. */
export async function fileTexts(db: Db, fileIds: readonly string[]): Promise<Map<string, string>> {
  const rows = await chunked(fileIds, (ids) => db.selectFrom('file').select(['id', 'text']).where('id', 'in', ids).execute());
  return new Map(rows.flatMap((r) => (r.text ? [[r.id, r.text] as const] : [])));
}

/** Every meeting id, in a stable order, for a full reindex. */
export async function allMeetingIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('meeting').select('id').orderBy('id').execute();
  return rows.map((r) => r.id);
}

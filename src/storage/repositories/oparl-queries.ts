// Reads for the OParl API and the bulk export (services/oparl). Every list is keyset-paginated
// on (modified, id) within its body through the `<table>_oparl_list` index (body, modified, id;
// migration 0006): a page is "the n rows after this key", an index range scan of n entries,
// never an OFFSET and never a sort, so a page of a 10 000-row list costs what a page of a
// 100-row list does. Counts (for `pagination.totalElements`) are the only reads that grow with
// the list; the service caches them against `changeMarker`.
//
// Only WHICH rows the public may see is decided here, in SQL, because pagination must count
// visible rows, and always through the SQL forms of the domain rules (visibility.ts): items of
// meetings whose agenda is public; cases with an open item on such a meeting (named by their
// public title, never `paper.title`); consultations of those cases that are not tied to a
// closed item; stored public files of open items. WHAT of a visible row the public sees
// (closed items, decisions before the minutes) is decided in the service with the domain
// rules. An object that leaves these sets gets a tombstone (migration 2026_12_02_0001).
import { type Expression, type Kysely, type SelectQueryBuilder, SqliteAdapter, type SqlBool, sql } from 'kysely';
import type { DB } from '../schema.js';
import { fileWithMeeting, meetingColumns, membershipColumns } from './rows.js';
import { agendaPublic, filePublic, fileStored, itemOpen, paperPublicTitle, paperVisible } from './visibility.js';

export type ListedType = 'Meeting' | 'AgendaItem' | 'Paper' | 'Consultation' | 'File' | 'Person' | 'Membership';

export interface Key {
  modified: string;
  id: string;
}

export interface TimeFilters {
  createdSince?: string | undefined;
  createdUntil?: string | undefined;
  modifiedSince?: string | undefined;
  modifiedUntil?: string | undefined;
}

export interface Scope {
  bodyId: string;
  /** Meetings of one organization only (Organization.meeting). */
  organizationId?: string | undefined;
  /** One object only (the object's own URL). */
  id?: string | undefined;
  filters?: TimeFilters;
}

/** Where a page starts: the first page, after a key, before a key, or the last `count` rows. */
export type PageStart = { kind: 'first' } | { kind: 'after'; key: Key } | { kind: 'before'; key: Key } | { kind: 'last'; count: number };

export interface Stamped {
  id: string;
  created: string;
  modified: string;
}

export interface MeetingRow extends Stamped {
  organizationId: string;
  organizationName: string;
  bodyId: string;
  date: string;
  startTime: string | null;
  endTime: string | null;
  location: string | null;
  state: string;
  cancelled: number;
}
export interface ItemRow extends Stamped {
  meetingId: string;
  meetingState: string;
  meetingDate: string;
  bodyId: string;
  paperId: string | null;
  number: string;
  position: number;
  title: string;
  public: number;
  publicTitle: string | null;
  decision: string | null;
  standard: string | null;
}
export interface PaperRow extends Stamped {
  bodyId: string;
  reference: string | null;
  title: string;
  decisionCompetence: string | null;
}
export interface ConsultationRow extends Stamped {
  bodyId: string;
  paperId: string;
  organizationId: string | null;
  organizationName: string;
  meetingId: string | null;
  meetingState: string | null;
  meetingDate: string | null;
  agendaItemId: string | null;
  date: string | null;
  role: string;
  outcome: string | null;
}
export interface FileRow extends Stamped {
  bodyId: string;
  meetingId: string | null;
  agendaItemId: string | null;
  paperId: string | null;
  itemPaperId: string | null;
  meetingDate: string | null;
  title: string;
  fileName: string;
  mediaType: string;
  size: number | null;
  sha256: string;
  sha512: string | null;
  text: string | null;
}
export interface PersonRow extends Stamped {
  bodyId: string;
  name: string;
}
export interface MembershipRow extends Stamped {
  bodyId: string;
  personId: string;
  organizationId: string;
  role: string;
  party: string | null;
  startDate: string;
  endDate: string | null;
}

export interface RowOf {
  Meeting: MeetingRow;
  AgendaItem: ItemRow;
  Paper: PaperRow;
  Consultation: ConsultationRow;
  File: FileRow;
  Person: PersonRow;
  Membership: MembershipRow;
}

export interface Tombstone {
  type: string;
  id: string;
  bodyId: string | null;
  created: string | null;
  modified: string;
}

/** The table of each type, and the body column its list index leads with (migration 0006). */
const tableOf: Record<string, string> = {
  Meeting: 'meeting',
  AgendaItem: 'agenda_item',
  Paper: 'paper',
  Consultation: 'consultation',
  File: 'file',
  Person: 'person',
  Membership: 'membership',
  Organization: 'organization',
  LegislativeTerm: 'legislative_term',
  Location: 'location',
};
const listScope: Record<string, string> = {
  meeting: 'oparl_body_id',
  agenda_item: 'oparl_body_id',
  consultation: 'oparl_body_id',
  membership: 'oparl_body_id',
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the builders differ per table; keyset and filters only need two column names
type AnyQuery = SelectQueryBuilder<DB, any, any>;

/** The scoped query of one type, its (modified, id) columns, and how rows become typed. */
interface Source {
  query: AnyQuery;
  modified: string;
  id: string;
  created: string;
}

function source(db: Kysely<DB>, type: ListedType, scope: Scope): Source {
  switch (type) {
    case 'Meeting': {
      const q: AnyQuery = db
        .selectFrom('meeting')
        .innerJoin('organization as o', 'o.id', 'meeting.organizationId')
        .select([...meetingColumns, 'meeting.created', 'meeting.modified', 'o.name as organizationName', 'o.bodyId'])
        // One equality on the list index's first column: the organization's or the body's.
        .where(scope.organizationId ? sql.ref('meeting.organizationId') : sql.ref('meeting.oparlBodyId'), '=', scope.organizationId ?? scope.bodyId);
      return { query: q, modified: 'meeting.modified', id: 'meeting.id', created: 'meeting.created' };
    }
    case 'AgendaItem':
      return {
        query: db
          .selectFrom('agendaItem')
          .innerJoin('meeting as m', 'm.id', 'agendaItem.meetingId')
          .select(sql.ref<string>('agendaItem.oparlBodyId').as('bodyId'))
          .select([
            'agendaItem.id',
            'agendaItem.created',
            'agendaItem.modified',
            'agendaItem.meetingId',
            'm.state as meetingState',
            'm.date as meetingDate',
            'agendaItem.paperId',
            'agendaItem.number',
            'agendaItem.position',
            'agendaItem.title',
            'agendaItem.public',
            'agendaItem.publicTitle',
            'agendaItem.decision',
            'agendaItem.standard',
          ])
          .where(sql.ref('agendaItem.oparlBodyId'), '=', scope.bodyId)
          .where(agendaPublic('m.state')),
        modified: 'agendaItem.modified',
        id: 'agendaItem.id',
        created: 'agendaItem.created',
      };
    case 'Paper':
      return {
        query: db
          .selectFrom('paper')
          // The public title only: `paper.title` may have come from a closed item.
          .select(['paper.id', 'paper.created', 'paper.modified', 'paper.bodyId', 'paper.reference', 'paper.decisionCompetence'])
          .select(paperPublicTitle(db, 'paper.id').as('title'))
          .where('paper.bodyId', '=', scope.bodyId)
          .where(paperVisible(db, 'paper.id')),
        modified: 'paper.modified',
        id: 'paper.id',
        created: 'paper.created',
      };
    case 'Consultation':
      return {
        query: db
          .selectFrom('consultation')
          .innerJoin('paper as p', 'p.id', 'consultation.paperId')
          .leftJoin('meeting as m', 'm.id', 'consultation.meetingId')
          .leftJoin('agendaItem as i', 'i.id', 'consultation.agendaItemId')
          .select([
            'consultation.id',
            'consultation.created',
            'consultation.modified',
            'p.bodyId',
            'consultation.paperId',
            'consultation.organizationId',
            'consultation.organizationName',
            'consultation.meetingId',
            'm.state as meetingState',
            'm.date as meetingDate',
            'consultation.agendaItemId',
            'consultation.date',
            'consultation.role',
            'consultation.outcome',
          ])
          .where(sql.ref('consultation.oparlBodyId'), '=', scope.bodyId)
          .where(paperVisible(db, 'p.id'))
          .where((eb) => eb.or([eb('consultation.agendaItemId', 'is', null), itemOpen('i.public')]))
          .where((eb) => eb.or([eb('consultation.meetingId', 'is', null), agendaPublic('m.state')])),
        modified: 'consultation.modified',
        id: 'consultation.id',
        created: 'consultation.created',
      };
    case 'File':
      return {
        query: fileWithMeeting(db)
          .select([
            'file.id',
            'file.created',
            'file.modified',
            'file.bodyId',
            'fm.id as meetingId',
            'file.agendaItemId',
            'file.paperId',
            'fi.paperId as itemPaperId',
            'fm.date as meetingDate',
            'file.title',
            'file.fileName',
            'file.mediaType',
            'file.size',
            'file.sha256',
            'file.sha512',
            'file.text',
          ])
          .where('file.bodyId', '=', scope.bodyId)
          .where(filePublic({ file: 'file', item: 'fi', meetingState: 'fm.state' }))
          .where(fileStored('file')),
        modified: 'file.modified',
        id: 'file.id',
        created: 'file.created',
      };
    case 'Person':
      return {
        query: db
          .selectFrom('person')
          .select(['person.id', 'person.created', 'person.modified', 'person.bodyId', 'person.name'])
          .where('person.bodyId', '=', scope.bodyId),
        modified: 'person.modified',
        id: 'person.id',
        created: 'person.created',
      };
    case 'Membership':
      return {
        query: db
          .selectFrom('membership')
          .innerJoin('person as p', 'p.id', 'membership.personId')
          .select([...membershipColumns, 'membership.created', 'membership.modified', 'p.bodyId'])
          .where(sql.ref('membership.oparlBodyId'), '=', scope.bodyId),
        modified: 'membership.modified',
        id: 'membership.id',
        created: 'membership.created',
      };
  }
}

function filtered(s: Source, scope: Scope): AnyQuery {
  let q = s.query;
  const f = scope.filters ?? {};
  if (scope.id !== undefined) q = q.where(sql.ref(s.id), '=', scope.id);
  if (f.createdSince) q = q.where(sql.ref(s.created), '>=', f.createdSince);
  if (f.createdUntil) q = q.where(sql.ref(s.created), '<=', f.createdUntil);
  if (f.modifiedSince) q = q.where(sql.ref(s.modified), '>=', f.modifiedSince);
  if (f.modifiedUntil) q = q.where(sql.ref(s.modified), '<=', f.modifiedUntil);
  return q;
}

const keyAfter = (modified: string, id: string, key: Key, op: '>' | '<'): Expression<SqlBool> =>
  sql<SqlBool>`(${sql.ref(modified)}, ${sql.ref(id)}) ${sql.raw(op)} (${key.modified}, ${key.id})`;

async function keysetPage<T>(q: AnyQuery, modified: string, id: string, start: PageStart, limit: number): Promise<T[]> {
  const asc = (x: AnyQuery) => x.orderBy(sql.ref(modified), 'asc').orderBy(sql.ref(id), 'asc');
  const desc = (x: AnyQuery) => x.orderBy(sql.ref(modified), 'desc').orderBy(sql.ref(id), 'desc');
  switch (start.kind) {
    case 'first':
      return await asc(q).limit(limit).execute();
    case 'after':
      return await asc(q.where(keyAfter(modified, id, start.key, '>')))
        .limit(limit)
        .execute();
    case 'before':
      return (
        (await desc(q.where(keyAfter(modified, id, start.key, '<')))
          .limit(limit)
          .execute()) as T[]
      ).reverse();
    case 'last':
      return start.count <= 0 ? [] : ((await desc(q).limit(start.count).execute()) as T[]).reverse();
  }
}

async function count(q: AnyQuery): Promise<number> {
  const row = (await q
    .clearSelect()
    .select(sql<number>`count(*)`.as('n'))
    .executeTakeFirst()) as { n: number | string } | undefined;
  return Number(row?.n ?? 0);
}

export class OparlQueries {
  constructor(readonly db: Kysely<DB>) {}

  /** One page of visible rows of a type, ascending by (modified, id). */
  async page<T extends ListedType>(type: T, scope: Scope, start: PageStart, limit: number): Promise<RowOf[T][]> {
    const s = source(this.db, type, scope);
    // One object by id: its primary key, not a walk of the list index in key order.
    if (scope.id !== undefined) return (await filtered(s, scope).limit(1).execute()) as RowOf[T][];
    return keysetPage<RowOf[T]>(filtered(s, scope), s.modified, s.id, start, limit);
  }

  /**
   * A value that changes whenever the count of a list (live rows or tombstones of `type` in
   * the scope) may have changed, cheap to read: the service keeps counts against it.
   * SQLite: the database's data version (moves on every commit, from any process) — exact.
   * PostgreSQL: the newest `modified` in the scope and the newest tombstone of the type, two
   * single-entry reads of the list indexes. Every change that alters a list bumps one of them
   * (triggers, migration 0006), but a transaction's timestamps are its start time, so a long
   * transaction can commit a change older than the newest one already seen: `exact` false,
   * and the service bounds how long it trusts such a marker.
   */
  async changeMarker(type: string, scope: Scope): Promise<{ marker: string; exact: boolean }> {
    if (this.db.getExecutor().adapter instanceof SqliteAdapter) {
      const { rows } = await sql<{ v: number; c: number }>`select (select data_version from pragma_data_version) as v, total_changes() as c`.execute(this.db);
      return { marker: `${rows[0]?.v}/${rows[0]?.c}`, exact: true };
    }
    const table = tableOf[type] ?? 'body';
    const column = scope.organizationId && type === 'Meeting' ? 'organization_id' : (listScope[table] ?? 'body_id');
    const { rows } = await sql<{ m: string | null; d: string | null }>`select
      (select max(modified) from ${sql.table(table)} where ${sql.ref(column)} = ${scope.organizationId && type === 'Meeting' ? scope.organizationId : scope.bodyId}) as m,
      (select max(deleted_at) from deleted_object where body_id = ${scope.bodyId} and type = ${type}) as d`.execute(this.db);
    return { marker: `${rows[0]?.m ?? ''}/${rows[0]?.d ?? ''}`, exact: false };
  }

  /** How many visible rows there are (`totalElements`; the service keeps it, see changeMarker). */
  async count(type: ListedType, scope: Scope): Promise<number> {
    const s = source(this.db, type, scope);
    // A meeting's organization is there (foreign key) and only named: count the meetings alone,
    // from the list index without touching a table row.
    if (type === 'Meeting')
      s.query = this.db
        .selectFrom('meeting')
        .where(sql.ref(scope.organizationId ? 'meeting.organizationId' : 'meeting.oparlBodyId'), '=', scope.organizationId ?? scope.bodyId);
    return count(filtered(s, scope));
  }

  /** Tombstones of one type in a body, in the same keyset order (deleted_at is their modified). */
  async tombstonePage(type: string, scope: Scope, start: PageStart, limit: number): Promise<Tombstone[]> {
    const q = this.tombstones(type, scope);
    const rows = await keysetPage<Omit<Tombstone, 'modified'> & { deletedAt: string }>(q, 'deletedObject.deletedAt', 'deletedObject.id', start, limit);
    return rows.map(({ deletedAt, ...r }) => ({ ...r, modified: deletedAt }));
  }

  async tombstoneCount(type: string, scope: Scope): Promise<number> {
    return count(this.tombstones(type, scope));
  }

  private tombstones(type: string, scope: Scope): AnyQuery {
    let q: AnyQuery = this.db
      .selectFrom('deletedObject')
      .select(['deletedObject.type', 'deletedObject.id', 'deletedObject.bodyId', 'deletedObject.created', 'deletedObject.deletedAt'])
      .where('deletedObject.type', '=', type)
      .where('deletedObject.bodyId', '=', scope.bodyId);
    const f = scope.filters ?? {};
    if (scope.id !== undefined) q = q.where('deletedObject.id', '=', scope.id);
    if (f.createdSince) q = q.where('deletedObject.created', '>=', f.createdSince);
    if (f.createdUntil) q = q.where('deletedObject.created', '<=', f.createdUntil);
    if (f.modifiedSince) q = q.where('deletedObject.deletedAt', '>=', f.modifiedSince);
    if (f.modifiedUntil) q = q.where('deletedObject.deletedAt', '<=', f.modifiedUntil);
    return q;
  }

  /** The tombstone of an object whatever its body (the object's own URL). */
  async tombstone(type: string, id: string): Promise<Tombstone | null> {
    const row = await this.db.selectFrom('deletedObject').selectAll().where('type', '=', type).where('id', '=', id).executeTakeFirst();
    return row ? { type: row.type, id: row.id, bodyId: row.bodyId, created: row.created, modified: row.deletedAt } : null;
  }

  /** Which body an object of a type belongs to (to scope the single-object lookup). */
  async bodyOf(type: ListedType, id: string): Promise<string | null> {
    const one = async (q: AnyQuery) => ((await q.executeTakeFirst()) as { bodyId: string } | undefined)?.bodyId ?? null;
    const db = this.db;
    switch (type) {
      case 'Meeting':
        return one(db.selectFrom('meeting').innerJoin('organization as o', 'o.id', 'meeting.organizationId').select('o.bodyId').where('meeting.id', '=', id));
      case 'AgendaItem':
        return one(
          db
            .selectFrom('agendaItem')
            .innerJoin('meeting as m', 'm.id', 'agendaItem.meetingId')
            .innerJoin('organization as o', 'o.id', 'm.organizationId')
            .select('o.bodyId')
            .where('agendaItem.id', '=', id),
        );
      case 'Paper':
        return one(db.selectFrom('paper').select('bodyId').where('id', '=', id));
      case 'Consultation':
        return one(db.selectFrom('consultation').innerJoin('paper as p', 'p.id', 'consultation.paperId').select('p.bodyId').where('consultation.id', '=', id));
      case 'File':
        return one(db.selectFrom('file').select('bodyId').where('id', '=', id));
      case 'Person':
        return one(db.selectFrom('person').select('bodyId').where('id', '=', id));
      case 'Membership':
        return one(db.selectFrom('membership').innerJoin('person as p', 'p.id', 'membership.personId').select('p.bodyId').where('membership.id', '=', id));
    }
  }

  // ------------------------------------------------------------- small lists and children

  bodies() {
    return this.db.selectFrom('body').select(['id', 'slug', 'name', 'website', 'created', 'modified']).orderBy('id').execute();
  }

  terms(bodyId: string) {
    return this.db
      .selectFrom('legislativeTerm')
      .select(['id', 'bodyId', 'name', 'startDate', 'endDate', 'created', 'modified'])
      .where('bodyId', '=', bodyId)
      .orderBy('startDate')
      .execute();
  }

  organizations(bodyId: string) {
    return this.db
      .selectFrom('organization')
      .leftJoin('legislativeTerm as t', 't.id', 'organization.termId')
      .select([
        'organization.id',
        'organization.bodyId',
        'organization.termId',
        'organization.name',
        'organization.shortName',
        'organization.kind',
        'organization.predecessorId',
        'organization.created',
        'organization.modified',
        't.startDate',
        't.endDate',
      ])
      .where('organization.bodyId', '=', bodyId)
      .execute();
  }

  /** Membership ids per organization (Organization.membership). */
  membershipIdsOf(organizationIds: string[]) {
    if (organizationIds.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('membership').select(['id', 'organizationId']).where('organizationId', 'in', organizationIds).orderBy('id').execute();
  }

  /** Party letters in use in a body, with the span of the memberships that carry them. */
  parties(bodyId: string) {
    return this.db
      .selectFrom('membership')
      .innerJoin('person as p', 'p.id', 'membership.personId')
      .select(['membership.party', sql<string>`min(membership.created)`.as('created'), sql<string>`max(membership.modified)`.as('modified')])
      .where('p.bodyId', '=', bodyId)
      .where('membership.party', 'is not', null)
      .groupBy('membership.party')
      .execute();
  }

  /** Distinct meeting places of a body with the first time each was used. */
  locations(bodyId: string) {
    return this.db
      .selectFrom('meeting')
      .innerJoin('organization as o', 'o.id', 'meeting.organizationId')
      .select(['meeting.location', sql<string>`min(meeting.created)`.as('created')])
      .where('o.bodyId', '=', bodyId)
      .where('meeting.location', 'is not', null)
      .groupBy('meeting.location')
      .execute();
  }

  membershipsOfPeople(personIds: string[]) {
    if (personIds.length === 0) return Promise.resolve([] as MembershipRow[]);
    return source(this.db, 'Membership', { bodyId: '' })
      .query.clearWhere()
      .where('membership.personId', 'in', personIds)
      .orderBy('membership.startDate')
      .orderBy('membership.id')
      .execute() as Promise<MembershipRow[]>;
  }

  /** Visible items of these meetings, in agenda order. */
  itemsOfMeetings(bodyId: string, meetingIds: string[]): Promise<ItemRow[]> {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return source(this.db, 'AgendaItem', { bodyId })
      .query.where('agendaItem.meetingId', 'in', meetingIds)
      .orderBy('agendaItem.meetingId')
      .orderBy('agendaItem.position')
      .execute() as Promise<ItemRow[]>;
  }

  /** Visible files of these items or meetings (meeting-level files have no item). */
  filesOf(bodyId: string, by: { itemIds?: string[]; meetingIds?: string[]; ids?: string[] }): Promise<FileRow[]> {
    const q = source(this.db, 'File', { bodyId }).query;
    const run = (x: AnyQuery) => x.orderBy('file.position').orderBy('file.id').execute() as Promise<FileRow[]>;
    if (by.itemIds) return by.itemIds.length === 0 ? Promise.resolve([]) : run(q.where('file.agendaItemId', 'in', by.itemIds));
    if (by.ids) return by.ids.length === 0 ? Promise.resolve([]) : run(q.where('file.id', 'in', by.ids));
    const ids = by.meetingIds ?? [];
    return ids.length === 0 ? Promise.resolve([]) : run(q.where('file.agendaItemId', 'is', null).where('file.meetingId', 'in', ids));
  }

  /** Visible consultations of these papers or items. */
  consultationsOf(bodyId: string, by: { paperIds?: string[]; itemIds?: string[] }): Promise<ConsultationRow[]> {
    const q = source(this.db, 'Consultation', { bodyId }).query;
    const run = (x: AnyQuery) => x.orderBy('consultation.date').orderBy('consultation.id').execute() as Promise<ConsultationRow[]>;
    if (by.paperIds) return by.paperIds.length === 0 ? Promise.resolve([]) : run(q.where('consultation.paperId', 'in', by.paperIds));
    const ids = by.itemIds ?? [];
    return ids.length === 0 ? Promise.resolve([]) : run(q.where('consultation.agendaItemId', 'in', ids));
  }

  /** Sections, member notes and votes of items, in order. */
  async itemChildren(itemIds: string[]) {
    if (itemIds.length === 0) return { sections: [], notes: [], votes: [] };
    const [sections, notes, votes] = await Promise.all([
      this.db
        .selectFrom('agendaItemSection')
        .select(['agendaItemId', 'kind', 'heading', 'text', 'html'])
        .where('agendaItemId', 'in', itemIds)
        .orderBy('position')
        .execute(),
      this.db
        .selectFrom('agendaItemMemberNote')
        .select(['agendaItemId', 'kind', 'personId', 'name', 'party', 'text'])
        .where('agendaItemId', 'in', itemIds)
        .orderBy('position')
        .execute(),
      this.db
        .selectFrom('agendaItemVote')
        .select(['agendaItemId', 'choice', 'label', 'count', 'members'])
        .where('agendaItemId', 'in', itemIds)
        .orderBy('position')
        .execute(),
    ]);
    return { sections, notes, votes };
  }

  /** Attendance of meetings with the substitute's and the person's names. */
  attendanceOf(meetingIds: string[]) {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('meetingAttendance as a')
      .select(['a.meetingId', 'a.personId', 'a.status', 'a.substituteForPersonId'])
      .where('a.meetingId', 'in', meetingIds)
      .orderBy('a.meetingId')
      .orderBy('a.position')
      .execute();
  }

  approvalsOf(meetingIds: string[]) {
    if (meetingIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('meetingApproval')
      .select(['meetingId', 'personId', 'role', 'approvedAt', 'minutesVersion'])
      .where('meetingId', 'in', meetingIds)
      .orderBy('approvedAt')
      .orderBy('id')
      .execute();
  }

  /** Caches a file's SHA-512 (computed by the service from the stored bytes). */
  async saveSha512(id: string, sha512: string): Promise<void> {
    await this.db.updateTable('file').set({ sha512 }).where('id', '=', id).where('sha512', 'is', null).execute();
  }
}

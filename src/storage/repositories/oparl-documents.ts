// Reads of the meetings' generated documents as OParl Files (Meeting.invitation = the agenda
// PDF, Meeting.resultsProtocol = the minutes PDF; services/oparl/documents.ts). A document is a
// meeting in a state the caller names (the domain decides which: agendaIsPublic,
// minutesArePublic), with the meeting's timestamps: every change of what the PDF shows
// touches the meeting (migration 0006). Its id is "<kind>-<meeting id>", so a page of the
// body's file list walks the meeting list index (body, modified, id) — the constant prefix
// keeps the order of the ids — and merges with the stored files by (modified, id).
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { DB } from '../schema.js';
import type { Key, PageStart, Scope } from './oparl-queries.js';

export type DocumentKind = 'dagsorden' | 'referat';

export interface MeetingDocumentRow {
  /** "<kind>-<meeting id>" */
  id: string;
  kind: DocumentKind;
  meetingId: string;
  bodyId: string;
  date: string;
  created: string;
  modified: string;
}

export interface MeetingStateRow {
  id: string;
  bodyId: string;
  state: string;
  date: string;
  created: string;
  modified: string;
}

/**
 * "(modified, prefix || id) > key" (or <) over the meeting's own (modified, id), in code-unit
 * order like the service's merge: the prefix is compared with the key in JavaScript, so the
 * database compares plain meeting ids and the list index serves the range.
 */
function beyond(prefix: string, key: Key, op: '>' | '<'): Expression<SqlBool> {
  const head = key.id.slice(0, prefix.length);
  const sameModified =
    head === prefix
      ? sql<SqlBool>`meeting.id ${sql.raw(op)} ${key.id.slice(prefix.length)}`
      : // Every id of this kind sorts after (or before) the key's id, or none does.
        (op === '>') === prefix > key.id
        ? sql<SqlBool>`1 = 1`
        : sql<SqlBool>`1 = 0`;
  return sql<SqlBool>`(meeting.modified ${sql.raw(op)} ${key.modified} or (meeting.modified = ${key.modified} and ${sameModified}))`;
}

export class OparlMeetingDocuments {
  constructor(private readonly db: Kysely<DB>) {}

  /** One keyset page of one kind of document in a body, ascending by (modified, id). */
  async page(kind: DocumentKind, states: readonly string[], scope: Scope, start: PageStart, limit: number): Promise<MeetingDocumentRow[]> {
    if (start.kind === 'last' && start.count <= 0) return [];
    const prefix = `${kind}-`;
    let q = this.scoped(states, scope);
    if (start.kind === 'after') q = q.where(beyond(prefix, start.key, '>'));
    if (start.kind === 'before') q = q.where(beyond(prefix, start.key, '<'));
    const backwards = start.kind === 'before' || start.kind === 'last';
    const dir = backwards ? 'desc' : 'asc';
    const rows = await q
      .orderBy('meeting.modified', dir)
      .orderBy('meeting.id', dir)
      .limit(start.kind === 'last' ? start.count : limit)
      .execute();
    const out = rows.map((r) => ({ ...r, id: `${prefix}${r.meetingId}`, kind }));
    return backwards ? out.reverse() : out;
  }

  async count(states: readonly string[], scope: Scope): Promise<number> {
    const row = await this.scoped(states, scope)
      .clearSelect()
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** A meeting's state and stamps, whatever its state (a document's own URL). */
  async meeting(id: string): Promise<MeetingStateRow | null> {
    const row = await this.db
      .selectFrom('meeting')
      .innerJoin('organization as o', 'o.id', 'meeting.organizationId')
      .select(['meeting.id', 'o.bodyId', 'meeting.state', 'meeting.date', 'meeting.created', 'meeting.modified'])
      .where('meeting.id', '=', id)
      .executeTakeFirst();
    return row ? { ...row, created: row.created ?? '', modified: row.modified ?? '' } : null;
  }

  private scoped(states: readonly string[], scope: Scope) {
    const f = scope.filters ?? {};
    let q = this.db
      .selectFrom('meeting')
      .select([
        'meeting.id as meetingId',
        // Kept by migration 0006's triggers, not part of the row type.
        sql<string>`meeting.oparl_body_id`.as('bodyId'),
        'meeting.date',
        sql<string>`meeting.created`.as('created'),
        sql<string>`meeting.modified`.as('modified'),
      ])
      .where(sql.ref('meeting.oparlBodyId'), '=', scope.bodyId)
      .where('meeting.state', 'in', states.length > 0 ? [...states] : ['-']);
    if (f.createdSince) q = q.where('meeting.created', '>=', f.createdSince);
    if (f.createdUntil) q = q.where('meeting.created', '<=', f.createdUntil);
    if (f.modifiedSince) q = q.where('meeting.modified', '>=', f.modifiedSince);
    if (f.modifiedUntil) q = q.where('meeting.modified', '<=', f.modifiedUntil);
    return q;
  }
}

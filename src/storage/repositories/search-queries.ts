// The portal's simple search until the real search engine arrives: a case-insensitive
// substring match over public item titles, public cases and committee names, as ONE union
// query (newest first, paged in SQL) plus one count. Portable SQL only: lower(), replace(),
// LIKE … ESCAPE and UNION ALL behave the same in SQLite and PostgreSQL.
//
// What is public is passed in (`publicStates`) or expressed as the item's shown title, so a
// closed item can only ever match, and be returned, by its neutral title.
import { type Expression, type Kysely, sql } from 'kysely';
import { CLOSED_ITEM_FALLBACK_TITLE } from '../../domain/agenda-item.js';
import type { MeetingState } from '../../domain/meeting.js';
import type { DB } from '../schema.js';

export type SearchHitKind = 'item' | 'case' | 'committee';

export interface SearchRow {
  kind: SearchHitKind;
  id: string;
  /** The item's meeting; null for cases and committees. */
  meetingId: string | null;
  /** Item number, case number or committee short name, as printed. */
  label: string | null;
  /** An item's shown title (neutral for a closed item), a case's or a committee's name. */
  title: string;
  /** Meeting date, newest meeting of a case, or the committee's term start; '' when unknown. */
  date: string;
  /** The committee of an item's meeting, else null. */
  context: string | null;
  bodyName: string;
}

export interface SearchQuery {
  /** The text to find, as typed; case and LIKE wildcards are handled here. */
  text: string;
  publicStates: readonly MeetingState[];
  limit: number;
  offset: number;
}

/**
 * SQLite's lower() folds ASCII only, and so does PostgreSQL's under the C collation; Danish
 * titles often start with Æ, Ø or Å ("Økonomiudvalget"), so those are folded by hand.
 */
function folded(value: Expression<string | null>) {
  return sql<string>`replace(replace(replace(lower(${value}), 'Æ', 'æ'), 'Ø', 'ø'), 'Å', 'å')`;
}

function likePattern(text: string): string {
  const escaped = text.toLocaleLowerCase('da-DK').replace(/[\\%_]/g, (c) => `\\${c}`);
  return `%${escaped}%`;
}

const matches = (value: Expression<string | null>, pattern: string) => sql<boolean>`${folded(value)} like ${pattern} escape '\\'`;

/**
 * The title the public sees of an item (alias `i`): the real one only for an open item. The
 * match runs on this expression too, so a closed item's real title can never make it a hit.
 */
const shownItemTitle = sql<string>`case when ${sql.ref('i.public')} = 1 then ${sql.ref('i.title')} else coalesce(${sql.ref('i.publicTitle')}, ${CLOSED_ITEM_FALLBACK_TITLE}) end`;

export class SearchQueries {
  constructor(private readonly db: Kysely<DB>) {}

  async search(q: SearchQuery): Promise<{ rows: SearchRow[]; total: number }> {
    const pattern = likePattern(q.text);
    const states = [...q.publicStates];
    // Nothing is public: an `in ()` list would be invalid SQL, and nothing could match anyway.
    if (states.length === 0) return { rows: [], total: 0 };

    const items = this.db
      .selectFrom('agendaItem as i')
      .innerJoin('meeting as m', 'm.id', 'i.meetingId')
      .innerJoin('organization as o', 'o.id', 'm.organizationId')
      .innerJoin('body as b', 'b.id', 'o.bodyId')
      .where('m.state', 'in', states)
      .where(matches(shownItemTitle, pattern))
      .select((eb) => [
        sql<SearchHitKind>`'item'`.as('kind'),
        sql<number>`1`.as('rank'),
        'i.id as id',
        sql<string | null>`${eb.ref('i.meetingId')}`.as('meetingId'),
        sql<string | null>`${eb.ref('i.number')}`.as('label'),
        shownItemTitle.as('title'),
        sql<string>`${eb.ref('m.date')}`.as('date'),
        sql<string | null>`${eb.ref('o.name')}`.as('context'),
        'b.name as bodyName',
      ]);

    // A case is public only through an open item on a meeting whose agenda is public; the
    // inner join to such items is that rule, and their newest meeting dates the case.
    const cases = this.db
      .selectFrom('paper as p')
      .innerJoin('agendaItem as i', 'i.paperId', 'p.id')
      .innerJoin('meeting as m', 'm.id', 'i.meetingId')
      .innerJoin('body as b', 'b.id', 'p.bodyId')
      .where('i.public', '=', 1)
      .where('m.state', 'in', states)
      .where((eb) => eb.or([matches(eb.ref('p.reference'), pattern), matches(eb.ref('p.title'), pattern)]))
      .groupBy(['p.id', 'p.reference', 'p.title', 'b.name'])
      .select((eb) => [
        sql<SearchHitKind>`'case'`.as('kind'),
        sql<number>`2`.as('rank'),
        'p.id as id',
        sql<string | null>`null`.as('meetingId'),
        sql<string | null>`${eb.ref('p.reference')}`.as('label'),
        'p.title as title',
        sql<string>`max(${eb.ref('m.date')})`.as('date'),
        sql<string | null>`null`.as('context'),
        'b.name as bodyName',
      ]);

    const committees = this.db
      .selectFrom('organization as o')
      .leftJoin('legislativeTerm as t', 't.id', 'o.termId')
      .innerJoin('body as b', 'b.id', 'o.bodyId')
      .where((eb) => matches(eb.ref('o.name'), pattern))
      .select((eb) => [
        sql<SearchHitKind>`'committee'`.as('kind'),
        sql<number>`3`.as('rank'),
        'o.id as id',
        sql<string | null>`null`.as('meetingId'),
        sql<string | null>`${eb.ref('o.shortName')}`.as('label'),
        'o.name as title',
        sql<string>`coalesce(${eb.ref('t.startDate')}, '')`.as('date'),
        sql<string | null>`${eb.ref('t.name')}`.as('context'),
        'b.name as bodyName',
      ]);

    const all = items.unionAll(cases).unionAll(committees);
    const [rows, count] = await Promise.all([
      // The id last makes the order total, so a page never repeats or skips a hit.
      all.orderBy('date', 'desc').orderBy('rank').orderBy('title').orderBy('id').limit(q.limit).offset(q.offset).execute(),
      this.db
        .selectFrom(all.as('hits'))
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirst(),
    ]);
    return {
      rows: rows.map((r) => ({
        kind: r.kind,
        id: r.id,
        meetingId: r.meetingId,
        label: r.label,
        title: r.title,
        date: r.date,
        context: r.context,
        bodyName: r.bodyName,
      })),
      total: Number(count?.n ?? 0),
    };
  }
}

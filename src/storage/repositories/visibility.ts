// The SQL forms of the domain's visibility rules (domain/visibility.ts, domain/meeting.ts,
// domain/organization.ts#membershipActiveOn), once. Every read that filters what the public
// may see in SQL — portal, feeds, sitemap, case pages, OParl and the export — composes these
// instead of restating a state list or a join condition. Built from the domain's constants
// (never a literal state), and tested state by state against the TypeScript rules on both
// databases (test/integration/visibility-rules.test.ts).
//
// Each builder takes the column references of the caller's query (its own aliases), so one
// rule serves every join shape. Portable SQL only: both dialects run it as it is.
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely';
import { agendaPublicStates, minutesPublicStates } from '../../domain/visibility.js';
import type { DB } from '../schema.js';

type Ref = string;

/** agendaIsPublic(state): the meeting's agenda (and so its open items) is public. */
export function agendaPublic(state: Ref): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(state)} in (${sql.join(agendaPublicStates)})`;
}

/** minutesArePublic(state): decisions, votes and attendance are public. */
export function minutesPublic(state: Ref): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(state)} in (${sql.join(minutesPublicStates)})`;
}

/** itemIsOpen: the item is not closed. */
export function itemOpen(itemPublic: Ref): Expression<SqlBool> {
  return sql<SqlBool>`${sql.ref(itemPublic)} = 1`;
}

/**
 * fileIsPublic over a file row, its item (left-joined: null for a meeting-level file) and the
 * meeting it belongs to (its item's meeting, else its own; see `fileMeetingJoin`).
 */
export function filePublic(refs: { file: string; item: string; meetingState: Ref }): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${refs.file}.public`)} = 1 and (${sql.ref(`${refs.file}.agendaItemId`)} is null or ${itemOpen(`${refs.item}.public`)}) and ${agendaPublic(refs.meetingState)})`;
}

/** isStored: the file's bytes are held, so it can be served and listed for download. */
export function fileStored(file: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${file}.sha256`)} is not null and ${sql.ref(`${file}.size`)} is not null)`;
}

/**
 * paperIsVisible: the case has an open item on a meeting whose agenda is public. `paperId` is
 * the caller's reference to the case id (correlated subquery).
 */
export function paperVisible(db: Kysely<DB>, paperId: Ref): Expression<SqlBool> {
  return sql<SqlBool>`exists ${db
    .selectFrom('agendaItem as vi')
    .innerJoin('meeting as vm', 'vm.id', 'vi.meetingId')
    .select(sql`1`.as('one'))
    .where(sql<SqlBool>`${sql.ref('vi.paperId')} = ${sql.ref(paperId)}`)
    .where(itemOpen('vi.public'))
    .where(agendaPublic('vm.state'))}`;
}

/**
 * paperPublicTitle: the title of the case's newest open item on a public agenda (meeting date,
 * then position, then id), never `paper.title`, which may come from a closed item.
 */
export function paperPublicTitle(db: Kysely<DB>, paperId: Ref): RawBuilder<string | null> {
  return sql<string | null>`(${db
    .selectFrom('agendaItem as ti')
    .innerJoin('meeting as tm', 'tm.id', 'ti.meetingId')
    .select('ti.title')
    .where(sql<SqlBool>`${sql.ref('ti.paperId')} = ${sql.ref(paperId)}`)
    .where(itemOpen('ti.public'))
    .where(agendaPublic('tm.state'))
    .orderBy('tm.date', 'desc')
    .orderBy('ti.position', 'asc')
    .orderBy('ti.id', 'asc')
    .limit(1)})`;
}

/** membershipActiveOn(membership, day): in force on the day (YYYY-MM-DD), both ends inclusive. */
export function membershipActiveOn(membership: string, day: string): Expression<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${membership}.startDate`)} <= ${day} and (${sql.ref(`${membership}.endDate`)} is null or ${day} <= ${sql.ref(`${membership}.endDate`)}))`;
}

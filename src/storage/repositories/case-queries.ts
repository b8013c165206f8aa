// Read side of the case page (sag): the paper, the items that carry it and its consultations.
// Whether the public may see a case or a step of it is decided in services/portal/cases.ts
// with the domain rules (paperIsVisible, agendaIsPublic, minutesArePublic, publicView); the
// case's title is its PUBLIC title (visibility.ts#paperPublicTitle), never `paper.title`,
// which may have been taken from a closed item.
import type { Kysely } from 'kysely';
import type { MeetingState } from '../../domain/meeting.js';
import type { ConsultationRole, Paper } from '../../domain/paper.js';
import type { DB } from '../schema.js';
import { paperPublicTitle } from './visibility.js';

/** An item that carries the case, with what decides whether it is public. */
export interface PaperItemRow {
  itemId: string;
  public: boolean;
  meetingState: MeetingState;
}

/**
 * One consultation with its meeting and item, when it has them. The item's real title is
 * fetched because the service needs it for open items; it never passes a closed one on.
 */
export interface ConsultationRow {
  id: string;
  organizationId: string | null;
  organizationName: string;
  date: string | null;
  role: ConsultationRole;
  outcome: string | null;
  meeting: { id: string; date: string; start: string | null; state: MeetingState } | null;
  item: { id: string; number: string; title: string; public: boolean; decision: string | null } | null;
}

export class CaseQueries {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The paper whatever its visibility; the caller checks `itemsOfPaper` before showing it. Its
   * title is the public one: empty for a case with no open item on a public agenda (which the
   * caller must not show at all).
   */
  async paper(id: string): Promise<Paper | null> {
    const row = await this.db
      .selectFrom('paper')
      .select(['id', 'bodyId', 'reference', 'referenceParts', paperPublicTitle(this.db, 'paper.id').as('publicTitle'), 'decisionCompetence'])
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) return null;
    const { publicTitle, ...rest } = row;
    return {
      ...rest,
      title: publicTitle ?? '',
      referenceParts: row.referenceParts === null ? null : (JSON.parse(row.referenceParts) as Paper['referenceParts']),
    };
  }

  /** Only the case number: what an item page needs to link to its case. */
  async reference(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('paper').select('reference').where('id', '=', id).executeTakeFirst();
    return row?.reference ?? null;
  }

  async itemsOfPaper(paperId: string): Promise<PaperItemRow[]> {
    const rows = await this.db
      .selectFrom('agendaItem')
      .innerJoin('meeting', 'meeting.id', 'agendaItem.meetingId')
      .select(['agendaItem.id as itemId', 'agendaItem.public', 'meeting.state'])
      .where('agendaItem.paperId', '=', paperId)
      .execute();
    return rows.map((r) => ({ itemId: r.itemId, public: Number(r.public) === 1, meetingState: r.state as MeetingState }));
  }

  /** Every consultation of the paper in one query, meeting and item joined when present. */
  async consultations(paperId: string): Promise<ConsultationRow[]> {
    const rows = await this.db
      .selectFrom('consultation as c')
      .leftJoin('meeting as m', 'm.id', 'c.meetingId')
      .leftJoin('agendaItem as i', 'i.id', 'c.agendaItemId')
      .select([
        'c.id',
        'c.organizationId',
        'c.organizationName',
        'c.date',
        'c.role',
        'c.outcome',
        'm.id as meetingId',
        'm.date as meetingDate',
        'm.startTime as meetingStart',
        'm.state as meetingState',
        'i.id as itemId',
        'i.number as itemNumber',
        'i.title as itemTitle',
        'i.public as itemPublic',
        'i.decision as itemDecision',
      ])
      .where('c.paperId', '=', paperId)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      organizationId: r.organizationId,
      organizationName: r.organizationName,
      date: r.date,
      role: r.role as ConsultationRole,
      outcome: r.outcome,
      meeting:
        r.meetingId !== null && r.meetingDate !== null && r.meetingState !== null
          ? { id: r.meetingId, date: r.meetingDate, start: r.meetingStart, state: r.meetingState as MeetingState }
          : null,
      item:
        r.itemId !== null && r.itemNumber !== null && r.itemTitle !== null && r.itemPublic !== null
          ? { id: r.itemId, number: r.itemNumber, title: r.itemTitle, public: Number(r.itemPublic) === 1, decision: r.itemDecision }
          : null,
    }));
  }
}

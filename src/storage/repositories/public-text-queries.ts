// What the CPR guard and the personal-data warnings need beyond the items: the title and
// number of the cases (papers) a meeting's items belong to, which the public sees with them.
import type { Db } from './upsert.js';

export async function papersOfMeeting(db: Db, meetingId: string): Promise<Map<string, { reference: string | null; title: string }>> {
  const rows = await db
    .selectFrom('paper')
    .innerJoin('agendaItem', 'agendaItem.paperId', 'paper.id')
    .select(['paper.id', 'paper.reference', 'paper.title'])
    .where('agendaItem.meetingId', '=', meetingId)
    .execute();
  return new Map(rows.map((r) => [r.id, { reference: r.reference, title: r.title }]));
}

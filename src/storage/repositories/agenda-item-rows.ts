// The agenda item read model, composed by every consumer that needs items: the item row with
// its sections, member notes (absences, disqualifications, dissents), votes and files, mapped
// to the domain's AgendaItem once. Children come in one query per table (`in (...)`), never
// one per item. `toItemHead` is the row alone, for lists that only need `publicView`'s title.
import type { Kysely } from 'kysely';
import type { AgendaItem, Disqualification, Dissent, MemberRef, Section, SectionKind, Vote, VoteChoice } from '../../domain/agenda-item.js';
import type { AgendaItemTable, DB } from '../schema.js';
import { toFile } from './rows.js';

type ItemHeadRow = Pick<AgendaItemTable, 'id' | 'meetingId' | 'number' | 'position' | 'title' | 'public' | 'publicTitle'> &
  Partial<Pick<AgendaItemTable, 'paperId' | 'decision'>>;

/** The item row as an AgendaItem without children (empty lists, no case link unless selected). */
export const toItemHead = (r: ItemHeadRow): AgendaItem => ({
  id: r.id,
  meetingId: r.meetingId,
  paperId: r.paperId ?? null,
  number: r.number,
  order: Number(r.position),
  title: r.title,
  public: Number(r.public) === 1,
  publicTitle: r.publicTitle,
  sections: [],
  decision: r.decision ?? null,
  absences: [],
  disqualifications: [],
  dissents: [],
  votes: [],
  files: [],
});

/** A meeting's items with all their children, in agenda order: five queries. */
export async function agendaItemsOf(db: Kysely<DB>, meetingId: string): Promise<AgendaItem[]> {
  const items = await db.selectFrom('agendaItem').selectAll().where('meetingId', '=', meetingId).orderBy('position').execute();
  if (items.length === 0) return [];
  const ids = items.map((i) => i.id);
  const [sections, notes, votes, files] = await Promise.all([
    db.selectFrom('agendaItemSection').selectAll().where('agendaItemId', 'in', ids).orderBy('position').execute(),
    db.selectFrom('agendaItemMemberNote').selectAll().where('agendaItemId', 'in', ids).orderBy('position').execute(),
    db.selectFrom('agendaItemVote').selectAll().where('agendaItemId', 'in', ids).orderBy('position').execute(),
    db.selectFrom('file').selectAll().where('agendaItemId', 'in', ids).orderBy('position').execute(),
  ]);
  return items.map((i) => {
    const ref = (n: (typeof notes)[number]): MemberRef => ({ personId: n.personId, name: n.name, party: n.party });
    const own = notes.filter((n) => n.agendaItemId === i.id);
    const sectionList: Section[] = sections
      .filter((s) => s.agendaItemId === i.id)
      .map((s) => ({ kind: s.kind as SectionKind, heading: s.heading, text: s.text, ...(s.html ? { html: s.html } : {}) }));
    const voteList: Vote[] = votes
      .filter((v) => v.agendaItemId === i.id)
      .map((v) => ({ choice: v.choice as VoteChoice, label: v.label, count: v.count === null ? null : Number(v.count) }));
    const disqualifications: Disqualification[] = own.filter((n) => n.kind === 'disqualification').map((n) => ({ ...ref(n), reason: n.text }));
    const dissents: Dissent[] = own.filter((n) => n.kind === 'dissent').map((n) => ({ ...ref(n), text: n.text ?? '' }));
    return {
      ...toItemHead(i),
      sections: sectionList,
      absences: own.filter((n) => n.kind === 'absence').map(ref),
      disqualifications,
      dissents,
      votes: voteList,
      files: files.filter((f) => f.agendaItemId === i.id).map(toFile),
    };
  });
}

// Withdrawal and redaction writes (issue 13): an attachment taken back after publication, and
// the texts of one item that a redaction rewrites. Frozen versions live in publications.ts.
import type { Db } from './upsert.js';

/** Takes the file off every public channel: the publish flag is what every reader checks. */
export async function markFileWithdrawn(db: Db, id: string, withdrawal: { at: string; by: string; reason: string }): Promise<void> {
  await db
    .updateTable('file')
    .set({ public: 0, withdrawnAt: withdrawal.at, withdrawnBy: withdrawal.by, withdrawnReason: withdrawal.reason })
    .where('id', '=', id)
    .execute();
}

export interface StaffFileWithdrawalRow {
  id: string;
  agendaItemId: string | null;
  title: string;
  fileName: string;
  public: boolean;
  withdrawnAt: string | null;
  withdrawnBy: string | null;
  withdrawnReason: string | null;
}

/** The meeting's attachments with their withdrawal, for the staff screen. */
export async function filesWithWithdrawal(db: Db, meetingId: string): Promise<StaffFileWithdrawalRow[]> {
  const rows = await db
    .selectFrom('file')
    .innerJoin('agendaItem', 'agendaItem.id', 'file.agendaItemId')
    .select(['file.id', 'file.agendaItemId', 'file.title', 'file.fileName', 'file.public', 'file.withdrawnAt', 'file.withdrawnBy', 'file.withdrawnReason'])
    .where('agendaItem.meetingId', '=', meetingId)
    .orderBy('agendaItem.position')
    .orderBy('file.position')
    .execute();
  return rows.map((r) => ({
    ...r,
    public: Number(r.public) === 1,
    withdrawnAt: r.withdrawnAt ?? null,
    withdrawnBy: r.withdrawnBy ?? null,
    withdrawnReason: r.withdrawnReason ?? null,
  }));
}

/** Every stored text of one item a redaction may rewrite. */
export interface ItemTexts {
  item: { title: string; publicTitle: string | null; decision: string | null };
  sections: { id: string; heading: string; text: string; html: string | null }[];
  notes: { id: string; text: string | null }[];
  votes: { id: string; label: string }[];
  files: { id: string; title: string; fileName: string; text: string | null }[];
  /** The item's considerations: the decision is copied into the outcome (case page, OParl). */
  consultations: { id: string; outcome: string | null }[];
  /** The item's case, whose title the case page and OParl show. */
  paper: { id: string; title: string } | null;
}

export async function itemTexts(db: Db, itemId: string): Promise<ItemTexts | undefined> {
  const row = await db.selectFrom('agendaItem').select(['title', 'publicTitle', 'decision', 'paperId']).where('id', '=', itemId).executeTakeFirst();
  if (!row) return undefined;
  const { paperId, ...item } = row;
  const [sections, notes, votes, files, consultations, paper] = await Promise.all([
    db.selectFrom('agendaItemSection').select(['id', 'heading', 'text', 'html']).where('agendaItemId', '=', itemId).execute(),
    db.selectFrom('agendaItemMemberNote').select(['id', 'text']).where('agendaItemId', '=', itemId).execute(),
    db.selectFrom('agendaItemVote').select(['id', 'label']).where('agendaItemId', '=', itemId).execute(),
    db.selectFrom('file').select(['id', 'title', 'fileName', 'text']).where('agendaItemId', '=', itemId).execute(),
    db.selectFrom('consultation').select(['id', 'outcome']).where('agendaItemId', '=', itemId).execute(),
    paperId === null ? Promise.resolve(undefined) : db.selectFrom('paper').select(['id', 'title']).where('id', '=', paperId).executeTakeFirst(),
  ]);
  return { item, sections: sections.map((s) => ({ ...s, html: s.html ?? null })), notes, votes, files, consultations, paper: paper ?? null };
}

/** Writes back the texts a redaction changed (rows not named are left alone). */
export async function writeItemTexts(db: Db, itemId: string, texts: ItemTexts): Promise<void> {
  await db.updateTable('agendaItem').set(texts.item).where('id', '=', itemId).execute();
  for (const s of texts.sections)
    await db.updateTable('agendaItemSection').set({ heading: s.heading, text: s.text, html: s.html }).where('id', '=', s.id).execute();
  for (const n of texts.notes) await db.updateTable('agendaItemMemberNote').set({ text: n.text }).where('id', '=', n.id).execute();
  for (const v of texts.votes) await db.updateTable('agendaItemVote').set({ label: v.label }).where('id', '=', v.id).execute();
  for (const f of texts.files) await db.updateTable('file').set({ title: f.title, fileName: f.fileName, text: f.text }).where('id', '=', f.id).execute();
  for (const c of texts.consultations) await db.updateTable('consultation').set({ outcome: c.outcome }).where('id', '=', c.id).execute();
  if (texts.paper) await db.updateTable('paper').set({ title: texts.paper.title }).where('id', '=', texts.paper.id).execute();
}

// Redaction (issue 13): an exact passage of one item is replaced by "[fjernet: <reason>]" in
// the item's current texts (title, neutral title, sections, decision, dissents and
// disqualification reasons, vote labels, attachment titles, file names and extracted text, the
// case title and the consultation's outcome) and in that item inside every frozen version of
// the meeting, withdrawn ones included. One transaction: the rows (whose triggers move OParl's
// `modified`), the versions, the search index and the audit entry. The audit entry keeps the
// reason and counts, never the passage: the log must not become the place it survives.
import type { Principal } from '../../domain/access.js';
import { DomainError } from '../../domain/errors.js';
import { agendaIsPublic } from '../../domain/meeting.js';
import { type PublishedMeeting, notPublished } from '../../domain/publication.js';
import { redactDeep, redactHtml, redactText, redactionMark, requirePassage, requireReason } from '../../domain/redaction.js';
import { bumpItemVersion, bumpMeetingVersion } from '../../storage/repositories/lifecycle-refs.js';
import { publicationSnapshots, updatePublicationSnapshot } from '../../storage/repositories/publications.js';
import { type ItemTexts, itemTexts, writeItemTexts } from '../../storage/repositories/withdrawals.js';
import { audit } from '../audit.js';
import { indexMeetings } from '../search/indexing.js';
import type { LifecycleDeps } from './deps.js';
import { itemForEdit } from './guard.js';

export interface RedactionResult {
  /** Occurrences replaced in the current texts. */
  current: number;
  /** Frozen versions that held the passage. */
  versions: number;
}

function redactCurrent(texts: ItemTexts, passage: string, mark: string): { texts: ItemTexts; count: number } {
  let count = 0;
  const t = (v: string): string => {
    const r = redactText(v, passage, mark);
    count += r.count;
    return r.text;
  };
  const n = (v: string | null): string | null => (v === null ? null : t(v));
  const h = (v: string | null): string | null => {
    if (v === null) return null;
    const r = redactHtml(v, passage, mark);
    count += r.count;
    return r.text;
  };
  const redacted: ItemTexts = {
    item: { title: t(texts.item.title), publicTitle: n(texts.item.publicTitle), decision: n(texts.item.decision) },
    sections: texts.sections.map((s) => ({ id: s.id, heading: t(s.heading), text: t(s.text), html: h(s.html) })),
    notes: texts.notes.map((x) => ({ id: x.id, text: n(x.text) })),
    votes: texts.votes.map((x) => ({ id: x.id, label: t(x.label) })),
    files: texts.files.map((f) => ({ id: f.id, title: t(f.title), fileName: t(f.fileName), text: n(f.text) })),
    consultations: texts.consultations.map((c) => ({ id: c.id, outcome: n(c.outcome) })),
    paper: texts.paper ? { id: texts.paper.id, title: t(texts.paper.title) } : null,
  };
  return { texts: redacted, count };
}

/** Replaces `input.text` in the item's current text and in every stored version of its meeting. */
export async function redactPassage(deps: LifecycleDeps, actor: Principal, itemId: string, input: { text: string; reason: string }): Promise<RedactionResult> {
  const passage = requirePassage(input.text);
  const reason = requireReason(input.reason);
  const mark = redactionMark(reason);
  if (mark.includes(passage)) throw new DomainError('invalid_input', 'Begrundelsen må ikke indeholde den tekst, der fjernes', 'reason');
  return deps.database.db.transaction().execute(async (trx) => {
    const { item, meeting } = await itemForEdit(trx, actor, itemId);
    // Before publication there is nothing to take back: the secretary edits the text instead.
    if (!agendaIsPublic(meeting.state)) throw notPublished('Dagsordenen er ikke offentliggjort; ret teksten i punktet i stedet');
    const texts = await itemTexts(trx, item.id);
    if (!texts) throw new DomainError('not_found', 'Punktet findes ikke', itemId);
    const current = redactCurrent(texts, passage, mark);
    let versions = 0;
    for (const p of await publicationSnapshots(trx, meeting.id)) {
      const snapshot = JSON.parse(p.snapshot) as PublishedMeeting;
      let changed = 0;
      const items = snapshot.items.map((i) => {
        if (i.id !== item.id) return i;
        const r = redactDeep(i, passage, mark);
        changed += r.count;
        return r.value;
      });
      if (changed === 0) continue;
      versions += 1;
      await updatePublicationSnapshot(trx, p.id, JSON.stringify({ ...snapshot, items }));
    }
    if (current.count === 0 && versions === 0)
      throw new DomainError('not_found', 'Teksten findes ikke i punktet eller i dets offentliggjorte versioner', 'text');
    const at = deps.now();
    if (current.count > 0) {
      await writeItemTexts(trx, item.id, current.texts);
      await bumpItemVersion(trx, item.id);
    }
    await bumpMeetingVersion(trx, meeting.id, at.toISOString());
    await audit(
      trx,
      actor,
      {
        action: 'item.redact',
        entityType: 'agenda_item',
        entityId: item.id,
        bodyId: meeting.bodyId,
        before: null,
        after: { reason, passageLength: passage.length, current: current.count, versions },
      },
      at,
    );
    await indexMeetings(trx, deps.database, [meeting.id]);
    return { current: current.count, versions };
  });
}

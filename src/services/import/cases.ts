// Cases (papers) and their considerations (consultations) from an imported document: one
// paper per printed case number in the body; the meeting's items become consultations via
// archive-writer; "Sagens forløb" adds history-only consultations for considerations the
// archive holds no meeting of.
import { parseCaseReference } from '../../domain/paper.js';
import { type KnownConsultation, historySupersededBy, historyToRecord } from '../../importer/map/history.js';
import { ARCHIVE_SOURCE, historyKey, paperKey } from '../../importer/map/keys.js';
import { foldSpace, normalizeOrganizationName } from '../../importer/map/normalize.js';
import { firstLine } from '../../importer/map/rules.js';
import { inferTerm } from '../../importer/map/terms.js';
import type { ParsedItem } from '../../importer/model.js';
import { type PaperRecord, savePapers } from '../../storage/repositories/archive-writer.js';
import {
  type PaperConsultation,
  consultationsOfPapers,
  deleteConsultations,
  findPapersByReferences,
  findTermByName,
  organizationsOfTerm,
} from '../../storage/repositories/archive-lookup.js';
import { type Db, upsertImported } from '../../storage/repositories/upsert.js';

/** Decision competence as printed in the item's "Beslutningskompetence" section. */
function competence(item: ParsedItem): string | null {
  if (item.decisionCompetence) return item.decisionCompetence;
  const section = item.sections.find((s) => s.kind === 'competence');
  return section ? firstLine(section.text) : null;
}

/**
 * Paper ids by printed case number. The title (and competence) follow the newest meeting
 * that considered the case, so importing older documents later does not roll them back.
 * A case made outside the archive import is linked to but left as it is.
 */
export async function ensurePapers(db: Db, bodyId: string, slug: string, date: string, items: readonly ParsedItem[]): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  // The last item with a case number wins when one document lists a case twice.
  const byCase = new Map(items.filter((i) => i.caseNumber).map((i) => [foldSpace(i.caseNumber ?? ''), i]));
  const existing = await findPapersByReferences(db, bodyId, [...byCase.keys()]);
  const ours = [...existing.values()].filter((p) => p.source === ARCHIVE_SOURCE);
  const considered = await consultationsOfPapers(
    db,
    ours.map((p) => p.id),
  );
  const records: PaperRecord[] = [];
  for (const [reference, item] of byCase) {
    const known = existing.get(reference);
    if (known && known.source !== ARCHIVE_SOURCE) {
      ids.set(reference, known.id);
      continue;
    }
    const newest = (known ? (considered.get(known.id) ?? []) : [])
      .filter((c) => c.meetingId !== null)
      .map((c) => c.date ?? '')
      .reduce((m, d) => (d > m ? d : m), '');
    const wins = !known || date >= newest;
    const printedCompetence = competence(item);
    records.push({
      source: ARCHIVE_SOURCE,
      externalId: known?.externalId ?? paperKey(slug, reference),
      bodyId,
      reference,
      referenceParts: parseCaseReference(reference),
      title: wins || !known ? foldSpace(item.title) : known.title,
      decisionCompetence: (wins ? printedCompetence : null) ?? known?.decisionCompetence ?? printedCompetence,
    });
  }
  const saved = await savePapers(db, records);
  for (const [i, r] of records.entries()) ids.set(r.reference!, saved[i]!);
  return ids;
}

/** Committee ids of the body by (term name, normalised name), loaded once per term. */
function organizationFinder(db: Db, bodyId: string) {
  const cache = new Map<string, Map<string, string>>();
  return async (date: string, name: string): Promise<string | null> => {
    const term = inferTerm(date);
    if (!term) return null;
    let orgs = cache.get(term.name);
    if (!orgs) {
      orgs = new Map();
      const row = await findTermByName(db, bodyId, term.name);
      for (const o of row ? await organizationsOfTerm(db, bodyId, row.id) : []) orgs.set(normalizeOrganizationName(o.name), o.id);
      cache.set(term.name, orgs);
    }
    return orgs.get(normalizeOrganizationName(name)) ?? null;
  };
}

/**
 * After the meeting's items are saved: for each item with a case, drop history-only
 * consultations its own consultation now represents, then record its "Sagens forløb"
 * entries that no meeting represents.
 */
export async function saveCaseHistory(
  db: Db,
  bodyId: string,
  slug: string,
  meeting: { date: string; organizationName: string },
  items: readonly ParsedItem[],
  paperIds: ReadonlyMap<string, string>,
): Promise<number> {
  const findOrganization = organizationFinder(db, bodyId);
  const papersOfItems = items.flatMap((item) => {
    const paperId = item.caseNumber ? paperIds.get(foldSpace(item.caseNumber)) : undefined;
    return paperId ? [paperId] : [];
  });
  // Read once for the meeting and kept current below, so an item sees what earlier items of
  // the same case wrote, as a fresh read would show it.
  const byPaper = await consultationsOfPapers(db, papersOfItems);
  let saved = 0;
  for (const item of items) {
    const reference = item.caseNumber ? foldSpace(item.caseNumber) : null;
    const paperId = reference ? paperIds.get(reference) : undefined;
    if (!reference || !paperId) continue;
    const known: KnownConsultation[] = byPaper.get(paperId) ?? [];
    const redundant = historySupersededBy(known, meeting);
    await deleteConsultations(db, redundant);
    const remaining = known.filter((k) => !redundant.includes(k.id));
    const recorded: PaperConsultation[] = [];
    for (const h of historyToRecord(item.history, remaining, [meeting])) {
      const externalId = historyKey(paperKey(slug, reference), h.date, h.organizationName);
      const id = await upsertImported(db, 'consultation', {
        source: ARCHIVE_SOURCE,
        externalId,
        paperId,
        organizationId: await findOrganization(h.date, h.organizationName),
        organizationName: h.organizationName,
        meetingId: null,
        agendaItemId: null,
        date: h.date,
        role: h.role,
        outcome: h.outcome,
      });
      recorded.push({ id, date: h.date, organizationName: h.organizationName, meetingId: null, agendaItemId: null });
      saved += 1;
    }
    const ids = new Set(recorded.map((r) => r.id));
    // Order does not matter to the history rules (they match by date and committee).
    byPaper.set(paperId, [...(remaining as PaperConsultation[]).filter((k) => !ids.has(k.id)), ...recorded]);
  }
  return saved;
}

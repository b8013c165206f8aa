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
import { savePaper } from '../../storage/repositories/archive-writer.js';
import {
  consultationsOfPaper,
  deleteConsultations,
  findPaperByReference,
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
  for (const [reference, item] of byCase) {
    const existing = await findPaperByReference(db, bodyId, reference);
    if (existing && existing.source !== ARCHIVE_SOURCE) {
      ids.set(reference, existing.id);
      continue;
    }
    const considered = existing ? await consultationsOfPaper(db, existing.id) : [];
    const newest = considered
      .filter((c) => c.meetingId !== null)
      .map((c) => c.date ?? '')
      .reduce((m, d) => (d > m ? d : m), '');
    const wins = !existing || date >= newest;
    const printedCompetence = competence(item);
    const id = await savePaper(db, {
      source: ARCHIVE_SOURCE,
      externalId: existing?.externalId ?? paperKey(slug, reference),
      bodyId,
      reference,
      referenceParts: parseCaseReference(reference),
      title: wins || !existing ? foldSpace(item.title) : existing.title,
      decisionCompetence: (wins ? printedCompetence : null) ?? existing?.decisionCompetence ?? printedCompetence,
    });
    ids.set(reference, id);
  }
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
  let saved = 0;
  for (const item of items) {
    const reference = item.caseNumber ? foldSpace(item.caseNumber) : null;
    const paperId = reference ? paperIds.get(reference) : undefined;
    if (!reference || !paperId) continue;
    const known: KnownConsultation[] = await consultationsOfPaper(db, paperId);
    const redundant = historySupersededBy(known, meeting);
    await deleteConsultations(db, redundant);
    const remaining = known.filter((k) => !redundant.includes(k.id));
    for (const h of historyToRecord(item.history, remaining, [meeting])) {
      await upsertImported(db, 'consultation', {
        source: ARCHIVE_SOURCE,
        externalId: historyKey(paperKey(slug, reference), h.date, h.organizationName),
        paperId,
        organizationId: await findOrganization(h.date, h.organizationName),
        organizationName: h.organizationName,
        meetingId: null,
        agendaItemId: null,
        date: h.date,
        role: h.role,
        outcome: h.outcome,
      });
      saved += 1;
    }
  }
  return saved;
}

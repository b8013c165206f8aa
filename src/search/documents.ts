// Search documents from the database, one per agenda item, built ONLY through publicView: the
// index must never hold what the portal would not show. A meeting whose agenda is not public
// contributes nothing; a closed item only its neutral title and published decision.
import { type PublicAgendaItem, type Section, publicView } from '../domain/agenda-item.js';
import { agendaIsPublic, minutesArePublic } from '../domain/meeting.js';
import { publicPaths } from '../domain/public-urls.js';
import { PortalQueries } from '../storage/repositories/portal-queries.js';
import { caseNumbers, fileTexts, searchSourceMeetings } from '../storage/repositories/search-source-queries.js';
import type { Db } from '../storage/repositories/upsert.js';
import type { DecisionType, SearchDocument } from './model.js';

const decisionPatterns: [DecisionType, RegExp][] = [
  // Checked in this order: "Anbefales godkendt" recommends, it does not approve.
  ['recommended', /\banbefal|\bindstilles\b/u],
  ['approved', /\bgodkend|\btiltrådt|\bvedtage|\bbevilge/u],
  ['noted', /efterretning|\borientering|\bdrøftet/u],
  ['postponed', /\budsat|\budsættes/u],
];

/** The decision type for the facet, from the decision's wording; null when there is no decision. */
export function classifyDecision(text: string | null): DecisionType | null {
  const t = (text ?? '').trim().toLowerCase();
  if (t === '') return null;
  return decisionPatterns.find(([, re]) => re.test(t))?.[0] ?? 'other';
}

const recommendationKinds = new Set<Section['kind']>(['summary', 'recommendation']);

const joinText = (parts: (string | null | undefined)[]): string =>
  parts
    .map((p) => p?.trim() ?? '')
    .filter((p) => p !== '')
    .join('\n');

interface ItemContext {
  caseNumber: string | null;
  organizationName: string;
  texts: Map<string, string>;
}

function fieldsOf(item: PublicAgendaItem, c: ItemContext): SearchDocument['fields'] {
  const sections = item.sections;
  const decision = item.decision ?? joinText(sections.filter((s) => s.kind === 'decision').map((s) => s.text));
  const names = [
    ...item.absences.map((a) => a.name),
    ...item.disqualifications.map((d) => joinText([d.name, d.reason])),
    ...item.dissents.map((d) => joinText([d.name, d.party, d.text])),
    ...item.votes.map((v) => v.label),
  ];
  return {
    title: joinText([`${item.number}. ${item.title}`, c.caseNumber]),
    decision,
    recommendation: joinText(sections.filter((s) => recommendationKinds.has(s.kind)).map((s) => s.text)),
    body: joinText([...sections.filter((s) => s.kind !== 'decision' && !recommendationKinds.has(s.kind)).map((s) => s.text), ...names]),
    // publicView already dropped non-public files, and every file of a closed item.
    attachments: joinText(item.files.map((f) => joinText([f.title, c.texts.get(f.id)]))),
    context: c.organizationName,
  };
}

export async function buildSearchDocuments(db: Db, meetingIds: string[]): Promise<SearchDocument[]> {
  const meetings = (await searchSourceMeetings(db, meetingIds)).filter((m) => agendaIsPublic(m.state));
  const portal = new PortalQueries(db);
  const perMeeting = [];
  for (const meeting of meetings) {
    const decisionsPublished = minutesArePublic(meeting.state);
    const items = (await portal.agendaItems(meeting.id)).map((i) => publicView(i, { decisionsPublished }));
    perMeeting.push({ meeting, items });
  }
  const all = perMeeting.flatMap((m) => m.items);
  const papers = await caseNumbers(db, [...new Set(all.flatMap((i) => (i.paperId ? [i.paperId] : [])))]);
  const texts = await fileTexts(
    db,
    all.flatMap((i) => i.files.map((f) => f.id)),
  );

  return perMeeting.flatMap(({ meeting, items }) =>
    items.map((item): SearchDocument => {
      const caseNumber = item.paperId ? (papers.get(item.paperId) ?? null) : null;
      const fields = fieldsOf(item, { caseNumber, organizationName: meeting.organizationName, texts });
      return {
        itemId: item.id,
        meetingId: meeting.id,
        paperId: item.paperId,
        bodyId: meeting.bodyId,
        municipality: meeting.bodyName,
        organizationId: meeting.organizationId,
        organizationName: meeting.organizationName,
        meetingDate: meeting.date,
        caseNumber,
        title: `${item.number}. ${item.title}`,
        url: publicPaths.item(meeting.id, item.number),
        decisionType: classifyDecision(fields.decision),
        hasAttachments: item.files.length > 0,
        fields,
      };
    }),
  );
}

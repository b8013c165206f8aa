// Use cases of the case page (sag) and the item permalink. The closed-items rule
// (Styrelsesloven § 10, DESIGN.md "The public view of an item") is applied here:
// - a case is public only through an open item on a meeting whose agenda is public; a case
//   known only from closed items (or planned meetings) does not exist for the public (404);
// - a step of the timeline whose item is closed is left out entirely: showing it would tie
//   the closed item to the case, the link `publicView` deliberately drops (paperId null);
// - a planned meeting's steps are left out, and a decision shows only once the minutes are.
import { type AgendaItem, type PublicAgendaItem, publicView } from '../../domain/agenda-item.js';
import { notFound } from '../../domain/errors.js';
import { agendaIsPublic, meetingStateLabel, minutesArePublic } from '../../domain/meeting.js';
import type { Body } from '../../domain/organization.js';
import { consultationRoleLabel } from '../../domain/paper.js';
import { paperIsVisible } from '../../domain/visibility.js';
import type { CaseQueries, ConsultationRow } from '../../storage/repositories/case-queries.js';
import type { PortalQueries } from '../../storage/repositories/portal-queries.js';
import type { MeetingSummary } from './summary.js';

export interface CaseTimelineEntry {
  /** Null only for a history entry printed without a date (the importer skips those). */
  date: string | null;
  /** organizationId is null when the name printed in "Sagens forløb" matched no committee. */
  organization: { id: string | null; name: string };
  meeting: { id: string; date: string } | null;
  item: { meetingId: string; number: string; title: string } | null;
  roleLabel: string;
  decision: string | null;
}

export interface CasePage {
  body: Body;
  paper: { id: string; reference: string | null; title: string; decisionCompetence: string | null };
  /** Oldest first. */
  timeline: CaseTimelineEntry[];
}

export interface ItemPage {
  body: Body;
  meeting: MeetingSummary;
  item: PublicAgendaItem;
  /** The item's case; only ever set for an open item (publicView drops the link otherwise). */
  paper: { id: string; reference: string | null } | null;
}

/** A consultation's item as an AgendaItem, so `publicView` decides what of it shows. */
function asAgendaItem(c: ConsultationRow, item: NonNullable<ConsultationRow['item']>): AgendaItem {
  return {
    id: item.id,
    meetingId: c.meeting?.id ?? '',
    paperId: null,
    number: item.number,
    order: 0,
    title: item.title,
    public: item.public,
    publicTitle: null,
    sections: [],
    decision: item.decision,
    absences: [],
    disqualifications: [],
    dissents: [],
    votes: [],
    files: [],
  };
}

/** The timeline entry the public may see, or null when the step must stay hidden. */
function timelineEntry(c: ConsultationRow): CaseTimelineEntry | null {
  if (c.item !== null && !c.item.public) return null;
  if (c.meeting !== null && !agendaIsPublic(c.meeting.state)) return null;
  const base = {
    date: c.date ?? c.meeting?.date ?? null,
    organization: { id: c.organizationId, name: c.organizationName },
    roleLabel: consultationRoleLabel[c.role],
  };
  // A history-only step ("Sagens forløb") was printed in a published document: shown as is.
  if (c.meeting === null) return { ...base, meeting: null, item: null, decision: c.outcome };
  const decisionsPublished = minutesArePublic(c.meeting.state);
  const view = c.item ? publicView(asAgendaItem(c, c.item), { decisionsPublished }) : null;
  return {
    ...base,
    meeting: { id: c.meeting.id, date: c.meeting.date },
    item: view ? { meetingId: c.meeting.id, number: view.number, title: view.title } : null,
    // The item's full decision as the minutes print it; the consultation keeps only its first line.
    decision: decisionsPublished ? (view?.decision ?? c.outcome) : null,
  };
}

const timelineKey = (c: ConsultationRow): string => `${c.date ?? c.meeting?.date ?? '9999-99-99'} ${c.meeting?.start ?? '99:99'}`;

export class CasePortal {
  constructor(
    private readonly portal: PortalQueries,
    private readonly cases: CaseQueries,
  ) {}

  async casePage(paperId: string): Promise<CasePage> {
    const [paper, items, consultations] = await Promise.all([this.cases.paper(paperId), this.cases.itemsOfPaper(paperId), this.cases.consultations(paperId)]);
    // A hidden case answers exactly like a missing one, so its existence is not confirmed.
    const visible = paperIsVisible(items);
    if (!paper || !visible) throw notFound('Sagen', paperId);
    const body = await this.portal.bodyById(paper.bodyId);
    if (!body) throw notFound('Kommunen', paper.bodyId);

    const ordered = [...consultations].sort(
      (a, b) => timelineKey(a).localeCompare(timelineKey(b)) || a.organizationName.localeCompare(b.organizationName, 'da'),
    );
    return {
      body,
      paper: { id: paper.id, reference: paper.reference, title: paper.title, decisionCompetence: paper.decisionCompetence },
      timeline: ordered.map(timelineEntry).filter((e) => e !== null),
    };
  }

  async itemPage(meetingId: string, number: string): Promise<ItemPage> {
    const meeting = await this.portal.meeting(meetingId);
    // Nothing of a planned meeting's agenda is public, not even that an item number exists.
    if (!meeting || !agendaIsPublic(meeting.state)) throw notFound('Punktet', `${meetingId}/${number}`);
    const [org, items] = await Promise.all([this.portal.organization(meeting.organizationId), this.portal.agendaItems(meeting.id)]);
    const item = items.find((i) => i.number === number);
    if (!org || !item) throw notFound('Punktet', `${meetingId}/${number}`);
    const body = await this.portal.bodyById(org.bodyId);
    if (!body) throw notFound('Kommunen', org.bodyId);

    const view = publicView(item, { decisionsPublished: minutesArePublic(meeting.state) });
    const paper = view.paperId ? { id: view.paperId, reference: await this.cases.reference(view.paperId) } : null;
    return {
      body,
      meeting: { ...meeting, organizationName: org.name, stateLabel: meeting.cancelled ? 'Aflyst' : meetingStateLabel[meeting.state] },
      item: view,
      paper,
    };
  }
}

// An agenda item (dagsordenspunkt) and the rule for what of it the public may see
// (Styrelsesloven § 10): a closed item shows only its neutral title and published decision;
// its case text, attachments and member notes never leave the building.
import type { AttachmentFile } from './file.js';

/** Known section kinds; the heading is always kept as printed beside the kind. */
export const sectionKinds = [
  'decision', // Beslutning
  'summary', // Resumé, Beslutningstema
  'recommendation', // Indstilling, "Administrationen indstiller,"
  'competence', // Beslutningskompetence
  'presentation', // Sagsfremstilling
  'statements', // Udtalelser, Høring
  'assessment', // Administrationens vurdering
  'economy', // Økonomi og finansiering, Økonomi
  'history', // Sagens forløb, Historik
  'communication', // Kommunikation
  'legal_basis', // Lovgrundlag
  'attachments', // Bilag
  'other',
] as const;
export type SectionKind = (typeof sectionKinds)[number];

export interface Section {
  kind: SectionKind;
  heading: string;
  /** Plain text (search, CPR scan, PDF); derived from `html` for sections written in the editor. */
  text: string;
  /** Sanitised HTML written in the editor; absent or null for plain-text (imported) sections. */
  html?: string | null;
}

/** A member named on an item: linked to a Person when known, else only the printed name. */
export interface MemberRef {
  personId: string | null;
  name: string;
  party: string | null;
}

export interface Disqualification extends MemberRef {
  reason: string | null;
}
export interface Dissent extends MemberRef {
  text: string;
}
export type VoteChoice = 'for' | 'against' | 'abstain';
export interface Vote {
  choice: VoteChoice;
  /** Who voted so, as the minutes say it: party letters ("A, V") or names. */
  label: string;
  count: number | null;
}

export interface AgendaItem {
  id: string;
  meetingId: string;
  paperId: string | null;
  /** The number as printed ("1", "96", "3.a"). */
  number: string;
  /** Position on the agenda, 1-based; the printed numbers may be out of order. */
  order: number;
  title: string;
  public: boolean;
  /** Neutral title shown to the public for a closed item ("Lukket punkt: Ejendomshandel"). */
  publicTitle: string | null;
  sections: Section[];
  decision: string | null;
  absences: MemberRef[];
  disqualifications: Disqualification[];
  dissents: Dissent[];
  votes: Vote[];
  files: AttachmentFile[];
}

/** What the public may see of an item. Built only through `publicView`. */
export interface PublicAgendaItem {
  id: string;
  meetingId: string;
  paperId: string | null;
  number: string;
  order: number;
  title: string;
  public: boolean;
  sections: Section[];
  decision: string | null;
  absences: MemberRef[];
  disqualifications: Disqualification[];
  dissents: Dissent[];
  votes: Vote[];
  files: AttachmentFile[];
}

export const CLOSED_ITEM_FALLBACK_TITLE = 'Lukket punkt';

export function publicView(item: AgendaItem, options: { decisionsPublished: boolean }): PublicAgendaItem {
  const decision = options.decisionsPublished ? item.decision : null;
  if (item.public) {
    return {
      id: item.id,
      meetingId: item.meetingId,
      paperId: item.paperId,
      number: item.number,
      order: item.order,
      title: item.title,
      public: true,
      // The decision section belongs to the minutes; before that, only the agenda text shows.
      sections: item.sections.filter((s) => options.decisionsPublished || s.kind !== 'decision'),
      decision,
      absences: options.decisionsPublished ? item.absences : [],
      disqualifications: options.decisionsPublished ? item.disqualifications : [],
      dissents: options.decisionsPublished ? item.dissents : [],
      votes: options.decisionsPublished ? item.votes : [],
      files: item.files.filter((f) => f.public),
    };
  }
  // Closed: neutral title and the published decision only. The paper link is dropped too: the
  // case page would otherwise reveal the real title of a closed case.
  return {
    id: item.id,
    meetingId: item.meetingId,
    paperId: null,
    number: item.number,
    order: item.order,
    title: item.publicTitle ?? CLOSED_ITEM_FALLBACK_TITLE,
    public: false,
    sections: [],
    decision,
    absences: [],
    disqualifications: [],
    dissents: [],
    votes: [],
    files: [],
  };
}

/** The standard items that open and close every meeting. */
export const standardItemTitles = ['Godkendelse af dagsorden', 'Eventuelt', 'Godkendelse af referat'] as const;

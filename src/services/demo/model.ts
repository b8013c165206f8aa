// The shape the demo's meeting data is written in: close to how minutes read (who was absent,
// which items, which attachments by name), turned into archive-writer records by meetings.ts.
import type { Section, VoteChoice } from '../../domain/agenda-item.js';
import type { MeetingState } from '../../domain/meeting.js';
import type { ConsultationRole } from '../../domain/paper.js';
import type { OrgCode, TermCode } from './keys.js';

export interface DemoItem {
  /** Stable within the meeting; part of the item's external id. */
  key: string;
  /** As printed on the agenda. */
  number: string;
  /** Without the committee prefix ("BSU/ØU - …"); the portal adds prefixes itself. */
  title: string;
  /** Case number of the item's case, if it has one (see cases.ts). */
  paper?: string;
  /** Closed items (Styrelsesloven § 10) show only publicTitle and the decision. */
  closed?: { publicTitle: string };
  /** The agenda text in template order, without the decision. */
  sections: Section[];
  /** Printed under "Beslutning" once the minutes are out; ignored on agendas. */
  decision?: string;
  consultation?: { role: ConsultationRole; outcome: string | null };
  /** Person keys absent for this item only, beyond the meeting's absentees. */
  absences?: string[];
  disqualifications?: { person: string; reason: string }[];
  dissents?: { person: string; text: string }[];
  votes?: { choice: VoteChoice; label: string; count: number | null }[];
  /** Attachment keys (attachments.ts), in the order printed under "Bilag". */
  attachments?: string[];
}

export interface DemoMeeting {
  /** Stable key, e.g. "2024-08-13-bsu"; part of every external id below the meeting. */
  key: string;
  term: TermCode;
  organization: OrgCode;
  date: string;
  start: string;
  end: string | null;
  location: string;
  state: MeetingState;
  cancelled?: boolean;
  /** Members with "Afbud" for the whole meeting. */
  absent?: string[];
  /** A substitute (suppleant) who took an absent member's seat. */
  substitutes?: { person: string; for: string }[];
  items: DemoItem[];
}

export const TOWN_HALL = {
  councilHall: 'Byrådssalen, Rådhuset',
  room1: 'Mødelokale 1, Rådhuset',
  room2: 'Mødelokale 2, Rådhuset',
  room3: 'Mødelokale 3, Rådhuset',
} as const;

/** The Lejre-style template, in its fixed order; omitted parts are left out. */
export function caseSections(parts: {
  summary: string;
  recommendation: string[];
  competence: string;
  presentation: string;
  statements?: string;
  assessment?: string;
  economy: string;
  history?: string;
}): Section[] {
  const sections: Section[] = [
    { kind: 'summary', heading: 'Resumé', text: parts.summary },
    {
      kind: 'recommendation',
      heading: 'Indstilling',
      text: ['Direktionen indstiller, at', ...parts.recommendation.map((r, i) => `${i + 1}. ${r}`)].join('\n'),
    },
    { kind: 'competence', heading: 'Beslutningskompetence', text: parts.competence },
    { kind: 'presentation', heading: 'Sagsfremstilling', text: parts.presentation },
  ];
  if (parts.statements) sections.push({ kind: 'statements', heading: 'Udtalelser', text: parts.statements });
  if (parts.assessment) sections.push({ kind: 'assessment', heading: 'Administrationens vurdering', text: parts.assessment });
  sections.push({ kind: 'economy', heading: 'Økonomi og finansiering', text: parts.economy });
  if (parts.history) sections.push({ kind: 'history', heading: 'Sagens forløb', text: parts.history });
  return sections;
}

/** One line of "Sagens forløb" as Lejre prints it: date, body and term, then the decision. */
export function historyLine(date: string, organizationName: string, term: TermCode, decision: string): string {
  const [y, m, d] = date.split('-');
  return `${d}-${m}-${y} ${organizationName} - ${term}\n${decision}`;
}

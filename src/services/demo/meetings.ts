// Turns the demo meeting data into archive-writer records: attendance from the committee's
// seats, the decision and "Bilag" sections added the way minutes print them, member notes
// resolved to people, and attachments pointing at the stored PDFs.
import type { Section } from '../../domain/agenda-item.js';
import { notYetHeld } from '../../domain/meeting.js';
import type { AgendaItemRecord, AttendanceRecord, FileRecord, MeetingRecord, MemberNoteRecord } from '../../storage/repositories/archive-writer.js';
import type { StoredAttachment } from './attachment-files.js';
import { demoAttachment } from './attachments.js';
import { DEMO_SOURCE, demoId, demoKey, organizationKey, paperKey, personKey } from './keys.js';
import { meetings2021 } from './meetings-2021.js';
import { meetings2024August } from './meetings-2024-august.js';
import { meetings2024September } from './meetings-2024-september.js';
import { meetings2025 } from './meetings-2025.js';
import { meetings2026 } from './meetings-2026.js';
import { meetingsUpcoming } from './meetings-upcoming.js';
import type { DemoItem, DemoMeeting } from './model.js';
import { demoOrganization } from './organizations.js';
import { demoPerson } from './people.js';

/** Every demo meeting, oldest first. */
export const demoMeetings: readonly DemoMeeting[] = [
  ...meetings2021,
  ...meetings2024August,
  ...meetings2024September,
  ...meetings2025,
  ...meetings2026,
  ...meetingsUpcoming,
];

const personId = (key: string) => demoId(personKey(key));

function note(key: string, text: string | null = null): MemberNoteRecord {
  const person = demoPerson(key);
  return { personId: personId(key), name: person.name, party: person.party, text };
}

function attendance(m: DemoMeeting): AttendanceRecord[] {
  const absent = new Set(m.absent ?? []);
  const members = demoOrganization(m.term, m.organization).seats.filter((s) => s.role !== 'suppleant');
  return [
    ...members.map((s) => ({
      personId: personId(s.person),
      status: absent.has(s.person) ? ('absent' as const) : ('present' as const),
      substituteForPersonId: null,
    })),
    ...(m.substitutes ?? []).map((s) => ({
      personId: personId(s.person),
      status: 'present' as const,
      substituteForPersonId: personId(s.for),
    })),
  ];
}

function itemRecord(m: DemoMeeting, item: DemoItem, held: boolean, stored: ReadonlyMap<string, StoredAttachment>): AgendaItemRecord {
  const externalId = demoKey('meeting', m.key, 'item', item.key);
  const attachments = (item.attachments ?? []).map(demoAttachment);
  const files: FileRecord[] = attachments.map((a) => {
    const file = stored.get(a.key);
    if (!file) throw new Error(`Demo attachment ${a.key} was not stored`);
    return {
      source: DEMO_SOURCE,
      externalId: `${externalId}/file/${a.key}`,
      title: a.title,
      fileName: a.fileName,
      mediaType: 'application/pdf',
      size: file.size,
      sha256: file.sha256,
      text: file.text,
      public: a.public,
    };
  });

  const decision = held ? (item.decision ?? null) : null;
  // Lejre prints the decision first in the minutes, and the attachment list last.
  const sections: Section[] = [
    ...(decision ? [{ kind: 'decision' as const, heading: 'Beslutning', text: decision }] : []),
    ...item.sections,
    ...(attachments.length > 0
      ? [
          {
            kind: 'attachments' as const,
            heading: 'Bilag',
            text: attachments.map((a, i) => `Bilag ${i + 1} - ${a.title}${a.public ? '' : ' (lukket bilag)'}`).join('\n'),
          },
        ]
      : []),
  ];

  return {
    source: DEMO_SOURCE,
    externalId,
    paperId: item.paper ? demoId(paperKey(item.paper)) : null,
    number: item.number,
    title: item.title,
    public: !item.closed,
    publicTitle: item.closed?.publicTitle ?? null,
    decision,
    sections,
    // The minutes repeat the meeting's "Afbud" under every item, plus anyone who left early.
    absences: held ? [...(m.absent ?? []), ...(item.absences ?? [])].map((k) => note(k)) : [],
    disqualifications: held ? (item.disqualifications ?? []).map((d) => note(d.person, d.reason)) : [],
    dissents: held ? (item.dissents ?? []).map((d) => note(d.person, d.text)) : [],
    votes: held ? (item.votes ?? []) : [],
    files,
    consultation: item.paper && item.consultation ? { role: item.consultation.role, outcome: held ? item.consultation.outcome : null } : null,
  };
}

export function meetingRecord(bodyId: string, m: DemoMeeting, stored: ReadonlyMap<string, StoredAttachment>): MeetingRecord {
  // In a held state the meeting has taken place, so attendance and decisions exist.
  const held = !m.cancelled && !notYetHeld(m.state);
  return {
    source: DEMO_SOURCE,
    externalId: demoKey('meeting', m.key),
    bodyId,
    organizationId: demoId(organizationKey(m.term, m.organization)),
    organizationName: demoOrganization(m.term, m.organization).name,
    date: m.date,
    start: m.start,
    end: m.end,
    location: m.location,
    state: m.state,
    cancelled: m.cancelled ?? false,
    attendance: held ? attendance(m) : [],
    items: m.items.map((item) => itemRecord(m, item, held, stored)),
  };
}

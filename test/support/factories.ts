// A small, complete municipality for tests: one body, one term, a committee with members, a
// held meeting with published minutes (open item, closed item, attachments, dissent, a
// substitute) and a planned future meeting. Everything is written through archive-writer,
// as an importer would. The closed item carries CANARY so tests can prove it never leaks.
import type { Section } from '../../src/domain/agenda-item.js';
import type { Db } from '../../src/storage/repositories/upsert.js';
import { saveBody, saveMeeting, saveMembership, saveOrganization, savePerson, saveTerm } from '../../src/storage/repositories/archive-writer.js';
import type { FileStore } from '../../src/storage/file-store.js';

export const CANARY = 'HEMMELIG-KANARIE-TEKST';
const source = 'test';

export interface SeededMunicipality {
  bodyId: string;
  bodySlug: string;
  termId: string;
  committeeId: string;
  councilId: string;
  heldMeetingId: string;
  plannedMeetingId: string;
  openItemId: string;
  closedItemId: string;
  publicFile: { id: string; fileName: string; bytes: Uint8Array };
  closedFile: { id: string; fileName: string; bytes: Uint8Array };
  /** A public file on the closed item: public flag alone must not be enough. */
  fileOnClosedItem: { id: string; fileName: string };
  people: Record<'chair' | 'member' | 'absentee' | 'substitute', { id: string; name: string; party: string }>;
}

export interface SeedOptions {
  /** The held meeting's date; the planned one is a month later. Defaults suit today = 2024-08-20. */
  heldDate?: string;
  plannedDate?: string;
}

export async function seedMunicipality(db: Db, files: FileStore, options: SeedOptions = {}): Promise<SeededMunicipality> {
  const heldDate = options.heldDate ?? '2024-08-13';
  const plannedDate = options.plannedDate ?? '2024-09-10';
  const bodyId = await saveBody(db, { source, externalId: 'body', slug: 'testrup', name: 'Testrup Kommune', website: null });
  const termId = await saveTerm(db, { source, externalId: 'term', bodyId, name: '2022-2025', startDate: '2022-01-01', endDate: '2025-12-31' });
  const org = (externalId: string, name: string, shortName: string, kind: 'council' | 'committee') =>
    saveOrganization(db, { source, externalId, bodyId, termId, name, shortName, kind, predecessorId: null });
  const committeeId = await org('bu', 'Udvalget for Børn og Ungdom', 'BU', 'committee');
  const councilId = await org('kb', 'Kommunalbestyrelsen', 'KB', 'council');

  const person = async (key: string, name: string, party: string, role: 'formand' | 'medlem' | 'suppleant') => {
    const id = await savePerson(db, { source, externalId: `person-${key}`, bodyId, name });
    await saveMembership(db, {
      source,
      externalId: `membership-${key}`,
      personId: id,
      organizationId: committeeId,
      role,
      party,
      startDate: '2022-01-01',
      endDate: null,
    });
    return { id, name, party };
  };
  const people = {
    chair: await person('chair', 'Anne Andersen', 'A', 'formand'),
    member: await person('member', 'Bent Bertelsen', 'V', 'medlem'),
    absentee: await person('absentee', 'Carla Christensen', 'F', 'medlem'),
    substitute: await person('substitute', 'Dorte Damgaard', 'F', 'suppleant'),
  };

  const publicBytes = new TextEncoder().encode('%PDF-1.4 offentligt bilag');
  const closedBytes = new TextEncoder().encode(`%PDF-1.4 ${CANARY} fortroligt bilag`);
  const storedPublic = await files.put(publicBytes);
  const storedClosed = await files.put(closedBytes);
  const file = (externalId: string, title: string, fileName: string, stored: { sha256: string; size: number }, pub: boolean) => ({
    source,
    externalId,
    title,
    fileName,
    mediaType: 'application/pdf',
    size: stored.size,
    sha256: stored.sha256,
    text: null,
    public: pub,
  });
  const noNotes = { absences: [], disqualifications: [], dissents: [], votes: [], files: [] };
  const openSections: Section[] = [
    { kind: 'summary', heading: 'Resumé', text: 'Udvalget skal godkende skolernes budget.\nBudgettet er drøftet med skolebestyrelserne.' },
    { kind: 'recommendation', heading: 'Indstilling', text: 'Direktionen indstiller:\n1. at budgettet godkendes.' },
  ];

  const heldMeetingId = await saveMeeting(db, {
    source,
    externalId: 'meeting-held',
    bodyId,
    organizationId: committeeId,
    organizationName: 'Udvalget for Børn og Ungdom',
    date: heldDate,
    start: '16:30',
    end: '18:00',
    location: 'Mødelokale 1, Rådhuset',
    state: 'minutes_published',
    cancelled: false,
    attendance: [
      { personId: people.chair.id, status: 'present', substituteForPersonId: null },
      { personId: people.member.id, status: 'present', substituteForPersonId: null },
      { personId: people.absentee.id, status: 'absent', substituteForPersonId: null },
      { personId: people.substitute.id, status: 'present', substituteForPersonId: people.absentee.id },
    ],
    items: [
      {
        ...noNotes,
        source,
        externalId: 'item-open',
        paperId: null,
        number: '1',
        title: 'Budget for skoleområdet 2025',
        public: true,
        publicTitle: null,
        decision: 'Indstillingen godkendt.',
        sections: openSections,
        dissents: [{ personId: people.member.id, name: people.member.name, party: 'V', text: 'V ønsker budgettet udsat.' }],
        votes: [
          { choice: 'for', label: 'A, F', count: 3 },
          { choice: 'against', label: 'V', count: 1 },
        ],
        files: [
          file('file-public', 'Budgetoversigt', 'budgetoversigt.pdf', storedPublic, true),
          file('file-closed', 'Underskrevet kontrakt', 'kontrakt.pdf', storedClosed, false),
        ],
        consultation: null,
      },
      {
        ...noNotes,
        source,
        externalId: 'item-closed',
        paperId: null,
        number: '2',
        title: `Personalesag vedrørende ${CANARY}`,
        public: false,
        publicTitle: 'Lukket punkt: Personalesag',
        decision: 'Godkendt.',
        sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: `Fortrolig tekst: ${CANARY}` }],
        dissents: [{ personId: people.chair.id, name: people.chair.name, party: 'A', text: `Dissens ${CANARY}` }],
        files: [file('file-on-closed', 'Bilag til lukket punkt', 'lukket.pdf', storedClosed, true)],
        consultation: null,
      },
    ],
  });

  const plannedMeetingId = await saveMeeting(db, {
    source,
    externalId: 'meeting-planned',
    bodyId,
    organizationId: committeeId,
    organizationName: 'Udvalget for Børn og Ungdom',
    date: plannedDate,
    start: '16:00',
    end: null,
    location: 'Mødelokale 2, Rådhuset',
    state: 'planned',
    cancelled: false,
    attendance: [],
    items: [
      {
        ...noNotes,
        source,
        externalId: 'item-planned',
        paperId: null,
        number: '1',
        title: 'Kladde: Ny skolestruktur',
        public: true,
        publicTitle: null,
        decision: null,
        sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: 'Udkast, ikke offentligt endnu.' }],
        consultation: null,
      },
    ],
  });

  const items = await db.selectFrom('agendaItem').select(['id', 'externalId']).where('meetingId', '=', heldMeetingId).execute();
  const fileRows = await db.selectFrom('file').select(['id', 'externalId', 'fileName']).where('meetingId', '=', heldMeetingId).execute();
  const idOf = <T extends { externalId: string | null }>(rows: T[], key: string): T => {
    const row = rows.find((r) => r.externalId === key);
    if (!row) throw new Error(`factory: ${key} was not written`);
    return row;
  };
  return {
    bodyId,
    bodySlug: 'testrup',
    termId,
    committeeId,
    councilId,
    heldMeetingId,
    plannedMeetingId,
    openItemId: idOf(items, 'item-open').id,
    closedItemId: idOf(items, 'item-closed').id,
    publicFile: { id: idOf(fileRows, 'file-public').id, fileName: 'budgetoversigt.pdf', bytes: publicBytes },
    closedFile: { id: idOf(fileRows, 'file-closed').id, fileName: 'kontrakt.pdf', bytes: closedBytes },
    fileOnClosedItem: { id: idOf(fileRows, 'file-on-closed').id, fileName: 'lukket.pdf' },
    people,
  };
}

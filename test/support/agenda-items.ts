// A plain open agenda item for unit tests of the domain rules (CPR guard, personal-data
// warnings): nothing in it but a title, so each test adds exactly the text it scans.
import type { AgendaItem } from '../../src/domain/agenda-item.js';

export function plainItem(overrides: Partial<AgendaItem> = {}): AgendaItem {
  return {
    id: 'item-1',
    meetingId: 'm',
    paperId: null,
    number: '3',
    order: 3,
    title: 'Budget 2025',
    public: true,
    publicTitle: null,
    sections: [],
    decision: null,
    absences: [],
    disqualifications: [],
    dissents: [],
    votes: [],
    files: [],
    ...overrides,
  };
}

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AgendaItem, CLOSED_ITEM_FALLBACK_TITLE, publicView } from '../../src/domain/agenda-item.js';

const CANARY = 'KANARIE-7731';

function item(overrides: Partial<AgendaItem>): AgendaItem {
  return {
    id: 'i1',
    meetingId: 'm1',
    paperId: 'p1',
    number: '7',
    order: 7,
    title: `Køb af grund ${CANARY}`,
    public: true,
    publicTitle: null,
    sections: [
      { kind: 'presentation', heading: 'Sagsfremstilling', text: `Forhandling med sælger ${CANARY}` },
      { kind: 'decision', heading: 'Beslutning', text: 'Godkendt.' },
    ],
    decision: 'Godkendt.',
    absences: [{ personId: null, name: 'Karen Holm', party: 'V' }],
    disqualifications: [{ personId: null, name: 'Ib Lund', party: 'A', reason: 'Nær familie' }],
    dissents: [{ personId: null, name: 'Eva Berg', party: 'Ø', text: `Imod ${CANARY}` }],
    votes: [{ choice: 'for', label: 'A, V', count: 7 }],
    files: [
      { id: 'f1', title: 'Kort', fileName: 'kort.pdf', mediaType: 'application/pdf', size: 10, sha256: 'a'.repeat(64), public: true },
      { id: 'f2', title: `Kontrakt ${CANARY}`, fileName: 'k.pdf', mediaType: 'application/pdf', size: 10, sha256: 'b'.repeat(64), public: false },
    ],
    ...overrides,
  };
}

describe('publicView of an agenda item', () => {
  it('shows a closed item as its neutral title and decision only', () => {
    const v = publicView(item({ public: false, publicTitle: 'Lukket punkt: Køb af ejendom' }), { decisionsPublished: true });
    assert.equal(v.title, 'Lukket punkt: Køb af ejendom');
    assert.equal(v.decision, 'Godkendt.');
    assert.equal(v.paperId, null, 'the case link would reveal the real title');
    assert.ok(!JSON.stringify(v).includes(CANARY));
  });

  it('falls back to a generic title when a closed item has no neutral title', () => {
    const v = publicView(item({ public: false }), { decisionsPublished: true });
    assert.equal(v.title, CLOSED_ITEM_FALLBACK_TITLE);
  });

  it('keeps open content but drops non-public attachments', () => {
    const v = publicView(item({}), { decisionsPublished: true });
    assert.deepEqual(
      v.files.map((f) => f.id),
      ['f1'],
    );
    assert.equal(v.sections.length, 2);
    assert.equal(v.dissents.length, 1);
  });

  it('hides decisions and member notes until the minutes are published', () => {
    const v = publicView(item({}), { decisionsPublished: false });
    assert.equal(v.decision, null);
    assert.deepEqual(
      v.sections.map((s) => s.kind),
      ['presentation'],
    );
    assert.deepEqual([v.absences, v.dissents, v.votes, v.disqualifications], [[], [], [], []]);
    const closed = publicView(item({ public: false, publicTitle: 'Lukket punkt' }), { decisionsPublished: false });
    assert.equal(closed.decision, null);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type PublicAgendaItem, CLOSED_ITEM_FALLBACK_TITLE } from '../../src/domain/agenda-item.js';
import { type PublishedMeeting, seenThroughCurrentView, stateAfterWithdrawal } from '../../src/domain/publication.js';
import { redactDeep, redactHtml, redactText, redactionMark, requirePassage, requireReason } from '../../src/domain/redaction.js';

const CANARY = 'KANARIE-4411';

const file = (id: string, title: string) => ({
  id,
  title,
  fileName: `${id}.pdf`,
  mediaType: 'application/pdf',
  size: 10,
  sha256: 'a'.repeat(64),
  public: true,
});

function publicItem(id: string, overrides: Partial<PublicAgendaItem> = {}): PublicAgendaItem {
  return {
    id,
    meetingId: 'm1',
    paperId: `p-${id}`,
    number: id,
    order: Number(id.replace(/\D/g, '')) || 1,
    title: `Titel ${id} ${CANARY}`,
    public: true,
    sections: [{ kind: 'presentation', heading: 'Sagsfremstilling', text: `Tekst ${CANARY}`, html: `<p>Tekst ${CANARY} &amp; mere</p>` }],
    decision: `Godkendt ${CANARY}`,
    absences: [],
    disqualifications: [],
    dissents: [{ personId: null, name: 'Eva Berg', party: 'Ø', text: `Imod ${CANARY}` }],
    votes: [],
    files: [file(`f${id}`, `Bilag ${CANARY}`)],
    ...overrides,
  };
}

function snapshot(kind: 'agenda' | 'minutes', items: PublicAgendaItem[]): PublishedMeeting {
  return {
    kind,
    version: 1,
    publishedAt: '2026-01-01T10:00:00.000Z',
    publishedBy: 'sekretær',
    changeNote: null,
    meeting: {
      id: 'm1',
      organizationId: 'o1',
      date: '2026-01-05',
      start: null,
      end: null,
      location: null,
      state: 'agenda_published',
      cancelled: false,
      organizationName: 'Udvalget',
      bodyId: 'b1',
    },
    items,
    attendance: [],
  };
}

const closedNow = (id: string): PublicAgendaItem => ({
  ...publicItem(id),
  paperId: null,
  title: 'Lukket punkt: Personalesag',
  public: false,
  sections: [],
  decision: null,
  dissents: [],
  files: [],
});

describe('seenThroughCurrentView: a frozen version through today’s public view', () => {
  it('leaves an item deleted since out', () => {
    const seen = seenThroughCurrentView(snapshot('agenda', [publicItem('1'), publicItem('2')]), {
      agendaPublic: true,
      minutesPublic: false,
      items: [publicItem('1')],
    });
    assert.deepEqual(
      seen?.items.map((i) => i.id),
      ['1'],
    );
  });

  it('shows an item closed since with today’s neutral title, no text, no case, no files', () => {
    const seen = seenThroughCurrentView(snapshot('agenda', [publicItem('1')]), { agendaPublic: true, minutesPublic: false, items: [closedNow('1')] });
    const [i] = seen!.items;
    assert.equal(i!.title, 'Lukket punkt: Personalesag');
    assert.equal(i!.public, false);
    assert.equal(i!.paperId, null);
    assert.deepEqual(i!.sections, []);
    assert.deepEqual(i!.files, []);
    assert.equal(i!.decision, null, 'an agenda version has no decision');
    assert.ok(!JSON.stringify(seen).includes(CANARY));
  });

  it('keeps the version’s decision for an item closed since when the version is minutes', () => {
    const seen = seenThroughCurrentView(snapshot('minutes', [publicItem('1', { decision: 'Godkendt.' })]), {
      agendaPublic: true,
      minutesPublic: true,
      items: [closedNow('1')],
    });
    assert.equal(seen!.items[0]!.decision, 'Godkendt.');
    assert.deepEqual(seen!.items[0]!.dissents, []);
  });

  it('drops an attachment that is no longer public, keeps the others', () => {
    const then = publicItem('1', { files: [file('fa', 'A'), file('fb', `B ${CANARY}`)] });
    const now = publicItem('1', { files: [file('fa', 'A')] });
    const seen = seenThroughCurrentView(snapshot('agenda', [then]), { agendaPublic: true, minutesPublic: false, items: [now] });
    assert.deepEqual(
      seen!.items[0]!.files.map((f) => f.id),
      ['fa'],
    );
  });

  it('keeps the frozen text of an item still public (the history of corrections)', () => {
    const then = publicItem('1', { title: 'Gammel titel' });
    const seen = seenThroughCurrentView(snapshot('agenda', [then]), {
      agendaPublic: true,
      minutesPublic: false,
      items: [publicItem('1', { title: 'Ny titel' })],
    });
    assert.equal(seen!.items[0]!.title, 'Gammel titel');
  });

  it('shows nothing when the agenda, or for minutes the minutes, are no longer public', () => {
    assert.equal(seenThroughCurrentView(snapshot('agenda', [publicItem('1')]), { agendaPublic: false, minutesPublic: false, items: [] }), null);
    assert.equal(seenThroughCurrentView(snapshot('minutes', [publicItem('1')]), { agendaPublic: true, minutesPublic: false, items: [publicItem('1')] }), null);
    assert.notEqual(seenThroughCurrentView(snapshot('agenda', [publicItem('1')]), { agendaPublic: true, minutesPublic: true, items: [publicItem('1')] }), null);
  });

  it('uses the fallback title when a closed item has no neutral one', () => {
    const seen = seenThroughCurrentView(snapshot('agenda', [publicItem('1')]), {
      agendaPublic: true,
      minutesPublic: false,
      items: [{ ...closedNow('1'), title: CLOSED_ITEM_FALLBACK_TITLE }],
    });
    assert.equal(seen!.items[0]!.title, CLOSED_ITEM_FALLBACK_TITLE);
  });
});

describe('stateAfterWithdrawal', () => {
  it('takes the minutes back when their last version goes, the whole meeting when nothing stands', () => {
    assert.equal(stateAfterWithdrawal('minutes_published', { agenda: 1, minutes: 0 }), 'minutes_approved');
    assert.equal(stateAfterWithdrawal('minutes_published', { agenda: 0, minutes: 0 }), 'planned');
    assert.equal(stateAfterWithdrawal('minutes_published', { agenda: 0, minutes: 1 }), 'minutes_published');
    assert.equal(stateAfterWithdrawal('agenda_published', { agenda: 0, minutes: 0 }), 'planned');
    assert.equal(stateAfterWithdrawal('held', { agenda: 0, minutes: 0 }), 'planned');
    assert.equal(stateAfterWithdrawal('agenda_published', { agenda: 1, minutes: 0 }), 'agenda_published');
    assert.equal(stateAfterWithdrawal('planned', { agenda: 0, minutes: 0 }), 'planned');
  });
});

describe('redaction', () => {
  const mark = redactionMark('personoplysning');

  it('marks the passage with the reason, every occurrence', () => {
    assert.equal(mark, '[fjernet: personoplysning]');
    assert.deepEqual(redactText(`a ${CANARY} b ${CANARY}`, CANARY, mark), { text: `a ${mark} b ${mark}`, count: 2 });
    assert.deepEqual(redactText('intet', CANARY, mark), { text: 'intet', count: 0 });
  });

  it('finds the passage in HTML also with its entities escaped, and escapes the mark', () => {
    const r = redactHtml('<p>Jens &amp; Co betaler</p>', 'Jens & Co', '[fjernet: <x>]');
    assert.deepEqual(r, { text: '<p>[fjernet: &lt;x&gt;] betaler</p>', count: 1 });
  });

  it('rewrites every text of a frozen item but no id, hash or code', () => {
    const item = publicItem('1');
    const r = redactDeep(item, CANARY, mark);
    assert.ok(!JSON.stringify(r.value).includes(CANARY));
    assert.equal(r.count, 6);
    const short = redactDeep(item, 'aaa', mark);
    assert.equal(short.value.files[0]!.sha256, 'a'.repeat(64));
  });

  it('requires a reason and a passage of some length', () => {
    assert.throws(
      () => requireReason('  '),
      (e: Error & { where?: string }) => e.where === 'reason',
    );
    assert.throws(
      () => requirePassage('ab'),
      (e: Error & { where?: string }) => e.where === 'text',
    );
    assert.equal(requireReason('  Navn   på  barn '), 'Navn på barn');
  });
});

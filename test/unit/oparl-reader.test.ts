// The OParl reader: an OParl 1.1 Meeting (agenda items, organization, participants, location,
// consultations → papers, files) into ParsedDocument. One meeting as Protokol publishes it
// (with its `protokol:` fields), one as another server would (standard fields only, HTML
// resolution text, references left as URLs), a closed item, and malformed files.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { parseOparlMeeting } from '../../src/importer/sources/oparl/meeting.js';
import { gatherObjects } from '../../src/importer/sources/oparl/objects.js';
import { readPath } from '../../src/services/import/plan-units.js';

const T = (type: string) => `https://schema.oparl.org/1.1/${type}`;
const R = 'https://oparl.example.dk/oparl/v1';

const org = {
  id: `${R}/organization/o1`,
  type: T('Organization'),
  name: 'Plan- og Miljøudvalget',
  body: { id: `${R}/body/b1`, type: T('Body'), name: 'Egedal Kommune' },
  membership: [
    {
      id: `${R}/membership/m1`,
      type: T('Membership'),
      person: `${R}/person/p1`,
      role: 'Formand',
      onBehalfOf: { id: `${R}/party/b1/V`, type: T('Organization'), shortName: 'V' },
    },
    { id: `${R}/membership/m2`, type: T('Membership'), person: `${R}/person/p2`, role: 'Medlem' },
  ],
};
const persons = [
  { id: `${R}/person/p1`, type: T('Person'), name: 'Karen Holm' },
  { id: `${R}/person/p2`, type: T('Person'), name: 'Jens Bak' },
  { id: `${R}/person/p3`, type: T('Person'), name: 'Ole Dahl' },
];

/** As Protokol publishes a meeting with minutes. */
const protokolMeeting = {
  id: `${R}/meeting/x1`,
  type: T('Meeting'),
  name: 'Plan- og Miljøudvalget 2025-03-04',
  meetingState: 'Referat offentliggjort',
  start: '2025-03-04T16:00:00+01:00',
  end: '2025-03-04T18:30:00+01:00',
  location: { id: `${R}/location/b1/k`, type: T('Location'), description: 'Mødelokale 3, Rådhuset' },
  organization: [org.id],
  participant: [`${R}/person/p1`, `${R}/person/p3`],
  'protokol:absent': [`${R}/person/p2`],
  'protokol:substitutes': [{ person: `${R}/person/p3`, substituteFor: `${R}/person/p2` }],
  'protokol:state': 'minutes_published',
  agendaItem: [
    {
      id: `${R}/agenda-item/i1`,
      type: T('AgendaItem'),
      number: '1',
      order: 1,
      name: 'Godkendelse af dagsorden',
      public: true,
      resolutionText: 'Godkendt.',
      'protokol:sections': [{ kind: 'decision', heading: 'Beslutning', text: 'Godkendt.' }],
      'protokol:decision': 'Godkendt.',
    },
    {
      id: `${R}/agenda-item/i2`,
      type: T('AgendaItem'),
      number: '2',
      order: 2,
      name: 'Lokalplan 12 for Stenløse Syd',
      public: true,
      consultation: {
        id: `${R}/consultation/c1`,
        type: T('Consultation'),
        role: 'Indstiller',
        paper: { id: `${R}/paper/pa1`, type: T('Paper'), reference: '25-001234', 'protokol:decisionCompetence': 'Byrådet' },
      },
      result: 'Anbefales',
      resolutionText: 'Indstillingen anbefales.',
      'protokol:sections': [
        { kind: 'presentation', heading: 'Sagsfremstilling', text: 'Lokalplanen giver mulighed for 80 boliger.' },
        { kind: 'decision', heading: 'Beslutning', text: 'Indstillingen anbefales.' },
      ],
      'protokol:decision': 'Indstillingen anbefales.',
      'protokol:absences': [{ person: `${R}/person/p2`, name: 'Jens Bak', party: 'A' }],
      'protokol:votes': [
        { choice: 'for', label: 'A, V', count: 6 },
        { choice: 'against', label: 'Ø', count: 1 },
      ],
      'protokol:dissents': [{ name: 'Ole Dahl', party: 'Ø', text: 'Ø ønsker færre boliger.' }],
      auxiliaryFile: [
        {
          id: `${R}/file/f1`,
          type: T('File'),
          name: 'Lokalplanforslag',
          fileName: 'lokalplan-12.pdf',
          mimeType: 'application/pdf',
          text: 'Lokalplan 12',
          accessUrl: 'https://egedal.example.dk/filer/f1/lokalplan-12.pdf',
        },
      ],
    },
    { id: `${R}/agenda-item/i3`, type: T('AgendaItem'), number: '3', order: 3, name: 'Lukket punkt: Køb af areal', public: false, resolutionText: 'Godkendt.' },
  ],
};

describe('OParl reader', () => {
  it('reads a meeting as Protokol publishes it, field by field', () => {
    const lookup = gatherObjects([protokolMeeting, org, ...persons]);
    const doc = parseOparlMeeting(protokolMeeting, lookup);
    assert.equal(doc.documentKind, 'referat');
    assert.equal(doc.municipality, 'Egedal Kommune');
    assert.deepEqual(doc.organization, { name: 'Plan- og Miljøudvalget', term: null });
    assert.deepEqual(doc.meeting, { date: '2025-03-04', start: '16:00', end: '18:30', location: 'Mødelokale 3, Rådhuset', planned: false, cancelled: false });
    assert.deepEqual(doc.participants, [
      { name: 'Karen Holm', absent: false, substituteFor: null, party: 'V', role: 'Formand' },
      { name: 'Ole Dahl', absent: false, substituteFor: 'Jens Bak', party: null, role: null },
      { name: 'Jens Bak', absent: true, substituteFor: null, party: null, role: 'Medlem' },
    ]);
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.order, i.title, i.public, i.caseNumber, i.decision]),
      [
        ['1', 1, 'Godkendelse af dagsorden', true, null, 'Godkendt.'],
        ['2', 2, 'Lokalplan 12 for Stenløse Syd', true, '25-001234', 'Indstillingen anbefales.'],
        ['3', 3, 'Lukket punkt: Køb af areal', false, null, 'Godkendt.'],
      ],
    );
    const [, two, closed] = doc.items;
    assert.deepEqual(
      two?.sections.map((s) => s.kind),
      ['presentation', 'decision'],
    );
    assert.deepEqual(two?.absent, ['Jens Bak (A)']);
    assert.deepEqual(two?.consultation, { role: 'recommends', outcome: 'Anbefales' });
    assert.equal(two?.decisionCompetence, 'Byrådet');
    assert.deepEqual(two?.votes, [
      { choice: 'for', label: 'A, V', count: 6 },
      { choice: 'against', label: 'Ø', count: 1 },
    ]);
    assert.deepEqual(two?.dissents, [{ name: 'Ole Dahl', party: 'Ø', text: 'Ø ønsker færre boliger.' }]);
    assert.deepEqual(two?.attachments, [
      {
        title: 'Lokalplanforslag',
        file: null,
        url: 'https://egedal.example.dk/filer/f1/lokalplan-12.pdf',
        externalId: `${R}/file/f1`,
        public: true,
        fileName: 'lokalplan-12.pdf',
        mediaType: 'application/pdf',
        text: 'Lokalplan 12',
      },
    ]);
    // Closed: the neutral title and the published decision; no case, sections or files.
    assert.deepEqual([closed?.sections, closed?.attachments, closed?.caseNumber], [[], [], null]);
    assert.deepEqual(doc.source, { system: 'oparl', meetingId: protokolMeeting.id, organizationId: org.id, url: protokolMeeting.id });
    assert.equal(doc.layout, 'oparl');
    assert.ok(doc.coverage > 0.95, `coverage ${doc.coverage}`);
  });

  it('reads another server’s meeting from the standard fields alone: HTML text, unresolved references, an agenda', () => {
    const meeting = {
      id: 'https://ris.example.org/meeting/77',
      type: T('Meeting'),
      meetingState: 'eingeladen',
      start: '2024-11-05T17:00:00Z',
      organization: [{ id: 'https://ris.example.org/org/9', type: T('Organization'), name: 'Udvalg for Kultur og Fritid 2022-2025' }],
      location: 'https://ris.example.org/location/unknown',
      agendaItem: [
        { id: 'https://ris.example.org/item/1', type: T('AgendaItem'), number: 'A.1', name: 'Kulturpris 2024', public: true },
        'https://ris.example.org/item/2',
      ],
    };
    const doc = parseOparlMeeting(meeting, gatherObjects(meeting), { municipality: 'Furesø Kommune' });
    assert.equal(doc.documentKind, 'dagsorden');
    assert.equal(doc.municipality, 'Furesø Kommune');
    assert.equal(doc.organization.name, 'Udvalg for Kultur og Fritid 2022-2025');
    // 17:00 UTC is 18:00 in Denmark in November.
    assert.deepEqual(doc.meeting, { date: '2024-11-05', start: '18:00', end: null, location: null, planned: false, cancelled: false });
    assert.deepEqual(doc.participants, []);
    assert.deepEqual(
      doc.items.map((i) => [i.number, i.title, i.decision, i.sections.length]),
      [['A.1', 'Kulturpris 2024', null, 0]],
    );
    assert.deepEqual(
      doc.warnings.map((w) => w.code),
      ['unresolved_item'],
    );

    const minutes = {
      ...meeting,
      meetingState: 'Referat',
      agendaItem: [{ ...(meeting.agendaItem[0] as object), resolutionText: '<p><b>Beslutning</b></p><p>Prisen gives til <i>Byens Kor</i>.</p>' }],
    };
    const read = parseOparlMeeting(minutes, gatherObjects(minutes), { municipality: 'Furesø Kommune' });
    assert.equal(read.documentKind, 'referat');
    assert.equal(read.items[0]?.decision, 'Beslutning\n\nPrisen gives til Byens Kor.');
    assert.deepEqual(
      read.items[0]?.sections.map((s) => [s.kind, s.text]),
      [['decision', 'Prisen gives til Byens Kor.']],
    );
  });

  it('`parse meeting.json` detects and reads the file; malformed files give errors naming them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oparl-reader-'));
    const good = join(dir, 'meeting.json');
    writeFileSync(good, JSON.stringify(protokolMeeting));
    const read = await readPath(good, {});
    assert.equal(read.doc.layout, 'oparl');
    assert.equal(read.doc.items.length, 3);
    // The organization is only a URL here: its name is unknown, and the reader says so.
    assert.equal(read.doc.organization.name, '');
    assert.ok(read.doc.warnings.some((w) => w.code === 'no_organization'));

    const list = join(dir, 'list.json');
    writeFileSync(list, JSON.stringify({ data: [protokolMeeting] }));
    await assert.rejects(
      readPath(list, {}),
      (e: unknown) => e instanceof DomainError && e.message.includes('list.json') && /not an OParl Meeting/.test(e.message),
    );
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, `{"type": "${T('Meeting')}", "agendaItem": [`);
    await assert.rejects(
      readPath(broken, {}),
      (e: unknown) => e instanceof DomainError && e.message.includes('broken.json') && /not valid JSON/.test(e.message),
    );
  });
});

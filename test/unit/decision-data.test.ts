// Decisions as data on sentences made for the purpose: each Danish phrasing of a vote, a
// dissent, a disqualification and a per-item absence, and the sentences that only look like
// one ("stemmeret", "afstemning udsat", "42 mio. kr.") — which must give no record at all.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDecisionData, decisionData } from '../../src/importer/parse/decision-data.js';
import { parseDocument } from '../../src/importer/parse/index.js';
import { textFromLines } from '../support/fixtures.js';
import { parsedItem } from '../support/parsed.js';

const roster = [
  { name: 'Ivan Mott', party: 'V' },
  { name: 'Maria Witthøft', party: null },
  { name: 'Jens Hansen', party: 'Ø' },
];
const read = (text: string) => decisionData(text, roster);
const votes = (text: string) => read(text).votes;
const none = { votes: [], dissents: [], disqualified: [], absent: [] };

describe('decision data: votes', () => {
  it('reads counts for, against and abstaining', () => {
    assert.deepEqual(votes('Godkendt med 42 stemmer mod 4. 8 medlemmer undlod at stemme.'), [
      { choice: 'for', label: '', count: 42 },
      { choice: 'against', label: '', count: 4 },
      { choice: 'abstain', label: '', count: 8 },
    ]);
    assert.deepEqual(votes('Indstillingen blev vedtaget med 7 stemmer for og 2 imod.'), [
      { choice: 'for', label: '', count: 7 },
      { choice: 'against', label: '', count: 2 },
    ]);
    assert.deepEqual(votes('Med stemmerne 11 for og 9 imod godkendte Byrådet indstillingen.'), [
      { choice: 'for', label: '', count: 11 },
      { choice: 'against', label: '', count: 9 },
    ]);
    assert.deepEqual(votes('Afstemning: 5 for, 2 imod og 1 undlod.'), [
      { choice: 'for', label: '', count: 5 },
      { choice: 'against', label: '', count: 2 },
      { choice: 'abstain', label: '', count: 1 },
    ]);
  });

  it('reads the parties printed with the counts', () => {
    assert.deepEqual(votes('Forslaget blev forkastet med 3 stemmer (A, F) mod 6 (V, C, O).'), [
      { choice: 'for', label: 'A, F', count: 3 },
      { choice: 'against', label: 'V, C, O', count: 6 },
    ]);
  });

  it('reads who voted how, by party and by member', () => {
    assert.deepEqual(votes('Et flertal bestående af A, V og F stemte for. C og O stemte imod.'), [
      { choice: 'for', label: 'A, V, F', count: null },
      { choice: 'against', label: 'C, O', count: null },
    ]);
    assert.deepEqual(votes('For stemte: A, V og Ø\nImod stemte: C\nUndlod at stemme: O'), [
      { choice: 'for', label: 'A, V, Ø', count: null },
      { choice: 'against', label: 'C', count: null },
      { choice: 'abstain', label: 'O', count: null },
    ]);
    assert.deepEqual(votes('Jens Hansen (Ø) stemte imod. (C) undlod at tage stilling.'), [
      { choice: 'against', label: 'Jens Hansen (Ø)', count: null },
      { choice: 'abstain', label: 'C', count: null },
    ]);
    assert.deepEqual(votes('A stemmer for og V stemmer imod.'), [
      { choice: 'for', label: 'A', count: null },
      { choice: 'against', label: 'V', count: null },
    ]);
  });

  it('joins the counts and the names of one vote, and the names listed on the lines after a label', () => {
    assert.deepEqual(
      votes('Med stemmerne 20 for og 1 imod godkendte Byrådet indstillingen.\n\nFor stemte: (V), (A), (C) og Ivan Mott (V).\n\nImod stemte: (Ø).'),
      [
        { choice: 'for', label: 'V, A, C, Ivan Mott (V)', count: 20 },
        { choice: 'against', label: 'Ø', count: 1 },
      ],
    );
    assert.deepEqual(votes('For stemte:\n\nIvan Mott (V)\n\nMaria Witthøft (A)\n\nGodkendt.'), [
      { choice: 'for', label: 'Ivan Mott (V), Maria Witthøft (A)', count: null },
    ]);
  });

  it('matches printed names to the participant list', () => {
    assert.deepEqual(votes('Maria Holdt Witthøft (A) stemte imod.'), [{ choice: 'against', label: 'Maria Witthøft (A)', count: null }]);
    // Printed without a letter: known only because the meeting lists the member.
    assert.deepEqual(votes('Ivan Mott undlod at stemme.'), [{ choice: 'abstain', label: 'Ivan Mott (V)', count: null }]);
    assert.deepEqual(votes('Hans Hansen undlod at stemme.'), [], 'an unknown name without a party is not read as a member');
  });

  it('keeps the votes in the text when the text holds several ballots', () => {
    // An amendment voted on beside the proposal: which vote is the item's is not for us to say.
    assert.deepEqual(
      votes('Godkendt med 20 stemmer mod 1.\n\nFor stemte: (V) og (A).\n\n(Ø) stillede ændringsforslag.\n\nFor stemte: (Ø).\n\nImod stemte: (V) og (A).'),
      [],
    );
    assert.deepEqual(votes('1. Imod stemte UP. V og A undlader.\n\n2. For stemte UP. V og A undlader.'), []);
    // The same counts printed twice for two points are one vote.
    assert.deepEqual(votes('Med stemmerne 19 for og 1 imod godkendtes punkt 1. Yderligere godkendtes med stemmerne 19 for og 1 imod punkt 2.'), [
      { choice: 'for', label: '', count: 19 },
      { choice: 'against', label: '', count: 1 },
    ]);
  });

  it('gives no vote for what only looks like one', () => {
    for (const text of [
      'Medlemmerne har stemmeret i udvalget.',
      'Afstemning udsat til næste møde.',
      'Bevillingen på 42 mio. kr. godkendes, 4 mio. kr. i 2025.',
      'Alle principperne stemmer overens med planen.',
      'Udvalget istemmer Seniorrådets bemærkning.',
      'Økonomiudvalget undlod at tage stilling.',
      'Udvalget stemte om forslaget.',
      'Der afgives brevstemmer på biblioteket fra kl. 17-19.',
      'Godkendt enstemmigt.',
      'Forvaltningen undlod at sende sagen i høring.',
    ])
      assert.deepEqual(read(text), none, text);
  });
});

describe('decision data: dissents', () => {
  it('reads forbehold, kunne ikke tiltræde, mindretalsudtalelse, protokol and a reasoned vote against', () => {
    assert.deepEqual(read('Ivan Mott (V) tog forbehold for finansieringen.').dissents, [
      { name: 'Ivan Mott', party: 'V', text: 'tog forbehold for finansieringen.' },
    ]);
    assert.deepEqual(read('Jens Hansen (Ø) kunne ikke tiltræde indstillingen.').dissents, [
      { name: 'Jens Hansen', party: 'Ø', text: 'kunne ikke tiltræde indstillingen.' },
    ]);
    assert.deepEqual(read('Mindretalsudtalelse fra (Ø): Vi kan ikke støtte salget. Grunden bør forblive kommunal.').dissents, [
      { name: 'Ø', party: 'Ø', text: 'Vi kan ikke støtte salget. Grunden bør forblive kommunal.' },
    ]);
    assert.deepEqual(read('Jens Hansen (Ø) ønskede sin holdning ført til protokols.').dissents, [
      { name: 'Jens Hansen', party: 'Ø', text: 'ønskede sin holdning ført til protokols.' },
    ]);
    assert.deepEqual(read('Ivan Mott (V) ønskede at tage forbehold for tidsplanen.').dissents, [
      { name: 'Ivan Mott', party: 'V', text: 'ønskede at tage forbehold for tidsplanen.' },
    ]);
    assert.deepEqual(read('Protokolbemærkning fra Jens Hansen (Ø): Sagen burde have været i høring.').dissents, [
      { name: 'Jens Hansen', party: 'Ø', text: 'Sagen burde have været i høring.' },
    ]);
    assert.deepEqual(read('Godkendt.\nMindretalsudtalelser\nJens Hansen (Ø): Sagen burde have været i høring.').dissents, [
      { name: 'Jens Hansen', party: 'Ø', text: 'Sagen burde have været i høring.' },
    ]);
    const reasoned = read('Godkendt.\n\n(A) og (F) stemte imod med bemærkning om, at opgaven skal løses kommunalt.');
    assert.deepEqual(reasoned.votes, [{ choice: 'against', label: 'A, F', count: null }]);
    assert.deepEqual(reasoned.dissents, [
      { name: 'A', party: 'A', text: 'stemte imod med bemærkning om, at opgaven skal løses kommunalt.' },
      { name: 'F', party: 'F', text: 'stemte imod med bemærkning om, at opgaven skal løses kommunalt.' },
    ]);
  });

  it('records a party alone under the party as printed, with its letter', () => {
    assert.deepEqual(read('Enhedslisten kunne ikke tiltræde indstillingen.').dissents, [
      { name: 'Enhedslisten', party: 'Ø', text: 'kunne ikke tiltræde indstillingen.' },
    ]);
    assert.deepEqual(read('Det Konservative Folkeparti (C) tog forbehold.').dissents, [
      { name: 'Det Konservative Folkeparti', party: 'C', text: 'tog forbehold.' },
    ]);
  });

  it('keeps a quoted remark whole over its sentences', () => {
    const d = read('Imod stemte: (C) med bemærkning om, ”at vi ønsker at høre borgerne. Det bør ske først”.').dissents;
    assert.deepEqual(d, [{ name: 'C', party: 'C', text: 'med bemærkning om, ”at vi ønsker at høre borgerne. Det bør ske først”.' }]);
  });

  it('gives no dissent for a body, a vote without a reason or a majority remark', () => {
    for (const text of [
      'Magistraten kunne tiltræde indstillingen.',
      'Økonomiudvalget kan ikke anbefale indstillingen.',
      'Byrådet godkendte indstillingen med bemærkning om, at sagen følges.',
      'Forliget er sendt i høring og vedlægges protokollen.',
    ])
      assert.deepEqual(read(text).dissents, [], text);
    assert.deepEqual(read('(Ø) stemte imod.').dissents, []);
  });
});

describe('decision data: disqualification and absence', () => {
  it('reads who was disqualified and why', () => {
    assert.deepEqual(read('Ivan Mott (V) erklærede sig inhabil og deltog ikke i behandlingen.').disqualified, [
      { name: 'Ivan Mott', party: 'V', reason: null },
    ]);
    assert.deepEqual(read('Godkendt. Jens Hansen (Ø) var inhabil, da han er formand for foreningen.').disqualified, [
      { name: 'Jens Hansen', party: 'Ø', reason: 'han er formand for foreningen' },
    ]);
    assert.deepEqual(read('Inhabilitet: Ivan Mott').disqualified, [{ name: 'Ivan Mott', party: 'V', reason: null }]);
    assert.deepEqual(read('Byrådet erklærede Maria Witthøft (A) for inhabil i punktets behandling.').disqualified, [
      { name: 'Maria Witthøft', party: 'A', reason: null },
    ]);
  });

  it('takes the reason from the question, and leaves out the vote on the disqualification', () => {
    const d = read(
      'Ivan Mott (V) spurgte, om han var inhabil, da han er formand for klubben.\n\nFor stemte: (A), (C) og (Ø)\n\nByrådet erklærede Ivan Mott (V) for inhabil.\n\nGodkendt med 12 stemmer mod 3.',
    );
    assert.deepEqual(d.disqualified, [{ name: 'Ivan Mott', party: 'V', reason: 'han er formand for klubben' }]);
    assert.deepEqual(d.votes, [
      { choice: 'for', label: '', count: 12 },
      { choice: 'against', label: '', count: 3 },
    ]);
  });

  it('gives no disqualification for a question or a denial', () => {
    assert.deepEqual(read('Ivan Mott (V) spurgte, om han var inhabil.').disqualified, []);
    assert.deepEqual(read('Ivan Mott (V) var ikke inhabil.').disqualified, []);
    assert.deepEqual(read('Sagen handler om inhabilitet i foreninger.').disqualified, []);
  });

  it('reads absences within a decision, with and without a label', () => {
    assert.deepEqual(read('Godkendt. Irene Porse (F) deltog ikke i behandlingen af punktet.').absent, ['Irene Porse']);
    assert.deepEqual(read('Afbud fra Tina Rottbøll (A)').absent, ['Tina Rottbøll']);
    assert.deepEqual(read('Fraværende: Maria Holdt Witthøft').absent, ['Maria Witthøft']);
  });
});

describe('decision data: on items and documents', () => {
  it('fills an item beside its unchanged decision, and keeps what a source recorded itself', () => {
    const decision = 'Godkendt.\n\n(Ø) stemte imod.\n\nAfbud fra Tina Rottbøll (A)';
    const items = [parsedItem({ decision }), parsedItem({ number: '2', decision, votes: [{ choice: 'for', label: 'V', count: 5 }] })];
    addDecisionData(items, roster);
    assert.equal(items[0]!.decision, decision);
    assert.deepEqual(items[0]!.votes, [{ choice: 'against', label: 'Ø', count: null }]);
    assert.deepEqual(items[0]!.absent, ['Tina Rottbøll']);
    assert.equal(items[0]!.dissents, undefined, 'nothing found: nothing set');
    assert.deepEqual(items[1]!.votes, [{ choice: 'for', label: 'V', count: 5 }]);
  });

  it('reads nothing from an item without a decision, nor from a closed one', () => {
    const items = [
      parsedItem({ decision: null, sections: [{ kind: 'history', heading: 'Sagens forløb', text: '(Ø) stemte imod.' }] }),
      parsedItem({ public: false, decision: '(Ø) stemte imod.' }),
    ];
    addDecisionData(items, roster);
    assert.deepEqual(
      items.map((i) => i.votes),
      [undefined, undefined],
    );
  });

  it('reads printed minutes through the text parser, a voting section after the decision included', () => {
    const doc = parseDocument(
      textFromLines([
        'Referat',
        'Byrådet',
        'Mødedato: 12-03-2024',
        'Deltagere: Ivan Mott (V), Jens Hansen (Ø), Maria Witthøft (A)',
        '',
        '1. Salg af grund',
        'Sagsfremstilling',
        'Kommunen ejer en grund. Udvalget stemmer om salget på mødet.',
        'Beslutning',
        'Godkendt med 14 stemmer mod 3.',
        'Jens Hansen (Ø) stemte imod med bemærkning om, at grunden skal',
        'forblive kommunal.',
        'Maria Witthøft (A) erklærede sig inhabil.',
        'Mindretalsudtalelse',
        'Ivan Mott (V) tog forbehold for prisen.',
      ]),
    );
    const item = doc.items[0]!;
    assert.ok(item.decision?.startsWith('Godkendt med 14 stemmer mod 3.'), item.decision ?? '');
    assert.deepEqual(item.votes, [
      { choice: 'for', label: '', count: 14 },
      { choice: 'against', label: 'Jens Hansen (Ø)', count: 3 },
    ]);
    assert.deepEqual(item.dissents, [
      { name: 'Jens Hansen', party: 'Ø', text: 'stemte imod med bemærkning om, at grunden skal forblive kommunal.' },
      { name: 'Ivan Mott', party: 'V', text: 'tog forbehold for prisen.' },
    ]);
    assert.deepEqual(item.disqualified, [{ name: 'Maria Witthøft', party: 'A', reason: null }]);
  });
});

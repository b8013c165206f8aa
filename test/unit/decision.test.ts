import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  withQuickPick,
  DISSENT_MINORITY_ONLY,
  type PresentMember,
  competenceNames,
  consultationRoleFor,
  roleFromWording,
  decisionQuickPicks,
  forwardRoleFor,
  resolveDecision,
  winningChoice,
} from '../../src/domain/decision.js';
import { DomainError } from '../../src/domain/errors.js';

const present: PresentMember[] = [
  { personId: 'anne', name: 'Anne Andersen', party: 'A' },
  { personId: 'bent', name: 'Bent Bertelsen', party: 'V' },
  { personId: 'dorte', name: 'Dorte Damgaard', party: 'F' },
  { personId: 'erik', name: 'Erik Eriksen', party: 'A' },
  { personId: 'frida', name: 'Frida Frost', party: 'Ø' },
];

const invalidAt = (where: string, message?: RegExp) => (e: unknown) =>
  e instanceof DomainError && e.code === 'invalid_input' && e.where === where && (message === undefined || message.test(e.message));

describe('decision: text, absence and disqualification', () => {
  it('offers the usual phrases as quick picks but accepts any text', () => {
    assert.ok(decisionQuickPicks.includes('Indstillingen anbefales'));
    assert.equal(resolveDecision({ decision: '  Ad 1) Godkendt.\nAd 2) Udsat.  ' }, present).decision, 'Ad 1) Godkendt.\nAd 2) Udsat.');
  });

  it('requires a decision text', () => {
    assert.throws(() => resolveDecision({ decision: '   ' }, present), invalidAt('decision'));
  });

  it('records who was absent for the item and who was disqualified, with name and party', () => {
    const r = resolveDecision(
      { decision: 'Godkendt', absent: ['dorte'], disqualified: [{ personId: 'bent', reason: 'Nær familie er part i sagen' }] },
      present,
    );
    assert.deepEqual(r.absences, [{ personId: 'dorte', name: 'Dorte Damgaard', party: 'F', text: null }]);
    assert.deepEqual(r.disqualifications, [{ personId: 'bent', name: 'Bent Bertelsen', party: 'V', text: 'Nær familie er part i sagen' }]);
  });

  it('refuses people who were not present at the meeting, duplicates, and absent-and-disqualified', () => {
    assert.throws(() => resolveDecision({ decision: 'x', absent: ['nobody'] }, present), invalidAt('absent[0]', /til stede/));
    assert.throws(() => resolveDecision({ decision: 'x', absent: ['anne', 'anne'] }, present), invalidAt('absent[1]'));
    assert.throws(
      () => resolveDecision({ decision: 'x', absent: ['anne'], disqualified: [{ personId: 'anne' }] }, present),
      invalidAt('disqualified[0].personId'),
    );
  });
});

describe('decision: votes', () => {
  it('counts members by name and labels them with party', () => {
    const r = resolveDecision(
      {
        decision: 'Godkendt',
        votes: [
          { choice: 'for', personIds: ['anne', 'erik'] },
          { choice: 'against', personIds: ['bent'] },
        ],
      },
      present,
    );
    assert.deepEqual(
      r.votes.map((v) => [v.choice, v.label, v.count, v.members]),
      [
        ['for', 'Anne Andersen (A), Erik Eriksen (A)', 2, ['anne', 'erik']],
        ['against', 'Bent Bertelsen (V)', 1, ['bent']],
      ],
    );
    assert.equal(r.winning, 'for');
  });

  it('resolves party groups to the present members of the party', () => {
    const r = resolveDecision(
      {
        decision: 'Godkendt',
        votes: [
          { choice: 'for', parties: ['a', '(F)'] },
          { choice: 'against', parties: ['V'] },
        ],
      },
      present,
    );
    assert.equal(r.votes[0]!.label, 'A, F');
    assert.deepEqual(r.votes[0]!.voters, ['anne', 'dorte', 'erik']);
    assert.equal(r.votes[0]!.count, 3);
    assert.equal(r.votes[0]!.members, null);
  });

  it('keeps a member named by name out of their party group', () => {
    const r = resolveDecision(
      {
        decision: 'x',
        votes: [
          { choice: 'for', parties: ['A'] },
          { choice: 'against', personIds: ['erik'] },
        ],
      },
      present,
    );
    assert.deepEqual(r.votes[0]!.voters, ['anne']);
  });

  it('refuses a disqualified or absent member voting, a member voting twice and an unknown party', () => {
    assert.throws(
      () => resolveDecision({ decision: 'x', disqualified: [{ personId: 'bent' }], votes: [{ choice: 'against', personIds: ['bent'] }] }, present),
      invalidAt('votes[0].personIds[0]', /inhabil/),
    );
    assert.throws(
      () => resolveDecision({ decision: 'x', absent: ['bent'], votes: [{ choice: 'against', personIds: ['bent'] }] }, present),
      invalidAt('votes[0].personIds[0]', /deltog ikke/),
    );
    assert.throws(
      () =>
        resolveDecision(
          {
            decision: 'x',
            votes: [
              { choice: 'for', personIds: ['anne'] },
              { choice: 'against', personIds: ['anne'] },
            ],
          },
          present,
        ),
      invalidAt('votes[1].personIds[0]', /én gang/),
    );
    assert.throws(() => resolveDecision({ decision: 'x', votes: [{ choice: 'for', parties: ['K'] }] }, present), invalidAt('votes[0].parties[0]'));
    assert.throws(() => resolveDecision({ decision: 'x', votes: [{ choice: 'for' }] }, present), invalidAt('votes[0]'));
    assert.throws(
      () =>
        resolveDecision(
          {
            decision: 'x',
            votes: [
              { choice: 'for', count: 1 },
              { choice: 'for', count: 2 },
            ],
          },
          present,
        ),
      invalidAt('votes[1].choice'),
    );
    assert.throws(
      () => resolveDecision({ decision: 'x', votes: [{ choice: 'for', personIds: ['anne', 'erik'], count: 1 }] }, present),
      invalidAt('votes[0].count'),
    );
  });

  it('a tie means the proposal falls', () => {
    assert.equal(
      winningChoice([
        { choice: 'for', count: 2 },
        { choice: 'against', count: 2 },
      ]),
      'against',
    );
    assert.equal(
      winningChoice([
        { choice: 'for', count: 3 },
        { choice: 'against', count: 2 },
        { choice: 'abstain', count: 4 },
      ]),
      'for',
    );
    assert.equal(winningChoice([]), null);
  });
});

describe('decision: dissent (Styrelsesloven § 13)', () => {
  const votes = [
    { choice: 'for' as const, parties: ['A', 'F'] },
    { choice: 'against' as const, personIds: ['bent'] },
    { choice: 'abstain' as const, personIds: ['frida'] },
  ];

  it('accepts a dissent from a member who voted in the minority', () => {
    const r = resolveDecision({ decision: 'Godkendt', votes, dissents: [{ personId: 'bent', text: 'V ønsker sagen udsat.' }] }, present);
    assert.deepEqual(r.dissents, [{ personId: 'bent', name: 'Bent Bertelsen', party: 'V', text: 'V ønsker sagen udsat.' }]);
  });

  it('accepts a minority voter through their party group', () => {
    const r = resolveDecision(
      {
        decision: 'Faldt',
        votes: [
          { choice: 'for', parties: ['V'] },
          { choice: 'against', parties: ['A', 'F'] },
        ],
        dissents: [{ personId: 'bent' }],
      },
      present,
    );
    assert.equal(r.winning, 'against');
    assert.equal(r.dissents[0]!.text, null);
  });

  it('refuses a dissent from the majority, an abstainer, or without votes', () => {
    assert.throws(
      () => resolveDecision({ decision: 'x', votes, dissents: [{ personId: 'anne' }] }, present),
      invalidAt('dissents[0].personId', /mindretalsudtalelse/),
    );
    assert.throws(() => resolveDecision({ decision: 'x', votes, dissents: [{ personId: 'frida' }] }, present), invalidAt('dissents[0].personId'));
    assert.throws(
      () => resolveDecision({ decision: 'x', dissents: [{ personId: 'bent', text: 'Imod' }] }, present),
      (e: unknown) => e instanceof DomainError && e.message.startsWith(DISSENT_MINORITY_ONLY),
    );
  });

  it('lets the "for" side dissent when a tie made the proposal fall', () => {
    const r = resolveDecision(
      {
        decision: 'Forslaget faldt',
        votes: [
          { choice: 'for', personIds: ['anne', 'erik'] },
          { choice: 'against', personIds: ['bent', 'dorte'] },
        ],
        dissents: [{ personId: 'anne', text: 'A beklager.' }],
      },
      present,
    );
    assert.equal(r.winning, 'against');
    assert.equal(r.dissents.length, 1);
  });
});

describe('decision competence and consultation role', () => {
  const council = { name: 'Kommunalbestyrelsen', shortName: 'KB', kind: 'council' as const };
  const bu = { name: 'Børne- og Skoleudvalget', shortName: 'BSU', kind: 'committee' as const };
  const fu = { name: 'Økonomiudvalget', shortName: 'ØU', kind: 'finance_committee' as const };

  it('matches the printed competence to an organization', () => {
    assert.ok(competenceNames('Kommunalbestyrelsen', council));
    assert.ok(competenceNames('Byrådet', council));
    assert.ok(competenceNames('Børne- og Skoleudvalget - 2022 - 2025', bu));
    assert.ok(competenceNames('BSU', bu));
    assert.ok(!competenceNames('Kommunalbestyrelsen', bu));
    assert.ok(!competenceNames(null, bu));
  });

  it('decides where the competence lies, recommends elsewhere; wording decides without competence', () => {
    assert.equal(consultationRoleFor('Kommunalbestyrelsen', bu, 'Indstillingen anbefales'), 'recommends');
    assert.equal(consultationRoleFor('Børne- og Skoleudvalget', bu, 'Godkendt'), 'decides');
    assert.equal(consultationRoleFor(null, bu, 'Indstillingen anbefales'), 'recommends');
    assert.equal(consultationRoleFor(null, bu, 'Taget til efterretning'), 'informed');
    assert.equal(consultationRoleFor(null, bu, 'Godkendt'), 'decides');
  });

  it('reads a body passing the case on in its own words, not an approval that quotes a recommendation', () => {
    const cases: [string, string][] = [
      ['Økonomiudvalget anbefaler overfor Byrådet, at indstillingen godkendes.', 'recommends'],
      ['Udvalget indstiller til kommunalbestyrelsen, at planen vedtages.', 'recommends'],
      ['Sagen oversendes til Økonomiudvalget.', 'recommends'],
      ['Godkendt, som administrationen anbefaler.', 'decides'],
      ['Udvalget anbefaler forslaget. Byrådet orienteres senere.', 'decides'],
    ];
    for (const [text, role] of cases) assert.equal(roleFromWording(text), role, text);
  });

  it('the council, or the body the competence names, decides a forwarded case', () => {
    assert.equal(forwardRoleFor(null, council), 'decides');
    assert.equal(forwardRoleFor('Kommunalbestyrelsen', fu), 'recommends');
    assert.equal(forwardRoleFor('Økonomiudvalget', fu), 'decides');
  });
});

describe('decision: quick picks', () => {
  it('adds a quick pick after the typed text, never in its place', () => {
    assert.equal(withQuickPick('', 'Godkendt'), 'Godkendt');
    assert.equal(withQuickPick('  \n', 'Godkendt'), 'Godkendt');
    assert.equal(withQuickPick('Udvalget drøftede sagen.  ', 'Indstillingen anbefales'), 'Udvalget drøftede sagen.\nIndstillingen anbefales');
    assert.equal(withQuickPick('Godkendt med bemærkning.', 'Godkendt'), 'Godkendt med bemærkning.', 'already says it');
    assert.equal(withQuickPick('Min tekst', ''), 'Min tekst');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { caseToken, compoundExpansions, indexTokens, stem } from '../../src/search/danish.js';
import { SNIPPET_END, SNIPPET_START } from '../../src/search/model.js';
import { parseQuery } from '../../src/search/query.js';
import { makeSnippet } from '../../src/search/snippets.js';

describe('Danish tokens', () => {
  it('stems inflections to one form and never folds æ ø å or aa', () => {
    assert.equal(stem('høringssvarene'), stem('høringssvar'));
    assert.equal(stem('børnehaver'), stem('børnehave'));
    assert.notEqual(stem('år'), stem('ar'));
    assert.notEqual(stem('aarhus'), stem('århus'));
    assert.ok(indexTokens('Tabt arbejdsfortjeneste').includes(stem('arbejdsfortjeneste')));
  });

  it('keeps case numbers whole and expands shared-element compounds', () => {
    assert.ok(indexTokens('Sag 23-002364 og 28.09.40-G01-44-21').includes(caseToken('23-002364')));
    assert.ok(indexTokens('Sag 23-002364 og 28.09.40-G01-44-21').includes(caseToken('28.09.40-G01-44-21')));
    assert.ok(compoundExpansions('ny børne- og ungepolitik').includes('børnepolitik'));
  });
});

describe('query language', () => {
  it('requires every word', () => {
    const q = parseQuery('tabt arbejdsfortjeneste');
    assert.equal(q.clauses.length, 2);
    assert.deepEqual(
      q.clauses.map((c) => c.any[0]!.kind),
      ['word', 'word'],
    );
    assert.equal(q.empty, false);
  });

  it('reads phrases, exclusions, OR and prefixes', () => {
    const q = parseQuery('"tabt arbejdsfortjeneste" -aflastning skole OR dagtilbud børneh*');
    assert.deepEqual(
      q.clauses.map((c) => [c.negated, c.any.map((t) => t.kind)]),
      [
        [false, ['phrase']],
        [true, ['word']],
        [false, ['word', 'word']],
        [false, ['prefix']],
      ],
    );
    assert.deepEqual(q.clauses[3]!.any[0]!.tokens, ['børneh']);
  });

  it('matches case and KLE numbers exactly', () => {
    assert.deepEqual(parseQuery('23-002364').clauses[0]!.any[0], { kind: 'case', text: '23-002364', tokens: [caseToken('23-002364')] });
    assert.equal(parseQuery('00.00.00-I02-1-21').clauses[0]!.any[0]!.kind, 'case');
  });

  it('never throws on odd input', () => {
    for (const s of ['"', '-', 'OR', 'OR OR', '"unclosed phrase', '***', '-"', '', '   ', '\u0000', 'a'.repeat(5000)]) {
      const q = parseQuery(s);
      assert.ok(Array.isArray(q.clauses));
    }
    assert.equal(parseQuery('-alene').empty, true);
  });
});

describe('snippets', () => {
  const mark = (s: string) => s.replaceAll(SNIPPET_START, '[').replaceAll(SNIPPET_END, ']');

  it('marks the words and a case number once, in the window with the most matches', () => {
    const s = makeSnippet(['Indledning om noget andet. Sag 23-002364 om skolestrukturen: skolestruktur og skoler.'], parseQuery('skolestruktur 23-002364'));
    assert.equal(mark(s), 'Indledning om noget andet. Sag [23-002364] om [skolestrukturen]: [skolestruktur] og skoler.');
  });

  it('stays bounded in a huge text full of matches (one stem a printed word, the first matches only)', () => {
    const huge = 'Skole og skoler. '.repeat(400_000); // 6.8 MB, 800 000 matches
    const s = makeSnippet([huge], parseQuery('skole'));
    assert.ok(s.length < 400, s);
    assert.match(mark(s), /^\[Skole\] og \[skoler\]\. \[Skole\]/);
    const late = makeSnippet(['x '.repeat(600_000) + 'skole'], parseQuery('skole'));
    assert.doesNotMatch(mark(late), /\[skole\]/, 'a match past the scanned part is not looked for');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comingDemoDate, demoCommitteeLabel, latestDemoTerm } from '../support/demo-dates.js';

describe('dates for the journeys come from the demo data', () => {
  const term = latestDemoTerm();

  it('is days ahead of the Danish today while the term lasts', () => {
    // 23:30Z on 23 November is already 24 November in Denmark.
    const year = Number(term.startDate.slice(0, 4));
    assert.equal(comingDemoDate(40, new Date(`${year}-11-23T23:30:00Z`)), `${year + 1}-01-03`);
  });

  it('stays inside the term near its end, so the members still sit on the date', () => {
    assert.equal(comingDemoDate(40, new Date(`${term.endDate}T09:00:00Z`)), term.endDate);
  });

  it('says plainly when the demo term has ended instead of creating a meeting nobody can approve', () => {
    const after = new Date(`${term.endDate}T23:30:00Z`); // already the next day in Denmark
    assert.throws(() => comingDemoDate(40, after), /ended on/);
  });

  it('labels the committee with the term', () => {
    assert.equal(demoCommitteeLabel('Børne- og Skoleudvalget'), `Børne- og Skoleudvalget (${term.code})`);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../../src/domain/errors.js';
import { agendaIsPublic, cancel, canTransition, minutesArePublic, transition } from '../../src/domain/meeting.js';

describe('meeting state machine', () => {
  it('walks the legal path from planned to minutes published', () => {
    let state = transition({ state: 'planned', cancelled: false }, 'agenda_published');
    state = transition({ state, cancelled: false }, 'held');
    state = transition({ state, cancelled: false }, 'minutes_approved');
    state = transition({ state, cancelled: false }, 'minutes_published');
    assert.equal(state, 'minutes_published');
  });

  it('lets an agenda be withdrawn before the meeting but not after', () => {
    assert.ok(canTransition('agenda_published', 'planned'));
    assert.ok(!canTransition('held', 'planned'));
  });

  it('refuses skipping steps with a Danish explanation', () => {
    assert.throws(
      () => transition({ state: 'planned', cancelled: false }, 'minutes_published'),
      (e: unknown) => e instanceof DomainError && e.code === 'invalid_transition' && /Planlagt/.test(e.message),
    );
    assert.throws(() => transition({ state: 'held', cancelled: false }, 'minutes_published'), DomainError);
  });

  it('freezes a cancelled meeting and cancels only meetings not yet held', () => {
    assert.throws(() => transition({ state: 'planned', cancelled: true }, 'agenda_published'), /aflyst/);
    assert.equal(cancel({ state: 'agenda_published', cancelled: false }), true);
    assert.throws(() => cancel({ state: 'held', cancelled: false }), /afholdt/);
  });

  it('makes the agenda public from publication and the minutes only when published', () => {
    assert.equal(agendaIsPublic('planned'), false);
    assert.equal(agendaIsPublic('agenda_published'), true);
    assert.equal(minutesArePublic('minutes_approved'), false);
    assert.equal(minutesArePublic('minutes_published'), true);
  });
});

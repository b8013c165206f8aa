import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Principal } from '../../src/domain/access.js';
import { type Attendee, approvalSlot, evaluateApprovals, parseApprovalRule, presidingMember, requiredApprovers } from '../../src/domain/approval.js';
import { DomainError } from '../../src/domain/errors.js';
import { canTransition, transition } from '../../src/domain/meeting.js';

const person = (personId: string, role: Attendee['role'], status: Attendee['status'] = 'present', substituteFor: string | null = null): Attendee => ({
  personId,
  name: personId.toUpperCase(),
  party: null,
  role,
  status,
  substituteForPersonId: substituteFor,
  substituteForName: null,
});

const attendees = [person('anne', 'formand'), person('bent', 'medlem'), person('carla', 'medlem', 'absent'), person('dorte', 'suppleant', 'present', 'carla')];
const scope = { bodyId: 'body', organizationId: 'bu' };
const held = { state: 'held' as const, cancelled: false };
const member = (personId: string): Principal => ({
  kind: 'user',
  id: `u-${personId}`,
  label: `${personId}@x.dk`,
  role: 'member',
  bodyId: 'body',
  committeeIds: null,
  personId,
});
const secretary: Principal = { kind: 'user', id: 'sec', label: 'sek@x.dk', role: 'secretary', bodyId: 'body', committeeIds: null, personId: null };
const otherSecretary: Principal = { ...secretary, committeeIds: ['other'] };
const approval = (personId: string | null, role: 'member' | 'secretary') => ({
  personId,
  role,
  actorLabel: 'x',
  approvedAt: '2024-08-14T10:00:00.000Z',
  givenHow: null,
  minutesVersion: 1,
});

describe('approval rule all_attending', () => {
  it('needs every member who attended, substitutes included', () => {
    assert.deepEqual(
      requiredApprovers('all_attending', attendees).map((r) => r.personId),
      ['anne', 'bent', 'dorte'],
    );
    const s = evaluateApprovals('all_attending', attendees, [approval('anne', 'member'), approval('carla', 'member')]);
    assert.deepEqual(
      s.approved.map((a) => a.personId),
      ['anne'],
    );
    assert.deepEqual(
      s.missing.map((a) => a.name),
      ['BENT', 'DORTE'],
    );
    assert.equal(s.complete, false);
    assert.equal(
      evaluateApprovals(
        'all_attending',
        attendees,
        ['anne', 'bent', 'dorte'].map((p) => approval(p, 'member')),
      ).complete,
      true,
    );
  });

  it('lets an attending member approve, not an absent one, not a secretary', () => {
    assert.deepEqual(approvalSlot('all_attending', member('dorte'), scope, held, attendees), { role: 'member', personId: 'dorte' });
    assert.throws(
      () => approvalSlot('all_attending', member('carla'), scope, held, attendees),
      (e: unknown) => e instanceof DomainError && e.code === 'forbidden',
    );
    assert.throws(
      () => approvalSlot('all_attending', secretary, scope, held, attendees),
      (e: unknown) => e instanceof DomainError && e.code === 'forbidden',
    );
  });

  it('refuses before the meeting is held and after publication', () => {
    for (const state of ['planned', 'agenda_published', 'minutes_published'] as const) {
      assert.throws(
        () => approvalSlot('all_attending', member('anne'), scope, { state, cancelled: false }, attendees),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid_transition',
      );
    }
    assert.deepEqual(approvalSlot('all_attending', member('anne'), scope, { state: 'minutes_approved', cancelled: false }, attendees).role, 'member');
  });
});

describe('approval rule chair_and_secretary', () => {
  it('needs the chair who attended and the secretariat', () => {
    assert.deepEqual(
      requiredApprovers('chair_and_secretary', attendees).map((r) => [r.role, r.personId]),
      [
        ['chair', 'anne'],
        ['secretary', null],
      ],
    );
    const s = evaluateApprovals('chair_and_secretary', attendees, [approval('anne', 'member'), approval('bent', 'member')]);
    assert.deepEqual(
      s.missing.map((m) => m.role),
      ['secretary'],
    );
    assert.equal(evaluateApprovals('chair_and_secretary', attendees, [approval('anne', 'member'), approval(null, 'secretary')]).complete, true);
  });

  it('falls back to the næstformand when the chair was absent, and says so when neither attended', () => {
    const noChair = [person('anne', 'formand', 'absent'), person('bent', 'naestformand')];
    assert.equal(presidingMember(noChair)?.personId, 'bent');
    const none = evaluateApprovals('chair_and_secretary', [person('bent', 'medlem')], []);
    assert.equal(none.complete, false);
    assert.match(none.missing[0]!.name, /ingen formand/);
  });

  it('the chair approves as member, an editor as the secretariat, anyone else is refused', () => {
    assert.deepEqual(approvalSlot('chair_and_secretary', member('anne'), scope, held, attendees), { role: 'member', personId: 'anne' });
    assert.deepEqual(approvalSlot('chair_and_secretary', secretary, scope, held, attendees), { role: 'secretary', personId: null });
    assert.throws(
      () => approvalSlot('chair_and_secretary', member('bent'), scope, held, attendees),
      (e: unknown) => e instanceof DomainError && e.code === 'forbidden',
    );
    assert.throws(
      () => approvalSlot('chair_and_secretary', otherSecretary, scope, held, attendees),
      (e: unknown) => e instanceof DomainError && e.code === 'forbidden',
    );
  });

  it('an unknown stored rule falls back to the law default', () => {
    assert.equal(parseApprovalRule('chair_and_secretary'), 'chair_and_secretary');
    assert.equal(parseApprovalRule('whatever'), 'all_attending');
    assert.equal(parseApprovalRule(null), 'all_attending');
  });
});

describe('meeting state: approvals cleared', () => {
  it('goes from minutes approved back to held, never from published', () => {
    assert.ok(canTransition('minutes_approved', 'held'));
    assert.equal(transition({ state: 'minutes_approved', cancelled: false }, 'held'), 'held');
    assert.ok(!canTransition('minutes_published', 'held'));
  });
});

// The TypeScript visibility rules (domain/visibility.ts) on their own: what each says for the
// cases the portal meets. Their SQL forms are held to the same answers in
// test/integration/visibility-rules.test.ts.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { assertMayAttachToCase } from '../../src/domain/case-attachment.js';
import { DomainError } from '../../src/domain/errors.js';
import { agendaPublicStates, fileIsPublic, minutesPublicStates, paperIsVisible, paperPublicTitle } from '../../src/domain/visibility.js';
import { systemPrincipal } from '../../src/domain/access.js';

it('lists the public states from the meeting rules', () => {
  assert.deepEqual(agendaPublicStates, ['agenda_published', 'held', 'minutes_approved', 'minutes_published']);
  assert.deepEqual(minutesPublicStates, ['minutes_published']);
});

it('a file is public only with its flag, an open item (or none) and a public agenda', () => {
  assert.equal(fileIsPublic({ public: true }, { public: true }, 'held'), true);
  assert.equal(fileIsPublic({ public: true }, null, 'agenda_published'), true, 'a meeting-level file');
  assert.equal(fileIsPublic({ public: false }, { public: true }, 'held'), false, 'its own flag off');
  assert.equal(fileIsPublic({ public: true }, { public: false }, 'held'), false, 'on a closed item');
  assert.equal(fileIsPublic({ public: true }, { public: true }, 'planned'), false, 'agenda not published');
  assert.equal(fileIsPublic({ public: true }, null, null), false, 'no meeting known');
});

it('a case is visible through an open item on a public agenda, and titled by the newest such item', () => {
  const item = (id: string, open: boolean, state: 'planned' | 'held', date: string, position = 1) => ({
    id,
    public: open,
    meetingState: state,
    meetingDate: date,
    position,
    title: `T ${id}`,
  });
  assert.equal(paperIsVisible([item('a', false, 'held', '2024-01-01')]), false);
  assert.equal(paperIsVisible([item('a', true, 'planned', '2024-01-01')]), false);
  assert.equal(paperIsVisible([item('a', true, 'held', '2024-01-01')]), true);
  assert.equal(paperPublicTitle([item('closed', false, 'held', '2025-01-01')]), null);
  assert.equal(
    paperPublicTitle([
      item('old', true, 'held', '2024-01-01'),
      item('closed-newer', false, 'held', '2025-01-01'),
      item('planned', true, 'planned', '2026-01-01'),
      item('new', true, 'held', '2024-06-01', 3),
    ]),
    'T new',
  );
});

it("refuses attaching to a closed case of another committee, and limited secretaries to other committees' cases", () => {
  const code = (f: () => void) => {
    try {
      f();
      return 'ok';
    } catch (e) {
      return e instanceof DomainError ? e.code : 'other';
    }
  };
  const limited = { ...systemPrincipal, kind: 'user' as const, role: 'secretary' as const, committeeIds: ['tm'] };
  assert.equal(
    code(() => assertMayAttachToCase(systemPrincipal, 'tm', [])),
    'ok',
    'no items yet',
  );
  assert.equal(
    code(() => assertMayAttachToCase(systemPrincipal, 'tm', [{ organizationId: 'bu', public: false }])),
    'conflict',
  );
  assert.equal(
    code(() => assertMayAttachToCase(systemPrincipal, 'bu', [{ organizationId: 'bu', public: false }])),
    'ok',
    'its own committee',
  );
  assert.equal(
    code(() => assertMayAttachToCase(systemPrincipal, 'tm', [{ organizationId: 'bu', public: true }])),
    'ok',
    'an open case',
  );
  assert.equal(
    code(() => assertMayAttachToCase(limited, 'tm', [{ organizationId: 'bu', public: true }])),
    'forbidden',
  );
  assert.equal(
    code(() => assertMayAttachToCase(limited, 'tm', [{ organizationId: 'tm', public: false }])),
    'ok',
  );
});

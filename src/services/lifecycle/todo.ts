// The secretariat's to-do list on /redigering: meetings whose paperwork is not done. Three
// kinds, in the order the work happens: a meeting whose day has passed without minutes being
// started (attendance and decisions not recorded), minutes waiting for approvals (and from
// whom), and approved minutes not yet published. Cancelled meetings need nothing.
import type { Principal } from '../../domain/access.js';
import { danishDate } from '../../domain/clock.js';
import { notYetHeld } from '../../domain/meeting.js';
import type { LifecycleDeps } from './deps.js';
import { loadMeeting } from './guard.js';
import { listMeetings } from './meetings.js';
import { approvalStatusIn } from './minutes-approval-status.js';
import type { StaffMeetingSummary } from './staff-views.js';
import { mayEdit } from '../../domain/access.js';

export type TodoKind = 'minutes_missing' | 'approvals_missing' | 'publication_missing';

export interface TodoEntry {
  kind: TodoKind;
  meeting: StaffMeetingSummary;
  /** For approvals_missing: who has not approved yet. */
  missing: string[];
}

const order: Record<TodoKind, number> = { minutes_missing: 0, approvals_missing: 1, publication_missing: 2 };

/** What is left to do, oldest meeting first within each kind. Only meetings the actor edits. */
export async function secretariatTodo(deps: LifecycleDeps, actor: Principal): Promise<TodoEntry[]> {
  const today = danishDate(deps.now());
  const meetings = (await listMeetings(deps, actor, { to: today })).filter((m) => !m.cancelled && mayEdit(actor, m));
  const entries: TodoEntry[] = [];
  for (const m of meetings) {
    if (notYetHeld(m.state) && m.date < today) entries.push({ kind: 'minutes_missing', meeting: m, missing: [] });
    else if (m.state === 'held') {
      const status = await approvalStatusIn(deps.database.db, await loadMeeting(deps.database.db, m.id));
      entries.push({ kind: 'approvals_missing', meeting: m, missing: status.missing.map((p) => p.name) });
    } else if (m.state === 'minutes_approved') entries.push({ kind: 'publication_missing', meeting: m, missing: [] });
  }
  return entries.sort((a, b) => order[a.kind] - order[b.kind] || a.meeting.date.localeCompare(b.meeting.date) || a.meeting.id.localeCompare(b.meeting.id));
}

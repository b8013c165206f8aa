// The members' reading view (issue 7): the coming and recent meetings of the committees a
// member sits on, and each item's case history ("Sagens forløb") as far as the member may
// see it. Closed steps follow the same rule as closed items (Styrelsesloven § 10): a member
// sees a closed step of the case only in a committee they were a member of on that date;
// steps of meetings whose agenda is not sent out yet are nobody's business but the
// secretariat's. The consultations are read as the portal's case page reads them
// (CaseQueries.consultations, services/portal/cases.ts).
import type { Principal } from '../../domain/access.js';
import { danishDate } from '../../domain/clock.js';
import { DomainError } from '../../domain/errors.js';
import { agendaIsPublic, isComing, minutesArePublic } from '../../domain/meeting.js';
import { membershipActiveOn } from '../../domain/organization.js';
import { consultationRoleLabel } from '../../domain/paper.js';
import { CaseQueries } from '../../storage/repositories/case-queries.js';
import { DirectoryQueries } from '../../storage/repositories/directory-queries.js';
import type { LifecycleDeps } from './deps.js';
import { canReadClosed } from './guard.js';
import { type StaffMeetingSummary, listMeetings } from './meetings.js';

/** How many past meetings the member's front page lists. */
export const RECENT_LIMIT = 10;

export interface MemberMeetings {
  coming: StaffMeetingSummary[];
  recent: StaffMeetingSummary[];
}

type Membership = { organizationId: string; role: string; startDate: string; endDate: string | null };
const memberOn = (memberships: readonly Membership[], organizationId: string | null, date: string): boolean =>
  organizationId !== null && memberships.some((m) => m.organizationId === organizationId && membershipActiveOn(m, date));

function personOf(actor: Principal): string {
  if (actor.personId === null) throw new DomainError('forbidden', 'Siden er for udvalgsmedlemmer');
  return actor.personId;
}

/** Meetings of the member's committees (on each meeting's date) whose agenda is sent out. */
export async function memberMeetings(deps: LifecycleDeps, actor: Principal): Promise<MemberMeetings> {
  const personId = personOf(actor);
  const db = deps.database.db;
  const memberships = await new DirectoryQueries(db).memberships([personId]);
  const orgs = [...new Set(memberships.map((m) => m.organizationId))];
  const today = danishDate(deps.now());
  const mine = (await listMeetings(deps, actor)).filter((m) => orgs.includes(m.organizationId) && memberOn(memberships, m.organizationId, m.date));
  const byStart = (a: StaffMeetingSummary, b: StaffMeetingSummary) => a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? '');
  return {
    coming: mine.filter((m) => isComing(m, today)).sort(byStart),
    recent: mine
      .filter((m) => !isComing(m, today))
      .sort((a, b) => byStart(b, a))
      .slice(0, RECENT_LIMIT),
  };
}

export interface MemberCaseStep {
  date: string | null;
  organizationName: string;
  roleLabel: string;
  /** The item as the member may see it; null for a step printed only in "Sagens forløb". */
  item: { meetingId: string; number: string; title: string } | null;
  decision: string | null;
}

/**
 * The case's other considerations, oldest first, as the member may see them. `excludeItemId`
 * is the item being read (its own step is the page itself).
 */
export async function memberCaseHistory(deps: LifecycleDeps, actor: Principal, paperId: string, excludeItemId: string): Promise<MemberCaseStep[]> {
  const personId = personOf(actor);
  const db = deps.database.db;
  const [consultations, memberships] = await Promise.all([new CaseQueries(db).consultations(paperId), new DirectoryQueries(db).memberships([personId])]);
  const steps: (MemberCaseStep & { key: string })[] = [];
  for (const c of consultations) {
    if (c.item?.id === excludeItemId) continue;
    const date = c.date ?? c.meeting?.date ?? null;
    const base = {
      date,
      organizationName: c.organizationName,
      roleLabel: consultationRoleLabel[c.role],
      key: `${date ?? '9999'} ${c.meeting?.start ?? '99:99'}`,
    };
    if (c.meeting === null) {
      // Printed in a published document's "Sagens forløb": public already.
      steps.push({ ...base, item: null, decision: c.outcome });
      continue;
    }
    if (!agendaIsPublic(c.meeting.state)) continue;
    // A substitute's seat counts only as the municipality's rule allows (guard.ts#canReadClosed).
    const seated = memberOn(
      memberships.filter((m) => m.role !== 'suppleant'),
      c.organizationId,
      c.meeting.date,
    );
    const wasMember =
      seated ||
      (memberOn(memberships, c.organizationId, c.meeting.date) &&
        actor.bodyId !== null &&
        c.organizationId !== null &&
        (await canReadClosed(db, actor, {
          id: c.meeting.id,
          bodyId: actor.bodyId,
          organizationId: c.organizationId,
          date: c.meeting.date,
          state: c.meeting.state,
          cancelled: false,
          version: 0,
        })));
    if (c.item !== null && !c.item.public && !wasMember) continue;
    // Decisions are public with the minutes; the committee's own members knew them at once.
    const decisionKnown = minutesArePublic(c.meeting.state) || (wasMember && c.meeting.state !== 'agenda_published');
    steps.push({
      ...base,
      item: c.item ? { meetingId: c.meeting.id, number: c.item.number, title: c.item.title } : null,
      decision: decisionKnown ? (c.item?.decision ?? c.outcome) : null,
    });
  }
  return steps.sort((a, b) => a.key.localeCompare(b.key) || a.organizationName.localeCompare(b.organizationName, 'da')).map(({ key: _key, ...s }) => s);
}

// Notices to members: "Dagsordenen er udgivet" (with the members' PDF), "Referatet venter på
// din godkendelse" (to each attendee whose approval is missing), and "ændret efter
// offentliggørelse" for later versions. Each member turns kinds off in their profile
// (/medlem/indstillinger); no row means on. One notice per member per event (dedupe key).
import { absoluteUrl, publicPaths } from '../../domain/public-urls.js';
import { formatDate } from '../../render/format.js';
import { renderMail } from '../../render/mail.js';
import {
  type AlertEvent,
  alertMeeting,
  committeeMemberIds,
  noticePrefs,
  noticeRecipients,
  secretariatRecipients,
  setNoticePref,
} from '../../storage/repositories/alert-events.js';
import { queueMail } from '../mail/queue.js';
import { loadMeeting } from '../lifecycle/guard.js';
import { loadApprovalState } from '../lifecycle/minutes-approval-status.js';
import type { AlertDeps } from './deps.js';
import type { Principal } from '../../domain/access.js';
import { audit } from '../audit.js';

export const noticeKinds = ['agenda_published', 'awaiting_approval', 'changed'] as const;
/** Secretariat only (the members' page does not offer it): the approval rule is met. */
export type StaffNoticeKind = 'approval_met';
export type NoticeKind = (typeof noticeKinds)[number];
export const noticeKindLabel: Record<NoticeKind, string> = {
  agenda_published: 'Når en dagsorden til mine udvalg er udgivet',
  awaiting_approval: 'Når et referat venter på min godkendelse',
  changed: 'Når en dagsorden eller et referat ændres efter offentliggørelsen',
};

export const memberMeetingPath = (meetingId: string): string => `/medlem/moeder/${encodeURIComponent(meetingId)}`;

export async function queueNoticesFor(deps: AlertDeps, event: AlertEvent): Promise<number> {
  const db = deps.database.db;
  const meeting = await alertMeeting(db, event.meetingId);
  if (!meeting) return 0;
  const when = `${meeting.organizationName}s møde ${formatDate(meeting.date)}`;
  let personIds: string[];
  let kind: NoticeKind | StaffNoticeKind;
  let subject: string;
  let intro: string;
  let action: { label: string; url: string };
  const memberUrl = absoluteUrl(deps.baseUrl, memberMeetingPath(meeting.id));
  if (event.kind === 'awaiting_approval') {
    const state = await loadApprovalState(db, await loadMeeting(db, meeting.id));
    personIds = state.status.missing.flatMap((m) => (m.personId ? [m.personId] : []));
    kind = 'awaiting_approval';
    subject = `Referatet venter på din godkendelse: ${when}`;
    intro = `Referatet af ${when} venter på din godkendelse.`;
    action = { label: 'Læs og godkend referatet', url: memberUrl };
  } else if (event.kind === 'agenda' || event.kind === 'minutes') {
    personIds = await committeeMemberIds(db, meeting.organizationId, meeting.date);
    const first = event.version === 1;
    if (event.kind === 'minutes' && first) return 0;
    kind = first ? 'agenda_published' : 'changed';
    const what = event.kind === 'agenda' ? 'Dagsordenen' : 'Referatet';
    subject = first ? `Dagsordenen er udgivet: ${when}` : `${what} er ændret: ${when} (version ${event.version})`;
    intro = first ? `Dagsordenen til ${when} er udgivet.` : `${what} til ${when} er ændret efter offentliggørelsen (version ${event.version}).`;
    action = {
      label: first ? 'Dagsordenen med lukkede punkter (PDF)' : 'Se mødet',
      url: first ? absoluteUrl(deps.baseUrl, publicPaths.document(meeting.id, 'dagsorden', true)) : memberUrl,
    };
  } else if (event.kind === 'approval_met') {
    personIds = [];
    kind = 'approval_met';
    subject = `Referatet er godkendt og kan offentliggøres: ${when}`;
    intro = `Godkendelsesreglen er opfyldt for referatet af ${when}. Referatet kan nu offentliggøres.`;
    action = { label: 'Åbn mødet i redigeringen', url: absoluteUrl(deps.baseUrl, `/redigering/moeder/${encodeURIComponent(meeting.id)}`) };
  } else return 0;
  const recipients =
    kind === 'approval_met' ? await secretariatRecipients(db, meeting.bodyId, meeting.organizationId, kind) : await noticeRecipients(db, personIds, kind);
  let queued = 0;
  await db.transaction().execute(async (trx) => {
    for (const r of recipients) {
      const mail = renderMail({
        municipality: meeting.bodyName,
        subject,
        intro,
        action,
        entries: kind === 'approval_met' ? [] : [{ title: `Mødet på ${meeting.bodyName}s portal`, url: memberUrl, lines: [] }],
        why:
          kind === 'approval_met'
            ? `Du får denne besked som sekretariat for ${meeting.organizationName}.`
            : `Du får denne besked som medlem af ${meeting.organizationName}. Du kan slå beskederne fra under "Mine beskeder" på ${absoluteUrl(deps.baseUrl, '/medlem/indstillinger')}.`,
      });
      if (await queueMail(trx, { ...mail, dedupeKey: `notice:${event.id}:${r.userId}`, toAddress: r.email, subscriptionId: null }, deps.now())) queued++;
    }
  });
  return queued;
}

export async function memberNoticePrefs(deps: AlertDeps, userId: string): Promise<Record<NoticeKind, boolean>> {
  const prefs = await noticePrefs(deps.database.db, userId);
  return Object.fromEntries(noticeKinds.map((k) => [k, prefs.get(k) ?? true])) as Record<NoticeKind, boolean>;
}

export async function saveMemberNoticePrefs(deps: AlertDeps, actor: Principal, userId: string, chosen: ReadonlySet<string>): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const before = await noticePrefs(trx, userId);
    for (const k of noticeKinds) await setNoticePref(trx, userId, k, chosen.has(k));
    await audit(
      trx,
      actor,
      {
        action: 'user.notice_preferences',
        entityType: 'user',
        entityId: userId,
        bodyId: actor.bodyId,
        before: Object.fromEntries(noticeKinds.map((k) => [k, before.get(k) ?? true])),
        after: Object.fromEntries(noticeKinds.map((k) => [k, chosen.has(k)])),
      },
      deps.now(),
    );
  });
}

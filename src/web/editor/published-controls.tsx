// The meeting editor's "Ret, træk tilbage eller aflys" section: the ways round a mistake once
// something is out. Each control leads to the screen that already does it (issue 10's
// withdrawal screen, the item editor whose saves after publication need a change note and
// make a new version, the cancel screen), so there is one place per action.
import { agendaIsPublic, notYetHeld } from '../../domain/meeting.js';
import type { StaffMeeting } from '../../services/lifecycle/staff-views.js';
import { editorItemHref, editorMeetingHref } from './common.js';
import { fileReasonId, withdrawalHref } from './withdrawal-page.js';

/** The cancel screen (meeting-cancel.tsx). */
export const cancelHref = (meetingId: string): string => `${editorMeetingHref(meetingId)}/aflys`;

export function PublishedControls(props: { meeting: StaffMeeting }) {
  const m = props.meeting;
  const published = agendaIsPublic(m.state);
  const cancellable = !m.cancelled && notYetHeld(m.state);
  if (!published && !cancellable) return null;
  const publicFiles = m.items.flatMap((i) => i.attachments.filter((a) => a.public && !a.withdrawn).map((a) => ({ item: i, file: a })));
  return (
    <section aria-labelledby="ret-og-aflys">
      <h2 id="ret-og-aflys">{published ? 'Ret, træk tilbage eller aflys' : 'Aflys mødet'}</h2>
      {published ? (
        <>
          <p>
            Dagsordenen{m.state === 'minutes_published' ? ' og referatet' : ''} er offentliggjort. En rettelse kræver en ændringsnote og bliver en ny version;
            den gamle version kan ses med noten på portalen.
          </p>
          <h3 class="h4">Ret en fejl i et punkt</h3>
          <ul>
            {m.items
              .filter((i) => !i.redacted)
              .map((i) => (
                <li>
                  <a href={editorItemHref(i.id)}>
                    Ret punkt {i.number}
                    <span class="sr-only">{`: ${i.title}`}</span>
                  </a>
                </li>
              ))}
          </ul>
          <h3 class="h4">Træk et offentligt bilag tilbage</h3>
          {publicFiles.length === 0 ? (
            <p>Der er ingen offentlige bilag.</p>
          ) : (
            <ul>
              {publicFiles.map(({ item, file }) => (
                <li>
                  <a href={`${withdrawalHref(m.id)}#${fileReasonId(file.id)}`}>Træk »{file.title}« tilbage</a> <span class="meta">(punkt {item.number})</span>
                </li>
              ))}
            </ul>
          )}
          <p>
            <a href={withdrawalHref(m.id)}>Træk en hel version tilbage, eller fjern en tekst alle steder</a>
          </p>
        </>
      ) : null}
      {cancellable ? (
        <p>
          <a class="button button-secondary" href={cancelHref(m.id)}>
            Aflys mødet
          </a>
        </p>
      ) : null}
    </section>
  );
}

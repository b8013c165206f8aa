// The meeting room page (/redigering/moeder/:id/moedet): attendance on top, then one card per
// item with its decision form, and "Send sagen videre" where the item carries a case. Made
// for a tablet on the meeting table: one item per card, large targets, "Næste punkt".
import type { FieldError } from './forms.js';
import { ErrorSummary, errorsByField } from './forms.js';
import { agendaIsPublic } from '../../domain/meeting.js';
import { formatDate } from '../../render/format.js';
import type { MeetingRoomPeople, ForwardTargets } from '../../services/lifecycle/meeting-room-views.js';
import type { StaffItem, StaffMeeting } from '../../services/lifecycle/staff-views.js';
import { StateBadge, editorMeetingHref } from './common.js';
import { EditorLayout, SuccessAlert } from './layout.js';
import type { Viewer } from './page.js';
import { AttendanceForm, type AttendanceDraft, storedAttendanceDraft } from './meeting-room-attendance.js';
import { DecisionForm, type DecisionDraft, type Present, storedDecisionDraft } from './meeting-room-decision.js';
import { ForwardForm, type ForwardDraft, suggestedBody } from './meeting-room-forward.js';
import { approvalsPath, itemAnchor, roomPath } from './meeting-room-fields.js';
import { ROOM_CSS, ROOM_JS } from './meeting-room-assets.js';

export interface RoomFailure {
  errors: FieldError[];
  problem?: string | undefined;
}

export interface RoomPageProps {
  viewer: Viewer;
  meeting: StaffMeeting;
  people: MeetingRoomPeople;
  targets: ForwardTargets;
  message?: string | undefined;
  /** A case just sent on: where it went. */
  forwarded?: { meetingId: string; label: string } | undefined;
  attendance?: (RoomFailure & { draft: AttendanceDraft }) | undefined;
  decision?: (RoomFailure & { itemId: string; draft: DecisionDraft; theirs?: string | null | undefined }) | undefined;
  forward?: (RoomFailure & { itemId: string; draft: ForwardDraft }) | undefined;
}

export const meetingTitle = (m: Pick<StaffMeeting, 'organizationName' | 'date'>): string => `${m.organizationName}, ${formatDate(m.date)}`;

export function MeetingRoomPage(props: RoomPageProps) {
  const { meeting, viewer } = props;
  const present: Present = meeting.attendance.filter((a) => a.status === 'present');
  const failure = props.attendance ?? props.decision ?? props.forward;
  const errors = failure?.errors ?? [];
  const fieldErrors = errorsByField(errors);
  const needsChangeNote = meeting.state === 'minutes_published';
  const title = `Mødet: ${meetingTitle(meeting)}`;
  return (
    <EditorLayout
      title={failure ? `Fejl: ${title}` : title}
      principal={viewer.principal}
      csrfToken={viewer.csrf}
      section="meetings"
      breadcrumbs={[{ label: 'Møder', href: '/redigering' }, { label: meetingTitle(meeting), href: editorMeetingHref(meeting.id) }, { label: 'Mødet' }]}
      summary={
        failure ? (
          <ErrorSummary errors={errors} />
        ) : props.message ? (
          <SuccessAlert text={props.forwarded ? `${props.message}: ${props.forwarded.label}` : props.message} />
        ) : null
      }
    >
      <link rel="stylesheet" href={ROOM_CSS} />
      <script src={ROOM_JS} defer></script>
      <h1>{title}</h1>
      <p>
        <StateBadge state={meeting.state} cancelled={meeting.cancelled} /> {meeting.location ? <span class="meta">{meeting.location}</span> : null}
      </p>
      <ul class="nobullet-list room-links">
        <li>
          <a href={approvalsPath(meeting.id)}>Godkendelse og offentliggørelse af referatet</a>
        </li>
        <li>
          <a href={editorMeetingHref(meeting.id)}>Dagsordenen (redigering)</a>
        </li>
        {props.forwarded ? (
          <li>
            <a href={editorMeetingHref(props.forwarded.meetingId)}>Gå til mødet, sagen blev sendt til</a>
          </li>
        ) : null}
      </ul>
      {!agendaIsPublic(meeting.state) ? (
        <div class="alert alert-warning">
          <div class="alert-body">
            <p class="alert-text">Dagsordenen er ikke offentliggjort endnu. Fremmøde og beslutninger kan først registreres, når den er.</p>
          </div>
        </div>
      ) : null}
      {needsChangeNote ? (
        <div class="alert alert-info">
          <div class="alert-body">
            <p class="alert-text">Referatet er offentliggjort. Rettelser kræver en ændringsnote og udgiver en ny version af referatet.</p>
          </div>
        </div>
      ) : null}

      <section class="card room-card" id="fremmoede" aria-labelledby="fremmoede-overskrift">
        <div class="card-content">
          <h2 id="fremmoede-overskrift">Fremmøde</h2>
          <AttendanceForm
            action={`${roomPath(meeting.id)}/fremmoede`}
            csrf={viewer.csrf}
            people={props.people}
            draft={props.attendance?.draft ?? storedAttendanceDraft(props.people, meeting.attendance, meeting.version)}
            errors={props.attendance ? fieldErrors : {}}
            problem={props.attendance?.problem}
            needsChangeNote={needsChangeNote}
          />
        </div>
      </section>

      <h2>Punkter</h2>
      <nav aria-label="Punkter på mødet" class="room-index">
        <ol class="nobullet-list">
          {meeting.items.map((item) => (
            <li>
              <a href={`#${itemAnchor(item.id)}`}>{`${item.number}. ${item.title}`}</a>
              {item.decision ? <span class="meta"> – beslutning registreret</span> : null}
            </li>
          ))}
        </ol>
      </nav>
      {meeting.items.map((item, i) => (
        <ItemCard {...props} item={item} next={meeting.items[i + 1] ?? null} present={present} fieldErrors={fieldErrors} needsChangeNote={needsChangeNote} />
      ))}
    </EditorLayout>
  );
}

function ItemCard(
  props: RoomPageProps & { item: StaffItem; next: StaffItem | null; present: Present; fieldErrors: Record<string, string>; needsChangeNote: boolean },
) {
  const { item, meeting, viewer } = props;
  const recommendation = item.sections.find((s) => s.kind === 'recommendation');
  const mine = props.decision?.itemId === item.id ? props.decision : undefined;
  const forwardMine = props.forward?.itemId === item.id ? props.forward : undefined;
  const headingId = `${itemAnchor(item.id)}-overskrift`;
  const p = `p${item.number.replace(/[^\w-]/g, '_')}`;
  return (
    <section class="card room-card" id={itemAnchor(item.id)} aria-labelledby={headingId}>
      <div class="card-content">
        <h3 id={headingId}>
          {`Punkt ${item.number}: ${item.title}`} {item.public ? null : <span class="badge badge-warning">Lukket punkt</span>}
        </h3>
        {item.caseNumber ? <p class="meta">Sagsnr. {item.caseNumber}</p> : null}
        {recommendation && recommendation.text.trim() !== '' ? (
          <div class="room-recommendation">
            <h4 class="h5">{recommendation.heading}</h4>
            <p class="pre-line">{recommendation.text}</p>
          </div>
        ) : null}
        <DecisionForm
          item={item}
          action={`${roomPath(meeting.id)}/punkter/${encodeURIComponent(item.id)}`}
          csrf={viewer.csrf}
          draft={mine?.draft ?? storedDecisionDraft(item, props.present)}
          present={props.present}
          errors={mine ? props.fieldErrors : {}}
          problem={mine?.problem}
          theirs={mine?.theirs}
          needsChangeNote={props.needsChangeNote}
          nextAnchor={props.next ? itemAnchor(props.next.id) : null}
        />
        {item.paperId !== null && (item.decision ?? '').trim() !== '' ? (
          <ForwardForm
            prefix={p}
            item={item}
            action={`${roomPath(meeting.id)}/punkter/${encodeURIComponent(item.id)}/videre`}
            csrf={viewer.csrf}
            targets={props.targets}
            draft={forwardMine?.draft ?? { organizationId: suggestedBody(item, props.targets), meetingId: '' }}
            errors={forwardMine ? props.fieldErrors : {}}
            problem={forwardMine?.problem}
          />
        ) : null}
        {props.next ? (
          <p class="room-next">
            <a href={`#${itemAnchor(props.next.id)}`}>
              Næste punkt<span class="sr-only">{`: punkt ${props.next.number}`}</span>
            </a>
          </p>
        ) : null}
      </div>
    </section>
  );
}

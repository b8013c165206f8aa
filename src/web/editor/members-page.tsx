// The members' screens: /medlem (the coming and recent meetings of their committees) and the
// reading view of one meeting (/medlem/moeder/:id) with the closed items they may read, each
// item's case history beside it, their private note per item, the structured records of each
// decision (votes, dissents, disqualifications) and, after the whole minutes, the approval of
// the minutes or an objection to them.
import type { ApprovalOverview } from '../../services/lifecycle/approvals.js';
import { formatDate, formatTimeRange } from '../../render/format.js';
import type { MemberCaseStep, MemberMeetings } from '../../services/lifecycle/member-views.js';
import type { PrivateNote } from '../../services/lifecycle/private-notes.js';
import type { StaffItem, StaffMeeting, StaffMeetingSummary } from '../../services/lifecycle/staff-views.js';
import { ItemSection, Paragraphs } from '../portal/agenda-item.js';
import { withParty } from '../portal/components.js';
import { DecisionRecords } from '../portal/decision-records.js';
import { documentHref } from '../portal/documents.js';
import { StateBadge } from './common.js';
import { type FieldError, ErrorSummary, HiddenCsrf, SubmitButton, TextArea, errorsByField } from './forms.js';
import { EditorLayout, SuccessAlert } from './layout.js';
import { ROOM_CSS } from './meeting-room-assets.js';
import { formatMoment, itemAnchor, memberMeetingPath } from './meeting-room-fields.js';
import type { Viewer } from './page.js';

const meetingLabel = (m: Pick<StaffMeetingSummary, 'organizationName' | 'date'>) => `${m.organizationName}, ${formatDate(m.date)}`;

function MeetingLinks(props: { meetings: StaffMeetingSummary[]; awaiting: ReadonlySet<string>; empty: string }) {
  if (props.meetings.length === 0) return <p>{props.empty}</p>;
  return (
    <ul class="meeting-list unstyled-list">
      {props.meetings.map((m) => (
        <li>
          <a href={memberMeetingPath(m.id)}>{meetingLabel(m)}</a> <StateBadge state={m.state} cancelled={m.cancelled} />
          {props.awaiting.has(m.id) ? <span class="badge badge-warning">Afventer din godkendelse</span> : null}
          <span class="meta">{[formatTimeRange(m.start, m.end), m.location].filter(Boolean).join(' · ')}</span>
        </li>
      ))}
    </ul>
  );
}

export function MemberHomePage(props: { viewer: Viewer; meetings: MemberMeetings; awaiting: ReadonlySet<string>; message?: string | undefined }) {
  return (
    <EditorLayout
      title="Mine møder"
      principal={props.viewer.principal}
      csrfToken={props.viewer.csrf}
      section="member"
      breadcrumbs={[{ label: 'Mine møder' }]}
      summary={props.message ? <SuccessAlert text={props.message} /> : null}
    >
      <h1>Mine møder</h1>
      <p>Dagsordener og referater fra de udvalg, du er medlem af, med lukkede punkter. Dine noter kan kun du se.</p>
      <p>
        <a href="/medlem/indstillinger">Vælg dine beskeder på e-mail</a>
      </p>
      <h2>Kommende møder</h2>
      <MeetingLinks meetings={props.meetings.coming} awaiting={props.awaiting} empty="Der er ingen udsendte dagsordener til kommende møder." />
      <h2>Seneste møder</h2>
      <MeetingLinks meetings={props.meetings.recent} awaiting={props.awaiting} empty="Der er ingen tidligere møder." />
    </EditorLayout>
  );
}

export interface MemberMeetingPageProps {
  viewer: Viewer;
  meeting: StaffMeeting;
  history: ReadonlyMap<string, MemberCaseStep[]>;
  notes: ReadonlyMap<string, PrivateNote>;
  approval: ApprovalOverview | null;
  message?: string | undefined;
  /** An objection that could not be sent: the text typed, the problem. */
  objectionFailure?: { text: string; errors: FieldError[] } | undefined;
  /** A note that could not be saved: its item, the text typed, the problem. */
  noteFailure?: { itemId: string; text: string; errors: FieldError[] } | undefined;
  approvalProblem?: string | undefined;
}

/** Where a member (or the secretariat) opens an attachment, closed ones included. */
export const staffFileHref = (f: { id: string; fileName: string }): string => `/medlem/bilag/${encodeURIComponent(f.id)}/${encodeURIComponent(f.fileName)}`;

export function MemberMeetingPage(props: MemberMeetingPageProps) {
  const { meeting, viewer, approval } = props;
  const me = viewer.principal.personId;
  const errors =
    props.noteFailure?.errors ?? props.objectionFailure?.errors ?? (props.approvalProblem ? [{ field: 'godkend', text: props.approvalProblem }] : []);
  const held = meeting.state !== 'planned' && meeting.state !== 'agenda_published';
  const title = meetingLabel(meeting);
  return (
    <EditorLayout
      title={errors.length > 0 ? `Fejl: ${title}` : title}
      principal={viewer.principal}
      csrfToken={viewer.csrf}
      section="member"
      breadcrumbs={[{ label: 'Mine møder', href: '/medlem' }, { label: title }]}
      summary={errors.length > 0 ? <ErrorSummary errors={errors} /> : props.message ? <SuccessAlert text={props.message} /> : null}
    >
      <link rel="stylesheet" href={ROOM_CSS} />
      <h1>{title}</h1>
      <p>
        <StateBadge state={meeting.state} cancelled={meeting.cancelled} />{' '}
        <span class="meta">{[formatTimeRange(meeting.start, meeting.end), meeting.location].filter(Boolean).join(' · ')}</span>
      </p>
      {meeting.attendance.length > 0 ? (
        <p>
          Deltagere:{' '}
          {meeting.attendance
            .filter((a) => a.status === 'present')
            .map((a) => (a.substituteForName ? `${withParty(a)} (suppleant for ${a.substituteForName})` : withParty(a)))
            .join(', ')}
          {meeting.attendance.some((a) => a.status === 'absent')
            ? `. Afbud: ${meeting.attendance
                .filter((a) => a.status === 'absent')
                .map(withParty)
                .join(', ')}`
            : ''}
        </p>
      ) : null}

      {held ? (
        <p>
          <a href={documentHref(meeting.id, 'referat', true)}>Referatet som PDF med lukkede punkter (medlemsudgave)</a>
        </p>
      ) : (
        <p>
          <a href={documentHref(meeting.id, 'dagsorden', true)}>Dagsordenen som PDF med lukkede punkter (medlemsudgave)</a>
        </p>
      )}

      {meeting.items.map((item) => (
        <ItemReading
          item={item}
          meetingId={meeting.id}
          csrf={viewer.csrf}
          history={props.history.get(item.id) ?? []}
          note={props.notes.get(item.id)}
          failure={props.noteFailure?.itemId === item.id ? props.noteFailure : undefined}
        />
      ))}

      {approval ? (
        <MemberApproval
          meetingId={meeting.id}
          csrf={viewer.csrf}
          me={me}
          approval={approval}
          objectionText={props.objectionFailure?.text}
          objectionError={props.objectionFailure ? errorsByField(props.objectionFailure.errors).indsigelse : undefined}
        />
      ) : null}
    </EditorLayout>
  );
}

function ItemReading(props: {
  item: StaffItem;
  meetingId: string;
  csrf: string;
  history: MemberCaseStep[];
  note: PrivateNote | undefined;
  failure: { text: string; errors: FieldError[] } | undefined;
}) {
  const { item } = props;
  const anchor = itemAnchor(item.id);
  const noteId = `${anchor}-note`;
  const sections = item.decision === null ? item.sections : item.sections.filter((s) => s.kind !== 'decision');
  return (
    <article class="card member-card" id={anchor} aria-labelledby={`${anchor}-titel`}>
      <div class="card-content">
        <h2 id={`${anchor}-titel`}>
          {`${item.number}. ${item.title}`} {item.public ? null : <span class="badge badge-warning">Lukket punkt</span>}
        </h2>
        {item.redacted ? <p>Punktet er lukket. Kun udvalgets medlemmer og sekretariatet kan læse det.</p> : null}
        {item.caseNumber ? <p class="meta">Sagsnr. {item.caseNumber}</p> : null}
        {item.decision !== null ? (
          <div class="decision">
            <h3>Beslutning</h3>
            <Paragraphs text={item.decision} />
            <DecisionRecords item={item} />
          </div>
        ) : null}
        {sections.map((s) => (
          <ItemSection section={s} />
        ))}
        {item.attachments.length > 0 ? (
          <div class="attachments">
            <h3>Bilag</h3>
            <ul>
              {item.attachments.map((f) => (
                <li>
                  <a href={staffFileHref(f)}>{f.title}</a>
                  {f.public ? null : <span class="meta"> (lukket bilag)</span>}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {props.history.length > 0 ? (
          <div class="case-history">
            <h3>Sagens forløb</h3>
            <ol>
              {props.history.map((s) => (
                <li>
                  {[s.date ? formatDate(s.date) : null, s.organizationName, s.roleLabel].filter(Boolean).join(' – ')}
                  {s.item ? `, punkt ${s.item.number}: ${s.item.title}` : ''}
                  {s.decision ? (
                    <>
                      <br />
                      Beslutning: {s.decision}
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          </div>
        ) : null}
        {item.redacted ? null : (
          <form method="post" action={`${memberMeetingPath(props.meetingId)}/punkter/${encodeURIComponent(item.id)}/note`} class="private-note" novalidate>
            <HiddenCsrf token={props.csrf} />
            <TextArea
              id={noteId}
              name="note"
              label={`Min note til punkt ${item.number}`}
              hint={
                props.note
                  ? `Kun du kan se noten. Senest gemt ${formatMoment(props.note.updatedAt)}.`
                  : 'Kun du kan se noten. Den bliver aldrig offentliggjort.'
              }
              rows={3}
              value={props.failure?.text ?? props.note?.text ?? ''}
              error={props.failure ? errorsByField(props.failure.errors)[noteId] : undefined}
            />
            <button type="submit" class="button button-secondary">
              Gem note<span class="sr-only">{` til punkt ${item.number}`}</span>
            </button>
          </form>
        )}
      </div>
    </article>
  );
}

/**
 * After the whole minutes: approve them, or object with a comment. Both are offered while the
 * minutes wait for this member's approval (held, or a corrected version to approve again).
 */
function MemberApproval(props: {
  meetingId: string;
  csrf: string;
  me: string | null;
  approval: ApprovalOverview;
  objectionText: string | undefined;
  objectionError: string | undefined;
}) {
  const { approval, me } = props;
  const status = approval.status;
  const mine = status.approved.find((a) => a.personId === me);
  const mayApprove = approval.open && !mine && status.missing.some((m) => m.personId === me);
  const myObjections = approval.objections.filter((o) => o.personId === me && o.minutesVersion === approval.version);
  return (
    <section class="card member-card" aria-labelledby="godkendelse-overskrift">
      <div class="card-content">
        <h2 id="godkendelse-overskrift">Godkendelse af referatet</h2>
        {approval.reapproval ? <p>{`Referatet er rettet efter offentliggørelsen. Den rettede version ${approval.version} skal godkendes igen.`}</p> : null}
        {mine ? <p>{`Du godkendte referatet ${formatMoment(mine.approvedAt)}.`}</p> : null}
        {myObjections.map((o) => (
          <p>{`Du gjorde indsigelse ${formatMoment(o.createdAt)}: ${o.comment}`}</p>
        ))}
        {mayApprove ? (
          <>
            <form method="post" action={`${memberMeetingPath(props.meetingId)}/godkend`}>
              <HiddenCsrf token={props.csrf} />
              <p>Du deltog i mødet. Du har læst referatet ovenfor; godkend det, når det er korrekt.</p>
              <SubmitButton id="godkend" label="Godkend referatet" />
            </form>
            <form method="post" action={`${memberMeetingPath(props.meetingId)}/indsigelse`} novalidate>
              <HiddenCsrf token={props.csrf} />
              <TextArea
                id="indsigelse"
                name="comment"
                label="Gør indsigelse mod referatet"
                hint="Skriv, hvad der er forkert. Sekretariatet ser din indsigelse; den offentliggøres ikke."
                rows={3}
                value={props.objectionText ?? ''}
                error={props.objectionError}
              />
              <SubmitButton label="Gør indsigelse" variant="secondary" />
            </form>
          </>
        ) : null}
        {status.missing.length > 0 ? <p>Mangler godkendelse fra: {status.missing.map((m) => m.name).join(', ')}.</p> : <p>Referatet er godkendt.</p>}
      </div>
    </section>
  );
}

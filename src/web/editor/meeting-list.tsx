// The secretariat's start page (/redigering: their meetings, upcoming and past) and the two
// ways to create meetings: one meeting (/redigering/moeder/ny) or a meeting plan for a
// period (/redigering/serier/ny). The standard items are the service's business.
import type { Hono } from 'hono';
import { danishDate } from '../../domain/clock.js';
import { DomainError } from '../../domain/errors.js';
import { isComing } from '../../domain/meeting.js';
import { z } from 'zod';
import { formatDate, formatTimeRange } from '../../render/format.js';
import { createMeeting, createMeetingSeries, listMeetings, MAX_SERIES, type StaffMeetingSummary } from '../../services/lifecycle/meetings.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { editableCommittees, editorMeetingHref, StateBadge } from './common.js';
import {
  checkForm,
  DateField,
  domainFieldErrors,
  ErrorSummary,
  type FieldError,
  errorsByField,
  formText,
  HiddenCsrf,
  isFormError,
  type Option,
  RadioGroup,
  Select,
  SubmitButton,
  TextArea,
  TextField,
} from './forms.js';
import { MeetingTimeAndPlaceFields } from './meeting-fields.js';
import { secretariatTodo, type TodoEntry } from '../../services/lifecycle/todo.js';
import { TodoSection } from './todo.js';
import { EditorLayout, SuccessAlert } from './layout.js';
import { editorPage, flash, flashMessage, requireEditorViewer, seeOther, type Viewer } from './page.js';

export const NEW_MEETING_PATH = '/redigering/moeder/ny';
export const NEW_SERIES_PATH = '/redigering/serier/ny';
const CREATED = flash('Mødet er oprettet med standardpunkterne');

export function registerMeetingListRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  app.get('/redigering', async (c) => {
    const viewer = requireEditorViewer(c);
    const [meetings, todo] = await Promise.all([listMeetings(deps, viewer.principal), secretariatTodo(deps, viewer.principal)]);
    return editorPage(c, <MeetingListPage viewer={viewer} meetings={meetings} todo={todo} today={danishDate(deps.now())} message={flashMessage(c)} />);
  });

  app.get(NEW_MEETING_PATH, async (c) => {
    const viewer = requireEditorViewer(c);
    const committees = await editableCommittees(deps, viewer.principal);
    return editorPage(c, <NewMeetingPage viewer={viewer} committees={committees} values={{ organizationId: c.req.query('udvalg') ?? '' }} errors={[]} />);
  });

  app.post(NEW_MEETING_PATH, async (c) => {
    const viewer = requireEditorViewer(c);
    const body = await c.req.parseBody();
    const values: MeetingValues = {
      organizationId: formText(body, 'organizationId'),
      date: formText(body, 'date').trim(),
      start: formText(body, 'start').trim(),
      end: formText(body, 'end').trim(),
      location: formText(body, 'location'),
    };
    const fail = async (errors: FieldError[], status: 400 | 409 = 400) =>
      editorPage(c, <NewMeetingPage viewer={viewer} committees={await editableCommittees(deps, viewer.principal)} values={values} errors={errors} />, status);
    const checked = checkForm(meetingForm, values);
    if (!checked.ok) return fail(checked.errors);
    try {
      const created = await createMeeting(deps, viewer.principal, {
        organizationId: values.organizationId,
        date: values.date,
        start: values.start || null,
        end: values.end || null,
        location: values.location.trim() || null,
      });
      return seeOther(c, editorMeetingHref(created.id), CREATED);
    } catch (e) {
      if (isFormError(e) || isUnknownCommittee(e)) return fail(domainFieldErrors(e, meetingFieldIds, 'organizationId'), 400);
      throw e;
    }
  });

  app.get(NEW_SERIES_PATH, async (c) => {
    const viewer = requireEditorViewer(c);
    const committees = await editableCommittees(deps, viewer.principal);
    return editorPage(c, <NewSeriesPage viewer={viewer} committees={committees} values={emptySeries} errors={[]} />);
  });

  app.post(NEW_SERIES_PATH, async (c) => {
    const viewer = requireEditorViewer(c);
    const body = await c.req.parseBody();
    const values: SeriesValues = {
      organizationId: formText(body, 'organizationId'),
      mode: formText(body, 'mode') === 'repeat' ? 'repeat' : 'dates',
      dates: formText(body, 'dates'),
      first: formText(body, 'first').trim(),
      count: formText(body, 'count').trim(),
      everyWeeks: formText(body, 'everyWeeks').trim(),
      start: formText(body, 'start').trim(),
      end: formText(body, 'end').trim(),
      location: formText(body, 'location'),
    };
    const fail = async (errors: FieldError[]) =>
      editorPage(c, <NewSeriesPage viewer={viewer} committees={await editableCommittees(deps, viewer.principal)} values={values} errors={errors} />, 400);
    const checked = checkForm(seriesForm, values);
    if (!checked.ok) return fail(checked.errors);
    const times = { start: values.start || null, end: values.end || null, location: values.location.trim() || null };
    try {
      const created = await createMeetingSeries(deps, viewer.principal, {
        organizationId: values.organizationId,
        ...times,
        ...(values.mode === 'dates'
          ? { dates: splitDates(values.dates) }
          : { repeat: { first: values.first, count: Number(values.count), everyWeeks: Number(values.everyWeeks) } }),
      });
      return seeOther(c, '/redigering', flash(created.meetings.length === 1 ? 'Der er oprettet 1 møde' : `Der er oprettet ${created.meetings.length} møder`));
    } catch (e) {
      if (isFormError(e) || isUnknownCommittee(e)) return fail(domainFieldErrors(e, seriesFieldId, 'organizationId'));
      throw e;
    }
  });
}

/** A committee id that does not exist (a stale form) is the form's problem, shown at the select. */
const isUnknownCommittee = (e: unknown): e is DomainError => e instanceof DomainError && e.code === 'not_found' && e.where === 'organizationId';

const splitDates = (text: string): string[] =>
  text
    .split(/[\s,;]+/)
    .map((d) => d.trim())
    .filter((d) => d !== '');

// ---- the meeting list -------------------------------------------------------------------

function MeetingListPage(props: { viewer: Viewer; meetings: StaffMeetingSummary[]; todo: TodoEntry[]; today: string; message: string | undefined }) {
  const upcoming = props.meetings
    .filter((m) => isComing(m, props.today))
    .sort((a, b) => a.date.localeCompare(b.date) || (a.start ?? '').localeCompare(b.start ?? ''));
  const past = props.meetings.filter((m) => !isComing(m, props.today)).sort((a, b) => b.date.localeCompare(a.date));
  return (
    <EditorLayout
      title="Møder"
      principal={props.viewer.principal}
      csrfToken={props.viewer.csrf}
      section="meetings"
      breadcrumbs={[{ label: 'Møder' }]}
      summary={props.message ? <SuccessAlert text={props.message} /> : undefined}
    >
      <h1>Møder</h1>
      <div class="actions">
        <a class="button button-primary" href={NEW_MEETING_PATH}>
          Opret møde
        </a>
        <a class="button button-secondary" href={NEW_SERIES_PATH}>
          Opret mødeplan (serie)
        </a>
      </div>
      <TodoSection entries={props.todo} />
      <h2>Kommende møder</h2>
      <EditorMeetingList meetings={upcoming} empty="Der er ingen kommende møder. Opret et møde eller en mødeplan." />
      <h2>Tidligere møder</h2>
      <EditorMeetingList meetings={past} empty="Der er ingen tidligere møder." />
    </EditorLayout>
  );
}

function EditorMeetingList(props: { meetings: StaffMeetingSummary[]; empty: string }) {
  if (props.meetings.length === 0) return <p>{props.empty}</p>;
  return (
    <ul class="meeting-list unstyled-list">
      {props.meetings.map((m) => {
        const when = [formatDate(m.date), formatTimeRange(m.start, m.end)].filter((x) => x !== null).join(', ');
        return (
          <li>
            <a href={editorMeetingHref(m.id)}>{`${m.organizationName}, ${formatDate(m.date)}`}</a> <StateBadge state={m.state} cancelled={m.cancelled} />
            <span class="meta">
              {when}
              {m.location ? ` · ${m.location}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

// ---- create one meeting ------------------------------------------------------------------

interface MeetingValues {
  organizationId: string;
  date: string;
  start: string;
  end: string;
  location: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const timeField = (what: string) => z.string().refine((s) => s === '' || TIME.test(s), `Skriv ${what} som TT:MM, fx 16:30`);
const committeeField = z.string().min(1, 'Vælg udvalget');
const locationField = z.string().max(300, 'Mødestedet må højst være 300 tegn');

const meetingForm = z
  .object({
    organizationId: committeeField,
    date: z.string().regex(DATE, 'Skriv datoen som ÅÅÅÅ-MM-DD, fx 2025-03-04'),
    start: timeField('starttidspunktet'),
    end: timeField('sluttidspunktet'),
    location: locationField,
  })
  .refine((v) => v.start === '' || v.end === '' || !TIME.test(v.start) || !TIME.test(v.end) || v.end >= v.start, {
    message: 'Sluttidspunktet ligger før starttidspunktet',
    path: ['end'],
  });

const meetingFieldIds: Record<string, string> = { organizationId: 'organizationId', date: 'date', start: 'start', end: 'end', location: 'location' };

function MeetingFields(props: {
  committees: Option[];
  values: { organizationId: string; start: string; end: string; location: string };
  errors: Record<string, string>;
}) {
  const { values, errors } = props;
  return (
    <>
      <Select
        id="organizationId"
        label="Udvalg"
        options={props.committees}
        value={values.organizationId}
        placeholder="Vælg udvalg"
        required
        error={errors.organizationId}
        {...(props.committees.length === 0 ? { hint: 'Du har ikke ret til at oprette møder for noget udvalg.' } : {})}
      />
      <MeetingTimeAndPlaceFields values={values} errors={errors} />
    </>
  );
}

function NewMeetingPage(props: { viewer: Viewer; committees: Option[]; values: Partial<MeetingValues>; errors: FieldError[] }) {
  const errors = errorsByField(props.errors);
  const v: MeetingValues = { organizationId: '', date: '', start: '', end: '', location: '', ...props.values };
  return (
    <EditorLayout
      title={props.errors.length > 0 ? 'Fejl: Opret møde' : 'Opret møde'}
      principal={props.viewer.principal}
      csrfToken={props.viewer.csrf}
      section="meetings"
      breadcrumbs={[{ label: 'Møder', href: '/redigering' }, { label: 'Opret møde' }]}
      summary={<ErrorSummary errors={props.errors} />}
    >
      <h1>Opret møde</h1>
      <p>Mødet oprettes med standardpunkterne »Godkendelse af dagsorden«, »Eventuelt« og »Godkendelse af referat«.</p>
      <form method="post" action={NEW_MEETING_PATH} novalidate data-draft-key="ny-moede">
        <HiddenCsrf token={props.viewer.csrf} />
        <Select
          id="organizationId"
          label="Udvalg"
          options={props.committees}
          value={v.organizationId}
          placeholder="Vælg udvalg"
          required
          error={errors.organizationId}
        />
        <DateField id="date" label="Dato" required value={v.date} error={errors.date} />
        <MeetingTimeAndPlaceFields values={v} errors={errors} />
        <SubmitButton label="Opret møde" />
      </form>
    </EditorLayout>
  );
}

// ---- create a series ---------------------------------------------------------------------

interface SeriesValues {
  organizationId: string;
  mode: 'dates' | 'repeat';
  dates: string;
  first: string;
  count: string;
  everyWeeks: string;
  start: string;
  end: string;
  location: string;
}

const emptySeries: SeriesValues = { organizationId: '', mode: 'dates', dates: '', first: '', count: '', everyWeeks: '2', start: '', end: '', location: '' };

const seriesForm = z
  .object({
    organizationId: committeeField,
    mode: z.enum(['dates', 'repeat']),
    dates: z.string(),
    first: z.string(),
    count: z.string(),
    everyWeeks: z.string(),
    start: timeField('starttidspunktet'),
    end: timeField('sluttidspunktet'),
    location: locationField,
  })
  .superRefine((v, ctx) => {
    if (v.mode === 'dates') {
      const dates = splitDates(v.dates);
      if (dates.length === 0) ctx.addIssue({ code: 'custom', path: ['dates'], message: 'Skriv mindst én dato' });
      const bad = dates.find((d) => !DATE.test(d));
      if (bad !== undefined) ctx.addIssue({ code: 'custom', path: ['dates'], message: `»${bad}« er ikke en dato på formen ÅÅÅÅ-MM-DD` });
      if (dates.length > MAX_SERIES) ctx.addIssue({ code: 'custom', path: ['dates'], message: `Højst ${MAX_SERIES} møder i én mødeplan` });
    } else {
      if (!DATE.test(v.first)) ctx.addIssue({ code: 'custom', path: ['first'], message: 'Skriv første mødedato som ÅÅÅÅ-MM-DD, fx 2025-03-04' });
      const count = Number(v.count);
      if (!/^\d+$/.test(v.count) || count < 1 || count > MAX_SERIES)
        ctx.addIssue({ code: 'custom', path: ['count'], message: `Skriv antallet af møder som et tal fra 1 til ${MAX_SERIES}` });
      const weeks = Number(v.everyWeeks);
      if (!/^\d+$/.test(v.everyWeeks) || weeks < 1 || weeks > 52)
        ctx.addIssue({ code: 'custom', path: ['everyWeeks'], message: 'Skriv intervallet som et antal uger fra 1 til 52' });
    }
    if (TIME.test(v.start) && TIME.test(v.end) && v.end < v.start)
      ctx.addIssue({ code: 'custom', path: ['end'], message: 'Sluttidspunktet ligger før starttidspunktet' });
  });

/** The service's names for the series fields → this form's inputs. */
function seriesFieldId(where: string): string | undefined {
  if (where.startsWith('dates')) return 'dates';
  if (where.startsWith('repeat.')) return where.slice('repeat.'.length);
  return meetingFieldIds[where];
}

function NewSeriesPage(props: { viewer: Viewer; committees: Option[]; values: SeriesValues; errors: FieldError[] }) {
  const errors = errorsByField(props.errors);
  const v = props.values;
  return (
    <EditorLayout
      title={props.errors.length > 0 ? 'Fejl: Opret mødeplan' : 'Opret mødeplan'}
      principal={props.viewer.principal}
      csrfToken={props.viewer.csrf}
      section="meetings"
      breadcrumbs={[{ label: 'Møder', href: '/redigering' }, { label: 'Opret mødeplan' }]}
      summary={<ErrorSummary errors={props.errors} />}
    >
      <h1>Opret mødeplan (serie)</h1>
      <p>Opret et udvalgs møder for en periode i ét trin: samme tid og sted på hver dato. Hvert møde får standardpunkterne.</p>
      <form method="post" action={NEW_SERIES_PATH} novalidate data-draft-key="ny-serie">
        <HiddenCsrf token={props.viewer.csrf} />
        <MeetingFields committees={props.committees} values={v} errors={errors} />
        <RadioGroup
          id="mode"
          label="Hvordan vil du angive datoerne?"
          value={v.mode}
          options={[
            { value: 'dates', label: 'En liste af datoer', hint: 'Udfyld »Datoer« nedenfor.' },
            { value: 'repeat', label: 'Første dato, antal og interval', hint: 'Udfyld »Første mødedato«, »Antal møder« og »Hver N. uge« nedenfor.' },
          ]}
        />
        <TextArea
          id="dates"
          label="Datoer"
          hint="Én dato pr. linje som ÅÅÅÅ-MM-DD, fx 2025-03-04. Bruges når du har valgt »En liste af datoer«."
          rows={6}
          value={v.dates}
          error={errors.dates}
        />
        <DateField
          id="first"
          label="Første mødedato"
          hint="ÅÅÅÅ-MM-DD. Bruges når du har valgt »Første dato, antal og interval«."
          value={v.first}
          error={errors.first}
        />
        <TextField id="count" type="number" label="Antal møder" inputClass="input-width-xs" min={1} max={MAX_SERIES} value={v.count} error={errors.count} />
        <TextField
          id="everyWeeks"
          type="number"
          label="Hver N. uge"
          hint="Fx 2 for hver anden uge."
          inputClass="input-width-xs"
          min={1}
          max={52}
          value={v.everyWeeks}
          error={errors.everyWeeks}
        />
        <SubmitButton label="Opret møderne" />
      </form>
    </EditorLayout>
  );
}

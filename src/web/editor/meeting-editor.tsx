// The meeting editor (/redigering/moeder/:id): the meeting's time and place, its items in
// order with reorder / move / delete, the CPR check and "Offentliggør dagsorden", and the
// published versions. Every action is a small form (no JavaScript needed); a refusal comes
// back as this page with an error summary (400/409), a missing change note as the
// change-note page (change-note.tsx).
import type { Context, Hono } from 'hono';
import type { Principal } from '../../domain/access.js';
import { mayEdit } from '../../domain/access.js';
import type { CprHit } from '../../domain/cpr-guard.js';
import { danishDate } from '../../domain/clock.js';
import { DomainError } from '../../domain/errors.js';
import { agendaIsPublic, notYetHeld } from '../../domain/meeting.js';
import { publicationKindLabel } from '../../domain/publication.js';
import { publicPaths } from '../../domain/public-urls.js';
import { formatDate, formatDateShort } from '../../render/format.js';
import { moveItem, reorderItems } from '../../services/lifecycle/items.js';
import { getMeetingForStaff, listMeetings, type StaffMeeting, updateMeeting } from '../../services/lifecycle/meetings.js';
import type { PersonalDataWarning } from '../../domain/personal-data.js';
import { checkCpr, checkPersonalData, markCprFalsePositive, publishAgenda } from '../../services/lifecycle/publication.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { ChangeNoteField, changeNotePage, needsChangeNote, postedChangeNote } from './change-note.js';
import { editorItemHref, editorMeetingHref, newItemHref, StateBadge } from './common.js';
import {
  ActionForm,
  DateField,
  ErrorSummary,
  type FieldError,
  errorsByField,
  type FormBody,
  formInt,
  formText,
  HiddenCsrf,
  isFormError,
  type Option,
  Select,
  SubmitButton,
} from './forms.js';
import { MeetingTimeAndPlaceFields } from './meeting-fields.js';
import { type Crumb, EditorLayout, SuccessAlert } from './layout.js';
import { withdrawalHref } from './withdrawal-page.js';
import { PersonalDataWarnings } from './personal-data-warnings.js';
import { PreviewButton, confirmed, toPreview } from './publish-preview.js';
import { PublishedControls } from './published-controls.js';
import { editorPage, flash, flashMessage, type MeetingEditorLink, requireEditorViewer, seeOther, type Viewer } from './page.js';

const SAVED = flash('Mødet er gemt');
const MOVED = flash('Rækkefølgen er gemt');
const ITEM_MOVED = flash('Punktet er flyttet til det andet møde');
const PUBLISHED = flash('Dagsordenen er offentliggjort');
const MARKED = flash('Fundet er markeret som kontrolleret. Det blokerer ikke længere offentliggørelsen.');

export const meetingTitle = (m: Pick<StaffMeeting, 'organizationName' | 'date'>): string => `${m.organizationName}, ${formatDate(m.date)}`;

export const meetingCrumbs = (m: StaffMeeting, current?: string): Crumb[] => [
  { label: 'Møder', href: '/redigering' },
  current === undefined ? { label: meetingTitle(m) } : { label: meetingTitle(m), href: editorMeetingHref(m.id) },
  ...(current === undefined ? [] : [{ label: current }]),
];

/** The meeting for its editors only: others (a member, another committee's secretary) get 403. */
export async function meetingForEditor(deps: StaffDeps, principal: Principal, meetingId: string): Promise<StaffMeeting> {
  const meeting = await getMeetingForStaff(deps, principal, meetingId);
  if (!mayEdit(principal, meeting)) throw new DomainError('forbidden', 'Du har ikke ret til at redigere dette udvalgs møder');
  return meeting;
}

/** Which publication the CPR guard is asked about: the minutes once the meeting is held. */
const cprKind = (m: StaffMeeting) => (notYetHeld(m.state) ? 'agenda' : 'minutes');

interface MeetingValues {
  date: string;
  start: string;
  end: string;
  location: string;
  changeNote: string;
}

interface PageState {
  message?: string | undefined;
  errors?: FieldError[];
  /** Refusals that are not one field's (CPR hits, an incomplete agenda, a stale list). */
  problems?: string[];
  /** The CPR hits of a refused publication (shown in the summary, each linked to its entry). */
  refusedHits?: CprHit[];
  values?: MeetingValues;
}

/** `links`: buttons to the other screens of a meeting (the meeting room's), built by the editor routes factory. */
export function registerMeetingEditorRoutes(app: Hono<AuthEnv>, deps: StaffDeps, links: readonly MeetingEditorLink[] = []): void {
  const render = async (c: Context<AuthEnv>, viewer: Viewer, meetingId: string, state: PageState, status: 200 | 400 | 409 = 200) => {
    const meeting = await meetingForEditor(deps, viewer.principal, meetingId);
    const [hits, warnings, targets] = await Promise.all([
      meeting.cancelled ? Promise.resolve([]) : checkCpr(deps, viewer.principal, meeting.id, cprKind(meeting)),
      meeting.cancelled ? Promise.resolve([]) : checkPersonalData(deps, viewer.principal, meeting.id, cprKind(meeting)),
      moveTargets(deps, viewer.principal, meeting),
    ]);
    return editorPage(
      c,
      <MeetingEditorPage viewer={viewer} meeting={meeting} hits={hits} warnings={warnings} targets={targets} state={state} links={links} />,
      status,
    );
  };

  /** A refused action: the change-note page, or this page with the refusal in the summary. */
  const refused = async (c: Context<AuthEnv>, viewer: Viewer, meetingId: string, e: DomainError, action: string, body: FormBody) => {
    if (needsChangeNote(e)) {
      const meeting = await meetingForEditor(deps, viewer.principal, meetingId);
      return changeNotePage(c, {
        principal: viewer.principal,
        csrf: viewer.csrf,
        action,
        url: c.req.path,
        body,
        error: e.message,
        breadcrumbs: meetingCrumbs(meeting, action),
        backHref: editorMeetingHref(meetingId),
      });
    }
    return render(c, viewer, meetingId, { problems: [e.message] }, e.code === 'invalid_input' ? 400 : 409);
  };

  app.get('/redigering/moeder/:id', async (c) => {
    const viewer = requireEditorViewer(c);
    return render(c, viewer, c.req.param('id'), { message: flashMessage(c) });
  });

  // The meeting's own fields.
  app.post('/redigering/moeder/:id', async (c) => {
    const viewer = requireEditorViewer(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const values: MeetingValues = {
      date: formText(body, 'date').trim(),
      start: formText(body, 'start').trim(),
      end: formText(body, 'end').trim(),
      location: formText(body, 'location'),
      changeNote: formText(body, 'changeNote'),
    };
    try {
      const changeNote = postedChangeNote(body);
      await updateMeeting(deps, viewer.principal, id, {
        version: formInt(body, 'version'),
        date: values.date,
        start: values.start || null,
        end: values.end || null,
        location: values.location.trim() || null,
        ...(changeNote === undefined ? {} : { changeNote }),
      });
      return seeOther(c, editorMeetingHref(id), SAVED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      const field = e.where !== undefined && ['date', 'start', 'end', 'location', 'changeNote', 'version'].includes(e.where) ? e.where : 'date';
      const status = e.code === 'invalid_input' ? 400 : 409;
      if (e.where === 'version') {
        return render(
          c,
          viewer,
          id,
          {
            problems: [
              'Mødet er blevet ændret af en anden, siden du åbnede det. Dine ændringer er ikke gemt endnu – se den gemte version nedenfor, og gem igen.',
            ],
            values,
          },
          409,
        );
      }
      return render(c, viewer, id, { errors: [{ field, text: e.message }], values }, status);
    }
  });

  // "Flyt op" / "Flyt ned": the new order is computed from the page's version of the list.
  app.post('/redigering/moeder/:id/flyt-punkt', async (c) => {
    const viewer = requireEditorViewer(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    const itemId = formText(body, 'itemId');
    const direction = formText(body, 'retning');
    const meeting = await meetingForEditor(deps, viewer.principal, id);
    const ids = meeting.items.map((i) => i.id);
    const from = ids.indexOf(itemId);
    const item = meeting.items[from];
    if (!item || (direction !== 'op' && direction !== 'ned')) throw new DomainError('invalid_input', 'Ukendt punkt eller retning', 'itemId');
    const to = direction === 'op' ? from - 1 : from + 1;
    const neighbour = meeting.items[to];
    if (item.standard !== null || !neighbour || neighbour.standard !== null) {
      return render(c, viewer, id, { problems: [`Punkt ${item.number} kan ikke flyttes længere ${direction === 'op' ? 'op' : 'ned'}`] }, 409);
    }
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    try {
      const changeNote = postedChangeNote(body);
      await reorderItems(deps, viewer.principal, id, ids, { version: formInt(body, 'version'), ...(changeNote === undefined ? {} : { changeNote }) });
      return seeOther(c, `${editorMeetingHref(id)}#punkt-${itemId}`, MOVED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      if (e.where === 'version') {
        return render(
          c,
          viewer,
          id,
          {
            problems: [
              'Dagsordenen er blevet ændret af en anden, siden du åbnede den. Rækkefølgen er ikke ændret; se den nye rækkefølge nedenfor, og prøv igen.',
            ],
          },
          409,
        );
      }
      return refused(c, viewer, id, e, `Flyt punkt ${item.number} ${direction}`, body);
    }
  });

  // "Flyt til andet møde".
  app.post('/redigering/punkter/:id/flyt', async (c) => {
    const viewer = requireEditorViewer(c);
    const itemId = c.req.param('id');
    const body = await c.req.parseBody();
    const meetingId = formText(body, 'meetingId');
    const target = formText(body, 'targetMeetingId');
    if (target === '') {
      return render(c, viewer, meetingId, { errors: [{ field: `flyt-${itemId}`, text: 'Vælg det møde, punktet skal flyttes til' }] }, 400);
    }
    try {
      const changeNote = postedChangeNote(body);
      await moveItem(deps, viewer.principal, itemId, target, changeNote === undefined ? {} : { changeNote });
      return seeOther(c, editorMeetingHref(meetingId), ITEM_MOVED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      return refused(c, viewer, meetingId, e, 'Flyt punktet til et andet møde', body);
    }
  });

  app.post('/redigering/moeder/:id/offentliggoer', async (c) => {
    const viewer = requireEditorViewer(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    // Only the preview's confirm button publishes (the API publishes without one).
    if (!confirmed(body)) return toPreview(c, id, 'agenda');
    try {
      const changeNote = postedChangeNote(body);
      await publishAgenda(deps, viewer.principal, id, changeNote === undefined ? {} : { changeNote });
      return seeOther(c, editorMeetingHref(id), PUBLISHED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      const details = e.details as { reason?: string; hits?: CprHit[]; problems?: string[] } | undefined;
      if (details?.reason === 'cpr_found' && details.hits) return render(c, viewer, id, { refusedHits: details.hits }, 409);
      if (details?.reason === 'incomplete' && details.problems)
        return render(c, viewer, id, { problems: details.problems.map((p) => `Dagsordenen er ikke færdig: ${p}`) }, 409);
      return refused(c, viewer, id, e, 'Offentliggør dagsorden', body);
    }
  });

  app.post('/redigering/moeder/:id/cpr-kontrolleret', async (c) => {
    const viewer = requireEditorViewer(c);
    const id = c.req.param('id');
    const body = await c.req.parseBody();
    try {
      await markCprFalsePositive(deps, viewer.principal, id, formText(body, 'fingerprint'));
    } catch (e) {
      if (e instanceof DomainError && e.code === 'not_found' && e.where === 'fingerprint') return render(c, viewer, id, { problems: [e.message] }, 409);
      throw e;
    }
    return seeOther(c, `${editorMeetingHref(id)}#cpr-kontrol`, MARKED);
  });
}

/** Meetings an item may be moved to: the same municipality's coming meetings this user edits. */
async function moveTargets(deps: StaffDeps, principal: Principal, meeting: StaffMeeting): Promise<Option[]> {
  if (meeting.state === 'minutes_published') return [];
  const today = danishDate(deps.now());
  const all = await listMeetings(deps, principal, { from: today });
  return all
    .filter((m) => m.id !== meeting.id && m.bodyId === meeting.bodyId && !m.cancelled && m.state !== 'minutes_published' && mayEdit(principal, m))
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((m) => ({ value: m.id, label: `${m.organizationName}, ${formatDateShort(m.date)}` }));
}

const textStatusShort = { extracted: 'tekst læst', empty: 'uden tekst', unsupported: 'uden tekst', unreadable: 'kunne ikke læses' } as const;

function MeetingEditorPage(props: {
  viewer: Viewer;
  meeting: StaffMeeting;
  hits: CprHit[];
  warnings: PersonalDataWarning[];
  targets: Option[];
  state: PageState;
  links: readonly MeetingEditorLink[];
}) {
  const { viewer, meeting: m, state } = props;
  const csrf = viewer.csrf;
  const isPublic = agendaIsPublic(m.state);
  const errors = state.errors ?? [];
  const byField = errorsByField(errors);
  const refusedHits = state.refusedHits ?? [];
  const problems = state.problems ?? [];
  const failed = errors.length > 0 || problems.length > 0 || refusedHits.length > 0;
  const values: MeetingValues = state.values ?? { date: m.date, start: m.start ?? '', end: m.end ?? '', location: m.location ?? '', changeNote: '' };
  const editable = m.state !== 'minutes_published';
  const movable = m.items.filter((i) => i.standard === null);
  const firstMovable = m.items.findIndex((i) => i.standard === null);
  const lastMovable = firstMovable + movable.length - 1;
  const summary = failed ? (
    <ErrorSummary
      errors={errors}
      heading={
        refusedHits.length > 0
          ? 'Dagsordenen er ikke offentliggjort: der er fundet mulige CPR-numre'
          : problems.length > 0 && errors.length === 0
            ? 'Handlingen blev ikke udført'
            : undefined
      }
    >
      {problems.length > 0 ? (
        <ul class="alert-text nobullet-list">
          {problems.map((p) => (
            <li>{p}</li>
          ))}
        </ul>
      ) : null}
      {refusedHits.length > 0 ? (
        <>
          <p class="alert-text">Intet er offentliggjort. Fjern numrene, eller markér et fund som kontrolleret, hvis det ikke er et CPR-nummer:</p>
          <ul class="alert-text nobullet-list">
            {refusedHits.map((h) => (
              <li>
                <a href={`#cpr-${h.fingerprint.slice(0, 16)}`}>{hitText(h)}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </ErrorSummary>
  ) : state.message ? (
    <SuccessAlert text={state.message} />
  ) : undefined;

  return (
    <EditorLayout
      title={failed ? `Fejl: ${meetingTitle(m)}` : meetingTitle(m)}
      principal={viewer.principal}
      csrfToken={csrf}
      section="meetings"
      breadcrumbs={meetingCrumbs(m)}
      summary={summary}
    >
      <h1>
        {meetingTitle(m)} <StateBadge state={m.state} cancelled={m.cancelled} />
      </h1>
      {props.links.length > 0 ? (
        <ul class="actions unstyled-list">
          {props.links
            .filter((l) => l.show?.(m.state) ?? true)
            .map((l) => (
              <li>
                <a class="button button-secondary" href={l.href(m.id)}>
                  {l.label}
                </a>
              </li>
            ))}
        </ul>
      ) : null}

      <h2 id="dagsorden">Dagsorden</h2>
      <ol class="item-list">
        {m.items.map((item, index) => (
          <li id={`punkt-${item.id}`}>
            <div class="item-head">
              <span class="item-number">{item.number}.</span>
              <a href={editorItemHref(item.id)}>{item.title}</a>
              {!item.public ? <span class="badge">Lukket punkt</span> : null}
              {item.standard !== null ? <span class="meta">Standardpunkt</span> : null}
              {item.caseNumber ? <span class="meta">Sag {item.caseNumber}</span> : null}
              <span class="meta">
                {item.attachments.length === 1 ? '1 bilag' : `${item.attachments.length} bilag`}
                {item.attachments.length > 0
                  ? ` (${item.attachments.map((a) => `${a.public ? 'offentligt' : 'lukket'}, ${textStatusShort[a.textStatus]}`).join('; ')})`
                  : ''}
              </span>
            </div>
            {!item.public && item.publicTitle ? <p class="meta">Offentlig titel: {item.publicTitle}</p> : null}
            {editable && item.standard === null ? (
              <div class="item-actions">
                {index > firstMovable ? (
                  <ActionForm
                    action={`${editorMeetingHref(m.id)}/flyt-punkt`}
                    csrf={csrf}
                    label="Flyt op"
                    srSuffix={`: punkt ${item.number}`}
                    hidden={{ itemId: item.id, retning: 'op', version: m.version }}
                  />
                ) : null}
                {index < lastMovable ? (
                  <ActionForm
                    action={`${editorMeetingHref(m.id)}/flyt-punkt`}
                    csrf={csrf}
                    label="Flyt ned"
                    srSuffix={`: punkt ${item.number}`}
                    hidden={{ itemId: item.id, retning: 'ned', version: m.version }}
                  />
                ) : null}
                <a class="button button-secondary" href={`${editorItemHref(item.id)}/slet`}>
                  Slet<span class="sr-only">{` punkt ${item.number}`}</span>
                </a>
                {props.targets.length > 0 ? (
                  <details class="move-details">
                    <summary>
                      Flyt til andet møde<span class="sr-only">{`: punkt ${item.number}`}</span>
                    </summary>
                    <form method="post" action={`${editorItemHref(item.id)}/flyt`} class="move-form">
                      <HiddenCsrf token={csrf} />
                      <input type="hidden" name="meetingId" value={m.id} />
                      <Select
                        id={`flyt-${item.id}`}
                        name="targetMeetingId"
                        label={`Flyt punkt ${item.number} til`}
                        options={props.targets}
                        placeholder="Vælg møde"
                        error={byField[`flyt-${item.id}`]}
                      />
                      <SubmitButton label="Flyt punktet" variant="secondary" />
                    </form>
                  </details>
                ) : null}
              </div>
            ) : null}
          </li>
        ))}
      </ol>
      {editable ? (
        <p>
          <a class="button button-primary" href={newItemHref(m.id)}>
            Tilføj punkt
          </a>
        </p>
      ) : null}

      <PublishedControls meeting={m} />
      <CprSection meeting={m} hits={props.hits} csrf={csrf} />
      <PersonalDataWarnings meetingId={m.id} warnings={props.warnings} csrf={csrf} />

      {!agendaIsPublic(m.state) && !m.cancelled ? (
        <section aria-labelledby="offentliggoer">
          <h2 id="offentliggoer">Offentliggør dagsorden</h2>
          <p>
            Dagsordenen bliver synlig på den offentlige portal uden lukkede punkters indhold og lukkede bilag. Alle offentlige tekster og bilag kontrolleres for
            CPR-numre først. Du ser dagsordenen, som portalen vil vise den, før du bekræfter.
          </p>
          <PreviewButton meetingId={m.id} kind="agenda" label="Forhåndsvis og offentliggør dagsorden" />
        </section>
      ) : null}

      <h2 id="moedets-oplysninger">Mødets oplysninger</h2>
      <form method="post" action={editorMeetingHref(m.id)} novalidate data-draft-key={`moede-${m.id}-${m.version}`}>
        <HiddenCsrf token={csrf} />
        <input type="hidden" name="version" value={String(m.version)} />
        <DateField id="date" label="Dato" required value={values.date} error={byField.date} />
        <MeetingTimeAndPlaceFields values={values} errors={byField} />
        {isPublic ? <ChangeNoteField error={byField.changeNote} value={values.changeNote} /> : null}
        <SubmitButton label="Gem mødets oplysninger" variant={isPublic ? 'secondary' : 'primary'} />
      </form>

      <h2 id="versioner">Offentliggjorte versioner</h2>
      {isPublic ? (
        <p>
          <a href={withdrawalHref(m.id)}>Træk en version eller et bilag tilbage, eller fjern en tekst</a>
        </p>
      ) : null}
      {m.publications.length === 0 ? (
        <p>Intet er offentliggjort endnu.</p>
      ) : (
        <div class="table-wrap">
          <table class="table">
            <caption class="sr-only">Offentliggjorte versioner</caption>
            <thead>
              <tr>
                <th scope="col">Version</th>
                <th scope="col">Offentliggjort</th>
                <th scope="col">Af</th>
                <th scope="col">Ændringsnote</th>
              </tr>
            </thead>
            <tbody>
              {m.publications.map((p) => (
                <tr>
                  <td>{`${publicationKindLabel[p.kind]}, version ${p.version}`}</td>
                  <td>{formatDateShort(p.publishedAt)}</td>
                  <td>{p.publishedBy}</td>
                  <td>{p.changeNote ?? '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {isPublic ? (
        <p>
          <a href={publicPaths.meeting(m.id)}>Se mødet på den offentlige portal</a>
        </p>
      ) : null}
    </EditorLayout>
  );
}

/** "Punkt 3 »Titel«, bilag »Budget« (budget.pdf), linje 12, kolonne 5: 130824-xxxx": the masked number only. */
export function hitText(h: CprHit): string {
  const where = [
    h.itemNumber !== null ? `Punkt ${h.itemNumber} »${h.itemTitle ?? ''}«` : 'Mødets oplysninger',
    h.attachmentId !== null ? `bilag »${h.attachmentTitle ?? ''}« (${h.field})` : `feltet »${h.field}«`,
    ...(h.line > 0 ? [`linje ${h.line}, kolonne ${h.column}`] : []),
  ].join(', ');
  if (h.reason === 'unscanned') return `${where}: bilaget har ingen læsbar tekst og skal kontrolleres manuelt`;
  return `${where}: ${h.masked}`;
}

function CprSection(props: { meeting: StaffMeeting; hits: CprHit[]; csrf: string }) {
  const m = props.meeting;
  return (
    <section aria-labelledby="cpr-kontrol">
      <h2 id="cpr-kontrol">CPR-kontrol</h2>
      {props.hits.length === 0 ? (
        <p>Ingen mulige CPR-numre i de offentlige tekster og bilag.</p>
      ) : (
        <>
          <p>
            {props.hits.length === 1 ? 'Der er 1 fund' : `Der er ${props.hits.length} fund`}, som blokerer offentliggørelsen. Ret teksten eller bilaget, eller
            markér fundet som kontrolleret, hvis det ikke er et CPR-nummer.
          </p>
          <ul class="cpr-hits">
            {props.hits.map((h) => (
              <li id={`cpr-${h.fingerprint.slice(0, 16)}`}>
                <span>{hitText(h)}</span>
                {h.itemId ? (
                  <>
                    {' '}
                    <a href={editorItemHref(h.itemId)}>Ret punkt {h.itemNumber ?? ''}</a>
                  </>
                ) : null}
                <ActionForm
                  action={`${editorMeetingHref(m.id)}/cpr-kontrolleret`}
                  csrf={props.csrf}
                  label={h.reason === 'unscanned' ? 'Markér som kontrolleret (ingen CPR-numre i bilaget)' : 'Markér som kontrolleret (ikke et CPR-nummer)'}
                  srSuffix={`: ${h.location}`}
                  hidden={{ fingerprint: h.fingerprint }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

// The item editor's pages: the item's fields (with the saved text beside a stale save), a
// new item, the editor and the delete confirmation. The routes are in item-editor.tsx.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { agendaIsPublic } from '../../domain/meeting.js';
import { sanitiseHtml } from '../../services/lifecycle/html.js';
import { type StaffItem } from '../../services/lifecycle/items.js';
import type { StaffMeeting } from '../../services/lifecycle/meetings.js';
import { AttachmentsSection, type UploadValues } from './attachments.js';
import { ChangeNoteField } from './change-note.js';
import { editorItemHref, editorMeetingHref } from './common.js';
import { ErrorSummary, type FieldError, errorsByField, HiddenCsrf, RadioGroup, SubmitButton, TextArea, TextField } from './forms.js';
import { EditorLayout, SuccessAlert } from './layout.js';
import { meetingCrumbs } from './meeting-editor.js';
import { type Viewer } from './page.js';

export const STALE_ITEM_MESSAGE = 'Punktet er blevet ændret af en anden, siden du åbnede det. Din tekst er ikke gemt endnu – sammenlign og gem igen.';

/** What the item form holds, as typed (strings), so a refused save shows it again. */
export interface ItemValues {
  title: string;
  caseNumber: string;
  caseTitle: string;
  /** 'aaben' | 'lukket' | '' (not chosen). */
  access: string;
  publicTitle: string;
  closedReason: string;
  sections: { kind: string; heading: string; text: string }[];
  changeNote: string;
}

export const sectionId = (i: number) => `section-${i}`;

// ---- pages ------------------------------------------------------------------------------

export function ItemFields(props: {
  values: ItemValues;
  errors: Record<string, string>;
  isNew: boolean;
  isStandard: boolean;
  current?: StaffItem | undefined;
}) {
  const { values, errors, current } = props;
  const closed = values.access === 'lukket';
  return (
    <>
      {props.isStandard ? (
        <p>
          <strong>Titel:</strong> {values.title} <span class="meta">(standardpunkt: titlen kan ikke ændres, og punktet er altid åbent)</span>
          <input type="hidden" name="title" value={values.title} />
          <input type="hidden" name="access" value="aaben" />
        </p>
      ) : (
        <>
          <Compare current={current ? current.title : undefined} label="Gemt titel">
            <TextField id="title" label="Titel" required value={values.title} error={errors.title} />
          </Compare>
          {props.isNew ? (
            <>
              <TextField
                id="caseNumber"
                label="Sagsnummer"
                optional
                hint="Fx 23-002364 eller 00.01.00-G01-1-24. Findes sagen, knyttes punktet til den; ellers oprettes en ny sag."
                inputClass="input-width-m"
                value={values.caseNumber}
                error={errors.caseNumber}
              />
              <TextField
                id="caseTitle"
                label="Sagens titel"
                optional
                hint="Kun for en ny sag; som standard punktets titel."
                value={values.caseTitle}
                error={errors.caseTitle}
              />
            </>
          ) : values.caseNumber ? (
            <p>
              <strong>Sag:</strong> {values.caseNumber}
            </p>
          ) : null}
          <Compare current={current ? (current.public ? 'Åbent punkt' : 'Lukket punkt') : undefined} label="Gemt">
            <RadioGroup
              id="access"
              label="Åbent eller lukket punkt"
              value={values.access}
              error={errors.access}
              options={[
                { value: 'aaben', label: 'Åbent punkt', hint: 'Punktet og dets offentlige bilag vises på portalen.' },
                { value: 'lukket', label: 'Lukket punkt', hint: 'Kun den neutrale titel vises offentligt (styrelseslovens § 10).' },
              ]}
            />
          </Compare>
          <div class="closed-fields" data-closed-fields="" {...(closed ? {} : { 'data-initially-hidden': '' })}>
            <p class="form-hint">Udfyldes kun for lukkede punkter.</p>
            <Compare current={current && !current.public ? (current.publicTitle ?? '') : undefined} label="Gemt neutral titel">
              <TextField
                id="publicTitle"
                label="Neutral titel (vises offentligt)"
                hint="Fx »Lukket punkt: Ejendomshandel«. Må ikke afsløre det fortrolige."
                value={values.publicTitle}
                error={errors.publicTitle}
              />
            </Compare>
            <TextField
              id="closedReason"
              label="Begrundelse for lukning"
              optional
              hint="Fx »Personsag« eller »Ejendomshandel«. Vises ikke offentligt."
              value={values.closedReason}
              error={errors.closedReason}
            />
          </div>
        </>
      )}
      <fieldset class="sections">
        <legend class="h2">Sagsfremstilling</legend>
        <p class="form-hint">
          Skriv almindelig tekst (tom linje mellem afsnit) eller enkel HTML: afsnit, fed, kursiv, lister, tabeller og links. Tomme afsnit gemmes ikke.
        </p>
        {values.sections.map((s, i) => {
          const saved = current?.sections.find((cs) => cs.heading.toLowerCase() === s.heading.toLowerCase());
          return (
            <div class="section-field">
              <input type="hidden" name="sectionHeading" value={s.heading} />
              <input type="hidden" name="sectionKind" value={s.kind} />
              <Compare
                current={current ? (saved ? (saved.html ?? saved.text) : '') : undefined}
                html={saved?.html !== null && saved?.html !== undefined}
                label={`Gemt »${s.heading}«`}
              >
                <TextArea id={sectionId(i)} name="sectionText" label={s.heading} rows={6} richText value={s.text} error={errors[sectionId(i)]} />
              </Compare>
            </div>
          );
        })}
      </fieldset>
    </>
  );
}

/**
 * The user's field and, after a stale save, the text saved by the other person beside it.
 * Without `current` only the field is shown.
 */
export function Compare(props: { current: string | undefined; label: string; html?: boolean; children?: Child }) {
  if (props.current === undefined) return <>{props.children}</>;
  return (
    <div class="compare">
      <div class="your-text">{props.children}</div>
      <section class="current-text" aria-label={props.label}>
        <p class="form-label">{props.label}</p>
        {props.current === '' ? (
          <p class="meta">(tom)</p>
        ) : props.html ? (
          <div>{raw(sanitiseHtml(props.current))}</div>
        ) : (
          <p style="white-space: pre-wrap">{props.current}</p>
        )}
      </section>
    </div>
  );
}

export function NewItemPage(props: { viewer: Viewer; meeting: StaffMeeting; values: ItemValues; errors: FieldError[] }) {
  const { viewer, meeting: m } = props;
  const errors = errorsByField(props.errors);
  return (
    <EditorLayout
      title={props.errors.length > 0 ? 'Fejl: Nyt punkt' : 'Nyt punkt'}
      principal={viewer.principal}
      csrfToken={viewer.csrf}
      section="meetings"
      breadcrumbs={meetingCrumbs(m, 'Nyt punkt')}
      summary={<ErrorSummary errors={props.errors} />}
    >
      <h1>Nyt punkt</h1>
      <form method="post" action={`${editorMeetingHref(m.id)}/punkter`} novalidate data-draft-key={`nyt-punkt-${m.id}`} data-warn-unsaved="">
        <HiddenCsrf token={viewer.csrf} />
        <ItemFields values={props.values} errors={errors} isNew isStandard={false} />
        {agendaIsPublic(m.state) ? <ChangeNoteField error={errors.changeNote} value={props.values.changeNote} /> : null}
        <div class="actions">
          <SubmitButton label="Opret punktet" />
          <a href={editorMeetingHref(m.id)}>Fortryd</a>
        </div>
      </form>
    </EditorLayout>
  );
}

export function ItemEditorPage(props: {
  viewer: Viewer;
  meeting: StaffMeeting;
  item: StaffItem;
  values: ItemValues;
  errors: FieldError[];
  stale: boolean;
  message: string | undefined;
  uploadErrors: FieldError[];
  uploadValues: UploadValues | undefined;
}) {
  const { viewer, meeting: m, item } = props;
  const errors = errorsByField(props.errors);
  const allErrors = [...props.errors, ...props.uploadErrors];
  const heading = `Punkt ${item.number}: ${item.title}`;
  const failed = allErrors.length > 0 || props.stale;
  // After the minutes are out the text can still be corrected (a typo): the save needs a
  // change note and publishes a new minutes version (updateItem → republish).
  const afterMinutes = m.state === 'minutes_published';
  return (
    <EditorLayout
      title={failed ? `Fejl: ${heading}` : heading}
      principal={viewer.principal}
      csrfToken={viewer.csrf}
      section="meetings"
      breadcrumbs={meetingCrumbs(m, `Punkt ${item.number}`)}
      summary={
        props.stale ? (
          <ErrorSummary
            errors={[{ field: item.standard === null || props.values.sections.length === 0 ? 'title' : sectionId(0), text: STALE_ITEM_MESSAGE }]}
            heading="Punktet er ikke gemt"
          />
        ) : failed ? (
          <ErrorSummary errors={allErrors} />
        ) : props.message ? (
          <SuccessAlert text={props.message} />
        ) : undefined
      }
    >
      <h1>{heading}</h1>
      {!item.public ? (
        <p>
          <span class="badge">Lukket punkt</span>
        </p>
      ) : null}
      {props.stale ? (
        <p>
          Til venstre står din tekst, som den er i formularen; til højre står den version, som er gemt nu. Ret din tekst til, og tryk »Gem punktet« igen. Gemmer
          du, erstatter din tekst den gemte.
        </p>
      ) : null}
      {afterMinutes ? <p>Referatet er offentliggjort. Ret kun fejl her: når du gemmer, udgives en ny version af referatet med din ændringsnote.</p> : null}
      {
        <form
          method="post"
          action={editorItemHref(item.id)}
          novalidate
          data-draft-key={`punkt-${item.id}`}
          data-draft-version={String(item.version)}
          data-warn-unsaved=""
        >
          <HiddenCsrf token={viewer.csrf} />
          <input type="hidden" name="version" value={String(item.version)} />
          <ItemFields values={props.values} errors={errors} isNew={false} isStandard={item.standard !== null} current={props.stale ? item : undefined} />
          {agendaIsPublic(m.state) ? <ChangeNoteField error={errors.changeNote} value={props.values.changeNote} /> : null}
          <div class="actions">
            <SubmitButton label="Gem punktet" />
            <a href={editorMeetingHref(m.id)}>Tilbage til mødet</a>
          </div>
        </form>
      }
      <AttachmentsSection viewer={viewer} meeting={m} item={item} errors={props.uploadErrors} values={props.uploadValues} />
    </EditorLayout>
  );
}

export function DeleteItemPage(props: { viewer: Viewer; meeting: StaffMeeting; item: StaffItem; errors: FieldError[] }) {
  const { viewer, meeting: m, item } = props;
  const errors = errorsByField(props.errors);
  return (
    <EditorLayout
      title={props.errors.length > 0 ? `Fejl: Slet punkt ${item.number}` : `Slet punkt ${item.number}`}
      principal={viewer.principal}
      csrfToken={viewer.csrf}
      section="meetings"
      breadcrumbs={meetingCrumbs(m, `Slet punkt ${item.number}`)}
      summary={<ErrorSummary errors={props.errors} />}
    >
      <h1>Slet punkt {item.number}?</h1>
      <p>
        »{item.title}« slettes fra dagsordenen sammen med dets afsnit og {item.attachments.length === 1 ? '1 bilag' : `${item.attachments.length} bilag`}. Det
        kan ikke fortrydes.
      </p>
      <form method="post" action={`${editorItemHref(item.id)}/slet`} novalidate>
        <HiddenCsrf token={viewer.csrf} />
        {agendaIsPublic(m.state) ? <ChangeNoteField error={errors.changeNote} /> : null}
        <div class="actions">
          <SubmitButton label="Slet punktet" variant="warning" id="slet" />
          <a href={editorMeetingHref(m.id)}>Fortryd</a>
        </div>
      </form>
    </EditorLayout>
  );
}

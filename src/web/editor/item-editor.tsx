// The item editor (/redigering/punkter/:id) and a new item (/redigering/moeder/:id/punkter/nyt):
// title, case, open or closed (with the neutral public title and the reason), and the
// sections of the municipality's template as rich text. Optimistic locking: the form carries
// the item's `version`; a save over someone else's newer save is refused and the page shows
// the user's text in the form and the saved text beside it, so nothing typed is lost.
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { Principal } from '../../domain/access.js';
import { type SectionKind, sectionKinds } from '../../domain/agenda-item.js';
import { agendaIsPublic } from '../../domain/meeting.js';
import { sanitiseHtml } from '../../services/lifecycle/html.js';
import { addItem, deleteItem, getItemForStaff, type SectionInput, type StaffItem, updateItem } from '../../services/lifecycle/items.js';
import type { StaffMeeting } from '../../services/lifecycle/meetings.js';
import { sectionTemplate } from '../../services/lifecycle/section-template.js';
import type { AuthEnv, StaffDeps } from '../auth/context.js';
import { AttachmentsSection } from './attachments.js';
import { ChangeNoteField, needsChangeNote, postedChangeNote } from './change-note.js';
import { editorItemHref, editorMeetingHref } from './common.js';
import {
  checkForm,
  ErrorSummary,
  type FieldError,
  errorsByField,
  type FormBody,
  formInt,
  formText,
  formTexts,
  HiddenCsrf,
  isFormError,
  RadioGroup,
  SubmitButton,
  TextArea,
  TextField,
} from './forms.js';
import { EditorLayout, SuccessAlert } from './layout.js';
import { meetingCrumbs, meetingForEditor } from './meeting-editor.js';
import { editorPage, flash, flashMessage, requireEditorViewer, seeOther, type Viewer } from './page.js';

export const ITEM_SAVED = flash('Punktet er gemt');
const ITEM_CREATED = flash('Punktet er oprettet. Du kan nu tilføje bilag.');
const ITEM_DELETED = flash('Punktet er slettet');

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

const sectionId = (i: number) => `section-${i}`;

/** The item's and the service's field names → this form's input ids. */
function itemFieldId(where: string, sectionIndex: (serviceIndex: number) => number): string | undefined {
  const m = /^sections\[(\d+)\]/.exec(where);
  if (m) return sectionId(sectionIndex(Number(m[1])));
  const map: Record<string, string> = {
    title: 'title',
    public: 'access',
    publicTitle: 'publicTitle',
    closedReason: 'closedReason',
    caseNumber: 'caseNumber',
    caseTitle: 'caseTitle',
    changeNote: 'changeNote',
    sections: sectionId(0),
  };
  return map[where];
}

function readItemForm(body: FormBody): ItemValues {
  const headings = formTexts(body, 'sectionHeading');
  const kinds = formTexts(body, 'sectionKind');
  const texts = formTexts(body, 'sectionText');
  return {
    title: formText(body, 'title'),
    caseNumber: formText(body, 'caseNumber'),
    caseTitle: formText(body, 'caseTitle'),
    access: formText(body, 'access'),
    publicTitle: formText(body, 'publicTitle'),
    closedReason: formText(body, 'closedReason'),
    sections: headings.map((heading, i) => ({ heading, kind: kinds[i] ?? '', text: texts[i] ?? '' })),
    changeNote: formText(body, 'changeNote'),
  };
}

const LOOKS_LIKE_HTML = /<\/?[a-z][a-z0-9]*(\s[^>]*)?>/i;
const isEmptyText = (text: string) => text.replace(/<[^>]*>/g, '').replace(/&nbsp;/g, ' ').trim() === '';

/**
 * The sections to save: empty ones are left out (the template brings their headings back
 * when the item is opened again). Text with tags is HTML (the rich-text field, or HTML typed
 * without JavaScript; the service sanitises it), anything else plain paragraphs.
 */
function sectionsToSave(values: ItemValues): { sections: SectionInput[]; formIndex: number[] } {
  const sections: SectionInput[] = [];
  const formIndex: number[] = [];
  values.sections.forEach((s, i) => {
    if (isEmptyText(s.text)) return;
    const kind = (sectionKinds as readonly string[]).includes(s.kind) ? (s.kind as SectionKind) : undefined;
    sections.push({ heading: s.heading, ...(kind ? { kind } : {}), ...(LOOKS_LIKE_HTML.test(s.text) ? { html: s.text } : { text: s.text.replace(/\r\n?/g, '\n').trim() }) });
    formIndex.push(i);
  });
  return { sections, formIndex };
}

const itemForm = (isStandard: boolean) =>
  z
    .object({
      title: z.string(),
      access: z.string(),
      publicTitle: z.string(),
    })
    .superRefine((v, ctx) => {
      if (!isStandard && v.title.trim() === '') ctx.addIssue({ code: 'custom', path: ['title'], message: 'Skriv punktets titel' });
      if (v.access !== 'aaben' && v.access !== 'lukket') ctx.addIssue({ code: 'custom', path: ['access'], message: 'Vælg, om punktet er åbent eller lukket' });
      if (v.access === 'lukket' && v.publicTitle.trim() === '') {
        ctx.addIssue({ code: 'custom', path: ['publicTitle'], message: 'Et lukket punkt skal have en neutral titel, som offentligheden kan se (fx »Lukket punkt: Ejendomshandel«)' });
      }
    });

/** The form's values for an item as saved, with the template's missing headings added (empty). */
function valuesOfItem(item: StaffItem, template: { kind: string; heading: string }[]): ItemValues {
  const sections: ItemValues['sections'] = item.sections.map((s) => ({ kind: s.kind, heading: s.heading, text: s.html ?? s.text }));
  if (item.standard === null) {
    // The template's headings in the template's order, each with its saved text; sections
    // the template does not know (imported, or an older template) keep their own order.
    const key = (h: string) => h.trim().toLowerCase();
    const inTemplate = new Set(template.map((t) => key(t.heading)));
    if (sections.every((s) => inTemplate.has(key(s.heading)))) {
      const saved = new Map(sections.map((s) => [key(s.heading), s]));
      sections.splice(0, sections.length, ...template.map((t) => saved.get(key(t.heading)) ?? { kind: t.kind, heading: t.heading, text: '' }));
    } else {
      const have = new Set(sections.map((s) => key(s.heading)));
      for (const t of template) if (!have.has(key(t.heading))) sections.push({ kind: t.kind, heading: t.heading, text: '' });
    }
  } else if (sections.length === 0) {
    // A standard item ("Eventuelt") has no case presentation, but may get a note.
    sections.push({ kind: 'other', heading: 'Bemærkninger', text: '' });
  }
  return {
    title: item.title,
    caseNumber: item.caseNumber ?? '',
    caseTitle: '',
    access: item.public ? 'aaben' : 'lukket',
    publicTitle: item.publicTitle ?? '',
    closedReason: item.closedReason ?? '',
    sections,
    changeNote: '',
  };
}

async function templateOf(deps: StaffDeps, bodyId: string) {
  return sectionTemplate(deps.database.db, bodyId);
}

async function loadItem(deps: StaffDeps, principal: Principal, itemId: string): Promise<{ meeting: StaffMeeting; item: StaffItem }> {
  const found = await getItemForStaff(deps, principal, itemId);
  const meeting = await meetingForEditor(deps, principal, found.meetingId);
  const item = meeting.items.find((i) => i.id === itemId) ?? found;
  return { meeting, item };
}

export function registerItemEditorRoutes(app: Hono<AuthEnv>, deps: StaffDeps): void {
  const showItem = async (
    c: Context<AuthEnv>,
    viewer: Viewer,
    itemId: string,
    state: { values?: ItemValues; errors?: FieldError[]; stale?: boolean; message?: string | undefined; uploadErrors?: FieldError[]; uploadValues?: UploadValues },
    status: 200 | 400 | 409 = 200,
  ) => {
    const { meeting, item } = await loadItem(deps, viewer.principal, itemId);
    const template = await templateOf(deps, meeting.bodyId);
    return editorPage(
      c,
      <ItemEditorPage
        viewer={viewer}
        meeting={meeting}
        item={item}
        values={state.values ?? valuesOfItem(item, template)}
        errors={state.errors ?? []}
        stale={state.stale ?? false}
        message={state.message}
        uploadErrors={state.uploadErrors ?? []}
        uploadValues={state.uploadValues}
      />,
      status,
    );
  };
  itemPageRenderer = showItem;

  app.get('/redigering/moeder/:id/punkter/nyt', async (c) => {
    const viewer = requireEditorViewer(c);
    const meeting = await meetingForEditor(deps, viewer.principal, c.req.param('id'));
    const template = await templateOf(deps, meeting.bodyId);
    const values: ItemValues = {
      title: '',
      caseNumber: '',
      caseTitle: '',
      access: 'aaben',
      publicTitle: '',
      closedReason: '',
      sections: template.map((t) => ({ kind: t.kind, heading: t.heading, text: '' })),
      changeNote: '',
    };
    return editorPage(c, <NewItemPage viewer={viewer} meeting={meeting} values={values} errors={[]} />);
  });

  app.post('/redigering/moeder/:id/punkter', async (c) => {
    const viewer = requireEditorViewer(c);
    const meetingId = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    const values = readItemForm(body);
    const fail = async (errors: FieldError[], status: 400 | 409 = 400) => {
      const meeting = await meetingForEditor(deps, viewer.principal, meetingId);
      return editorPage(c, <NewItemPage viewer={viewer} meeting={meeting} values={values} errors={errors} />, status);
    };
    const checked = checkForm(itemForm(false), values);
    if (!checked.ok) return fail(checked.errors);
    const { sections, formIndex } = sectionsToSave(values);
    try {
      const isPublic = values.access === 'aaben';
      const changeNote = postedChangeNote(body);
      const created = await addItem(deps, viewer.principal, meetingId, {
        title: values.title,
        public: isPublic,
        publicTitle: isPublic ? null : values.publicTitle,
        closedReason: isPublic ? null : values.closedReason,
        caseNumber: values.caseNumber.trim() || null,
        caseTitle: values.caseTitle.trim() || null,
        sections,
        ...(changeNote === undefined ? {} : { changeNote }),
      });
      return seeOther(c, editorItemHref(created.id), ITEM_CREATED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      const field = (e.where !== undefined ? itemFieldId(e.where, (i) => formIndex[i] ?? 0) : undefined) ?? 'title';
      return fail([{ field, text: e.message }], e.code === 'invalid_input' ? 400 : 409);
    }
  });

  app.get('/redigering/punkter/:id', async (c) => {
    const viewer = requireEditorViewer(c);
    return showItem(c, viewer, c.req.param('id'), { message: flashMessage(c) });
  });

  app.post('/redigering/punkter/:id', async (c) => {
    const viewer = requireEditorViewer(c);
    const itemId = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    const values = readItemForm(body);
    const { item } = await loadItem(deps, viewer.principal, itemId);
    const isStandard = item.standard !== null;
    const checked = checkForm(itemForm(isStandard), values);
    if (!checked.ok) return showItem(c, viewer, itemId, { values, errors: checked.errors }, 400);
    const { sections, formIndex } = sectionsToSave(values);
    try {
      const isPublic = values.access === 'aaben';
      const changeNote = postedChangeNote(body);
      await updateItem(deps, viewer.principal, itemId, {
        version: formInt(body, 'version'),
        ...(isStandard ? {} : { title: values.title, public: isPublic, publicTitle: isPublic ? null : values.publicTitle, closedReason: isPublic ? null : values.closedReason }),
        sections,
        ...(changeNote === undefined ? {} : { changeNote }),
      });
      return seeOther(c, editorItemHref(itemId), ITEM_SAVED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      if (e.code === 'conflict' && e.where === 'version') return showItem(c, viewer, itemId, { values, stale: true }, 409);
      const field = (e.where !== undefined ? itemFieldId(e.where, (i) => formIndex[i] ?? 0) : undefined) ?? 'title';
      return showItem(c, viewer, itemId, { values, errors: [{ field, text: e.message }] }, e.code === 'invalid_input' ? 400 : 409);
    }
  });

  // Deleting asks first (a page, so it works without JavaScript), with the change note when needed.
  app.get('/redigering/punkter/:id/slet', async (c) => {
    const viewer = requireEditorViewer(c);
    const { meeting, item } = await loadItem(deps, viewer.principal, c.req.param('id'));
    return editorPage(c, <DeleteItemPage viewer={viewer} meeting={meeting} item={item} errors={[]} />);
  });

  app.post('/redigering/punkter/:id/slet', async (c) => {
    const viewer = requireEditorViewer(c);
    const itemId = c.req.param('id');
    const body = await c.req.parseBody();
    const { meeting, item } = await loadItem(deps, viewer.principal, itemId);
    try {
      const changeNote = postedChangeNote(body);
      await deleteItem(deps, viewer.principal, itemId, changeNote === undefined ? {} : { changeNote });
      return seeOther(c, editorMeetingHref(meeting.id), ITEM_DELETED);
    } catch (e) {
      if (!isFormError(e)) throw e;
      const field = needsChangeNote(e) ? 'changeNote' : 'slet';
      return editorPage(c, <DeleteItemPage viewer={viewer} meeting={meeting} item={item} errors={[{ field, text: e.message }]} />, e.code === 'invalid_input' ? 400 : 409);
    }
  });
}

/** Set by registerItemEditorRoutes: the attachment routes re-render the item page with their errors. */
export let itemPageRenderer:
  | ((
      c: Context<AuthEnv>,
      viewer: Viewer,
      itemId: string,
      state: { message?: string | undefined; uploadErrors?: FieldError[]; uploadValues?: UploadValues },
      status?: 200 | 400 | 409,
    ) => Promise<Response>)
  | null = null;

export interface UploadValues {
  title: string;
  public: boolean;
  changeNote: string;
}

// ---- pages ------------------------------------------------------------------------------

function ItemFields(props: { values: ItemValues; errors: Record<string, string>; isNew: boolean; isStandard: boolean; current?: StaffItem | undefined }) {
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
              <TextField id="caseTitle" label="Sagens titel" optional hint="Kun for en ny sag; som standard punktets titel." value={values.caseTitle} error={errors.caseTitle} />
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
            <TextField id="closedReason" label="Begrundelse for lukning" optional hint="Fx »Personsag« eller »Ejendomshandel«. Vises ikke offentligt." value={values.closedReason} error={errors.closedReason} />
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
              <Compare current={current ? (saved ? (saved.html ?? saved.text) : '') : undefined} html={saved?.html !== null && saved?.html !== undefined} label={`Gemt »${s.heading}«`}>
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
function Compare(props: { current: string | undefined; label: string; html?: boolean; children?: Child }) {
  if (props.current === undefined) return <>{props.children}</>;
  return (
    <div class="compare">
      <div class="your-text">{props.children}</div>
      <section class="current-text" aria-label={props.label}>
        <p class="form-label">{props.label}</p>
        {props.current === '' ? <p class="meta">(tom)</p> : props.html ? <div>{raw(sanitiseHtml(props.current))}</div> : <p style="white-space: pre-wrap">{props.current}</p>}
      </section>
    </div>
  );
}

function NewItemPage(props: { viewer: Viewer; meeting: StaffMeeting; values: ItemValues; errors: FieldError[] }) {
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

function ItemEditorPage(props: {
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
  const editable = m.state !== 'minutes_published';
  return (
    <EditorLayout
      title={failed ? `Fejl: ${heading}` : heading}
      principal={viewer.principal}
      csrfToken={viewer.csrf}
      section="meetings"
      breadcrumbs={meetingCrumbs(m, `Punkt ${item.number}`)}
      summary={
        props.stale ? (
          <ErrorSummary errors={[{ field: item.standard === null || props.values.sections.length === 0 ? 'title' : sectionId(0), text: STALE_ITEM_MESSAGE }]} heading="Punktet er ikke gemt" />
        ) : failed ? (
          <ErrorSummary errors={allErrors} />
        ) : props.message ? (
          <SuccessAlert text={props.message} />
        ) : undefined
      }
    >
      <h1>{heading}</h1>
      {!item.public ? <p><span class="badge">Lukket punkt</span></p> : null}
      {props.stale ? (
        <p>
          Til venstre står din tekst, som den er i formularen; til højre står den version, som er gemt nu. Ret din tekst til, og tryk »Gem punktet« igen. Gemmer du, erstatter din
          tekst den gemte.
        </p>
      ) : null}
      {editable ? (
        <form method="post" action={editorItemHref(item.id)} novalidate data-draft-key={`punkt-${item.id}`} data-draft-version={String(item.version)} data-warn-unsaved="">
          <HiddenCsrf token={viewer.csrf} />
          <input type="hidden" name="version" value={String(item.version)} />
          <ItemFields values={props.values} errors={errors} isNew={false} isStandard={item.standard !== null} current={props.stale ? item : undefined} />
          {agendaIsPublic(m.state) ? <ChangeNoteField error={errors.changeNote} value={props.values.changeNote} /> : null}
          <div class="actions">
            <SubmitButton label="Gem punktet" />
            <a href={editorMeetingHref(m.id)}>Tilbage til mødet</a>
          </div>
        </form>
      ) : (
        <p>Referatet er offentliggjort; punktet kan ikke længere redigeres her.</p>
      )}
      <AttachmentsSection viewer={viewer} meeting={m} item={item} errors={props.uploadErrors} values={props.uploadValues} />
    </EditorLayout>
  );
}

function DeleteItemPage(props: { viewer: Viewer; meeting: StaffMeeting; item: StaffItem; errors: FieldError[] }) {
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
        »{item.title}« slettes fra dagsordenen sammen med dets afsnit og {item.attachments.length === 1 ? '1 bilag' : `${item.attachments.length} bilag`}. Det kan ikke fortrydes.
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
